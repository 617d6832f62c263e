"""A merged unit's periods before its merger: the sum of its predecessors.

Most communes of 2026 were formed on 1 July 2025 from two or more older ones; their "same
period last year" is what those older communes reported, added up, and their own year 2025 is
split: the predecessors' first half, then their own second half. Rates are never summed: they
are derived from the summed counts, as in any roll-up. A predecessor without a stored report
for the period is named, never silently left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from drafter.combine.rollup import roll_up
from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Status
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit


@dataclass
class MergedReport(Report):
    """The predecessors' reports of ``period`` summed under the merged ``unit``:
    ``received`` are the predecessors whose report is counted, ``missing`` those without one.
    ``since`` is set when the period is split by the merger: the predecessors' figures up to
    that day, the unit's own from it on."""

    received: tuple[Unit, ...] = ()
    missing: tuple[Unit, ...] = ()
    since: dt.date | None = None


def before_merger(unit: Unit, period: Period) -> bool:
    """Whether ``period`` began before ``unit`` was formed from its predecessors."""
    formed = unit.merged_on
    return formed is not None and period.start < formed


def split_by_merger(unit: Unit, period: Period) -> bool:
    """Whether ``period`` began before ``unit`` was formed and ends after: part of it is the
    predecessors', the rest the unit's own."""
    formed = unit.merged_on
    return formed is not None and period.start < formed <= period.end


def formed_this_year(unit: Unit, period: Period) -> dt.date | None:
    """The day ``unit`` was formed by a merger when that was during the year of ``period``
    and no later than its end: the unit's plan, the tasks it received and its cumulative
    figures run from then, not from the first of January."""
    formed = unit.merged_on
    if formed is None or not dt.date(period.year, 1, 1) < formed <= period.end:
        return None
    return formed


def span_before(period: Period, formed: dt.date) -> Period:
    """The part of ``period`` before ``formed`` as a period of that year: the first quarter,
    6 months or 9 months (to the end of the quarter the day before falls in)."""
    end = 3 * (((formed - dt.timedelta(days=1)).month + 2) // 3)
    kinds = {3: (PeriodKind.QUARTER, 1), 6: (PeriodKind.HALF, 0),
             9: (PeriodKind.NINE_MONTHS, 0), 12: (PeriodKind.YEAR, 0)}
    kind, quarter = kinds[end]
    return Period(period.year, kind, quarter)


def combine(catalogue: Catalogue, unit: Unit, period: Period, predecessors: Sequence[Unit],
            reports: Mapping[str, Report]) -> MergedReport | None:
    """The predecessors' reports (by unit code) of ``period`` summed for ``unit``; ``None``
    when none of them has one."""
    rollup = roll_up(catalogue, unit, period, predecessors, reports)
    counted = [line.report for line in rollup.lines if line.report is not None]
    if not counted:
        return None
    final = all(report.status is Status.FINAL for report in counted)
    starts = [report.data_from for report in counted if report.data_from]
    ends = [report.data_to for report in counted if report.data_to]
    return MergedReport(
        kind=catalogue.kind, unit=unit, period=period, date=max(report.date for report in counted),
        data_from=min(starts) if starts else None, data_to=max(ends) if ends else None,
        figures=dict(rollup.totals), status=Status.FINAL if final else Status.DRAFT,
        received=tuple(line.unit for line in rollup.lines if line.report is not None),
        missing=tuple(rollup.missing),
    )


@dataclass(frozen=True)
class MergedSources:
    """What templates see of a comparison summed from predecessors: their labels (``xã An``),
    those without a report, and the kinds named (``("xã", "phường")``); for a comparison
    period split by the merger, ``since`` the day the unit's own figures begin and ``before``
    the part of the period that is the predecessors' (``6 tháng đầu năm 2025``)."""

    received: tuple[str, ...]
    missing: tuple[str, ...]
    kinds: tuple[str, ...]
    since: dt.date | None = None
    before: Period | None = None


def merged_sources(report: Report | None) -> MergedSources | None:
    """The sources of a comparison report when it was summed from predecessors, else ``None``."""
    if not isinstance(report, MergedReport):
        return None
    since = report.since
    order = {code: index for index, code in enumerate(report.unit.predecessors)}

    def named(units: tuple[Unit, ...]) -> tuple[str, ...]:
        """In the order the unit's profile lists them (as its own period's sentence does)."""
        return tuple(unit.label for unit in sorted(units, key=lambda u: order.get(u.code, 0)))

    return MergedSources(named(report.received), named(report.missing),
                         kinds_of((*report.received, *report.missing)), since,
                         span_before(report.period, since) if since else None)
