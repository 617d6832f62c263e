"""The DOCX writer: blocks → a Word document laid out to Decree 30/2020/NĐ-CP.

The only module that knows python-docx. Text reaches python-docx as text, so ``&`` and ``<``
are escaped by the XML layer; templates never emit XML.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from drafter.narrative.blocks import (
    Document,
    Header,
    Heading,
    Orientation,
    PageBreak,
    Paragraph,
    Role,
    Run,
    Section,
    Signoff,
    Table,
)
from drafter.writer import layout
from drafter.writer.atomic import write_atomic
from drafter.writer.footnotes import Footnotes
from drafter.writer.ooxml import (
    bottom_border,
    mark_size,
    page_field,
    row_flags,
)
from drafter.writer.styles import COMPACT_STYLE, setup_styles
from drafter.writer.tables import borderless_table, cell_line, data_table
from drafter.writer.watermark import add_watermark

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def build_docx(document: Document) -> Any:
    """Build the python-docx document in memory."""
    docx = new_docx()
    setup_styles(docx)
    _page_setup(docx)
    _properties(docx, document)
    if document.meta.draft and document.meta.watermark:
        add_watermark(docx.sections[0], document.meta.watermark)
    writer = _Writer(docx)
    for block in document.blocks:
        writer.block(block)
    return docx


def to_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    build_docx(document).save(buffer)
    return buffer.getvalue()


def save_docx(document: Document, path: Path) -> Path:
    """Write ``document`` to ``path`` atomically."""
    data = to_bytes(document)
    return write_atomic(path, data)


def _page_setup(docx: Any) -> None:
    section = docx.sections[0]
    section.page_width = Mm(layout.PAGE_WIDTH)
    section.page_height = Mm(layout.PAGE_HEIGHT)
    section.top_margin = Mm(layout.MARGIN_TOP)
    section.bottom_margin = Mm(layout.MARGIN_BOTTOM)
    section.left_margin = Mm(layout.MARGIN_LEFT)
    section.right_margin = Mm(layout.MARGIN_RIGHT)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.style = docx.styles[COMPACT_STYLE]
    number.alignment = CENTER
    page_field(number).font.size = Pt(layout.PAGE_NUMBER_SIZE)


def _properties(docx: Any, document: Document) -> None:
    meta = document.meta
    props = docx.core_properties
    props.title = meta.title
    props.author = meta.author
    props.last_modified_by = meta.author
    props.subject = meta.subject
    props.category = "Báo cáo"
    props.keywords = meta.pack
    props.comments = f"Soạn bằng drafter, bộ mẫu {meta.pack}" if meta.pack else ""
    props.language = "vi-VN"
    props.revision = 1
    created = meta.created or dt.datetime(2000, 1, 1)
    props.created = created
    props.modified = created
    props.last_printed = created


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
