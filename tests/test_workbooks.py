"""Workbooks from outside: bounded before reading, named on every failure, and refused when
they belong to another unit, period or level."""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from drafter.cli.main import main
from drafter.datafile import dump_report, load_report
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.exchange import export_table
from drafter.resources import demo_dir


def _import(tmp_path: Path, book: Path, report: Report,
            capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, Path]:
    source = tmp_path / "bao-cao.toml"
    source.write_text(dump_report(report), encoding="utf-8")
    out = tmp_path / "ket-qua.toml"
    code = main(["table", "import", str(book), "--into", str(source), "-o", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err, out


def _refused(tmp_path: Path, book: Path, report: Report, capsys: pytest.CaptureFixture[str],
             *words: str) -> str:
    code, _, err, out = _import(tmp_path, book, report, capsys)
    assert code == 2, err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert book.name in err
    for word in words:
        assert word in err, err
    assert not out.exists()
    return err


def _rewrite(book: Path, part: str, change: object) -> None:
    """Replace one part of an XLSX archive (``change`` maps its old bytes to new ones)."""
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    parts[part] = change(parts[part])  # type: ignore[operator]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_sheet_declaring_a_million_rows_is_read_within_bounds(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    book = export_table(commune_q1, tmp_path / "phu-luc.xlsx")
    _rewrite(book, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        .replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr">'
                                  b"<is><t>x</t></is></c></row></sheetData>"))
    assert book.stat().st_size < 20_000
    started = time.monotonic()
    code, out, err, _ = _import(tmp_path, book, commune_q1, capsys)
    assert time.monotonic() - started < 10
    assert code == 0, err
    assert "Đã nhập" in out


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    book = export_table(commune_q1, tmp_path / "phu-luc.xlsx")
    # 40 million shared strings, or one part of 60 MB of blanks: a few hundred KB packed.
    _rewrite(book, "xl/theme/theme1.xml", lambda xml: xml + b" " * 60_000_000)
    assert book.stat().st_size < 1_000_000
    started = time.monotonic()
    _refused(tmp_path, book, commune_q1, capsys, "quá lớn khi giải nén")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: b"PK\x03\x04" + b"\x00" * 200,
    lambda data: b"not a workbook at all",
])
def test_a_damaged_file_is_one_line(tmp_path: Path, commune_q1: Report, damage: object,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    book = export_table(commune_q1, tmp_path / "phu-luc.xlsx")
    book.write_bytes(damage(book.read_bytes()))  # type: ignore[operator]
    _refused(tmp_path, book, commune_q1, capsys)


@pytest.mark.parametrize(("part", "change"), [
    ("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"<sheetData>", b"<sheetData><row>")),
    ("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'r="A5"', b'r="ZZZZZZZ5"')),
    ("xl/theme/theme1.xml", lambda xml: xml[:100]),
    ("xl/workbook.xml", lambda xml: b"<workbook/>"),
    ("[Content_Types].xml", lambda xml: b"garbage"),
    ("xl/styles.xml", lambda xml: xml.replace(b"<fonts", b"<fonts count=\"x\"")),
])
def test_malformed_parts_are_one_line(tmp_path: Path, commune_q1: Report, part: str,
                                      change: object, capsys: pytest.CaptureFixture[str]) -> None:
    book = export_table(commune_q1, tmp_path / "phu-luc.xlsx")
    _rewrite(book, part, change)
    code, _, err, _ = _import(tmp_path, book, commune_q1, capsys)
    assert "Traceback" not in err
    assert code == 0 or (code == 2 and err.count("\n") == 1 and book.name in err), err


def test_a_workbook_of_another_commune_or_period_is_refused(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    neighbour = replace(commune_q1, unit=replace(commune_q1.unit, code="xa-dong-hoa",
                                                 name="Đông Hòa"))
    book = export_table(neighbour, tmp_path / "phu-luc.xlsx")
    _refused(tmp_path, book, commune_q1, capsys, "của xã đông hòa", "xã Thanh Mai")
    later = replace(commune_q1, period=Period.parse("2024-Q2"))
    book = export_table(later, tmp_path / "phu-luc.xlsx")
    _refused(tmp_path, book, commune_q1, capsys, "kỳ 2024-Q2", "kỳ 2024-Q1")
    same = export_table(commune_q1, tmp_path / "phu-luc.xlsx")
    assert _import(tmp_path, same, commune_q1, capsys)[0] == 0


def test_a_district_table_is_refused_for_a_commune(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    district = load_report(demo_dir() / "huyen-dong-son-2024-Q1.toml")
    book = export_table(district, tmp_path / "phu-luc.xlsx")
    _refused(tmp_path, book, commune_q1, capsys, "Phụ lục II")
    # Without its title rows, the rows themselves give it away.
    sheet_book = load_workbook(book)
    sheet_book.active.delete_rows(1, 3)
    sheet_book.save(book)
    _refused(tmp_path, book, commune_q1, capsys, "Phụ lục II", "cấp khác")


def _edited(tmp_path: Path, report: Report, edit: Any) -> tuple[Path, Any, Any]:
    """The report's workbook after ``edit(sheet, row)`` on its row 1.1."""
    book = export_table(report, tmp_path / "phu-luc.xlsx")
    workbook = load_workbook(book)
    sheet = workbook.active
    row = next(r for r in sheet.iter_rows(min_row=5) if r[0].value == "1.1")
    edit(sheet, row)
    workbook.save(book)
    return book, sheet, row


def test_a_row_given_twice_is_refused_naming_both(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    book, sheet, _ = _edited(tmp_path, commune_q1,
                             lambda sheet, row: sheet.append([cell.value for cell in row]))
    err = _refused(tmp_path, book, commune_q1, capsys, "dòng 6 và dòng", "một dòng")
    assert f"dòng {sheet.max_row}" in err


def test_formula_cells_without_a_value_are_listed(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    # openpyxl saves formulas without computing them
    book, _, row = _edited(tmp_path, commune_q1,
                           lambda sheet, row: setattr(row[3], "value", "=2+3"))
    code, out, err, result = _import(tmp_path, book, commune_q1, capsys)
    assert code == 0, err
    assert "1 ô công thức chưa có giá trị" in out and f"dòng {row[0].row}, cột D" in out
    assert load_report(result).figures["directive_docs"] == commune_q1.figures["directive_docs"]


@pytest.mark.parametrize(("content", "words"), [
    ('STT;Chỉ tiêu thống kê;Số liệu\n1.1;"'.encode() + b"x" * 200_000 + b'";2\n', ("CSV",)),
    ("STT;Chỉ tiêu thống kê;Số liệu\n".encode() + b"1;a;2\n" * 6000, ("5.000 dòng",)),
    (b"\xff\xfe\x00\x00", ("UTF-8",)),
], ids=["huge-field", "too-many-rows", "not-utf8"])
def test_bad_csv_files(tmp_path: Path, commune_q1: Report, content: bytes,
                       words: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "phu-luc.csv"
    book.write_bytes(content)
    _refused(tmp_path, book, commune_q1, capsys, *words)


def test_a_date_where_a_number_belongs(tmp_path: Path, commune_q1: Report,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    book, _, _ = _edited(tmp_path, commune_q1,
                         lambda sheet, row: setattr(row[3], "value", dt.datetime(2024, 3, 1)))
    _refused(tmp_path, book, commune_q1, capsys, "dòng", "1.1", "phải là số")
