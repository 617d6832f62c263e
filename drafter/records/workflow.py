"""Store-backed operations the CLI and the TUI share: start, compare, check, finalise, render."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks import Problem, check_report
from drafter.combine.merger import before_merger, combine
from drafter.domain.limits import MAX_LINE
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.errors import DrafterError, StorageError
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.records.reuse import carry_forward, empty_report, from_quarters
from drafter.vi.text import clean

if TYPE_CHECKING:
    from drafter.storage import Store
    from drafter.storage.reader import Reads


def start_report(store: Reads, unit_code: str, period: Period, date: dt.date | None = None,
                 source: Period | None = None, empty: bool = False,
                 pack: TemplatePack | None = None) -> Report:
    """A new report (not yet saved) of ``unit_code`` for ``period``.

    By default a quarter starts from the previous period, and a longer period from the
    quarters it covers when any is stored (else from the previous period); ``source`` names
    another period to start from; ``empty`` starts blank.
    """
    catalogue = (pack or builtin_pack()).catalogue
    unit = store.unit(unit_code)
    if unit is None:
        raise StorageError(f"chưa có đơn vị mã {unit_code} trong cơ sở dữ liệu")
    if store.report_id(unit_code, period) is not None:
        raise StorageError(f"đơn vị {unit_code} đã có báo cáo kỳ {period.code}")
    date = date or dt.date.today()
    if empty:
        return empty_report(unit, period, date)
    if source is None and period.kind is not PeriodKind.QUARTER:
        quarters = [q for q in (store.find(unit_code, p) for p in period.quarters()) if q]
        if quarters:
            return from_quarters(quarters, unit, period, date, catalogue)
    source = source or period.previous()
    previous = store.find(unit_code, source)
    if previous is None:
        if source != period.previous():
            raise StorageError(f"đơn vị {unit_code} chưa có báo cáo kỳ {source.code}")
        return empty_report(unit, period, date)
    return carry_forward(previous, unit, period, date, catalogue)


def comparisons(store: Reads, report: Report,
                pack: TemplatePack | None = None) -> tuple[Report | None, Report | None]:
    """The reports of the previous period and of the same period last year: the unit's own
    stored ones, or for a period before its merger its predecessors' summed
    (:class:`drafter.combine.merger.MergedReport`)."""
    return (comparison(store, report.unit, report.period.previous(), pack),
            comparison(store, report.unit, report.period.same_period_last_year(), pack))


def comparison(store: Reads, unit: Unit, period: Period,
               pack: TemplatePack | None = None) -> Report | None:
    """``unit``'s stored report of ``period``; failing that, when ``period`` began before the
    unit was formed by a merger, the sum of its predecessors' reports of that period."""
    own = store.find(unit.code, period)
    if own is not None or not before_merger(unit, period):
        return own
    predecessors = []
    for code in unit.predecessors:
        predecessor = store.unit(code, period)
        if predecessor is None:
            raise StorageError(f"{unit.label}: đơn vị trước sắp xếp mã {code} chưa có trong "
                               "cơ sở dữ liệu")
        predecessors.append(predecessor)
    reports = {p.code: r for p in predecessors if (r := store.find(p.code, period)) is not None}
    return combine((pack or builtin_pack()).catalogue, unit, period, predecessors, reports)


def check_stored(store: Store, report: Report, pack: TemplatePack | None = None,
                 today: dt.date | None = None) -> list[Problem]:
    """Every problem of a report, compared with its stored previous period."""
    previous, _ = comparisons(store, report, pack)
    return check_report(report, pack, previous, today)


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
                          pack=pack)
