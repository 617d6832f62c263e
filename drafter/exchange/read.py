"""Read a workbook's cells as rows, whatever produced it (XLSX or CSV), within bounds.

Workbooks come from outside (a commune's clerk, a spreadsheet program, anyone): the file
size, the uncompressed size of an XLSX (a 9 KB file can unpack to gigabytes), the number of
rows and columns are bounded before anything is read, and every failure of the parsers is a
:class:`DataFileError` naming the file.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from drafter.domain.limits import MAX_BOOK_BYTES, MAX_BOOK_COLUMNS, MAX_BOOK_ROWS, MAX_BOOK_UNPACKED
from drafter.errors import DataFileError
from drafter.files.guard import FileRefused, read_bounded
from drafter.vi.text import clean

RawCell = str | int | float | bool | None
_MAX_PARTS = 1_000  # files inside an XLSX; a real one has about 10


@dataclass
class Book:
    """The first sheet's rows, and the formula cells that have no saved value (a workbook
    written by a program that does not compute formulas): ``dòng 12, cột D``."""

    rows: list[list[RawCell]]
    uncomputed: list[str] = field(default_factory=list)


def norm_cell(cell: RawCell) -> str:
    """A cell as text to match on: cleaned, lower case, without trailing ``.:`` or spaces."""
    return "" if cell is None else clean(str(cell)).lower().rstrip(" .:")


def read_rows(path: Path, sheet: str | None = None) -> list[list[RawCell]]:
    """All rows of the first sheet, or of ``sheet`` (XLSX), or of the file (CSV, ``,`` ``;``
    or tab separated).

    Merged cells read as their top-left value followed by blanks, as openpyxl gives them.
    """
    return read_book(path, sheet).rows


def read_book(path: Path, sheet: str | None = None) -> Book:
    """The rows of a workbook (its first sheet, or ``sheet``) and its formula cells without
    a value."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DataFileError(str(path), "", "chỉ đọc được tệp .xlsx hoặc .csv")
    try:
        data = read_bounded(path, MAX_BOOK_BYTES, "một bảng số liệu")
    except FileRefused as exc:
        raise DataFileError(str(path), "", exc.problem) from None
    if suffix == ".csv":
        if sheet is not None:
            raise DataFileError(str(path), "", "tệp CSV chỉ có một trang, không chọn được "
                                f"trang «{sheet}»")
        return Book(_csv_rows(path, data))
    _check_archive(path, data)
    try:
        values = _sheet(path, data, data_only=True, name=sheet)
        formulas = _sheet(path, data, data_only=False, name=sheet)
    except DataFileError:
        raise
    except Exception as exc:  # openpyxl on a malformed file raises nearly anything
        raise DataFileError(str(path), "", f"không đọc được bảng tính ({_why(exc)})") from None
    return Book(_trimmed([[_value(cell) for cell in row] for row in values]),
                _uncomputed(values, formulas))


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def _check_archive(path: Path, data: bytes) -> None:
    """Refuse a workbook whose parts would unpack to more than the bound."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DataFileError(str(path), "", f"không mở được bảng tính, tệp không phải .xlsx "
                            f"hợp lệ ({_why(exc)})") from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > _MAX_PARTS or unpacked > MAX_BOOK_UNPACKED:
        raise DataFileError(str(path), "", "bảng tính quá lớn khi giải nén (hơn "
                            f"{MAX_BOOK_UNPACKED // 1_000_000} MB); đây không phải bảng số "
                            "liệu báo cáo")


def _sheet(path: Path, data: bytes, data_only: bool, name: str | None) -> list[list[Any]]:
    """The cells of the first sheet (or sheet ``name``), at most the bounded rows and
    columns."""
    from openpyxl import load_workbook  # loaded only when a workbook is read

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        if not book.worksheets:
            raise DataFileError(str(path), "", "bảng tính không có trang tính nào")
        if name is not None and name not in book.sheetnames:
            raise DataFileError(str(path), "", f"không có trang tính «{name}» (có: "
                                f"{', '.join(book.sheetnames)})")
        sheet = book[name] if name is not None else book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(max_row=MAX_BOOK_ROWS + 1, max_col=MAX_BOOK_COLUMNS):
            rows.append(list(row))
    finally:
        book.close()
    if len(rows) > MAX_BOOK_ROWS and any(_value(cell) is not None for cell in rows[-1]):
        raise DataFileError(str(path), "", f"bảng tính có hơn {MAX_BOOK_ROWS:,} dòng; đây "
                            "không phải bảng số liệu báo cáo".replace(",", "."))
    return rows[:MAX_BOOK_ROWS]


def _value(cell: Any) -> RawCell:
    """A cell's value; a cell formatted as a percentage (0,6579 shown as 65,79%) as 65.79."""
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return float(Decimal(str(value)) * 100)
    if value is not None and not isinstance(value, str | int | float | bool):
        return str(value)  # a date or time: text, refused where a number is expected
    return value


def _uncomputed(values: list[list[Any]], formulas: list[list[Any]]) -> list[str]:
    from openpyxl.utils import get_column_letter

    found = []
    for number, (row, formula_row) in enumerate(zip(values, formulas, strict=False), start=1):
        for column, (cell, formula) in enumerate(zip(row, formula_row, strict=False), start=1):
            text = getattr(formula, "value", None)
            if isinstance(text, str) and text.startswith("=") and \
                    getattr(cell, "value", None) is None:
                found.append(f"dòng {number}, cột {get_column_letter(column)}")
    return found


def _trimmed(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Without the trailing empty rows a declared (or padded) sheet size adds."""
    while rows and all(cell is None or cell == "" for cell in rows[-1]):
        rows.pop()
    return rows


def _csv_rows(path: Path, data: bytes) -> list[list[RawCell]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(str(path), "", "tệp CSV không phải văn bản UTF-8") from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[RawCell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if len(rows) >= MAX_BOOK_ROWS:
                raise DataFileError(str(path), "", f"tệp có hơn {MAX_BOOK_ROWS:,} dòng; đây "
                                    "không phải bảng số liệu báo cáo".replace(",", "."))
            rows.append(list(row[:MAX_BOOK_COLUMNS]))
    except csv.Error as exc:
        raise DataFileError(str(path), "", f"tệp CSV không đọc được ({_why(exc)})") from None
    return _trimmed(rows)
