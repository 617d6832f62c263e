"""Reading many reports at once: one query per table for all of them, instead of about eight
per report (a province's 168 communes in a roll-up or a batch render).

:func:`assemble` and :func:`place` are also how the store reads a single report, so one report
and many are read alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlmodel import Session, col, select

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.structure import children, kinds_of, merged_away
from drafter.domain.units import Unit
from drafter.errors import StorageError
from drafter.storage import convert, units
from models import DocumentRow, FigureRow, ItemRow, ReportRow, UnitRow

_CHUNK = 500  # ids in one IN (…) clause, well under every database's limit


def place(row: UnitRow, period: Period | None, parent: UnitRow | None,
          kids: Iterable[UnitRow], successors: Iterable[UnitRow]) -> Unit:
    """The unit of ``row`` with its place in the structure (in ``period``) filled in."""
    unit = convert.unit_from_row(row)
    territory = children([convert.unit_from_row(r) for r in kids], unit, period,
                         gone=merged_away([convert.unit_from_row(r) for r in successors]))
    return replace(unit, parent_kind=parent.kind if parent else "",
                   parent_name=parent.name if parent else "", child_kinds=kinds_of(territory))


def assemble(catalogue: Catalogue, row: ReportRow, unit: UnitRow, figures: list[FigureRow],
             documents: list[DocumentRow], items: list[ItemRow], placed: Unit) -> Report:
    """The report of ``row``: a final one keeps the unit profile it was made final with."""
    try:
        report = convert.report_from_rows(catalogue, row, unit, figures, documents, items)
        snapshot = row.unit_snapshot if report.status is Status.FINAL else None
        report.unit = units.unit_from_json(snapshot, placed) if snapshot else placed
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
        raise StorageError(
            f"báo cáo số {row.id} có giá trị lưu không đọc được ({exc}); cơ sở dữ liệu có "
            "thể do một phiên bản drafter khác ghi") from None
    report.version = row.version
    return report


def find_many(session: Session, catalogue: Catalogue, codes: Sequence[str],
              period: Period) -> dict[str, Report]:
    """The stored reports of ``period`` of the units ``codes``, by unit code (units without
    one are left out)."""
    found: list[tuple[ReportRow, UnitRow]] = []
    for chunk in _chunks(list(codes)):
        found += session.exec(select(ReportRow, UnitRow).join(UnitRow).where(
            col(UnitRow.code).in_(chunk), ReportRow.period == period.code)).all()
    ids = [row.id for row, _ in found]
    figures = _by_report(session, FigureRow, ids)
    documents = _by_report(session, DocumentRow, ids)
    items = _by_report(session, ItemRow, ids)
    every = session.exec(select(UnitRow)).all() if found else []
    by_code = {unit.code: unit for unit in every}
    kids: dict[str, list[UnitRow]] = defaultdict(list)
    for unit in every:
        if unit.parent:
            kids[unit.parent].append(unit)
    successors = [unit for unit in every if unit.formed is not None]
    reports = {}
    for report, unit in found:
        placed = place(unit, period, by_code.get(unit.parent or ""), kids[unit.code],
                       successors)
        reports[unit.code] = assemble(catalogue, report, unit, figures[report.id],
                                      documents[report.id], items[report.id], placed)
    return reports


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _by_report(session: Session, model: Any, ids: list[int | None]) -> dict[Any, list[Any]]:
    """``model``'s rows of the reports ``ids``, by report id. Read as plain rows, which have
    the model's attribute names, without the ORM's bookkeeping per object (ten times faster
    for a province's twenty thousand figures); nothing here is written back."""
    grouped: dict[Any, list[Any]] = defaultdict(list)
    table = model.__table__
    connection = session.connection()
    for chunk in _chunks(ids):
        for row in connection.execute(select(table).where(table.c.report_id.in_(chunk))):
            grouped[row.report_id].append(row)
    return grouped
