"""Field converters shared by the data-file loader: each raises ``ValueError`` in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from drafter.domain import limits
from drafter.domain.indicators import Indicator, ValueType
from drafter.domain.report import Value
from drafter.vi.dates import parse_date
from drafter.vi.numbers import parse_number
from drafter.vi.text import clean


def _shown(value: Any) -> str:
    """A wrong value as the message shows it: its kind, or the start of its text."""
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, dict):
        return "một bảng"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def text(value: Any, limit: int = limits.MAX_LINE) -> str:
    if not isinstance(value, str):
        raise ValueError(f"phải là chuỗi chữ, không phải {_shown(value)}")
    return limits.check_text(clean(value), limit)


def paragraph(value: Any) -> str:
    """A free paragraph of the official's (a note, a list item)."""
    return text(value, limits.MAX_PARAGRAPH)


def text_list(value: Any, limit: int = limits.MAX_PARAGRAPH) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("phải là danh sách chuỗi chữ")
    limits.check_items(value)
    items = []
    for index, item in enumerate(value, start=1):
        try:
            items.append(text(item, limit))
        except ValueError as exc:
            raise ValueError(f"mục {index} {exc}") from None
    return [item for item in items if item]


def line_list(value: Any) -> list[str]:
    """A list of one-line texts (recipients)."""
    return text_list(value, limits.MAX_LINE)


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    elif isinstance(value, str) and len(value) <= 40:
        value = parse_date(value)
    if isinstance(value, dt.date):
        if not 1945 <= value.year <= 2200:
            raise ValueError(f"năm {value.year} không hợp lệ")
        return value
    raise ValueError(f"phải là ngày (2024-02-28 hoặc 28/02/2024), không phải {_shown(value)}")


# "2.5" or "99.81": a decimal written the English way (a Vietnamese "2.500" is a thousand
# separator, so one or two digits after the point cannot be one).
_ENGLISH_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def _not_a_number(value: Any, whole: bool = False) -> ValueError:
    """``whole``: a count, for which "2.5" is no decimal to write with a comma either."""
    if whole:
        return ValueError(f"phải là số nguyên, không phải {_shown(value)}")
    hint = ""
    if isinstance(value, str) and _ENGLISH_DECIMAL.match(value.strip()):
        hint = f" (dùng dấu phẩy: {value.strip().replace('.', ',')})"
    return ValueError(f"phải là số, không phải {_shown(value)}{hint}")


def _number(value: Any, maximum: Decimal = limits.MAX_STATED, whole: bool = False) -> Decimal:
    """A finite number of sane size; a huge integer is refused before it is converted."""
    if isinstance(value, bool):
        raise _not_a_number(value, whole)
    if isinstance(value, int) and value.bit_length() > 128:
        raise ValueError("quá lớn")
    if isinstance(value, int | Decimal):
        return limits.check_number(Decimal(value), maximum)
    if isinstance(value, float):
        return limits.check_number(Decimal(repr(value)), maximum)
    if isinstance(value, str) and len(value) <= 40:
        try:
            number = parse_number(value)
        except ValueError:
            raise _not_a_number(value, whole) from None
        return limits.check_number(number, maximum)
    raise _not_a_number(value, whole)


_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


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


GIVEN_RATE_RULE = "tỷ lệ từ 0 đến 100, dùng dấu phẩy: 90,4"


def given_rate(value: Any, indicator: Indicator | None = None) -> Decimal:
    """A rate given as a percentage (where its counts are unknown): a number from 0 to 100,
    the rule of the data file and of the TUI alike."""
    rate = stated(value, indicator)
    if not 0 <= rate <= 100:
        raise ValueError(GIVEN_RATE_RULE)
    return rate


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
        raise ValueError(f"phải là true/false (Có/Không), không phải {_shown(value)}")
    if indicator.type is ValueType.CHOICE:
        choice = text(value)
        if choice not in indicator.options:
            raise ValueError(f"phải là một trong: {', '.join(indicator.options)}")
        return choice
    number = _number(value, limits.MAX_VALUE.get(indicator.type, limits.MAX_STATED),
                     whole=indicator.type is ValueType.COUNT)
    if number < 0:
        raise ValueError(f"không được âm ({value})")
    if indicator.type is ValueType.COUNT:
        if number != number.to_integral_value():
            raise ValueError(f"phải là số nguyên, không phải {_shown(value)}")
        return int(number)
    return number
