"""The bordered statistical tables: header rows repeat, rows never split, widths fill the
text width. Built as XML elements (:mod:`drafter.writer.elements`); any table block goes
through here, the appendix layout and a pack's own column widths alike."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from drafter.narrative.blocks import RowKind, Table
from drafter.writer import elements, layout
from drafter.writer.elements import Format, twips_mm


def data_table(end: Any, block: Table, text_width: float, style_id: str) -> None:
    """``block`` as a bordered table filling ``text_width`` mm, placed before ``end``; every
    cell paragraph in the style ``style_id``."""
    widths = layout.column_widths(block.widths or layout.APPENDIX_COLUMNS, text_width)
    twips = tuple(twips_mm(width) for width in widths)
    notes_column = len(widths) - 1 if not block.widths else -1
    shape = tuple((row.kind, row.depth, len(row.cells)) for row in block.rows)
    # Tables of one shape (the appendix of every commune of a pack) differ only in their
    # text: the shape is built once, copied whole, and filled.
    tbl = _table(style_id, twips, notes_column, bool(block.widths), shape).__copy__()
    texts = [text for row in block.rows for text in row.cells]
    for slot, text in zip(tbl.iter(elements.TEXT), texts, strict=True):
        elements.fill(slot, text)
    elements.insert(tbl, end)


@lru_cache(maxsize=32)
def _table(style_id: str, twips: tuple[int, ...], notes_column: int, custom: bool,
           shape: tuple[tuple[RowKind, int, int], ...]) -> Any:
    """A table of rows of the ``shape`` (kind, depth, filled cells), a text slot in each
    filled cell."""
    tbl = elements.table(twips, "single")
    for kind, depth, filled in shape:
        tbl.append(_row(style_id, twips, kind, depth, filled, notes_column, custom).__copy__())
    return tbl


@cache
def _row(style_id: str, twips: tuple[int, ...], kind: RowKind, depth: int, filled: int,
         notes_column: int, custom: bool) -> Any:
    """A row of ``kind`` with a text slot in each of its first ``filled`` cells."""
    head = kind is RowKind.HEAD
    cells = elements.row(None, twips, header=head)
    for index, cell in enumerate(cells):
        if index >= filled:
            elements.paragraph(Format(style=style_id), cell)
            continue
        fmt = _cell_format(style_id, kind, depth, index, index == notes_column, custom)
        elements.text_slot(elements.run(elements.paragraph(fmt, cell),
                                        bold=head or kind is RowKind.GROUP,
                                        italic=kind is RowKind.SUB))
    return cells[0].getparent()


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
