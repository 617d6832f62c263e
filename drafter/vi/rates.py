"""Rates derived from two counts; never typed, never NaN, never rounded into a falsehood.

A rate is shown with two decimals, and with more when two would round it to a whole share it
is not: 1.233.999 of 1.234.000 is "99,9999%", never "100%"; 1 of 1.234.000 is "0,0001%",
never "0%". Wording that depends on a rate asks its counts (``is_full``, ``is_none``), not
the rounded value.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from drafter.vi.numbers import Number, format_count, format_number, round_half_up, to_decimal

# Enough for any count a report holds (a share of one in 10^12 still shows a digit).
_MAX_PLACES = 14


@dataclass(frozen=True)
class Rate:
    """``numerator / denominator`` as a percentage; undefined (``value is None``) when 0/0."""

    numerator: Number
    denominator: Number

    @property
    def places(self) -> int:
        """Decimals needed so the rounded value is 100 or 0 only when the share really is."""
        if self.denominator == 0:
            return 2
        exact = to_decimal(self.numerator) * 100 / to_decimal(self.denominator)
        places = 2
        while places < _MAX_PLACES:
            rounded = round_half_up(exact, places)
            false_full = rounded == 100 and self.numerator != self.denominator
            false_none = rounded == 0 and self.numerator != 0
            if not (false_full or false_none):
                break
            places += 1
        return places

    @property
    def value(self) -> Decimal | None:
        """The percentage rounded half-up to :attr:`places` decimals, ``None`` when 0/0."""
        if self.denominator == 0:
            return None
        exact = to_decimal(self.numerator) * 100 / to_decimal(self.denominator)
        return round_half_up(exact, self.places)

    @property
    def defined(self) -> bool:
        return self.denominator != 0

    @property
    def is_full(self) -> bool:
        """Every one of them (29 of 29), decided on the counts."""
        return self.defined and self.numerator == self.denominator

    @property
    def is_none(self) -> bool:
        """None of them (0 of 5); false for 0 of 0, which is undefined."""
        return self.defined and self.numerator == 0

    @property
    def remaining(self) -> Number:
        """How many are not counted in the numerator (``denominator - numerator``, ≥ 0)."""
        return max(self.denominator - self.numerator, 0)


def format_percent(value: Number, places: int = 2) -> str:
    """``65.79`` → ``65,79%``; ``100`` → ``100%`` (trailing zeros dropped)."""
    return format_number(value, places) + "%"


def format_rate(rate: Rate, undefined: str = "chưa phát sinh") -> str:
    """The rate as text, or the pack's words for 0/0."""
    value = rate.value
    return undefined if value is None else format_percent(value, rate.places)


def format_ratio(rate: Rate, leading_zero: bool = True) -> str:
    """``29/29`` with narrative counts (``07/29``)."""
    return (
        f"{format_count(int(rate.numerator), leading_zero)}/"
        f"{format_count(int(rate.denominator), leading_zero)}"
    )
