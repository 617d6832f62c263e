"""The writer as it was before the fast path (issue 17): every paragraph, run and table cell
built through python-docx's API. Kept only as the oracle of tests/test_writer_equivalence.py,
which checks that the XML-element writer lays out exactly the same document.

The page setup, styles, properties and watermark are the package's own (python-docx builds
them in both paths); the body, tables and footnotes below are the old code, unchanged.
"""

from __future__ import annotations

import io
from typing import Any

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.narrative.blocks import (
    Document,
    Header,
    Heading,
    Orientation,
    PageBreak,
    Paragraph,
    Role,
    RowKind,
    Run,
    Section,
    Signoff,
    Table,
)
from drafter.writer import layout
from drafter.writer.docx_writer import new_document
from drafter.writer.footnotes import EMPTY_FOOTNOTES, name_separators
from drafter.writer.styles import COMPACT_STYLE, NOTE_STYLE_ID, REFERENCE_STYLE_ID, TABLE_STYLE

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def old_docx_bytes(document: Document) -> bytes:
    """``document`` written by the old python-docx-API path."""
    docx = new_document(document.meta)
    writer = _Writer(docx)
    for block in document.blocks:
        writer.block(block)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


class _Writer:
    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.footnotes = Footnotes(docx)
        self.page_break = False  # set by a PageBreak block, consumed by the next paragraph
        self.text_width: float = layout.TEXT_WIDTH  # of the current section

    def block(self, block: Any) -> None:
        if isinstance(block, Header):
            self.header(block)
        elif isinstance(block, Heading):
            paragraph = self._new_paragraph(f"Heading {min(block.level, 3)}")
            self.runs(paragraph, block.runs)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Signoff):
            self.signoff(block)
        elif isinstance(block, Table):
            data_table(self.docx, block, self.text_width)
        elif isinstance(block, PageBreak):
            self.page_break = True
        elif isinstance(block, Section):
            self.section(block)

    def section(self, block: Section) -> None:
        """A new section on a new page; margins carry over, the page turns if asked."""
        section = self.docx.add_section(WD_SECTION.NEW_PAGE)
        landscape = block.orientation is Orientation.LANDSCAPE
        short, long = Mm(layout.PAGE_WIDTH), Mm(layout.PAGE_HEIGHT)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        # The clone of the first section would hide the number on this section's first page.
        section.different_first_page_header_footer = False
        self.text_width = layout.text_width(landscape)
        self.page_break = False

    def runs(self, paragraph: Any, runs: tuple[Run, ...], size: float | None = None,
             bold: bool = False, italic: bool = False) -> None:
        for run in runs:
            if run.note:
                # The note is formatted as body runs are, in the footnote's own paragraph.
                self.runs(self.footnotes.add(paragraph), run.note)
                continue
            docx_run = paragraph.add_run(run.text)
            if run.bold or bold:
                docx_run.bold = True
            if run.italic or italic:
                docx_run.italic = True
            if size is not None:
                docx_run.font.size = Pt(size)

    def _new_paragraph(self, style: str | None = None) -> Any:
        paragraph = self.docx.add_paragraph(style=style)
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        return paragraph

    def paragraph(self, block: Paragraph) -> None:
        role = block.role
        if role in (Role.TITLE, Role.SUBJECT, Role.TO, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE,
                    Role.APPENDIX_NOTE):
            paragraph = self._new_paragraph(COMPACT_STYLE)
            paragraph.alignment = CENTER
            bold = role in (Role.TITLE, Role.SUBJECT, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE)
            italic = role is Role.APPENDIX_NOTE
            fmt = paragraph.paragraph_format
            fmt.space_before = Pt(12 if role in (Role.TITLE, Role.TO) else 0)
            fmt.space_after = Pt(6 if role in (Role.TO, Role.APPENDIX_NOTE) else 0)
            fmt.keep_with_next = True
            self.runs(paragraph, block.runs, size=layout.TITLE_SIZE, bold=bold, italic=italic)
            if role is Role.SUBJECT:
                width = min(layout.text_width_mm(block.text, layout.TITLE_SIZE, True), 160) / 3
                self._rule(self.text_width, max(width, 25), space_after=12)
            return
        paragraph = self._new_paragraph()
        if role is Role.CLOSING:
            paragraph.paragraph_format.keep_with_next = True
        self.runs(paragraph, block.runs)

    def _rule(self, container_mm: float, rule_mm: float, cell: Any = None,
              space_after: float = 0) -> None:
        """A solid rule of ``rule_mm``, centred in a container ``container_mm`` wide."""
        paragraph = cell.add_paragraph() if cell is not None else self.docx.add_paragraph()
        paragraph.style = self.docx.styles[COMPACT_STYLE]
        side = max((container_mm - rule_mm) / 2, 0)
        paragraph.paragraph_format.left_indent = Mm(side)
        paragraph.paragraph_format.right_indent = Mm(side)
        # A small gap keeps the rule clear of the descenders of the line above it.
        paragraph.paragraph_format.space_before = Pt(2)
        paragraph.paragraph_format.space_after = Pt(space_after)
        mark_size(paragraph, 2)
        bottom_border(paragraph)

    def header(self, block: Header) -> None:
        table = borderless_table(self.docx, layout.HEADER_COLUMNS)
        left, right = table.rows[0].cells
        left_width = layout.HEADER_COLUMNS[0] - layout.CELL_MARGINS
        right_width = layout.HEADER_COLUMNS[1] - layout.CELL_MARGINS
        first = True
        if block.superior:
            cell_line(left, block.superior, layout.SUPERIOR_SIZE, first=first)
            first = False
        issuer = layout.header_lines(block.issuer, left_width, layout.ISSUER_SIZE, True)
        for line in issuer:
            cell_line(left, line, layout.ISSUER_SIZE, bold=True, first=first)
            first = False
        issuer_mm = min(max(layout.text_width_mm(line, layout.ISSUER_SIZE, True)
                            for line in issuer), left_width)
        self._rule(left_width, issuer_mm * 0.4, cell=left, space_after=6)
        cell_line(left, block.number, layout.NUMBER_SIZE)
        cell_line(right, block.motto, layout.MOTTO_SIZE, bold=True, first=True)
        cell_line(right, block.motto_sub, layout.MOTTO_SUB_SIZE, bold=True)
        motto_mm = min(layout.text_width_mm(block.motto_sub, layout.MOTTO_SUB_SIZE, True),
                       right_width)
        self._rule(right_width, motto_mm, cell=right, space_after=6)
        cell_line(right, block.dateline, layout.DATELINE_SIZE, italic=True)

    def signoff(self, block: Signoff) -> None:
        table = borderless_table(self.docx, layout.SIGNOFF_COLUMNS)
        row_flags(table.rows[0])
        left, right = table.rows[0].cells
        title = cell_line(left, block.recipients_title, layout.RECIPIENTS_TITLE_SIZE,
                           bold=True, italic=True, first=True, align=LEFT)
        title.paragraph_format.space_before = Pt(6)
        for item in block.recipients:
            cell_line(left, item, layout.RECIPIENTS_SIZE, align=LEFT)
        for index, line in enumerate(block.authority):
            paragraph = cell_line(right, line, layout.AUTHORITY_SIZE, bold=True, first=index == 0)
            if index == 0:
                paragraph.paragraph_format.space_before = Pt(6)
        name = cell_line(right, block.signer, layout.AUTHORITY_SIZE, bold=True)
        name.paragraph_format.space_before = Pt(layout.SIGN_SPACE)
        for cell in (left, right):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.keep_together = True


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


class Footnotes:
    """The document's footnotes part, created on the first note."""

    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.part: XmlPart | None = None
        self.count = 0

    def add(self, paragraph: Any) -> Any:
        """A footnote reference at the end of ``paragraph``; returns the note's own paragraph
        (its number already in place) for the writer to fill like any other."""
        if self.part is None:
            self.part = self._create()
        self.count += 1
        note_id = str(self.count)
        reference = paragraph.add_run()._r
        reference.style = REFERENCE_STYLE_ID
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), note_id)
        reference.append(mark)

        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), note_id)
        body = OxmlElement("w:p")
        footnote.append(body)
        self.part.element.append(footnote)
        note = DocxParagraph(body, paragraph._parent)
        body.style = NOTE_STYLE_ID
        number = note.add_run()._r
        number.style = REFERENCE_STYLE_ID
        number.append(OxmlElement("w:footnoteRef"))
        note.add_run(" ")
        return note

    def _create(self) -> XmlPart:
        document_part = self.docx.part
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(EMPTY_FOOTNOTES),
                       document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        name_separators(self.docx.settings.element)
        return part


def bottom_border(paragraph: Any, size_eighths: int = 6) -> None:
    """A solid rule under a paragraph, drawn between its indents."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    ppr.append(borders)


def mark_size(paragraph: Any, half_points: int) -> None:
    """Size of the paragraph mark, which sets the height of an empty paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(half_points))
    rpr.append(size)
    ppr.append(rpr)


def table_borders(table: Any, value: str) -> None:
    """All table borders ``none`` or ``single``."""
    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        borders = OxmlElement("w:tblBorders")
        tbl_pr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), value)
        if value != "none":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)


def row_flags(row: Any, header: bool = False) -> None:
    """Rows never split across pages; header rows repeat on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
