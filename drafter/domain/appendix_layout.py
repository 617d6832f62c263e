"""The appendix forms (Phụ lục): the rows and columns of each tier's statistical table and
the district's table of its communes, read from a pack's ``appendix.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drafter.domain.indicators import Indicator
from drafter.domain.units import Tier
from drafter.errors import PackError

# Tiers whose appendix a pack may leave out, and the tier whose appendix they use then.
LAYOUT_FALLBACK = {Tier.PROVINCE: Tier.DISTRICT, Tier.DEPARTMENT: Tier.DISTRICT}


@dataclass(frozen=True)
class LayoutRow:
    """One appendix row: a group heading (no key), an indicator row, or an italic sub-row."""

    stt: str
    label: str
    key: str = ""
    sub: bool = False
    unit: str = ""  # the form's own unit of measure, when it differs from the indicator's
    note: str = ""  # the form's Ghi chú for this row

    @property
    def is_group(self) -> bool:
        return not self.key

    @property
    def depth(self) -> int:
        """1 for ``1``, 2 for ``1.1``, 3 for ``1.2.1``; sub-rows sit one below their rate."""
        return self.stt.count(".") + 1 if self.stt else 4


# What an appendix column may show, and the built-in form's columns.
COLUMN_FIELDS = ("stt", "label", "unit", "value", "note")


@dataclass(frozen=True)
class Column:
    """A column of a province's own appendix form: the field it shows, its heading and its
    relative width."""

    field: str
    heading: str
    width: float


@dataclass(frozen=True)
class Layout:
    """An appendix form; ``columns`` empty means the built-in five (STT, Chỉ tiêu thống kê,
    Đơn vị tính, Số liệu, Ghi chú)."""

    label: str
    title: str
    rows: tuple[LayoutRow, ...]
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class CommuneTable:
    """The district appendix that lists each commune: ``columns`` are (key, heading) pairs."""

    label: str
    title: str
    columns: tuple[tuple[str, str], ...]


def parse_layout_row(tier: str, raw: Mapping[str, Any], indicators: Mapping[str, Indicator],
                aliases: Mapping[str, str]) -> LayoutRow:
    key = str(raw.get("key", ""))
    key = aliases.get(key, key)
    stt = str(raw.get("stt", ""))
    if key and key not in indicators:
        raise PackError(f"biểu {tier}: chỉ tiêu không có trong danh mục: {key}")
    label = str(raw.get("label") or (indicators[key].label if key else ""))
    # A row with a unit or a sub-row's place but no key would print an empty value in
    # silence: on a province's own form it is a forgotten key, never a group heading.
    if not key and (raw.get("unit") or raw.get("sub")):
        raise PackError(f"biểu {tier}: hàng {stt or label!r} không gắn chỉ tiêu nào "
                        "(thiếu key)")
    return LayoutRow(stt, label, key, bool(raw.get("sub", False)), str(raw.get("unit", "")),
                     str(raw.get("note", "")))


def parse_columns(tier: str, raw: Any) -> tuple[Column, ...]:
    columns = []
    for column in raw:
        name = str(column.get("field", ""))
        if name not in COLUMN_FIELDS:
            raise PackError(f"biểu {tier}: cột không có: {name!r} (dùng "
                            f"{', '.join(COLUMN_FIELDS)})")
        try:
            width = float(column.get("width", 20))
        except (TypeError, ValueError):
            raise PackError(f"biểu {tier}: độ rộng cột {name} không hợp lệ") from None
        columns.append(Column(name, str(column.get("heading", "")), width))
    fields = [column.field for column in columns]
    if columns and not {"label", "value"} <= set(fields):
        raise PackError(f"biểu {tier}: phải có cột label và cột value")
    if len(set(fields)) != len(fields):
        raise PackError(f"biểu {tier}: một cột khai báo hai lần")
    return tuple(columns)


def parse_commune_table(appendix_doc: Mapping[str, Any], indicators: Mapping[str, Indicator],
                        name: str = "communes") -> CommuneTable | None:
    """The table of communes (``[communes]``), or of departments (``[departments]``)."""
    raw = appendix_doc.get(name)
    if raw is None:
        return None
    columns = []
    for column in raw.get("columns", []):
        key = str(column.get("key", ""))
        if key not in indicators:
            raise PackError(f"biểu các xã: chỉ tiêu không có trong danh mục: {key}")
        columns.append((key, str(column.get("label") or indicators[key].label)))
    return CommuneTable(str(raw.get("label", "")), str(raw.get("title", "")), tuple(columns))
