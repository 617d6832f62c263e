"""Rates derived from two counts; never typed, never NaN."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from drafter.vi.numbers import Number, format_count, format_number, round_half_up, to_decimal


@dataclass(frozen=True)
class Rate:
    """``numerator / denominator`` as a percentage; undefined (``value is None``) when 0/0."""

    numerator: Number
    denominator: Number

    @property
    def value(self) -> Decimal | None:
        """The percentage rounded half-up to two decimals, or ``None`` when nothing arose."""
        if self.denominator == 0:
            return None
        return round_half_up(to_decimal(self.numerator) * 100 / to_decimal(self.denominator))

    @property
    def defined(self) -> bool:
        return self.denominator != 0

    @property
    def is_full(self) -> bool:
        return self.defined and self.numerator == self.denominator


def format_percent(value: Number) -> str:
    """``65.79`` → ``65,79%``; ``100`` → ``100%`` (two decimals, trailing zeros dropped)."""
    return format_number(value, 2) + "%"


def format_rate(rate: Rate, undefined: str = "chưa phát sinh") -> str:
    """The rate as text, or the pack's words for 0/0."""
    value = rate.value
    return undefined if value is None else format_percent(value)


def format_ratio(rate: Rate, leading_zero: bool = True) -> str:
    """``29/29`` with narrative counts (``07/29``)."""
    return (
        f"{format_count(int(rate.numerator), leading_zero)}/"
        f"{format_count(int(rate.denominator), leading_zero)}"
    )
