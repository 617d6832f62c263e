"""What a record may hold: sizes, lengths and number ranges, checked on every way in.

A records tool must refuse the absurd before it reaches a template, the writer or the
database: a NaN or 10^30 figure, a 10 000-character unit name (DOCX core properties hold 255),
a code that climbs out of a folder when it becomes a file name, a 76 MB "data file". Every
check raises ``ValueError`` in Vietnamese (``UnitError`` names the field) so each way in (data
file, workbook, TUI form, database) reports it in its own words.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

from drafter.domain.indicators import ValueType
from drafter.domain.units import KINDS, Unit

# Unit codes become file names (``xa-cam-giang-2024-Q1.docx``): ASCII letters, digits, "-".
CODE_PATTERN = re.compile(r"^[a-z0-9-]+$")
MAX_CODE = 64

# One-line text fields of a unit, by field name (``signer.name`` for the signer's).
UNIT_TEXT_LIMITS: dict[str, int] = {
    "kind": 20, "name": 100, "province": 100, "place": 100, "superior": 200, "archive": 50,
    "signer.name": 100, "signer.title": 100,
}
# How a message names each field of a unit profile (the TUI form and the store's errors).
UNIT_FIELD_NAMES: dict[str, str] = {
    "code": "mã đơn vị", "kind": "loại đơn vị", "name": "tên đơn vị", "province": "tỉnh",
    "place": "địa danh ghi ở dòng ngày tháng", "superior": "cơ quan cấp trên",
    "parent": "mã đơn vị cấp trên", "archive": "nơi lưu", "recipients": "nơi nhận",
    "signer.name": "họ tên người ký", "signer.title": "chức vụ người ký",
}
MAX_LINE = 1_000  # any other one-line text (a document's subject, the "Kính gửi" line)
MAX_PARAGRAPH = 10_000  # a note paragraph or a list item
MAX_ITEMS = 200  # items in any one list (recipients, tasks, documents cited …)
MAX_FILE_BYTES = 2_000_000  # a report's data file is about 10 KB
MAX_BOOK_BYTES = 20_000_000  # a workbook file, as stored (compressed)
MAX_BOOK_UNPACKED = 50_000_000  # the same, uncompressed: a zip bomb stops here
MAX_BOOK_ROWS = 5_000  # the appendix has about 100 rows; a scores table one per commune
MAX_BOOK_COLUMNS = 100
MAX_DECIMALS = 6

# The largest value a figure of each type may take; nothing real comes near.
MAX_VALUE: dict[ValueType, Decimal] = {
    ValueType.COUNT: Decimal(10) ** 9,
    ValueType.MONEY: Decimal(10) ** 12,  # the built-in pack counts money in millions of đồng
    ValueType.DECIMAL: Decimal(10) ** 12,
    ValueType.SCORE: Decimal(10) ** 4,
}
MAX_STATED = Decimal(10) ** 12


class UnitError(ValueError):
    """A unit field breaks a rule: ``field`` is its data-file name (``signer.name``)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field = field
        self.problem = problem


def check_code(code: str) -> str:
    """``code`` if it can serve as a unit code (and a file name); else ``ValueError``."""
    if not code:
        raise ValueError("không được để trống")
    if len(code) > MAX_CODE:
        raise ValueError(f"dài quá {MAX_CODE} ký tự")
    if not CODE_PATTERN.match(code):
        raise ValueError(f"{code!r} chỉ được gồm chữ thường không dấu, chữ số và dấu gạch "
                         "ngang (ví dụ xa-cam-giang)")
    return code


def check_text(value: str, limit: int = MAX_LINE) -> str:
    """``value`` if it is at most ``limit`` characters."""
    if len(value) > limit:
        raise ValueError(f"dài {len(value)} ký tự, quá giới hạn {limit} ký tự")
    return value


def check_items(items: list[Any], limit: int = MAX_ITEMS) -> list[Any]:
    """``items`` if the list holds at most ``limit`` of them."""
    if len(items) > limit:
        raise ValueError(f"có {len(items)} mục, quá giới hạn {limit} mục")
    return items


def check_number(value: Decimal, maximum: Decimal = MAX_STATED) -> Decimal:
    """``value`` if it is finite, at most ``maximum`` in size and not absurdly precise."""
    if not value.is_finite():
        raise ValueError(f"phải là một số hữu hạn, không phải {value}")
    if abs(value) > maximum:
        raise ValueError(f"quá lớn ({value:,.0f} > {maximum:,.0f})".replace(",", "."))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS and value != \
            value.quantize(Decimal(1).scaleb(-MAX_DECIMALS)):
        raise ValueError(f"có quá {MAX_DECIMALS} chữ số thập phân")
    return value


def _unit_texts(unit: Unit) -> dict[str, Any]:
    """Every field of the unit by data-file name, the signer's as ``signer.*``; generic over
    the dataclass, so fields added to :class:`Unit` later are capped too."""
    values: dict[str, Any] = {}
    for item in dataclasses.fields(unit):
        value = getattr(unit, item.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for inner in dataclasses.fields(value):
                values[f"{item.name}.{inner.name}"] = getattr(value, inner.name)
        else:
            values[item.name] = value
    return values


def check_unit(unit: Unit) -> Unit:
    """``unit`` if every field keeps the rules; else :class:`UnitError` naming the field.

    The one place unit profiles are validated: data files, the TUI's form and the store
    all call it. The fields a person types are checked before the code made from them.
    A unit may not know its signer yet (the checks warn on its reports), never its name.
    """
    texts = _unit_texts(unit)
    if not str(texts.get("name", "")).strip():
        raise UnitError("name", "không được để trống")
    for name, value in texts.items():
        if name in ("code", "parent"):
            continue
        try:
            if isinstance(value, str):
                check_text(value, UNIT_TEXT_LIMITS.get(name, MAX_LINE))
            elif isinstance(value, tuple | list):
                check_items(list(value))
                for item in value:
                    if isinstance(item, str):
                        check_text(item)
        except ValueError as exc:
            raise UnitError(name, str(exc)) from None
    try:
        unit.kind_info  # noqa: B018 - the kind word and level must name a known kind
    except (KeyError, ValueError, StopIteration):
        raise UnitError("kind", "phải là một trong: "
                        f"{', '.join(kind.name for kind in KINDS)}") from None
    for name in ("code", "parent"):
        value = str(texts.get(name, ""))
        if value or name == "code":
            try:
                check_code(value)
            except ValueError as exc:
                raise UnitError(name, str(exc)) from None
    return unit
