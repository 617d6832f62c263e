"""The report store: every write is one transaction; reads return domain objects."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.ranking import Score
from drafter.domain.report import Report
from drafter.domain.structure import children, kinds_of, merged_away
from drafter.domain.units import Unit
from drafter.errors import StorageError
from drafter.pack import builtin_pack
from drafter.storage import convert
from drafter.storage.scores import load_scores, save_scores
from models import DocumentRow, FigureRow, ItemRow, ReportRow, StateRow, UnitRow


@dataclass(frozen=True)
class ReportSummary:
    id: int
    unit_code: str
    unit_name: str
    period: Period
    status: str
    number: str | None
    updated_at: dt.datetime


class Store:
    """Reports and units in one database (``connect()`` gives the engine)."""

    def __init__(self, engine: Engine, catalogue: Catalogue | None = None) -> None:
        self.engine = engine
        self.catalogue = catalogue or builtin_pack().catalogue

    def _unit_row(self, session: Session, unit: Unit, profile_only: bool = False) -> UnitRow:
        row = session.exec(select(UnitRow).where(UnitRow.code == unit.code)).first()
        row = convert.unit_to_row(unit, row, profile_only and row is not None)
        session.add(row)
        session.flush()
        return row

    def save_unit(self, unit: Unit) -> None:
        """Insert or replace a unit, every field (the unit registry's write)."""
        self.save_units([unit])

    def save_units(self, units: Iterable[Unit]) -> int:
        """Insert or replace units in one transaction; returns how many."""
        count = 0
        with Session(self.engine) as session:
            for unit in units:
                self._unit_row(session, unit)
                count += 1
            session.commit()
        return count

    def units(self) -> list[Unit]:
        """Every stored unit, by code (their place not filled in)."""
        with Session(self.engine) as session:
            rows = session.exec(select(UnitRow).order_by(col(UnitRow.code))).all()
            return [convert.unit_from_row(row) for row in rows]

    def unit(self, code: str, period: Period | None = None) -> Unit | None:
        """The unit with its place filled in: its parent's kind and name, and the kinds of
        the units reporting to it (in ``period`` when given, else all not merged away)."""
        with Session(self.engine) as session:
            row = session.exec(select(UnitRow).where(UnitRow.code == code)).first()
            return _placed(session, row, period) if row else None

    def report_id(self, unit_code: str, period: Period) -> int | None:
        with Session(self.engine) as session:
            row = _report_row(session, unit_code, period)
            return row.id if row else None

    def save_report(self, report: Report) -> int:
        """Insert or replace the report of ``report.unit`` for ``report.period``; returns its id."""
        with Session(self.engine) as session:
            unit_row = self._unit_row(session, report.unit, profile_only=True)
            assert unit_row.id is not None
            row = session.exec(
                select(ReportRow).where(
                    ReportRow.unit_id == unit_row.id, ReportRow.period == report.period.code
                )
            ).first() or ReportRow(unit_id=unit_row.id, period=report.period.code,
                                   date=report.date)
            row.number, row.date, row.recipient = report.number, report.date, report.recipient
            row.data_from, row.data_to = report.data_from, report.data_to
            row.status, row.recipients = report.status.value, list(report.recipients)
            row.review = list(report.review)
            row.updated_at = dt.datetime.now(dt.UTC)
            session.add(row)
            session.flush()
            assert row.id is not None
            session.exec(delete(FigureRow).where(col(FigureRow.report_id) == row.id))
            session.exec(delete(DocumentRow).where(col(DocumentRow.report_id) == row.id))
            session.exec(delete(ItemRow).where(col(ItemRow.report_id) == row.id))
            for rows in convert.report_rows(report, row.id):
                session.add_all(rows)
            session.commit()
            return row.id

    def get(self, report_id: int) -> Report:
        with Session(self.engine) as session:
            row = session.get(ReportRow, report_id)
            if row is None:
                raise StorageError(f"không có báo cáo số {report_id} trong cơ sở dữ liệu")
            return self._load(session, row)

    def exists(self, report_id: int) -> bool:
        with Session(self.engine) as session:
            return session.get(ReportRow, report_id) is not None

    def find(self, unit_code: str, period: Period) -> Report | None:
        with Session(self.engine) as session:
            row = _report_row(session, unit_code, period)
            return self._load(session, row) if row else None

    def _load(self, session: Session, row: ReportRow) -> Report:
        unit = session.get(UnitRow, row.unit_id)
        assert unit is not None and row.id is not None
        report = convert.report_from_rows(
            self.catalogue,
            row,
            unit,
            list(session.exec(select(FigureRow).where(FigureRow.report_id == row.id)).all()),
            list(session.exec(select(DocumentRow).where(DocumentRow.report_id == row.id)).all()),
            list(session.exec(select(ItemRow).where(ItemRow.report_id == row.id)).all()),
        )
        report.unit = _placed(session, unit, report.period)
        return report

    def list(self, unit_code: str | None = None) -> list[ReportSummary]:
        with Session(self.engine) as session:
            query = select(ReportRow, UnitRow).join(UnitRow)
            if unit_code:
                query = query.where(UnitRow.code == unit_code)
            summaries = [
                ReportSummary(report.id or 0, unit.code, f"{unit.kind} {unit.name}",
                              Period.parse(report.period), report.status, report.number,
                              report.updated_at)
                for report, unit in session.exec(query).all()
            ]
        return sorted(summaries, key=lambda s: (s.unit_code, s.period))

    def save_scores(self, year: int, scores: Iterable[Score]) -> int:
        """Store the ``year`` index scores of units (replacing theirs); returns the count."""
        return save_scores(self.engine, year, scores)

    def scores(self, year: int, units: Iterable[Unit]) -> builtins.list[Score]:
        """The stored ``year`` index scores of ``units``."""
        return load_scores(self.engine, year, (unit.code for unit in units))

    def get_state(self, key: str) -> str | None:
        """A value the TUI kept between runs (``None`` if never set)."""
        with Session(self.engine) as session:
            row = session.get(StateRow, key)
            return row.value if row else None

    def set_state(self, key: str, value: str) -> None:
        with Session(self.engine) as session:
            row = session.get(StateRow, key) or StateRow(key=key, value=value)
            row.value = value
            session.add(row)
            session.commit()


def _placed(session: Session, row: UnitRow, period: Period | None) -> Unit:
    """The unit of ``row`` with its place in the structure (in ``period``) filled in."""
    unit = convert.unit_from_row(row)
    parent = (session.exec(select(UnitRow).where(UnitRow.code == row.parent)).first()
              if row.parent else None)
    kids = [convert.unit_from_row(r)
            for r in session.exec(select(UnitRow).where(UnitRow.parent == row.code)).all()]
    successors = [convert.unit_from_row(r) for r in session.exec(
        select(UnitRow).where(col(UnitRow.formed).is_not(None))).all()]
    territory = children(kids, unit, period, gone=merged_away(successors))
    return replace(unit, parent_kind=parent.kind if parent else "",
                   parent_name=parent.name if parent else "", child_kinds=kinds_of(territory))


def _report_row(session: Session, unit_code: str, period: Period) -> ReportRow | None:
    """The stored report of one unit and period."""
    return session.exec(
        select(ReportRow).join(UnitRow).where(
            UnitRow.code == unit_code, ReportRow.period == period.code
        )
    ).first()
