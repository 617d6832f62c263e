"""Field converters shared by the data-file loader: each raises ``ValueError`` in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from drafter.domain.catalogue import Indicator, ValueType
from drafter.domain.report import Value
from drafter.vi.dates import parse_date
from drafter.vi.numbers import parse_number
from drafter.vi.text import clean


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"phải là chuỗi chữ, không phải {value!r}")
    return clean(value)


def text_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("phải là danh sách chuỗi chữ")
    items = [text(item) for item in value]
    return [item for item in items if item]


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise ValueError(f"phải là ngày (2024-02-28 hoặc 28/02/2024), không phải {value!r}")


# "2.5" or "99.81": a decimal written the English way (a Vietnamese "2.500" is a thousand
# separator, so one or two digits after the point cannot be one).
_ENGLISH_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def _not_a_number(value: Any) -> ValueError:
    hint = ""
    if isinstance(value, str) and _ENGLISH_DECIMAL.match(value.strip()):
        hint = f" (dùng dấu phẩy: {value.strip().replace('.', ',')})"
    return ValueError(f"phải là số, không phải {value!r}{hint}")


def _number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise _not_a_number(value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return parse_number(value)
        except ValueError:
            raise _not_a_number(value) from None
    raise _not_a_number(value)


_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_ENGLISH_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def stated(value: Any, indicator: Indicator | None = None) -> Decimal:
    """A value as written in a source document; ``"55,6%"`` is read as ``55.6``.

    An English-formatted number is reported, never misread: ``"99.81"`` is not 9.981, and
    ``"4,747"`` for a count is not 4,747 (a count has no decimals)."""
    if isinstance(value, str):
        value = value.strip().removesuffix("%").strip()
        counted = indicator is not None and indicator.type is ValueType.COUNT
        if _ENGLISH_DECIMAL.match(value) or (counted and _ENGLISH_THOUSANDS.match(value)):
            fixed = value.replace(",", ".") if "," in value else value.replace(".", ",")
            raise ValueError(f"số viết theo kiểu tiếng Anh {value!r} (viết đúng: {fixed!r})")
    return _number(value)


def figure(indicator: Indicator, value: Any) -> Value:
    """Convert a raw data-file value to the indicator's type, or explain why it cannot be."""
    if indicator.derived:
        if indicator.type is ValueType.RATE:
            raise ValueError(
                f"là tỷ lệ, được tính từ {indicator.numerator} và {indicator.denominator}; "
                "không nhập trực tiếp (tỷ lệ ghi trong tài liệu gốc để đối chiếu thì ghi vào "
                "bảng [stated])"
            )
        raise ValueError(f"là tổng của {', '.join(indicator.parts)}; không nhập trực tiếp")
    if indicator.type is ValueType.BOOL:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and clean(value).lower() in ("có", "không"):
            return clean(value).lower() == "có"
        raise ValueError(f"phải là true/false (Có/Không), không phải {value!r}")
    if indicator.type is ValueType.CHOICE:
        choice = text(value)
        if choice not in indicator.options:
            raise ValueError(f"phải là một trong: {', '.join(indicator.options)}")
        return choice
    number = _number(value)
    if number < 0:
        raise ValueError(f"không được âm ({value})")
    if indicator.type is ValueType.COUNT:
        if number != number.to_integral_value():
            raise ValueError(f"phải là số nguyên, không phải {value!r}")
        return int(number)
    return number
