"""Vietnamese names of reporting periods (Babel's "Quý 1" is not what reports write)."""

from __future__ import annotations

from drafter.domain.periods import Period, PeriodKind
from drafter.vi.text import roman


def period_name(period: Period) -> str:
    """``quý I năm 2024``, ``6 tháng đầu năm 2024``, ``9 tháng đầu năm 2024``, ``năm 2024``."""
    span = period_span(period)
    return f"{span} năm {period.year}" if span else f"năm {period.year}"


def period_span(period: Period) -> str:
    """The period without its year: ``quý I``, ``6 tháng đầu``, ``9 tháng đầu``; empty for a
    year."""
    if period.kind is PeriodKind.QUARTER:
        return f"quý {roman(period.quarter)}"
    if period.kind is PeriodKind.HALF:
        return "6 tháng đầu"
    if period.kind is PeriodKind.NINE_MONTHS:
        return "9 tháng đầu"
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
    last year (a year is ``năm 2023``: a whole year has no "same period"), the full name
    otherwise."""
    if reference == period.same_period_last_year():
        if period.kind is PeriodKind.YEAR:
            return period_name(reference)
        return f"cùng kỳ năm {reference.year}"
    if period.kind is PeriodKind.QUARTER and reference == period.previous():
        return "quý trước"
    return period_name(reference)


def period_list(periods: list[Period]) -> str:
    """Several periods, each year named once: ``quý I, quý II năm 2026``, ``6 tháng đầu,
    quý III năm 2025``, ``năm 2024, quý I năm 2025``."""
    groups: list[tuple[int, list[str]]] = []
    for period in periods:
        span = period_span(period)
        if span and groups and groups[-1][0] == period.year and groups[-1][1]:
            groups[-1][1].append(span)
        else:
            groups.append((period.year, [span] if span else []))
    return ", ".join(f"{', '.join(spans)} năm {year}" if spans else f"năm {year}"
                     for year, spans in groups)
