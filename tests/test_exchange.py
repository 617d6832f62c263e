"""The appendix table out to XLSX/CSV and back, and a messy hand-made workbook."""

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from drafter.cli.main import main
from drafter.datafile import load_report
from drafter.domain.report import Report
from drafter.domain.units import Tier
from drafter.errors import DataFileError
from drafter.exchange import export_table, import_table
from drafter.packs.load import TemplatePack
from drafter.resources import demo_dir


def _layout_figures(report: Report, pack: TemplatePack) -> dict[str, object]:
    keys = {row.key for row in pack.catalogue.layout(report.unit.tier).rows if row.key}
    return {k: v for k, v in report.figures.items() if k in keys}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("name", ["xa-thanh-mai-2024-Q1", "huyen-dong-son-2024-Q2"])
def test_round_trip(tmp_path: Path, pack: TemplatePack, name: str, suffix: str) -> None:
    report = load_report(demo_dir() / f"{name}.toml")
    path = export_table(report, tmp_path / f"table{suffix}")
    result = import_table(path, report.unit.tier)
    assert result.unmatched == []
    assert result.figures == _layout_figures(report, pack)
    assert result.figures  # the layouts hold most figures: the comparison is not vacuous
    # Rates come back as stated values and agree with the counts they were computed from.
    assert result.stated["files_online_rate" if "xa" in name else "all_files_online_rate"]


def test_xlsx_layout_matches_the_reference_appendix(tmp_path: Path,
                                                    commune_q1: Report) -> None:
    sheet = load_workbook(export_table(commune_q1, tmp_path / "t.xlsx")).active
    assert [c.value for c in sheet[4]] == ["STT", "Chỉ tiêu thống kê", "Đơn vị tính",
                                          "Số liệu", "Ghi chú"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=5) if row[0].value}
    assert rows["1"][0].font.b and rows["1"][1].value == "Công tác chỉ đạo điều hành CCHC"
    assert rows["1.2"][3].value == pytest.approx(9.38)
    assert rows["3.1.4"][3].value == 114 and rows["3.1.4"][2].value == "Thủ tục"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def messy_workbook(tmp_path: Path) -> Path:
    """As a commune sends it: titles, merged cells, an extra column, blank rows, numbers as
    text in Vietnamese style, a percentage cell, decomposed Unicode and a row of its own."""
    book = Workbook()
    sheet = book.active
    sheet.append(["UBND XÃ THANH MAI"])
    sheet.merge_cells("A1:E1")
    sheet.append(["BIỂU THỐNG KÊ SỐ LIỆU"])
    sheet.append([])
    sheet.append(["STT", "Chỉ tiêu thống kê", "Nguồn số liệu", "Đơn vị tính", "Số liệu",
                  "Ghi chú"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["1", "Công tác chỉ đạo điều hành CCHC  "])
    sheet.append(["1.1", "Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn "
                  "chỉ đạo, quán triệt)", "VP", "Văn bản", "02"])
    sheet.append(["1.2.1", _nfd("Số nhiệm vụ đề ra trong kế hoạch"), "", "Nhiệm vụ", 32.0])
    sheet.append(["1.2.2", "Số nhiệm vụ đã hoàn thành", "", "Nhiệm vụ", "3"])
    sheet.append([])
    sheet.append(["3.1.4", "Tổng số TTHC thuộc thẩm quyền giải quyết tại cơ quan, đơn vị",
                  "", "Thủ tục", "1.234"])
    sheet.append(["7.2.4", "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến (chỉ thống kê đối với "
                  "các TTHC trực tuyến có phát sinh hồ sơ)", "", "%", 0.4296])
    sheet.cell(row=sheet.max_row, column=5).number_format = "0.00%"
    sheet.append([None, "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp, bưu chính công ích và "
                  "trực tuyến)", "", "Hồ sơ", 142])
    sheet.append([None, "Số hồ sơ TTHC đã tiếp nhận trực tuyến", "", "Hồ sơ", "61"])
    sheet.append(["7.2.5", "Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến", "",
                  "%", "65,79%"])
    sheet.append(["1.4", "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh "
                  "nghiệp", "", "Có/Không", "Có"])
    sheet.append(["9.9", "Số cuộc họp giao ban của xã", "", "Cuộc", 12])
    sheet.append(["3.1.1", "Số TTHC đã được phê duyệt phương án đơn giản hóa", "", "Thủ tục",
                  "-"])
    path = tmp_path / "messy.xlsx"
    book.save(path)
    return path


def test_messy_workbook_imports_exactly(messy_workbook: Path) -> None:
    result = import_table(messy_workbook, Tier.COMMUNE)
    assert result.figures == {
        "directive_docs": 2, "plan_tasks": 32, "plan_tasks_done": 3, "procedures_total": 1234,
        "files_online": 61, "dialogue_held": True,
    }
    # The form's "đã tiếp nhận (cả trực tiếp, bưu chính công ích và trực tuyến)" under the
    # online rate are the files received in the period, which the figures derive: stated,
    # to be checked against them, never taken as every file received.
    assert result.stated == {"files_online_rate": Decimal("42.96"), "files_new": Decimal(142),
                             "online_payment_rate": Decimal("65.79")}
    assert result.unmatched == ["dòng 17: 9.9 Số cuộc họp giao ban của xã"]


@pytest.mark.parametrize(("cell", "message"), [
    ("4,747", "phải là số nguyên"),  # Vietnamese reads it as 4,747 = 4.747, not a count
    ("4.747.5", "phải là số"),
    ("3,5", "phải là số nguyên"),
    ("nhiều", "phải là số"),
    (-4, "không được âm"),
])
def test_bad_values_stop_the_import_naming_the_row(tmp_path: Path, cell: object,
                                                   message: str) -> None:
    book = Workbook()
    book.active.append(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"])
    book.active.append(["1.2.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", cell])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(DataFileError, match=message) as info:
        import_table(path, Tier.COMMUNE)
    assert "dòng 2 (1.2.1)" in str(info.value)


def test_stt_and_label_must_agree(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["STT", "Chỉ tiêu thống kê", "Số liệu"])
    book.active.append(["1.2.1", "Số nhiệm vụ đã hoàn thành", 3])
    path = tmp_path / "shifted.xlsx"
    book.save(path)
    result = import_table(path, Tier.COMMUNE)
    assert result.figures == {} and result.unmatched == ["dòng 2: 1.2.1 Số nhiệm vụ đã hoàn thành"]


@pytest.mark.parametrize(("content", "message"), [
    (b"STT;Ten;Gia tri\n1;a;2\n", "không tìm thấy dòng tiêu đề"),
    (b"\xff\xfe\x00garbage", "không phải văn bản UTF-8"),
])
def test_unreadable_tables_fail_clearly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match=message):
        import_table(path, Tier.COMMUNE)


def test_a_broken_xlsx_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip")
    with pytest.raises(DataFileError, match="không mở được bảng tính"):
        import_table(path, Tier.COMMUNE)


def test_cli_table_export_and_import(tmp_path: Path, messy_workbook: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
    out = tmp_path / "t.xlsx"
    assert main(["table", "export", str(source), "-o", str(out)]) == 0
    assert out.is_file()
    updated = tmp_path / "updated.toml"
    assert main(["table", "import", str(messy_workbook), "--into", str(source),
                 "-o", str(updated)]) == 0
    printed = capsys.readouterr().out
    assert "Đã nhập 6 số liệu và 3 tỷ lệ, tổng" in printed
    assert "9.9 Số cuộc họp giao ban của xã" in printed
    report = load_report(updated)
    assert report.figures["procedures_total"] == 1234
    assert report.stated["files_online_rate"] == Decimal("42.96")
    assert main(["check", str(updated)]) == 1
    # The workbook's 42,96% online rate is 61 of every file received (142), the 03 carried
    # over included; of the 139 received in the quarter it is 43,88%: said, as is its
    # payment rate, which its counts contradict too.
    checked = capsys.readouterr().out
    assert "được ghi là 42,96% nhưng tính từ số liệu là 43,88% (61/139)" in checked
    assert "được ghi là 142 hồ sơ, khác với số liệu đã nhập (139 hồ sơ)" in checked
    assert "được ghi là 65,79% nhưng tính từ số liệu là 75% (9/12)" in checked


def test_table_export_and_import_follow_the_pack(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A province's own form: its rows out, and back in to the same figures."""
    from drafter.packs.tools import init_pack

    pack = init_pack(tmp_path / "pack")
    appendix = pack / "appendix.toml"
    appendix.write_text(appendix.read_text(encoding="utf-8").replace(
        'label = "Số văn bản chỉ đạo CCHC đã ban hành (kết luận, chỉ thị, công văn chỉ đạo, '
        'quán triệt)"', 'label = "Văn bản chỉ đạo về CCHC của tỉnh"', 1), encoding="utf-8")
    source = demo_dir() / "xa-thanh-mai-2024-Q1.toml"
    out = tmp_path / "t.csv"
    assert main(["--pack", str(pack), "table", "export", str(source), "-o", str(out)]) == 0
    assert "Văn bản chỉ đạo về CCHC của tỉnh" in out.read_text(encoding="utf-8-sig")
    again = tmp_path / "again.toml"
    assert main(["--pack", str(pack), "table", "import", str(out), "--into", str(source),
                 "-o", str(again)]) == 0
    assert "không khớp" not in capsys.readouterr().out
    assert load_report(again).figures == load_report(source).figures
