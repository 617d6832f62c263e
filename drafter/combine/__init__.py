"""How figures combine, pure (no store, no files): over units — a province's (a district's)
figures rolled up from its communes' — and over a merger — a merged unit's earlier periods
summed from its predecessors'. Rates are always derived again from the combined counts."""
