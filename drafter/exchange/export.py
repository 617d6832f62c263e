"""Write the Phụ lục table of a report to XLSX (numbers as numbers) or CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from drafter.domain.figures import Figures
from drafter.domain.report import Report
from drafter.errors import DrafterError
from drafter.packs.kinds import pack_for
from drafter.packs.load import TemplatePack
from drafter.vi.numbers import format_number
from drafter.vi.periods import period_name
from drafter.writer.atomic import write_atomic

HEADER = ("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú")
Cell = str | int | float | None


def table_rows(report: Report, pack: TemplatePack) -> list[tuple[str, str, str, Cell, str]]:
    """(stt, label, unit, value, kind) in the layout of the unit's appendix.

    Values are numbers (rates as percentages, ``65.79``), ``Có``/``Không``, a choice, or
    ``None`` when not entered; ``kind`` is ``group``, ``item`` or ``sub``.
    """
    figures = Figures.of(pack.catalogue, report)
    rows: list[tuple[str, str, str, Cell, str]] = []
    for row in pack.catalogue.layout(report.unit.tier).rows:
        if row.is_group:
            rows.append((row.stt, row.label, "", None, "group"))
            continue
        value = figures.value(row.key)
        cell: Cell
        if isinstance(value, bool):
            cell = "Có" if value else "Không"
        elif isinstance(value, Decimal):
            cell = int(value) if value == value.to_integral_value() else float(value)
        else:
            cell = value
        rows.append((row.stt, row.label, figures.indicator(row.key).unit, cell,
                     "sub" if row.sub else "item"))
    return rows


def _xlsx(report: Report, pack: TemplatePack) -> bytes:
    layout = pack.catalogue.layout(report.unit.tier)
    from openpyxl import Workbook  # loaded only when a workbook is written
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    sheet = book.active
    sheet.title = layout.label
    sheet.append([layout.label])
    sheet.append([layout.title])
    sheet.append([f"{report.unit.label}, {period_name(report.period)}"])
    sheet.append(list(HEADER))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for stt, label, unit, value, kind in table_rows(report, pack):
        sheet.append([stt, label, unit, value, ""])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=kind == "group", italic=kind == "sub")
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       indent=1 if kind == "sub" else 0)
        value_cell = sheet.cell(row=sheet.max_row, column=4)
        if isinstance(value, float):
            value_cell.number_format = "#,##0.00"
    for letter, width in zip("ABCDE", (8, 70, 14, 12, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv(report: Report, pack: TemplatePack) -> bytes:
    # Vietnamese Excel reads ";" as the separator and "9,38" as a number.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    for stt, label, unit, value, _kind in table_rows(report, pack):
        number = isinstance(value, int | float)
        text = format_number(Decimal(str(value))) if number else str(value or "")
        writer.writerow([stt, label, unit, text, ""])
    # A BOM lets Excel open the UTF-8 file with its diacritics intact.
    return buffer.getvalue().encode("utf-8-sig")


def export_table(report: Report, path: Path, pack: TemplatePack | None = None) -> Path:
    """Write the appendix table to ``path`` (``.xlsx`` or ``.csv``), atomically."""
    pack = pack or pack_for(report.kind)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return write_atomic(path, _xlsx(report, pack))
    if suffix == ".csv":
        return write_atomic(path, _csv(report, pack))
    raise DrafterError(f"{path}: chỉ xuất được tệp .xlsx hoặc .csv")
