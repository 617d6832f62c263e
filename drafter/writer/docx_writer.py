"""The DOCX writer: blocks → a Word document laid out to Decree 30/2020/NĐ-CP.

python-docx owns the document: the package, styles, sections, page numbers, properties,
footnotes part, watermark and saving. The body's paragraphs, runs and tables, thousands of
elements in a report, are appended as XML elements by :mod:`drafter.writer.elements`, where
text is set as element text: ``&`` and ``<`` are escaped by the XML layer, templates never
emit XML.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.parts.document import DocumentPart
from docx.parts.hdrftr import FooterPart, HeaderPart
from docx.parts.settings import SettingsPart
from docx.shared import Mm, Pt

from drafter.narrative.blocks import (
    Document,
    Header,
    Heading,
    Metadata,
    Orientation,
    PageBreak,
    Paragraph,
    Role,
    Run,
    Section,
    Signoff,
    Table,
)
from drafter.writer import elements, grids, layout, package
from drafter.writer.atomic import write_atomic
from drafter.writer.elements import PLAIN, Format
from drafter.writer.footnotes import Footnotes
from drafter.writer.ooxml import page_field
from drafter.writer.styles import COMPACT_STYLE, TABLE_STYLE, setup_styles
from drafter.writer.tables import data_table
from drafter.writer.watermark import add_watermark

CENTER = WD_ALIGN_PARAGRAPH.CENTER
# Word 2010's copy of styles.xml in python-docx's default template, twice its size: Word
# rebuilds it, LibreOffice ignores it, and it cost more to compress than the report's body.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
# The template's preview picture shows python-docx's sample page, not the report.
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
# The parts a report changes: its body, properties, settings (footnotes) and page headers
# (watermark). The base's other parts (styles, numbering, theme, fonts…) are never changed.
_PER_REPORT = (DocumentPart, CorePropertiesPart, SettingsPart, HeaderPart, FooterPart)


@dataclass(frozen=True)
class _Base:
    """The styled, laid-out empty document, the ids of its styles, and its parts that every
    report shares (by id, as :func:`copy.deepcopy`'s memo takes them)."""

    docx: Any
    style_ids: dict[str, str]
    shared: dict[int, Any]


@cache
def _base() -> _Base:
    """Built once per process: styles and page setup are the same for every report. Each
    document is a copy of it (half the time of opening a saved package again) that shares
    the unchanging parts, serialised and deflated once (:mod:`drafter.writer.package`)."""
    docx = new_docx()
    setup_styles(docx)
    _page_setup(docx)
    for rel_id, rel in list(docx.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            docx.part.drop_rel(rel_id)
    package_rels = docx.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == _THUMBNAIL:
            package_rels.pop(rel_id)
    names = (COMPACT_STYLE, TABLE_STYLE, "Heading 1", "Heading 2", "Heading 3")
    shared = {id(part): part for part in docx.part.package.iter_parts()
              if not isinstance(part, _PER_REPORT)}
    for part in shared.values():
        package.share(part)
    return _Base(docx, {name: docx.styles[name].style_id for name in names}, shared)


def new_document(meta: Metadata) -> Any:
    """A new python-docx document with the Decree 30 styles and page, ``meta``'s properties
    and, for a draft, the watermark; its body still empty. Its styles, numbering, theme and
    fonts parts are shared with every document of the process: read them, never change them
    (the body, properties, settings and headers are its own)."""
    base = _base()
    docx = copy.deepcopy(base.docx, dict(base.shared))
    _properties(docx, meta)
    if meta.draft and meta.watermark:
        add_watermark(docx.sections[0], meta.watermark)
    return docx


def build_docx(document: Document) -> Any:
    """Build the python-docx document in memory."""
    docx = new_document(document.meta)
    writer = _Writer(docx, _base().style_ids)
    for block in document.blocks:
        writer.block(block)
    return docx


def to_bytes(document: Document) -> bytes:
    """The ``.docx`` file of ``document``."""
    return package.to_bytes(build_docx(document).part.package)


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


def _properties(docx: Any, meta: Metadata) -> None:
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
    def __init__(self, docx: Any, style_ids: dict[str, str]) -> None:
        self.docx = docx
        self.styles = style_ids
        self.compact = style_ids[COMPACT_STYLE]
        self.footnotes = Footnotes(docx)
        self.page_break = False  # set by a PageBreak block, consumed by the next paragraph
        self.text_width: float = layout.TEXT_WIDTH  # of the current section
        # Body content goes before the body's last section properties, as python-docx puts it.
        self.end = docx.element.body.get_or_add_sectPr()

    def block(self, block: Any) -> None:
        if isinstance(block, Header):
            grids.header(self.end, block, self.compact)
        elif isinstance(block, Heading):
            style = self.styles[f"Heading {min(block.level, 3)}"]
            paragraph = self._new_paragraph(Format(style=style))
            self.runs(paragraph, block.runs)
            elements.insert(paragraph, self.end)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, Signoff):
            grids.signoff(self.end, block, self.compact)
        elif isinstance(block, Table):
            data_table(self.end, block, self.text_width, self.styles[TABLE_STYLE])
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
            elements.run(paragraph, run.text, bold=(run.bold or bold) or None,
                         italic=(run.italic or italic) or None, size=size)

    def _new_paragraph(self, fmt: Format = PLAIN) -> Any:
        if self.page_break:
            fmt = replace(fmt, page_break=True)
            self.page_break = False
        return elements.paragraph(fmt)

    def paragraph(self, block: Paragraph) -> None:
        role = block.role
        if role in (Role.TITLE, Role.SUBJECT, Role.TO, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE,
                    Role.APPENDIX_NOTE):
            fmt = Format(style=self.compact, keep_next=True, align="center",
                         before=12 if role in (Role.TITLE, Role.TO) else 0,
                         after=6 if role in (Role.TO, Role.APPENDIX_NOTE) else 0)
            bold = role in (Role.TITLE, Role.SUBJECT, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE)
            italic = role is Role.APPENDIX_NOTE
            paragraph = self._new_paragraph(fmt)
            self.runs(paragraph, block.runs, size=layout.TITLE_SIZE, bold=bold, italic=italic)
            elements.insert(paragraph, self.end)
            if role is Role.SUBJECT:
                width = min(layout.text_width_mm(block.text, layout.TITLE_SIZE, True), 160) / 3
                elements.insert(grids.rule(self.text_width, max(width, 25), self.compact,
                                           space_after=12), self.end)
            return
        fmt = Format(keep_next=True) if role is Role.CLOSING else PLAIN
        paragraph = self._new_paragraph(fmt)
        self.runs(paragraph, block.runs)
        elements.insert(paragraph, self.end)
