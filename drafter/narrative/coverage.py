"""Whether a figure can be compared with another period: a district's rolled-up figures
cannot while some communes have not reported (a sum over 1 commune against one over 14)."""

from __future__ import annotations

from collections.abc import Callable

from drafter.combine.rollup import Rollup
from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType


def _rolled_up(catalogue: Catalogue, key: str, seen: frozenset[str] = frozenset()) -> bool:
    indicator = catalogue[key]
    if indicator.rollup or key in seen:
        return bool(indicator.rollup)
    if indicator.type is ValueType.RATE:
        return any(_rolled_up(catalogue, k, seen | {key})
                   for k in (indicator.numerator, indicator.denominator))
    if indicator.type is ValueType.SUM:
        return any(_rolled_up(catalogue, part, seen | {key}) for part in indicator.parts)
    return False


def comparable(catalogue: Catalogue, rollup: Rollup | None) -> Callable[[str], bool]:
    """``comparable(key)``: ``False`` for a figure summed from communes when the roll-up lacks
    some of them; ``True`` otherwise."""
    incomplete = rollup is not None and bool(rollup.missing)

    def check(key: str) -> bool:
        return not (incomplete and _rolled_up(catalogue, key))

    return check
