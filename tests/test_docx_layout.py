"""Decree 30/2020/NĐ-CP, Phụ lục I, element by element, read back from the DOCX XML.

Each test names the rule of the decree it checks; sizes are in points, lengths in mm.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from drafter.combine.rollup import roll_up
from drafter.demo.sample import communes_like
from drafter.domain.report import Report, Status
from drafter.narrative import render
from drafter.packs.load import TemplatePack
from drafter.writer import layout
from drafter.writer.docx_writer import save_docx

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


@pytest.fixture
def commune(tmp_path: Path, commune_q1: Report) -> Any:
    return docx.Document(str(save_docx(render(commune_q1), tmp_path / "xa.docx")))


@pytest.fixture
def district(tmp_path: Path, district_q2: Report) -> Any:
    return docx.Document(str(save_docx(render(district_q2), tmp_path / "huyen.docx")))


def _line(paragraph: Any) -> dict[str, Any]:
    """Text and the run formatting of a one-format line (every run formatted alike)."""
    runs = [run for run in paragraph.runs if run.text]
    sizes = {run.font.size or paragraph.style.font.size for run in runs}
    bold = {bool(run.bold if run.bold is not None else paragraph.style.font.bold) for run in runs}
    italic = {bool(run.italic if run.italic is not None else paragraph.style.font.italic)
              for run in runs}
    assert len(sizes) == len(bold) == len(italic) == 1, paragraph.text
    alignment = paragraph.alignment
    if alignment is None:
        alignment = paragraph.style.paragraph_format.alignment
    return {"text": paragraph.text, "size": sizes.pop().pt, "bold": bold.pop(),
            "italic": italic.pop(), "align": alignment}


def _is_rule(paragraph: Any) -> bool:
    borders = paragraph._p.pPr.find(qn("w:pBdr")) if paragraph._p.pPr is not None else None
    return (paragraph.text == "" and borders is not None
            and borders.find(qn("w:bottom")).get(qn("w:val")) == "single")


def _rule_length(paragraph: Any, container_mm: float) -> float:
    fmt = paragraph.paragraph_format
    return container_mm - fmt.left_indent.mm - fmt.right_indent.mm


def _by_text(document: Any, text: str) -> Any:
    return next(p for p in document.paragraphs if p.text == text)


def _following(document: Any, paragraph: Any, count: int) -> list[Any]:
    """The ``count`` body paragraphs right after ``paragraph``."""
    paragraphs = document.paragraphs
    index = [p._p for p in paragraphs].index(paragraph._p)
    return paragraphs[index + 1 : index + 1 + count]


def test_header_left_column(commune: Any) -> None:
    """Superior body 12–13 regular; issuing body 12–13 bold with a centred rule 1/3–1/2 of
    its length under it; the number size 13."""
    cell = commune.tables[0].rows[0].cells[0]
    superior, body, name, rule, number = cell.paragraphs
    # The decree lets the superior body's name abbreviate "Ủy ban nhân dân".
    assert _line(superior) == {"text": "UBND HUYỆN ĐÔNG SƠN", "size": 13,
                               "bold": False, "italic": False, "align": CENTER}
    # Too long for the column: broken after the body, never inside the unit's name.
    assert _line(body) == {"text": "ỦY BAN NHÂN DÂN", "size": 13, "bold": True,
                           "italic": False, "align": CENTER}
    assert _line(name) == {"text": "XÃ THANH MAI", "size": 13, "bold": True,
                           "italic": False, "align": CENTER}
    assert _is_rule(rule)
    column = layout.HEADER_COLUMNS[0] - layout.CELL_MARGINS
    written = min(layout.text_width_mm(body.text, 13, True), column)
    assert written / 3 <= _rule_length(rule, column) <= written / 2
    left, right = rule.paragraph_format.left_indent, rule.paragraph_format.right_indent
    assert abs(left - right) < Cm(0.01)  # centred
    assert _line(number) == {"text": "Số: 18/BC-UBND", "size": 13, "bold": False,
                             "italic": False, "align": CENTER}


def test_header_right_column(commune: Any) -> None:
    """The national title 12–13 bold capitals; the motto 13–14 bold with a rule as long as
    the line; place and date 13–14 italic."""
    cell = commune.tables[0].rows[0].cells[1]
    motto, motto_sub, rule, dateline = cell.paragraphs
    assert _line(motto) == {"text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "size": 12,
                            "bold": True, "italic": False, "align": CENTER}
    assert _line(motto_sub) == {"text": "Độc lập - Tự do - Hạnh phúc", "size": 13,
                                "bold": True, "italic": False, "align": CENTER}
    assert _is_rule(rule)
    column = layout.HEADER_COLUMNS[1] - layout.CELL_MARGINS
    written = layout.text_width_mm(motto_sub.text, 13, True)
    assert _rule_length(rule, column) == pytest.approx(written, abs=0.5)
    assert _line(dateline) == {"text": "Thanh Mai, ngày 14 tháng 3 năm 2024", "size": 14,
                               "bold": False, "italic": True, "align": CENTER}


def test_header_table_fits_and_long_names_wrap_in_their_column(tmp_path: Path,
                                                                 commune_q1: Report) -> None:
    unit = replace(commune_q1.unit, name="Phước Hưng Đông Bắc Thượng Hạ Trung Nguyên")
    document = docx.Document(str(save_docx(render(replace(commune_q1, unit=unit)),
                                           tmp_path / "x.docx")))
    table = document.tables[0]
    assert table.autofit is False
    grid = [col.width.mm for col in table.columns]
    assert sum(grid) <= layout.TEXT_WIDTH + 0.5
    assert grid[0] == pytest.approx(layout.HEADER_COLUMNS[0], abs=0.5)
    # The body on its line, the long name on the next (Word wraps the name in its column).
    lines = [p.text for p in table.rows[0].cells[0].paragraphs[1:3]]
    assert lines == ["ỦY BAN NHÂN DÂN", "XÃ PHƯỚC HƯNG ĐÔNG BẮC THƯỢNG HẠ TRUNG NGUYÊN"]
    assert table.rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_unnumbered_draft_leaves_the_number_blank_but_spaced(tmp_path: Path,
                                                               commune_q1: Report) -> None:
    report = replace(commune_q1, number="", status=Status.DRAFT)
    document = docx.Document(str(save_docx(render(report), tmp_path / "x.docx")))
    number = document.tables[0].rows[0].cells[0].paragraphs[-1].text
    assert number.startswith("Số: ") and number.endswith("/BC-UBND")
    assert len(number) - len("Số: /BC-UBND") >= 5 and number[4:-8].strip() == ""


def test_title_subject_and_recipient(district: Any) -> None:
    """"BÁO CÁO" 13–14 bold centred; the subject bold centred with a short rule beneath;
    "Kính gửi" centred for one recipient body."""
    title = _by_text(district, "BÁO CÁO")
    assert _line(title) == {"text": "BÁO CÁO", "size": 14, "bold": True, "italic": False,
                            "align": CENTER}
    subject, rule, to = _following(district, title, 3)
    assert _line(subject)["bold"] and _line(subject)["align"] is CENTER
    assert _line(subject)["size"] == 14
    assert subject.text.startswith("Kết quả thực hiện công tác cải cách hành chính")
    assert _is_rule(rule)
    length = _rule_length(rule, layout.TEXT_WIDTH)
    assert 20 <= length <= layout.text_width_mm(subject.text, 14, True) / 2
    assert _line(to) == {"text": "Kính gửi: Sở Nội vụ tỉnh Bắc Hà", "size": 14, "bold": False,
                         "italic": False, "align": CENTER}


def test_body_format(commune: Any) -> None:
    """Body 13–14 justified, first line indented 1–1.27 cm, ≥ 6 pt between paragraphs, line
    spacing single to 1.5 — from the style, not overridden paragraph by paragraph."""
    normal = commune.styles["Normal"]
    fmt = normal.paragraph_format
    assert fmt.alignment is JUSTIFY
    assert Cm(1) <= fmt.first_line_indent <= Cm(1.27) + 1
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    body = [p for p in commune.paragraphs if p.style.name == "Normal" and p.text]
    assert len(body) > 20
    for paragraph in body:
        own = paragraph.paragraph_format
        assert own.alignment is None and own.first_line_indent is None, paragraph.text
        assert own.space_after is None and own.line_spacing is None, paragraph.text
        assert all(run.font.size is None for run in paragraph.runs), paragraph.text
    dashes = [p.text for p in body if p.text.startswith("- ")]
    pluses = [p.text for p in body if p.text.startswith("+ ")]
    assert dashes and pluses


def test_headings(commune: Any) -> None:
    """I. bold capitals; 1. bold; both in the body size, black Times New Roman."""
    first = [p for p in commune.paragraphs if p.style.name == "Heading 1"]
    second = [p for p in commune.paragraphs if p.style.name == "Heading 2"]
    assert [p.text.split(".")[0] for p in first] == ["I", "II", "III", "IV", "V"]
    # "V. KIẾN NGHỊ, ĐỀ XUẤT: Không có." as the references write it: capitals up to the colon.
    assert all(p.text.split(":")[0] == p.text.split(":")[0].upper() for p in first)
    assert second and all(p.text[0].isdigit() for p in second)
    for name in ("Heading 1", "Heading 2"):
        style = commune.styles[name]
        assert style.font.bold and style.font.size == Pt(14)
        assert style.element.rPr.find(qn("w:color")).get(qn("w:val")) == "000000"
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
        assert style.paragraph_format.keep_with_next


def test_no_empty_paragraphs_used_as_spacing(commune: Any, district: Any) -> None:
    """An empty paragraph is only ever a rule (a bottom border), never a blank line."""
    for document in (commune, district):
        cells = [p for t in document.tables for row in t.rows for c in row.cells
                 for p in c.paragraphs]
        for paragraph in [*document.paragraphs, *cells]:
            if not paragraph.text.strip() and paragraph._p.find(qn("w:r")) is None:
                assert _is_rule(paragraph)


def test_closing_and_signature_block(commune: Any) -> None:
    """"./." then Nơi nhận (12 bold italic; items 11, "- …;" and last "- Lưu: VT….") beside
    the authority (13–14 bold capitals), space to sign, the name bold; kept on one page."""
    closing = [p for p in commune.paragraphs if p.text.endswith("./.")]
    assert len(closing) == 1 and closing[0].paragraph_format.keep_with_next
    signoff = commune.tables[1]
    assert {b.get(qn("w:val")) for b in signoff._tbl.tblPr.find(qn("w:tblBorders"))} == {"none"}
    assert signoff.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = signoff.rows[0].cells
    title, *items = left.paragraphs
    assert _line(title) == {"text": "Nơi nhận:", "size": 12, "bold": True, "italic": True,
                            "align": LEFT}
    assert len(items) >= 2
    for item in items:
        line = _line(item)
        assert line["size"] == 11 and not line["bold"] and not line["italic"]
        assert item.text.startswith("- ")
    assert all(item.text.endswith(";") for item in items[:-1])
    assert items[-1].text.startswith("- Lưu: VT") and items[-1].text.endswith(".")
    *authority, signer = right.paragraphs
    assert [p.text for p in authority] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    for paragraph in authority:
        assert _line(paragraph)["bold"] and _line(paragraph)["size"] == 14
        assert paragraph.text == paragraph.text.upper()
    assert _line(signer) == {"text": "Nguyễn Văn Thành", "size": 14, "bold": True,
                             "italic": False, "align": CENTER}
    assert signer.paragraph_format.space_before >= Pt(48)
    for paragraph in [*left.paragraphs, *right.paragraphs]:
        assert paragraph.paragraph_format.keep_with_next
        assert paragraph.paragraph_format.keep_together


def test_deputy_signs_for_the_chairman(district: Any) -> None:
    right = district.tables[1].rows[0].cells[1]
    lines = [p.text for p in right.paragraphs]
    assert lines[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_page_numbers_in_the_top_margin_not_on_page_one(commune: Any) -> None:
    """Arabic page numbers, 13–14, centred in the top margin, hidden on the first page."""
    section = commune.sections[0]
    assert section.different_first_page_header_footer
    number = section.header.paragraphs[0]
    assert number.alignment is CENTER
    field = number._p.xpath(".//w:instrText")
    assert [f.text.strip() for f in field] == ["PAGE"]
    size = number.runs[0].font.size
    assert size is not None and Pt(13) <= size <= Pt(14)
    assert section.header_distance < section.top_margin
    assert "PAGE" not in section.first_page_header._element.xml
    assert not section.footer._element.xpath(".//w:instrText")


def test_appendix_heading_lines(commune: Any) -> None:
    """A new page; "Phụ lục I" bold centred; the title bold capitals; the note italic."""
    label = _by_text(commune, "Phụ lục I")
    assert label.paragraph_format.page_break_before
    assert _line(label)["bold"] and _line(label)["align"] is CENTER
    title, note = _following(commune, label, 2)
    assert _line(title)["bold"] and title.text == title.text.upper()
    assert _line(note)["italic"] and not _line(note)["bold"]
    assert note.text == ("(Kèm theo Báo cáo số 18/BC-UBND ngày 14/3/2024 "
                         "của UBND xã Thanh Mai)")


def test_appendix_table_rows(commune: Any) -> None:
    """Header row repeated, rows never split, group rows bold, child rows indented, units
    and figures centred, columns inside the text width."""
    table = commune.tables[-1]
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    groups = [row for row in rows[1:] if row.cells[0].text.isdigit()]
    assert [row.cells[0].text for row in groups][:3] == ["1", "2", "3"]
    for row in groups:
        assert all(run.bold for cell in row.cells for p in cell.paragraphs for run in p.runs)
        # Never left alone at the foot of a page.
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    children = [row for row in rows[1:] if row.cells[0].text.count(".") == 2]
    assert children
    for row in children:
        assert row.cells[1].paragraphs[0].paragraph_format.left_indent > 0
        assert not row.cells[1].paragraphs[0].runs[0].bold
    for row in rows[1:]:
        for index in (0, 2, 3):
            paragraph = row.cells[index].paragraphs[0]
            assert (paragraph.alignment or paragraph.style.paragraph_format.alignment) is CENTER
    assert sum(col.width.mm for col in table.columns) <= layout.TEXT_WIDTH + 0.5


def test_footnote_is_a_real_word_footnote(district: Any) -> None:
    """A long list of documents goes into footnote 1, as in the district reference."""
    part = next(rel.target_part for rel in district.part.rels.values()
                if rel.reltype.endswith("/footnotes"))
    assert part.partname == "/word/footnotes.xml"
    assert part.content_type.endswith("wordprocessingml.footnotes+xml")
    paragraph = next(p for p in district.paragraphs
                     if p._p.xpath(".//w:footnoteReference"))
    assert paragraph.text.startswith("Trong quý II năm 2024, UBND huyện đã ban hành 04 văn bản")
    reference = paragraph._p.xpath(".//w:footnoteReference")[0]
    assert reference.get(qn("w:id")) == "1"
    assert reference.getparent().find(qn("w:rPr")).find(qn("w:rStyle")).get(
        qn("w:val")) == "FootnoteReference"
    # python-docx reads the part back as a plain blob: parse it as Word would.
    notes = {n.get(qn("w:id")): n for n in etree.fromstring(part.blob).findall(qn("w:footnote"))}
    assert notes["-1"].get(qn("w:type")) == "separator"
    assert notes["0"].get(qn("w:type")) == "continuationSeparator"
    text = "".join(t.text for t in notes["1"].iter(qn("w:t")))
    assert text.strip().startswith("Kế hoạch số 118/KH-UBND ngày 09/4/2024")
    assert text.rstrip().endswith("huyện Đông Sơn.")
    assert notes["1"].find(".//" + qn("w:footnoteRef")) is not None
    assert district.styles["footnote reference"].font.superscript
    assert Pt(10) <= district.styles["footnote text"].font.size < Pt(14)
    settings = district.settings.element.find(qn("w:footnotePr"))
    assert [n.get(qn("w:id")) for n in settings] == ["-1", "0"]
    # The documents are in the footnote, not repeated as a list in the body.
    assert not any(p.text.startswith("- Kế hoạch số 118") for p in district.paragraphs)


def test_short_lists_and_a_pack_without_footnotes_stay_in_the_text(
        tmp_path: Path, commune_q1: Report, district_q2: Report, pack: TemplatePack) -> None:
    commune = docx.Document(str(save_docx(render(commune_q1), tmp_path / "xa.docx")))
    assert not commune.part.element.xpath(".//w:footnoteReference")
    assert not any(r.reltype.endswith("/footnotes") for r in commune.part.rels.values())
    plain = replace(pack, settings={**pack.settings, "documents_in_footnote_from": 0})
    document = docx.Document(str(save_docx(render(district_q2, plain), tmp_path / "d.docx")))
    assert not document.part.element.xpath(".//w:footnoteReference")
    assert any(p.text.startswith("- Kế hoạch số 118/KH-UBND") for p in document.paragraphs)


def test_communes_appendix_is_a_landscape_section(tmp_path: Path, commune_q1: Report,
                                                  district_q2: Report,
                                                  pack: TemplatePack) -> None:
    communes = communes_like(replace(commune_q1, status=Status.FINAL), 3, district_q2.unit.code)
    rollup = roll_up(pack.catalogue, district_q2.unit, district_q2.period,
                     [c.unit for c in communes], {c.unit.code: c for c in communes})
    path = save_docx(render(district_q2, rollup=rollup), tmp_path / "huyen.docx")
    document = docx.Document(str(path))
    portrait, *middle, landscape = document.sections
    assert not middle
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert (round(landscape.page_width.mm), round(landscape.page_height.mm)) == (297, 210)
    for name in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        assert getattr(landscape, name) == getattr(portrait, name)
    # Page numbers go on: same header, shown on the section's first page too.
    assert landscape.header.is_linked_to_previous
    assert not landscape.different_first_page_header_footer
    table = document.tables[-1]
    assert table.rows[0].cells[1].text == "Đơn vị"
    width = sum(col.width.mm for col in table.columns)
    assert layout.TEXT_WIDTH < width <= layout.text_width(landscape=True) + 0.5
    # The section break ends the portrait part: the appendix needs no page break of its own.
    label = _by_text(document, "Phụ lục III")
    assert not label.paragraph_format.page_break_before


@pytest.mark.parametrize(("text", "expected"), [
    ("ỦY BAN NHÂN DÂN XÃ THANH MAI", ["ỦY BAN NHÂN DÂN", "XÃ THANH MAI"]),
    ("ỦY BAN NHÂN DÂN HUYỆN MỸ TÚ", ["ỦY BAN NHÂN DÂN", "HUYỆN MỸ TÚ"]),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN HÀ TRUNG", ["ỦY BAN NHÂN DÂN", "THỊ TRẤN HÀ TRUNG"]),
    ("ỦY BAN NHÂN DÂN XÃ", ["ỦY BAN NHÂN DÂN XÃ"]),  # fits
    ("UBND HUYỆN ĐÔNG SƠN", ["UBND HUYỆN ĐÔNG SƠN"]),
])
def test_header_lines_break_after_the_body(text: str, expected: list[str]) -> None:
    column = layout.HEADER_COLUMNS[0] - layout.CELL_MARGINS
    assert layout.header_lines(text, column, layout.ISSUER_SIZE, True) == expected
