"""Store-backed operations the CLI and the TUI share: start, compare, check, finalise, render."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks import Problem, check_report
from drafter.combine.merger import before_merger, combine
from drafter.combine.periods import combine_periods
from drafter.domain.catalogue import Catalogue
from drafter.domain.limits import MAX_LINE
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.errors import DrafterError, StorageError
from drafter.packs.load import TemplatePack
from drafter.records.reuse import carry_forward, empty_report, from_periods
from drafter.records.sources import Gathered, Source, gather, predecessors
from drafter.vi.text import clean

if TYPE_CHECKING:
    from drafter.storage import Store
    from drafter.storage.reader import Reads


@dataclass
class Started:
    """A new report and, when it was made of the periods it covers, the reports used and
    those missing (named for the official), and the figures that could not be combined."""

    report: Report
    used: list[Source] = field(default_factory=list)
    missing: list[Source] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)


def start(store: Reads, unit_code: str, period: Period, date: dt.date | None = None,
          source: Period | None = None, empty: bool = False,
          pack: TemplatePack | None = None) -> Started:
    """A new report (not yet saved) of ``unit_code`` for ``period``.

    By default a quarter starts from the previous period, and a longer period is made of the
    periods it covers when any is stored — for a unit formed by a merger inside it, its
    predecessors' before that day (else it starts from the previous period); ``source`` names
    another period to start from; ``empty`` starts blank.
    """
    catalogue = (pack.catalogue if pack else store.catalogue)
    unit = store.unit(unit_code)
    if unit is None:
        raise StorageError(f"chưa có đơn vị mã {unit_code} trong cơ sở dữ liệu")
    if store.report_id(unit_code, period) is not None:
        raise StorageError(f"đơn vị {unit_code} đã có báo cáo kỳ {period.code}")
    date = date or dt.date.today()
    if empty:
        return Started(empty_report(unit, period, date, catalogue.kind))
    if source is None and period.kind is not PeriodKind.QUARTER:
        gathered = gather(store, catalogue, unit, period)
        if gathered.found:
            report = from_periods(gathered.slots, unit, period, date, catalogue)
            asked = [key for key in report.review
                     if key in catalogue and key not in report.figures]
            return Started(report, gathered.used, gathered.missing, asked)
    source = source or period.previous()
    previous = store.find(unit_code, source)
    if previous is None:
        if source != period.previous():
            raise StorageError(f"đơn vị {unit_code} chưa có báo cáo kỳ {source.code}")
        return Started(empty_report(unit, period, date, catalogue.kind))
    return Started(carry_forward(previous, unit, period, date, catalogue))


def start_report(store: Reads, unit_code: str, period: Period, date: dt.date | None = None,
                 source: Period | None = None, empty: bool = False,
                 pack: TemplatePack | None = None) -> Report:
    """The report :func:`start` begins (the same for the CLI, the TUI and the office)."""
    return start(store, unit_code, period, date, source, empty, pack).report


def can_start_from(store: Reads, unit_code: str, period: Period,
                   pack: TemplatePack | None = None) -> bool:
    """Whether a new report of ``period`` has a stored report to start from: the previous
    period, or one of the periods it is made of (a merged unit's predecessors' included)."""
    if store.report_id(unit_code, period.previous()) is not None:
        return True
    unit = store.unit(unit_code)
    if unit is None or period.kind is PeriodKind.QUARTER:
        return False
    return gather(store, (pack.catalogue if pack else store.catalogue), unit, period).found


def comparisons(store: Reads, report: Report,
                pack: TemplatePack | None = None) -> tuple[Report | None, Report | None]:
    """The reports of the previous period and of the same period last year (one and the same
    for a 6-month, 9-month or annual report): see :func:`comparison`."""
    previous = comparison(store, report.unit, report.period.previous(), pack)
    last_year = report.period.same_period_last_year()
    if last_year == report.period.previous():
        return previous, previous
    return previous, comparison(store, report.unit, last_year, pack)


def comparison(store: Reads, unit: Unit, period: Period,
               pack: TemplatePack | None = None) -> Report | None:
    """``unit``'s stored report of ``period``; failing that, when ``period`` began before the
    unit was formed by a merger, the sum of its predecessors' reports of that period; for a
    6-month, 9-month or annual period, what its complete parts combine to (before a merger
    inside it the predecessors', after it the unit's own: :func:`combined`)."""
    own = store.find(unit.code, period)
    if own is not None:
        return own
    catalogue = (pack.catalogue if pack else store.catalogue)
    if period.kind is not PeriodKind.QUARTER:
        return combined(gather(store, catalogue, unit, period, strict=True), unit, catalogue)
    if not before_merger(unit, period):
        return None
    before = predecessors(store, unit, period)
    reports = {p.code: r for p in before if (r := store.find(p.code, period)) is not None}
    return combine(catalogue, unit, period, before, reports)


def combined(gathered: Gathered, unit: Unit, catalogue: Catalogue) -> Report | None:
    """The comparison report of a gathered period: ``None`` unless every part is there; a
    :class:`MergedReport` naming the predecessors when their figures are part of it."""
    if not gathered.slots:
        return None
    figures = combine_periods(catalogue, gathered.slots).figures
    first, last = gathered.slots[0].report, gathered.slots[-1].report
    assert first is not None and last is not None
    merged = gathered.merged
    if merged is None:
        return replace(last, period=gathered.period, figures=figures,
                       data_from=first.data_from)
    since = unit.merged_on if len(gathered.slots) > 1 else None
    return replace(merged, period=gathered.period, figures=figures, date=last.date,
                   data_from=first.data_from, data_to=last.data_to, since=since)


def check_stored(store: Store, report: Report, pack: TemplatePack | None = None,
                 today: dt.date | None = None) -> list[Problem]:
    """Every problem of a report, compared with its stored previous period and, for a 6-month,
    9-month or annual report, with the latest report of its year that ends before it (its
    cumulative figures never fall below that one's)."""
    previous, _ = comparisons(store, report, pack)
    return check_report(report, pack or store.pack, previous, today,
                        earlier_in_year(store, report))


def earlier_in_year(store: Reads, report: Report) -> Report | None:
    """The stored report of the unit's own that ends last within ``report``'s period (a
    quarter, 6 months or 9 months; the last quarter ends when it does, its cumulative figures
    are the same); ``None`` for a quarter (its previous quarter is that)."""
    period = report.period
    if period.kind is PeriodKind.QUARTER:
        return None
    before = [p for p in (*period.quarters(), Period(period.year, PeriodKind.HALF),
                          Period(period.year, PeriodKind.NINE_MONTHS))
              if p.end <= period.end and p != period]
    for candidate in sorted(before, key=lambda p: (p.end, p.kind is not PeriodKind.QUARTER),
                            reverse=True):
        found = store.find(report.unit.code, candidate)
        if found is not None:
            return found
    return None


def mark_final(store: Store, report_id: int, over_drafts: bool = False) -> Report:
    """Make a stored report final, if its checks allow (the store runs them); a province's
    over communes' reports still in draft only when ``over_drafts`` confirms it."""
    report = store.get(report_id)
    report.status = Status.FINAL
    store.save_report(report, over_drafts=over_drafts)
    return report


def reopen_report(store: Store, report_id: int, reason: str) -> Report:
    """Turn a final report back into a draft so it can be corrected; ``reason`` (required)
    is recorded in the report's history with who did it and when."""
    reason = clean(reason)
    if not reason:
        raise DrafterError("cần ghi lý do chuyển báo cáo chính thức về dự thảo")
    if len(reason) > MAX_LINE:
        raise DrafterError(f"lý do dài quá {MAX_LINE} ký tự")
    return store.reopen(report_id, reason)


def import_report(store: Store, report: Report, over_drafts: bool = False) -> int:
    """Store a report read from a data file; its unit profile becomes the unit's, unless
    the unit already has a later report (an old file never rolls the profile back)."""
    return store.save_report(report, update_unit=True, over_drafts=over_drafts)


def render_stored(store: Store, report_id: int, path: Path, text: bool = False,
                  pack: TemplatePack | None = None) -> Path:
    """Render a stored report with both comparisons; a final one must pass its checks."""
    from drafter.api import render_to_file  # the writer loads only when something is written

    report = store.get(report_id)
    previous, last_year = comparisons(store, report, pack)
    return render_to_file(report, path, previous=previous, last_year=last_year, text=text,
                          pack=pack or store.pack)
