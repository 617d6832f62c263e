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


def next_period_name(period: Period) -> str:
    """The period a report's tasks are for: ``quý II năm 2024`` after quý I, ``6 tháng cuối
    năm 2024`` after the first six months, ``quý IV năm 2024`` after nine months, ``năm 2025``
    after a year."""
    if period.kind is PeriodKind.QUARTER:
        if period.quarter == 4:
            return f"quý I năm {period.year + 1}"
        return f"quý {roman(period.quarter + 1)} năm {period.year}"
    if period.kind is PeriodKind.HALF:
        return f"6 tháng cuối năm {period.year}"
    if period.kind is PeriodKind.NINE_MONTHS:
        return f"quý IV năm {period.year}"
    return f"năm {period.year + 1}"


def previous_name(period: Period, reference: Period) -> str:
    """How ``reference`` reads as the comparison point of ``period``:
    ``quý trước`` for the quarter just before, ``cùng kỳ năm 2023`` for the same period of
    last year, the full name otherwise."""
    if reference == period.same_period_last_year():
        return f"cùng kỳ năm {reference.year}"
    if period.kind is PeriodKind.QUARTER and reference == period.previous():
        return "quý trước"
    return period_name(reference)
