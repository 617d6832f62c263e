"""Import figures from a workbook laid out like the appendix: rows matched by STT and label.

Nothing is guessed: a row whose STT and label disagree with the pack's layout, or whose label
is unknown, is reported as unmatched; a value that cannot be read as the indicator's type
stops the import with a message naming the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from drafter.datafile import fields
from drafter.domain.appendix_layout import LayoutRow
from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.domain.periods import Period
from drafter.domain.report import Report, Value
from drafter.domain.units import Tier, Unit
from drafter.errors import DataFileError
from drafter.exchange.identity import title_problem
from drafter.exchange.read import RawCell, norm_cell, read_book
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.vi.text import clean

_EMPTY = {"", "-", "–", "x"}


@dataclass
class ImportResult:
    """Figures read, values stated for derived rows (checked later), rows left unmatched,
    and formula cells without a saved value (their rows are not imported)."""

    figures: dict[str, Value] = field(default_factory=dict)
    stated: dict[str, Decimal] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    uncomputed: list[str] = field(default_factory=list)

    def apply(self, report: Report) -> None:
        """Put the figures read into ``report`` (stated rates replace earlier ones)."""
        report.figures.update(self.figures)
        report.stated.update(self.stated)


def _columns(rows: list[list[RawCell]], path: Path) -> tuple[int, int, int, int]:
    """(header row index, STT column, label column, value column)."""
    for index, row in enumerate(rows[:30]):
        cells = [norm_cell(c) for c in row]
        stt = next((i for i, c in enumerate(cells) if c in ("stt", "tt", "số tt")), None)
        label = next((i for i, c in enumerate(cells)
                      if c.startswith(("chỉ tiêu", "nội dung", "tên chỉ tiêu"))), None)
        value = next((i for i, c in enumerate(cells)
                      if c.startswith(("số liệu", "kết quả", "giá trị", "số lượng"))), None)
        if stt is not None and label is not None and value is not None:
            return index, stt, label, value
    raise DataFileError(str(path), "", "không tìm thấy dòng tiêu đề của biểu (cần các cột "
                        "STT, Chỉ tiêu thống kê và Số liệu)")


def _cell(row: list[RawCell], column: int) -> RawCell:
    return row[column] if column < len(row) else None


def _match(layout: tuple[LayoutRow, ...], stt: str, label: str, after: int) -> int | None:
    """The layout position of a row: by STT and label, or by label after the last match."""
    if stt:
        for position, row in enumerate(layout):
            if row.stt == stt and norm_cell(row.label) == label:
                return position
        return None
    candidates = [i for i, row in enumerate(layout) if norm_cell(row.label) == label]
    later = [i for i in candidates if i > after]
    if later:
        return later[0]
    return candidates[0] if len(candidates) == 1 else None


def _value(catalogue: Catalogue, key: str, cell: RawCell) -> Value:
    indicator = catalogue[key]
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raw: object = Decimal(str(cell)) if isinstance(cell, float) else cell
    else:
        raw = clean(str(cell))
        if indicator.type is not ValueType.CHOICE and indicator.type is not ValueType.BOOL:
            raw = str(raw).removesuffix("%").strip()
    if indicator.derived:
        return fields.stated(raw, indicator)
    return fields.figure(indicator, raw)


def import_table(path: Path, tier: Tier, pack: TemplatePack | None = None, *,
                 unit: Unit | None = None, period: Period | None = None) -> ImportResult:
    """Read the figures of a workbook laid out like the ``tier`` appendix.

    With ``unit`` and ``period`` (the report receiving the figures), a workbook whose title
    names another unit, period or level is refused; so is one that holds another level's
    rows, or the same row twice.
    """
    pack = pack or builtin_pack()
    layout = pack.catalogue.layout(tier).rows
    book = read_book(path)
    rows = book.rows
    header, stt_col, label_col, value_col = _columns(rows, path)
    if unit is not None and period is not None:
        problem = title_problem(rows, header, unit, period, pack.catalogue)
        if problem:
            raise DataFileError(str(path), "", problem)
    result = ImportResult(uncomputed=book.uncomputed)
    seen: dict[int, int] = {}
    last = -1
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        stt, label = norm_cell(_cell(row, stt_col)), norm_cell(_cell(row, label_col))
        value = _cell(row, value_col)
        if not label:
            continue
        position = _match(layout, stt, label, last)
        if position is None:
            _foreign_row(pack, tier, stt, label, number, path)
            shown = clean(str(_cell(row, label_col)))
            result.unmatched.append(f"dòng {number}: {stt + ' ' if stt else ''}{shown}")
            continue
        last = position
        key = layout[position].key
        if key and position in seen:
            raise DataFileError(str(path), f"dòng {seen[position]} và dòng {number}",
                                f"cùng là chỉ tiêu «{layout[position].label}»; bảng chỉ được "
                                "có mỗi chỉ tiêu một dòng")
        seen[position] = number
        if not key or value is None or norm_cell(value) in _EMPTY:
            continue
        try:
            parsed = _value(pack.catalogue, key, value)
        except ValueError as exc:
            where = f"dòng {number} ({layout[position].stt or layout[position].label})"
            raise DataFileError(str(path), where, f"giá trị {_shown(value)} {exc}") from None
        if pack.catalogue[key].derived:
            assert isinstance(parsed, Decimal)
            result.stated[key] = parsed
        else:
            result.figures[key] = parsed
    return result


def _shown(value: RawCell) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _foreign_row(pack: TemplatePack, tier: Tier, stt: str, label: str, number: int,
                 path: Path) -> None:
    """Refuse a row that belongs to another level's appendix (a district's table imported
    into a commune's report)."""
    for other, layout in pack.catalogue.layouts.items():
        if other is tier or not stt:
            continue
        if any(row.stt == stt and norm_cell(row.label) == label for row in layout.rows):
            raise DataFileError(str(path), f"dòng {number} ({stt})",
                                f"là dòng của {layout.label} (biểu của cấp khác), không phải "
                                f"{pack.catalogue.layout(tier).label}")
