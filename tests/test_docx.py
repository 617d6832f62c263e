"""Acceptance tests on real .docx files read back with python-docx."""

import datetime as dt
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.domain.report import Report
from drafter.narrative import render
from drafter.writer.docx_writer import save_docx

ENGLISH_NUMBER = re.compile(r"\d,\d{3}(?!\d)|\d\.\d{1,2}(?![\d/])")


@pytest.fixture
def commune_docx(tmp_path: Path, commune_q1: Report) -> docx.document.Document:
    path = save_docx(render(commune_q1), tmp_path / "q1.docx")
    return docx.Document(str(path))


def _body_text(document: docx.document.Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_sections_figures_and_rates(commune_docx: docx.document.Document) -> None:
    headings = [p.text for p in commune_docx.paragraphs if p.style.name.startswith("Heading 1")]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V"]
    text = _body_text(commune_docx)
    assert "Tiếp nhận 142 hồ sơ" in text
    assert "Đã giải quyết xong 138 hồ sơ, trong đó 137 hồ sơ đúng hạn (99,28%)" in text
    assert "Có 75/114 TTHC được cung cấp DVCTT (65,79%)" in text
    # Of the 139 files received in the quarter: the 3 carried over were received before it.
    assert "Số hồ sơ tiếp nhận trực tuyến là 61/139 hồ sơ tiếp nhận mới trong quý, chiếm " \
        "43,88%" in text
    assert text.count("./.") == 1


def test_appendix_quotes_the_same_computed_rates(commune_docx: docx.document.Document) -> None:
    table = commune_docx.tables[-1]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows}
    assert rows["3.3.1"][3] == "99,28"
    assert rows["7.2.4"][3] == "43,88"
    assert rows["2.2.1"][3:] == ["-", "Chưa phát sinh"]
    assert rows["STT"] == ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]


def test_no_blank_placeholders_or_english_numbers(commune_docx: docx.document.Document) -> None:
    text = _body_text(commune_docx)
    for bad in ("None", "NaN", "{{", "…", "ngày tháng năm", "  /BC"):
        assert bad not in text
    assert not ENGLISH_NUMBER.search(text), ENGLISH_NUMBER.search(text)


def test_page_and_fonts(commune_docx: docx.document.Document) -> None:
    section = commune_docx.sections[0]
    # Word stores twentieths of a point, so millimetres come back within rounding.
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    normal = commune_docx.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{slot}")) == "Times New Roman"
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert Pt(13) <= normal.font.size <= Pt(14)


def test_header_table_is_borderless_and_has_the_motto(
        commune_docx: docx.document.Document) -> None:
    header = commune_docx.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"none"}
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "ỦY BAN NHÂN DÂN\nXÃ THANH MAI" in left and "Số: 18/BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Thanh Mai, ngày 14 tháng 3 năm 2024" in right


def test_signature_block_and_page_numbers(commune_docx: docx.document.Document) -> None:
    signoff = commune_docx.tables[1]
    left, right = (cell.text for cell in signoff.rows[0].cells)
    assert left.startswith("Nơi nhận:") and left.rstrip().endswith("- Lưu: VT.")
    assert "TM. ỦY BAN NHÂN DÂN" in right and right.rstrip().endswith("Nguyễn Văn Thành")
    assert signoff.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    section = commune_docx.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_appendix_header_repeats_and_rows_never_split(
        commune_docx: docx.document.Document) -> None:
    table = commune_docx.tables[-1]
    first = table.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_properties(commune_docx: docx.document.Document) -> None:
    props = commune_docx.core_properties
    assert props.author == "Ủy ban nhân dân xã Thanh Mai"
    assert "quý I năm 2024" in props.title
    assert "python-docx" not in (props.comments + props.last_modified_by + props.title)
    # Created on the report's date (python-docx's template would say 2013).
    assert props.created is not None and props.created.date() == dt.date(2024, 3, 14)
    assert props.last_modified_by == props.author and props.revision == 1


def test_text_with_xml_characters_is_escaped(tmp_path: Path, commune_q1: Report) -> None:
    commune_q1.lists["strengths"] = ["Phối hợp Đảng ủy & UBND < tốt > \"đúng\""]
    path = save_docx(render(commune_q1), tmp_path / "x.docx")
    assert "Phối hợp Đảng ủy & UBND < tốt >" in _body_text(docx.Document(str(path)))


def test_district_has_its_appendix_and_deputy_signer(tmp_path: Path,
                                                     district_q2: Report) -> None:
    document = docx.Document(str(save_docx(render(district_q2), tmp_path / "d.docx")))
    text = _body_text(document)
    assert "Phụ lục II" in text
    assert "Kính gửi: Sở Nội vụ tỉnh Bắc Hà" in text
    signer = document.tables[1].rows[0].cells[1].text
    assert "KT. CHỦ TỊCH" in signer and "PHÓ CHỦ TỊCH" in signer
    rows = {row.cells[0].text: row.cells[3].text for row in document.tables[-1].rows}
    assert rows["3.3.2"] == "99,89"


def test_appendix_sub_rows_keep_their_columns(commune_docx: docx.document.Document) -> None:
    rows = [[cell.text for cell in row.cells] for row in commune_docx.tables[-1].rows]
    assert all(len(cells) == 5 for cells in rows)
    subs = [cells for cells in rows if cells[1] == "Tổng số VBQPPL cần phải xử lý sau rà soát"]
    assert subs == [["", "Tổng số VBQPPL cần phải xử lý sau rà soát", "Văn bản", "1", ""]]
