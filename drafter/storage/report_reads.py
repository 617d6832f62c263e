"""Reading reports on the store's session: one report's rows assembled into a domain report,
a unit placed in the structure, the list of stored reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.structure import children
from drafter.domain.units import Tier, Unit
from drafter.errors import StorageError
from drafter.models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow
from drafter.storage import rows


@dataclass(frozen=True)
class ReportSummary:
    id: int
    unit_code: str
    unit_name: str
    period: Period
    status: str
    number: str | None
    updated_at: dt.datetime


def load(session: Session, catalogue: Catalogue, row: ReportRow) -> Report:
    """The report stored in ``row``, its figures read by ``catalogue``."""
    unit = session.get(UnitRow, row.unit_id)
    assert unit is not None and row.id is not None
    try:
        period = Period.parse(row.period)
    except ValueError as exc:
        raise StorageError(
            f"báo cáo số {row.id} có giá trị lưu không đọc được ({exc}); cơ sở dữ liệu có "
            "thể do một phiên bản drafter khác ghi") from None
    return rows.assemble(
        catalogue, row, unit,
        list(session.exec(select(FigureRow).where(FigureRow.report_id == row.id))),
        list(session.exec(select(DocumentRow).where(DocumentRow.report_id == row.id))),
        list(session.exec(select(ItemRow).where(ItemRow.report_id == row.id))),
        placed(session, unit, period))


def summaries(session: Session, unit_code: str | None) -> tuple[list[ReportSummary], list[str]]:
    """The stored reports that can be read, by unit and period, and why each of the others
    (unknown period or status) cannot."""
    found, problems = [], []
    query = select(ReportRow, UnitRow).join(UnitRow)
    if unit_code:
        query = query.where(UnitRow.code == unit_code)
    for report, unit in session.exec(query).all():
        try:
            period, status = Period.parse(report.period), Status(report.status)
        except ValueError:
            problems.append(f"báo cáo số {report.id} của {unit.code}: kỳ "
                            f"«{report.period}», trạng thái «{report.status}» không "
                            "đọc được")
            continue
        found.append(ReportSummary(report.id or 0, unit.code, f"{unit.kind} {unit.name}",
                                   period, status.value, report.number, report.updated_at))
    return sorted(found, key=lambda s: (s.unit_code, s.period)), problems


def placed(session: Session, row: UnitRow, period: Period | None) -> Unit:
    """The unit of ``row`` with its place in the structure (in ``period``) filled in."""
    parent = (session.exec(select(UnitRow).where(UnitRow.code == row.parent)).first()
              if row.parent else None)
    kids = session.exec(select(UnitRow).where(UnitRow.parent == row.code)).all()
    successors = session.exec(select(UnitRow).where(col(UnitRow.formed).is_not(None))).all()
    before = session.exec(select(UnitRow).where(col(UnitRow.code).in_(
        row.predecessors))).all() if row.predecessors else []
    return rows.place(row, period, parent, kids, successors, before)


def report_row(session: Session, unit_code: str, period: Period,
               lock: bool = False) -> ReportRow | None:
    """The stored report of one unit and period (``lock``: held until the transaction ends)."""
    query = select(ReportRow).join(UnitRow).where(UnitRow.code == unit_code,
                                                  ReportRow.period == period.code)
    if lock:
        query = query.with_for_update(of=ReportRow)
    return session.exec(query).first()


def drafts_below(session: Session, unit: Unit, period: Period) -> tuple[list[Unit], int]:
    """The communes reporting to ``unit`` in ``period`` whose stored report of the period is
    a draft, and how many communes report to it then."""
    every = [rows.unit_from_row(row) for row in session.exec(select(UnitRow)).all()]
    communes = children(every, unit, period, (Tier.COMMUNE,))
    codes = [commune.code for commune in communes]
    drafted = set(session.exec(
        select(UnitRow.code).join(ReportRow).where(col(UnitRow.code).in_(codes),
                                                   ReportRow.period == period.code,
                                                   ReportRow.status == Status.DRAFT.value)
    ).all()) if codes else set()
    return [commune for commune in communes if commune.code in drafted], len(communes)
