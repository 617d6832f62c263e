"""The XML-element writer lays out exactly what the old python-docx-API writer laid out.

The oracle is the old path itself (tests/docx_oracle.py), run on the same blocks: a frozen
golden of its XML would go stale with every wording change, while the oracle keeps checking
every report the templates produce today. Both files are read back with python-docx and
compared element by element: text, paragraph styles and formats, runs, footnotes, tables
(cell text, widths, merges, row flags) and sections.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx_oracle import old_docx_bytes
from scenarios import SCENARIOS

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.narrative.blocks import Document, Run, Table, TableRow
from drafter.resources import demo_dir
from drafter.writer.docx_writer import to_bytes

# Report data files (named UNIT-PERIOD); the ranking content file is not a report.
DEMO_FILES = sorted(demo_dir().rglob("*-[0-9][0-9][0-9][0-9]-*.toml"))


def _demo(path: Path) -> Document:
    return render(load_report(path))


def _scenario(index: int) -> Document:
    scenario = SCENARIOS[index]()
    return render(scenario.report, previous=scenario.previous, rollup=scenario.rollup)


def _runs(element: Any, doc: Any) -> list[tuple[Any, ...]]:
    paragraph = DocxParagraph(element, doc)
    runs = []
    for run in paragraph.runs:
        notes = tuple(ref.get(qn("w:id")) for ref in run._r.iter(qn("w:footnoteReference")))
        runs.append((run.text, run.bold, run.italic, run.font.size, run.font.superscript,
                     run._r.style, notes, len(run._r.findall(qn("w:footnoteRef")))))
    return runs


def _paragraph(element: Any, doc: Any) -> tuple[Any, ...]:
    paragraph = DocxParagraph(element, doc)
    fmt = paragraph.paragraph_format
    border = element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    mark = element.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:sz')}")
    return (paragraph.text, element.style, paragraph.alignment, fmt.left_indent,
            fmt.right_indent, fmt.first_line_indent, fmt.space_before, fmt.space_after,
            fmt.line_spacing, fmt.keep_with_next, fmt.keep_together, fmt.page_break_before,
            None if border is None else dict(border.attrib),
            None if mark is None else mark.get(qn("w:val")), _runs(element, doc))


def _table(element: Any, doc: Any) -> tuple[Any, ...]:
    table = DocxTable(element, doc)
    borders = element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    rows = []
    for tr in element.tr_lst:
        flags = tuple(child.tag for child in tr.trPr) if tr.trPr is not None else ()
        cells = [(_Cell(tc, table).text, tc.width, tc.grid_span, tc.vMerge,
                  [_paragraph(p, doc) for p in tc.p_lst]) for tc in tr.tc_lst]
        rows.append((sorted(flags), cells))
    return (table.alignment, table.autofit, [col.width for col in table.columns],
            [(edge.tag, dict(edge.attrib)) for edge in borders], rows)


def layout_of(data: bytes) -> dict[str, Any]:
    """Everything of the document's layout the writer decides, read back with python-docx."""
    doc = docx.Document(io.BytesIO(data))
    body: list[tuple[Any, ...]] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append(("p", _paragraph(child, doc)))
        elif child.tag == qn("w:tbl"):
            body.append(("table", _table(child, doc)))
    notes: list[tuple[Any, ...]] = []
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            for note in parse_xml(rel.target_part.blob).findall(qn("w:footnote")):
                notes.append((note.get(qn("w:id")), note.get(qn("w:type")),
                              [_paragraph(p, doc) for p in note.findall(qn("w:p"))]))
    sections = [(s.orientation, s.page_width, s.page_height, s.left_margin, s.right_margin,
                 s.top_margin, s.bottom_margin, s.different_first_page_header_footer,
                 [p.text for p in s.header.paragraphs]) for s in doc.sections]
    props = doc.core_properties
    return {"body": body, "footnotes": notes, "sections": sections,
            "properties": (props.title, props.author, props.subject, props.keywords,
                           props.created, props.language),
            "styles": sorted(style.name for style in doc.styles)}


def _assert_same(document: Document) -> None:
    old, new = layout_of(old_docx_bytes(document)), layout_of(to_bytes(document))
    assert old.keys() == new.keys()
    for key in old:
        if key == "body":
            assert len(old[key]) == len(new[key])
            for index, (before, after) in enumerate(zip(old[key], new[key], strict=True)):
                assert before == after, f"body element {index}"
        else:
            assert old[key] == new[key], key


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: path.stem)
def test_demo_reports_are_laid_out_as_before(path: Path) -> None:
    _assert_same(_demo(path))


@pytest.mark.parametrize("index", range(len(SCENARIOS)),
                         ids=[make.__name__ for make in SCENARIOS])
def test_scenario_reports_are_laid_out_as_before(index: int) -> None:
    _assert_same(_scenario(index))


def test_the_comparison_sees_a_difference() -> None:
    """A changed cell, a lost bold and a missing footnote are each told apart."""
    document = _demo(DEMO_FILES[0])
    table = next(block for block in document.blocks if isinstance(block, Table))
    baseline = layout_of(to_bytes(document))
    row = table.rows[3]
    table.rows[3] = TableRow(row.kind, (*row.cells[:-1], row.cells[-1] + "x"), row.depth)
    assert layout_of(to_bytes(document)) != baseline
    table.rows[3] = row
    assert layout_of(to_bytes(document)) == baseline
    head = table.rows[0]
    table.rows[0] = TableRow(head.kind, head.cells, head.depth + 1)
    assert layout_of(to_bytes(document)) == baseline  # depth matters only outside the head
    table.rows[0] = head
    noted = Run("", note=(Run("ghi chú"),))
    index, paragraph = next((i, b) for i, b in enumerate(document.blocks)
                            if type(b).__name__ == "Paragraph")
    document.blocks[index] = type(paragraph)((*paragraph.runs, noted), paragraph.role)
    assert layout_of(to_bytes(document))["footnotes"] != baseline["footnotes"]


def test_tabs_breaks_spaces_and_empty_cells_are_written_as_before() -> None:
    """Text python-docx turns into ``w:tab``/``w:br`` or keeps with ``xml:space``, and empty
    cells, in body runs and in the copied table rows alike."""
    document = _demo(DEMO_FILES[0])
    table = next(block for block in document.blocks if isinstance(block, Table))
    odd = ("a\tb", " lề ", "dòng\nhai\r\nba", "", "\t")
    table.rows.append(TableRow(table.rows[-1].kind, odd, table.rows[-1].depth))
    index, paragraph = next((i, b) for i, b in enumerate(document.blocks)
                            if type(b).__name__ == "Paragraph")
    runs = tuple(Run(text) for text in odd)
    document.blocks[index] = type(paragraph)((*paragraph.runs, *runs), paragraph.role)
    _assert_same(document)
    written = docx.Document(io.BytesIO(to_bytes(document)))
    assert written.tables[-1].rows[-1].cells[0].text == "a\tb"
    assert written.tables[-1].rows[-1].cells[2].text == "dòng\nhai\n\nba"
