"""What an aggregated report's templates see of its communes after a roll-up."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.combine.rollup import Rollup
from drafter.domain.appendix_layout import CommuneTable
from drafter.domain.figures import Figures
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.narrative.context import cell_value
from drafter.packs.load import TemplatePack
from drafter.vi.text import sentence_case


@dataclass(frozen=True)
class CommuneRow:
    """One row of the per-commune appendix: ``received`` is final, draft or missing."""

    stt: str
    name: str
    cells: tuple[str, ...]
    received: str


@dataclass(frozen=True)
class Communes:
    """The communes of a roll-up, ready for templates; ``total`` holds the cells of the
    communes whose report arrived, summed, with rates recomputed from the summed counts;
    ``kinds`` the kind words of the communes present, in listing order (``xã``, ``phường``)."""

    label: str
    title: str
    headings: tuple[str, ...]
    rows: tuple[CommuneRow, ...]
    total: tuple[str, ...]
    count: int
    received: tuple[str, ...]
    missing: tuple[str, ...]
    kinds: tuple[str, ...]


def _name(unit: Unit) -> str:
    return sentence_case(f"{unit.label}")


def _cells(figures: Figures, table: CommuneTable, missing: str, undefined: str) -> tuple[str, ...]:
    cells = []
    for key, _ in table.columns:
        value, is_undefined = cell_value(figures, key, missing, "Có", "Không")
        cells.append(undefined if is_undefined else value)
    return tuple(cells)


def communes_context(rollup: Rollup, pack: TemplatePack) -> Communes | None:
    """The per-commune table and lists of a roll-up; ``None`` when the pack declares none."""
    catalogue = pack.catalogue
    table = catalogue.commune_table
    if table is None:
        return None
    missing_cell, undefined = pack.missing_cell, pack.undefined_note
    rows = []
    for index, (line, figures) in enumerate(rollup.commune_figures(catalogue), start=1):
        cells = (_cells(figures, table, missing_cell, undefined) if figures
                 else tuple(missing_cell for _ in table.columns))
        rows.append(CommuneRow(str(index), _name(line.unit), cells, line.received.value))
    totals = Figures(catalogue, dict(rollup.totals))
    return Communes(
        label=table.label,
        title=table.title,
        headings=tuple(heading for _, heading in table.columns),
        rows=tuple(rows),
        total=_cells(totals, table, missing_cell, undefined),
        count=len(rollup.lines),
        received=tuple(_name(line.unit) for line in rollup.lines if line.report is not None),
        missing=tuple(_name(unit) for unit in rollup.missing),
        kinds=kinds_of(line.unit for line in rollup.lines),
    )
