"""What an aggregated report's templates see of the units reporting to it after a roll-up:
its communes, and a province's departments — the per-unit table, who reported and who is
still in draft, where each stands on the pack's key rates, and their index of the year
before."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from drafter.combine.rollup import Received, Rollup
from drafter.domain.appendix_layout import CommuneTable
from drafter.domain.figures import Figures
from drafter.domain.ranking import rank_scores
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.narrative.context import cell_value
from drafter.narrative.ranking_view import RankingView, ranking_view
from drafter.narrative.standings import Standing, standing
from drafter.packs.load import TemplatePack
from drafter.vi.text import lower_first, sentence_case


@dataclass(frozen=True)
class CommuneRow:
    """One row of the per-commune appendix: ``received`` is final, draft or missing."""

    stt: str
    name: str
    cells: tuple[str, ...]
    received: str


@dataclass(frozen=True)
class Communes:
    """The units of a roll-up (communes, or a province's departments), ready for templates;
    ``total`` holds the cells of the units whose report arrived, summed, with rates
    recomputed from the summed counts; ``kinds`` the kind words of the units present, in
    listing order (``xã``, ``phường``). Units are named as running text names them
    (``xã Bản Máy``) in ``received``, ``missing``, ``drafts`` and ``formed``; ``positive``
    counts, by indicator key, the reports that give a value above zero; ``standings`` where they
    stand on the pack's key rates; ``index`` their CCHC index of the year before, when
    stored; ``formed`` the units formed by a merger, from ``predecessors`` units; ``by_kind``
    how many of each kind; ``columns`` the keys the table shows."""

    label: str
    title: str
    headings: tuple[str, ...]
    rows: tuple[CommuneRow, ...]
    total: tuple[str, ...]
    count: int
    received: tuple[str, ...]
    missing: tuple[str, ...]
    kinds: tuple[str, ...]
    drafts: tuple[str, ...] = ()
    positive: dict[str, int] = field(default_factory=dict)
    standings: dict[str, Standing] = field(default_factory=dict)
    index: RankingView | None = None
    formed: tuple[str, ...] = ()
    predecessors: int = 0
    by_kind: tuple[tuple[str, int], ...] = ()
    columns: tuple[str, ...] = ()


def _name(unit: Unit) -> str:
    return sentence_case(f"{unit.label}")


def _cells(figures: Figures, table: CommuneTable, missing: str, undefined: str) -> tuple[str, ...]:
    cells = []
    for key, _ in table.columns:
        value, is_undefined = cell_value(figures, key, missing, "Có", "Không")
        cells.append(undefined if is_undefined else value)
    return tuple(cells)


def _positive(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and value > 0


def _index(rollup: Rollup, pack: TemplatePack) -> RankingView | None:
    if not rollup.index or pack.ranking is None:
        return None
    ranked = rank_scores(rollup.index, pack.ranking)
    return ranking_view(ranked, pack.ranking, rollup.index_year, pack.missing_cell,
                        rollup.parent)


def communes_context(rollup: Rollup, pack: TemplatePack,
                     table: CommuneTable | None = None) -> Communes | None:
    """The per-unit table and lists of a roll-up, with ``table`` (default: the pack's table
    of communes); ``None`` when the pack declares none."""
    catalogue = pack.catalogue
    table = table or catalogue.commune_table
    if table is None:
        return None
    missing_cell, undefined = pack.missing_cell, pack.undefined_note
    rows = []
    by_unit = rollup.commune_figures(catalogue)
    for index, (line, figures) in enumerate(by_unit, start=1):
        cells = (_cells(figures, table, missing_cell, undefined) if figures
                 else tuple(missing_cell for _ in table.columns))
        rows.append(CommuneRow(str(index), _name(line.unit), cells, line.received.value))
    totals = Figures(catalogue, dict(rollup.totals))
    units = [(line.unit, figures) for line, figures in by_unit]
    formed = [line.unit for line in rollup.lines if line.unit.predecessors]
    return Communes(
        label=table.label,
        title=table.title,
        headings=tuple(heading for _, heading in table.columns),
        rows=tuple(rows),
        total=_cells(totals, table, missing_cell, undefined),
        count=len(rollup.lines),
        # Named in running text: "xã Bản Máy", as the unit is written mid-sentence.
        received=tuple(line.unit.label for line in rollup.lines if line.report is not None),
        missing=tuple(unit.label for unit in rollup.missing),
        kinds=kinds_of(line.unit for line in rollup.lines),
        drafts=tuple(line.unit.label for line in rollup.lines
                     if line.received is Received.DRAFT),
        positive={indicator.key: sum(1 for _, figures in units if figures is not None
                                     and _positive(figures.value(indicator.key)))
                  for indicator in catalogue if not indicator.derived},
        standings={key: found for key, rule in pack.standings.items()
                   if (found := standing(rule, units,
                                         rule.label or lower_first(catalogue[key].label)))
                   is not None},
        index=_index(rollup, pack),
        formed=tuple(unit.label for unit in formed),
        predecessors=sum(len(unit.predecessors) for unit in formed),
        by_kind=tuple((kind, sum(1 for line in rollup.lines if line.unit.kind == kind))
                      for kind in kinds_of(line.unit for line in rollup.lines)),
        columns=tuple(key for key, _ in table.columns),
    )


def departments_context(rollup: Rollup, pack: TemplatePack) -> Communes | None:
    """A province's departments after a roll-up, as :func:`communes_context` gives its
    communes (with the pack's table of departments, else the communes' columns)."""
    catalogue = pack.catalogue
    table = catalogue.department_table or catalogue.commune_table
    return communes_context(rollup, pack, table)
