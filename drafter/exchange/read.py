"""Read a workbook's cells as rows, whatever produced it (XLSX or CSV)."""

from __future__ import annotations

import csv
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from drafter.errors import DataFileError
from drafter.vi.text import clean

RawCell = str | int | float | bool | None


def norm_cell(cell: RawCell) -> str:
    """A cell as text to match on: cleaned, lower case, without trailing ``.:`` or spaces."""
    return "" if cell is None else clean(str(cell)).lower().rstrip(" .:")


def read_rows(path: Path, sheet: str | None = None) -> list[list[RawCell]]:
    """All rows of the first sheet, or of ``sheet`` (XLSX), or of the file (CSV, ``,`` ``;``
    or tab separated).

    Merged cells read as their top-left value followed by blanks, as openpyxl gives them.
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DataFileError(str(path), "", "không tìm thấy tệp")
    if suffix == ".csv":
        if sheet is not None:
            raise DataFileError(str(path), "", "tệp CSV chỉ có một trang, không chọn được "
                                f"trang «{sheet}»")
        return _csv_rows(path)
    if suffix != ".xlsx":
        raise DataFileError(str(path), "", "chỉ đọc được tệp .xlsx hoặc .csv")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DataFileError(str(path), "", f"không mở được bảng tính ({exc})") from None
    if sheet is not None and sheet not in book.sheetnames:
        book.close()
        raise DataFileError(str(path), "", f"không có trang tính «{sheet}» (có: "
                            f"{', '.join(book.sheetnames)})")
    chosen = book[sheet] if sheet is not None else book.worksheets[0]
    rows = [[_value(cell) for cell in row] for row in chosen.iter_rows()]
    book.close()
    return rows


def _value(cell: Any) -> RawCell:
    """A cell's value; a cell formatted as a percentage (0,6579 shown as 65,79%) as 65.79."""
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return float(Decimal(str(value)) * 100)
    return value


def _csv_rows(path: Path) -> list[list[RawCell]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(str(path), "", "tệp CSV không phải văn bản UTF-8") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(text.splitlines(), dialect)]
