"""Vietnamese names of reporting periods (Babel's "Quý 1" is not what reports write)."""

from __future__ import annotations

from drafter.domain.periods import Period, PeriodKind
from drafter.vi.text import roman


def period_name(period: Period) -> str:
    """``quý I năm 2024``, ``6 tháng đầu năm 2024``, ``9 tháng năm 2024``, ``năm 2024``."""
    span = period_span(period)
    return f"{span} năm {period.year}" if span else f"năm {period.year}"


def period_span(period: Period) -> str:
    """The period without its year: ``quý I``, ``6 tháng đầu``, ``9 tháng``; empty for a year."""
    if period.kind is PeriodKind.QUARTER:
        return f"quý {roman(period.quarter)}"
    if period.kind is PeriodKind.HALF:
        return "6 tháng đầu"
    if period.kind is PeriodKind.NINE_MONTHS:
        return "9 tháng"
    return ""


def previous_name(period: Period, reference: Period) -> str:
    """How ``reference`` reads as the comparison point of ``period``:
    ``quý trước`` for the quarter just before, ``cùng kỳ năm 2023`` for the same period of
    last year, the full name otherwise."""
    if reference == period.same_period_last_year():
        return f"cùng kỳ năm {reference.year}"
    if period.kind is PeriodKind.QUARTER and reference == period.previous():
        return "quý trước"
    return period_name(reference)
