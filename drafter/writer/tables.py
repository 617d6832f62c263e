"""The bordered statistical tables: header rows repeat, rows never split, widths fill the
text width. Built as XML elements (:mod:`drafter.writer.elements`); any table block goes
through here, the appendix layout and a pack's own column widths alike."""

from __future__ import annotations

from functools import cache
from typing import Any

from drafter.narrative.blocks import RowKind, Table
from drafter.writer import elements, layout
from drafter.writer.elements import Format, twips_mm


def data_table(end: Any, block: Table, text_width: float, style_id: str) -> None:
    """``block`` as a bordered table filling ``text_width`` mm, placed before ``end``; every
    cell paragraph in the style ``style_id``."""
    widths = layout.column_widths(block.widths or layout.APPENDIX_COLUMNS, text_width)
    twips = [twips_mm(width) for width in widths]
    notes_column = len(widths) - 1 if not block.widths else -1
    tbl = elements.table(twips, "single")
    for row_block in block.rows:
        head = row_block.kind is RowKind.HEAD
        cells = elements.row(tbl, twips, header=head)
        for index, cell in enumerate(cells):
            if index >= len(row_block.cells):
                elements.paragraph(Format(style=style_id), cell)
                continue
            fmt = _cell_format(style_id, row_block.kind, row_block.depth, index,
                               index == notes_column, bool(block.widths))
            elements.run(elements.paragraph(fmt, cell), row_block.cells[index],
                         bold=head or row_block.kind is RowKind.GROUP,
                         italic=row_block.kind is RowKind.SUB)
    elements.insert(tbl, end)


@cache
def _cell_format(style_id: str, kind: RowKind, depth: int, index: int, notes: bool,
                 custom: bool) -> Format:
    head = kind is RowKind.HEAD
    align, left = "", None
    if index == 1 and not head:
        # Unit names in narrow custom tables would stretch when justified.
        align = "left" if custom else "both"
        left = twips_mm(0 if kind is RowKind.GROUP else 3 * (depth - 1))
    elif notes and not head:
        align = "left"
    # A group row left alone at the foot of a page goes over with its first item.
    return Format(style=style_id, keep_next=kind is RowKind.GROUP, left=left, align=align)
