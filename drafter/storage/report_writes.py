"""Writing reports and units on the store's session, keeping the records' rules: a final
report immutable, no lost update, the checks on every way to final, a number used once a
year, every change recorded in the history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import delete
from sqlmodel import Session, col, select

from drafter.checks.final import ensure_can_be_final
from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.errors import DraftsBelowError, FinalReportError, StaleReportError, StorageError
from drafter.packs.load import TemplatePack
from drafter.storage import convert, history, rows, units
from drafter.storage.guards import duplicate_number, final_message, stale_message
from drafter.storage.report_reads import drafts_below, load, placed, report_row
from drafter.storage.snapshots import unit_to_json
from models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow


def save_report(session: Session, catalogue: Catalogue, pack: TemplatePack, report: Report,
                update_unit: bool, over_drafts: bool = False, continues: bool = False) -> int:
    """Insert or update the report of ``report.unit`` for ``report.period``; returns its id
    and sets ``report.version`` to the version stored (see :meth:`Store.save_report`)."""
    unit_row = units.unit_row(session, report.unit, update=False)
    if update_unit and not _has_later(session, unit_row, report.period):
        update_unit_row(session, report.unit, profile_only=True)
    final = report.status is Status.FINAL
    where = placed(session, unit_row, report.period)
    effective = replace(report, unit=_with_place(report.unit, where) if final else where)
    row = report_row(session, report.unit.code, report.period, lock=True)
    old = load(session, catalogue, row) if row is not None else None
    changes = history.diff(old, effective) if old is not None else []
    if row is not None and old is not None:
        if report.version is not None and row.version != report.version:
            raise StaleReportError(stale_message(old, row.version, report.version))
        if not changes:
            report.version = row.version
            assert row.id is not None
            return row.id
        if old.status is Status.FINAL:
            raise FinalReportError(final_message(old, row.id))
    reason = ""
    if final:
        previous = report_row(session, report.unit.code, report.period.previous())
        ensure_can_be_final(effective, load(session, catalogue, previous) if previous
                            else None, pack)
        if old is None or old.status is not Status.FINAL:
            reason = _over_drafts(session, effective, over_drafts)
    assert unit_row.id is not None
    clash = duplicate_number(session, unit_row.id, effective)
    if clash:
        raise StorageError(clash)
    row = _write_rows(session, catalogue, effective, unit_row.id, row)
    assert row.id is not None
    if old is None:
        history.record(session, row.id, report.unit.code, history.CREATE,
                       [("report.status", None, effective.status.value)], reason)
    else:
        action = history.FINAL if final else history.UPDATE
        history.record(session, row.id, report.unit.code, action, changes, reason, continues)
    report.version = row.version
    return row.id


# Communes named in the refusal and the history; more are counted.
_NAMED_DRAFTS = 10


def _over_drafts(session: Session, report: Report, confirmed: bool) -> str:
    """An aggregating unit's report made final over communes' reports still in draft: refused
    unless the official confirmed it, and then the reason recorded in its history."""
    if not report.unit.aggregates:
        return ""
    drafts, count = drafts_below(session, report.unit, report.period)
    if not drafts:
        return ""
    named = ", ".join(unit.label for unit in drafts[:_NAMED_DRAFTS])
    more = f" và {len(drafts) - _NAMED_DRAFTS} đơn vị khác" if len(drafts) > _NAMED_DRAFTS \
        else ""
    what = f"{len(drafts)}/{count} báo cáo của cấp xã kỳ này còn là dự thảo ({named}{more})"
    if not confirmed:
        raise DraftsBelowError(
            f"{what}: báo cáo tổng hợp của {report.unit.short_body} chưa thể là bản chính thức. "
            "Đề nghị các đơn vị ban hành báo cáo chính thức, hoặc xác nhận vẫn ban hành bằng "
            "--confirm-drafts (việc xác nhận được ghi vào lịch sử báo cáo).", what)
    return f"xác nhận ban hành chính thức khi {what}"


def reopen(session: Session, catalogue: Catalogue, report_id: int, reason: str) -> Report:
    """Turn a final report back into a draft, recording why; returns it."""
    row = session.get(ReportRow, report_id, with_for_update=True)
    if row is None:
        raise StorageError(f"không có báo cáo số {report_id} trong cơ sở dữ liệu")
    if row.status != Status.FINAL.value:
        raise StorageError(f"báo cáo số {report_id} đang là dự thảo, không cần "
                           "chuyển về dự thảo")
    unit = session.get(UnitRow, row.unit_id)
    assert unit is not None
    row.status = Status.DRAFT.value
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    session.add(row)
    history.record(session, report_id, unit.code, history.REOPEN,
                   [("report.status", Status.FINAL.value, Status.DRAFT.value)], reason)
    session.flush()
    return load(session, catalogue, row)


def update_unit_row(session: Session, unit: Unit, profile_only: bool) -> None:
    """Create or update the unit's row from ``unit``, recording what changed."""
    row = units.unit_row(session, unit, update=False)
    old = rows.unit_from_row(row)
    copy = UnitRow(**{name: getattr(row, name) for name in UnitRow.model_fields})
    updated = rows.unit_from_row(convert.unit_to_row(unit, copy, profile_only))
    if updated.tier is not old.tier:
        _refuse_level_change(session, row, old, updated)
    changes = history.unit_diff(old, updated)
    if changes:
        units.unit_row(session, unit, update=True, profile_only=profile_only)
        history.record(session, None, unit.code, history.UPDATE, changes)


def _refuse_level_change(session: Session, row: UnitRow, old: Unit, new: Unit) -> None:
    """A unit with communes under it or reports of its own keeps its level: a province made
    a commune would leave its 92 communes and its final report under a commune."""
    children = session.exec(select(UnitRow.code).where(UnitRow.parent == old.code)).all()
    reports = session.exec(select(ReportRow.id).where(ReportRow.unit_id == row.id)).all()
    if children or reports:
        held = ", ".join(part for part in (
            f"{len(children)} đơn vị trực thuộc" if children else "",
            f"{len(reports)} báo cáo" if reports else "") if part)
        raise StorageError(f"{old.label} (mã {old.code}) đã có {held}: không đổi được thành "
                           f"{new.label}; tạo đơn vị mới với mã khác nếu cần")


def _write_rows(session: Session, catalogue: Catalogue, report: Report, unit_id: int,
                row: ReportRow | None) -> ReportRow:
    row = row or ReportRow(unit_id=unit_id, period=report.period.code, date=report.date,
                           version=0)
    row.number, row.date, row.recipient = report.number, report.date, report.recipient
    row.data_from, row.data_to = report.data_from, report.data_to
    row.status, row.recipients = report.status.value, list(report.recipients)
    row.review = list(report.review)
    row.unit_snapshot = unit_to_json(report.unit)
    row.version += 1
    row.updated_at = dt.datetime.now(dt.UTC)
    session.add(row)
    session.flush()
    assert row.id is not None
    # Figures this pack does not know (another pack's, a newer version's) stay as stored.
    known = [*catalogue.indicators,
             *(prefix + key for key in catalogue.indicators
               for prefix in (rows.STATED_PREFIX, rows.GIVEN_PREFIX))]
    session.exec(delete(FigureRow).where(col(FigureRow.report_id) == row.id,
                                         col(FigureRow.key).in_(known)))
    session.exec(delete(DocumentRow).where(col(DocumentRow.report_id) == row.id))
    session.exec(delete(ItemRow).where(col(ItemRow.report_id) == row.id))
    for children in convert.report_rows(report, row.id):
        session.add_all(children)
    return row


def _with_place(unit: Unit, where: Unit) -> Unit:
    """``unit`` with its place (parent, children's kinds, predecessors' names) taken from
    ``where`` where it gives none: a final report's snapshot records where the unit stood
    when it was signed."""
    return replace(unit, parent_kind=unit.parent_kind or where.parent_kind,
                   parent_name=unit.parent_name or where.parent_name,
                   child_kinds=unit.child_kinds or where.child_kinds,
                   predecessor_labels=unit.predecessor_labels or where.predecessor_labels)


def _has_later(session: Session, unit: UnitRow, period: Period) -> bool:
    """Whether the unit has a report of a later period (an older file must not roll the
    unit's profile back)."""
    codes = session.exec(select(ReportRow.period).where(ReportRow.unit_id == unit.id)).all()
    later = []
    for code in codes:
        try:
            later.append(Period.parse(code).end > period.end)
        except ValueError:
            continue
    return any(later)
