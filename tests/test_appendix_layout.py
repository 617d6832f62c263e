"""A province's own appendix form in a pack (appendix.toml): its rows in its order and
numbering, its columns and headings, its units and a Ghi chú per row — rendered and read
back from the DOCX; a row that names no indicator is caught by ``drafter pack check``."""

from __future__ import annotations

from pathlib import Path

import docx

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.packs.load import load_pack
from drafter.packs.tools import check_pack, init_pack
from drafter.resources import demo_dir
from drafter.writer.docx_writer import save_docx

Q1 = demo_dir() / "xa-thanh-mai-2024-Q1.toml"

# Sóc Trăng-like "Phụ lục 2, Bảng 2": Roman groups, the files first, four columns with the
# value before the unit and no separate STT heading wording, a Ghi chú on some rows.
FORM = '''
[commune]
label = "Phụ lục 2, Bảng 2"
title = "SỐ LIỆU CẢI CÁCH HÀNH CHÍNH CẤP XÃ"
columns = [
  { field = "stt", heading = "TT", width = 10 },
  { field = "label", heading = "Nội dung", width = 90 },
  { field = "value", heading = "Kết quả", width = 22 },
  { field = "unit", heading = "ĐVT", width = 18 },
  { field = "note", heading = "Ghi chú", width = 30 },
]
rows = [
  { stt = "I", label = "GIẢI QUYẾT HỒ SƠ" },
  { stt = "a", key = "files_received", label = "Hồ sơ tiếp nhận trong kỳ", note = "Cả trực tuyến" },
  { stt = "b", key = "files_on_time_rate", label = "Tỷ lệ đúng hạn", note = "Theo phần mềm" },
  { stt = "II", label = "CHỈ ĐẠO, ĐIỀU HÀNH" },
  { stt = "a", key = "directive_docs", label = "Văn bản chỉ đạo", unit = "VB" },
  { stt = "b", key = "plan_tasks_done", label = "Nhiệm vụ đã hoàn thành" },
]
'''


def _pack_with(tmp_path: Path, form: str) -> Path:
    path = init_pack(tmp_path / "soc-trang")
    appendix = (path / "appendix.toml").read_text(encoding="utf-8")
    start = appendix.index("[commune]")
    end = appendix.index("[district]")
    (path / "appendix.toml").write_text(appendix[:start] + form.strip() + "\n\n" +
                                        appendix[end:], encoding="utf-8")
    return path


def _appendix_table(path: Path) -> list[list[str]]:
    tables = docx.Document(str(path)).tables
    appendix = next(t for t in tables if t.rows[0].cells[0].text in ("STT", "TT"))
    return [[cell.text for cell in row.cells] for row in appendix.rows]


def test_a_provinces_own_form_is_rendered_and_read_back(tmp_path: Path) -> None:
    pack = load_pack(_pack_with(tmp_path, FORM))
    document = render(load_report(Q1, pack.catalogue), pack)
    rows = _appendix_table(save_docx(document, tmp_path / "form.docx"))
    assert rows == [
        ["TT", "Nội dung", "Kết quả", "ĐVT", "Ghi chú"],
        ["I", "GIẢI QUYẾT HỒ SƠ", "", "", ""],
        ["a", "Hồ sơ tiếp nhận trong kỳ", "142", "Hồ sơ", "Cả trực tuyến"],
        ["b", "Tỷ lệ đúng hạn", "99,28", "%", "Theo phần mềm"],
        ["II", "CHỈ ĐẠO, ĐIỀU HÀNH", "", "", ""],
        ["a", "Văn bản chỉ đạo", "2", "VB", ""],
        ["b", "Nhiệm vụ đã hoàn thành", "3", "Nhiệm vụ", ""],
    ]
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "form.docx")).paragraphs]
    assert "Phụ lục 2, Bảng 2" in paragraphs


def test_the_builtin_form_is_unchanged(tmp_path: Path) -> None:
    rows = _appendix_table(save_docx(render(load_report(Q1)), tmp_path / "builtin.docx"))
    assert rows[0] == ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]
    assert rows[2][:4] == ["1.1", "Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, "
                           "công văn chỉ đạo, quán triệt)", "Văn bản", "2"]


def test_pack_check_catches_a_row_that_names_no_indicator(tmp_path: Path) -> None:
    assert check_pack(_pack_with(tmp_path / "good", FORM)) == []
    broken = FORM.replace('key = "directive_docs", ', "")
    [problem] = check_pack(_pack_with(tmp_path / "bad", broken))
    assert problem.endswith("biểu commune: hàng 'a' không gắn chỉ tiêu nào (thiếu key)")
    typo = FORM.replace('field = "unit"', 'field = "units"')
    [problem] = check_pack(_pack_with(tmp_path / "typo", typo))
    assert problem.endswith("biểu commune: cột không có: 'units' (dùng stt, label, unit, "
                            "value, note)")
    unknown = FORM.replace('note = "Cả trực tuyến"', 'ghi_chu = "Cả trực tuyến"')
    [problem] = check_pack(_pack_with(tmp_path / "unknown", unknown))
    assert "ghi_chu" in problem
