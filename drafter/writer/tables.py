"""Tables: the bordered statistical tables and the borderless header and signature grids."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from drafter.narrative.blocks import RowKind, Table
from drafter.writer import layout
from drafter.writer.ooxml import row_flags, table_borders
from drafter.writer.styles import COMPACT_STYLE, TABLE_STYLE

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def data_table(docx: Any, block: Table, text_width: float) -> None:
    """A bordered table filling ``text_width``: header rows repeat, no row splits."""
    widths = layout.column_widths(block.widths or layout.APPENDIX_COLUMNS, text_width)
    notes_column = len(widths) - 1 if not block.widths else -1
    table = docx.add_table(rows=0, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table_borders(table, "single")
    # Setting ``paragraph.style`` makes python-docx search every style for the default
    # one, about a millisecond per cell; the style id is looked up once and set directly.
    style_id = docx.styles[TABLE_STYLE].style_id
    for row_block in block.rows:
        row = table.add_row()
        head = row_block.kind is RowKind.HEAD
        row_flags(row, header=head)
        for index, (cell, text) in enumerate(zip(row.cells, row_block.cells, strict=False)):
            cell.width = Mm(widths[index])
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style_id
            if index == 1 and not head:
                # Unit names in narrow custom tables would stretch when justified.
                paragraph.alignment = LEFT if block.widths else WD_ALIGN_PARAGRAPH.JUSTIFY
                indent = 0 if row_block.kind is RowKind.GROUP else 3 * (row_block.depth - 1)
                paragraph.paragraph_format.left_indent = Mm(indent)
            elif index == notes_column and not head:
                paragraph.alignment = LEFT
            if row_block.kind is RowKind.GROUP:
                # A group row left alone at the foot of a page goes over with its first item.
                paragraph.paragraph_format.keep_with_next = True
            run = paragraph.add_run(text)
            run.bold = head or row_block.kind is RowKind.GROUP
            run.italic = row_block.kind is RowKind.SUB
    for index, column in enumerate(table.columns):
        column.width = Mm(widths[index])


def borderless_table(docx: Any, widths: tuple[float, ...]) -> Any:
    """One row of cells ``widths`` mm wide, no borders (header, signature block)."""
    table = docx.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table_borders(table, "none")
    for index, width in enumerate(widths):
        table.columns[index].width = Mm(width)
        table.rows[0].cells[index].width = Mm(width)
    return table


def cell_line(cell: Any, text: str, size: float, bold: bool = False, italic: bool = False,
              first: bool = False, align: Any = CENTER) -> Any:
    """A compact line in a header or signature cell (the cell's first paragraph is reused)."""
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.style = cell.part.document.styles[COMPACT_STYLE]
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return paragraph
