"""Vietnamese number formatting: ``1.234.567``, ``58,73``, counts with a leading zero."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from drafter.vi import LOCALE

Number = int | Decimal


def to_decimal(value: Number | float | str) -> Decimal:
    """Exact decimal of ``value`` (floats go through ``repr`` so 0.1 stays 0.1)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_up(value: Number, places: int = 2) -> Decimal:
    """Round the way officials and spreadsheets do (0,125 → 0,13), not banker's rounding."""
    quantum = Decimal(1).scaleb(-places)
    return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: Number, places: int = 2) -> str:
    """``1234567`` → ``1.234.567``; ``58.734`` → ``58,73``; trailing zeros dropped."""
    if isinstance(value, Decimal) and not value.is_finite():
        return _format_number(value, places)
    return _formatted(value, places)


# Reports print the same counts and rates again and again (each commune's 0, 1, 2…, the same
# totals in text and appendix). Equal numbers print alike, so the text is kept by value.
@lru_cache(maxsize=4096)
def _formatted(value: Number, places: int) -> str:
    return _format_number(value, places)


def _format_number(value: Number, places: int) -> str:
    rounded = round_half_up(value, places)
    if rounded == 0:
        rounded = Decimal(0)  # never print "-0"
    return str(_pattern(places, False).apply(rounded, _locale()))


def format_fixed(value: Number, places: int) -> str:
    """Exactly ``places`` decimals, trailing zeros kept: ``85.5`` at 3 → ``85,500``.

    For a column of scores entered at a given precision: two different entered values never
    print alike.
    """
    rounded = round_half_up(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    return str(_pattern(places, True).apply(rounded, _locale()))


# Babel's format_decimal parses its locale and pattern on every call; a report formats a few
# hundred numbers with the same few patterns, so both are parsed once.
@cache
def _pattern(places: int, fixed: bool) -> NumberPattern:
    """``#,##0.##`` (decimals shown when there are any) or ``#,##0.00`` (always shown)."""
    return parse_pattern("#,##0" + ("." + ("0" if fixed else "#") * places if places else ""))


@cache
def _locale() -> Locale:
    return Locale.parse(LOCALE)


def decimal_places(value: Number) -> int:
    """How many decimals ``value`` was written with: ``Decimal("85.500")`` → 3, ``7`` → 0."""
    exponent = to_decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_count(value: int, leading_zero: bool = True) -> str:
    """A count in running text: ``2`` → ``02`` (when the pack asks for it), ``1000`` → ``1.000``."""
    if leading_zero and 0 < value < 10:
        return f"0{value}"
    return format_number(value, 0)


_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+(,\d+)?$")


def parse_number(text: str) -> Decimal:
    """Parse a Vietnamese-formatted number (``1.234.567``, ``58,73``, ``65,79%``).

    Raises ``ValueError`` for anything ambiguous, such as English ``4,747`` or ``99.81``.
    """
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")
    elif not _PLAIN.match(cleaned):
        raise ValueError(f"không phải số viết theo kiểu Việt Nam: {text!r}")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the patterns above exclude it
        raise ValueError(text) from exc
