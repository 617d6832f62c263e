"""The report store: every write is one transaction; reads return domain objects.

The store keeps the records' rules whoever calls it (CLI, TUI, roll-up):

- a final report is immutable: saving different content fails until it is reopened
  (:meth:`Store.reopen`, recorded with its reason); saving the same content again is a no-op;
- the checks run on every way to final, and a report number is used once per unit and year;
- a report read at one version cannot be saved over a newer one (optimistic locking);
- every change is recorded in the history with who made it, when, old and new values;
- a final report keeps the unit profile it was made final with; drafts follow the profile;
- figures the loaded pack does not know are kept untouched;
- every database failure is a :class:`StorageError` with one Vietnamese line.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy import Engine, delete
from sqlmodel import Session, col, select

from drafter.checks.final import ensure_can_be_final
from drafter.domain.catalogue import Catalogue
from drafter.domain.limits import UNIT_FIELD_NAMES, UnitError, check_unit
from drafter.domain.periods import Period
from drafter.domain.ranking import Score
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.errors import FinalReportError, StaleReportError, StorageError
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.storage import bulk, convert, history, rows, units
from drafter.storage.db import writer
from drafter.storage.errors import storage_errors
from drafter.storage.guards import duplicate_number, final_message, stale_message
from drafter.storage.scores import load_scores, save_scores
from drafter.storage.snapshots import unit_to_json
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
    """Reports and units in one database (``connect()`` gives the engine).

    Figures are read by ``catalogue`` (default: ``pack``'s); ``pack`` (default: the built-in
    one) holds the checks a report must pass to become final.
    """

    def __init__(self, engine: Engine, catalogue: Catalogue | None = None,
                 pack: TemplatePack | None = None) -> None:
        self.engine = engine
        self.pack = pack or builtin_pack()
        self.catalogue = catalogue or self.pack.catalogue
        self._writer = writer(engine)

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with storage_errors(self.engine.url), Session(self.engine) as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction, committed when the block ends without an error."""
        with storage_errors(self.engine.url), Session(self._writer) as session:
            yield session
            session.commit()

    # Units

    def save_unit(self, unit: Unit) -> None:
        """Create or replace a unit profile, every field (the unit registry's write)."""
        self.save_units([unit])

    def save_units(self, units: Iterable[Unit]) -> int:
        """Create or replace unit profiles in one transaction (each change recorded in the
        history); returns how many."""
        given = list(units)
        for unit in given:
            _checked(unit)
        with self._write() as session:
            for unit in given:
                _update_unit(session, unit, profile_only=False)
        return len(given)

    def units(self) -> list[Unit]:
        """Every stored unit, by code (their place not filled in)."""
        with self._read() as session:
            found = session.exec(select(UnitRow).order_by(col(UnitRow.code))).all()
            return [rows.unit_from_row(row) for row in found]

    def unit(self, code: str, period: Period | None = None) -> Unit | None:
        """The unit with its place filled in: its parent's kind and name, and the kinds of
        the units reporting to it (in ``period`` when given, else all not merged away)."""
        with self._read() as session:
            row = session.exec(select(UnitRow).where(UnitRow.code == code)).first()
            return _placed(session, row, period) if row else None

    # Reports

    def report_id(self, unit_code: str, period: Period) -> int | None:
        with self._read() as session:
            row = _report_row(session, unit_code, period)
            return row.id if row else None

    def save_report(self, report: Report, update_unit: bool = False) -> int:
        """Insert or update the report of ``report.unit`` for ``report.period``; returns its id
        and sets ``report.version`` to the version stored.

        A draft takes the unit's stored profile (``update_unit`` first updates that profile
        from ``report.unit``, unless the unit already has a later report); a report saved as
        final keeps ``report.unit``, the profile it was signed with, its place in the
        structure filled in where it gives none.
        """
        _checked(report.unit)
        with self._write() as session:
            unit_row = units.unit_row(session, report.unit, update=False)
            if update_unit and not _has_later(session, unit_row, report.period):
                _update_unit(session, report.unit, profile_only=True)
            final = report.status is Status.FINAL
            placed = _placed(session, unit_row, report.period)
            effective = replace(report, unit=_with_place(report.unit, placed) if final
                                else placed)
            row = _report_row(session, report.unit.code, report.period, lock=True)
            old = self._load(session, row) if row is not None else None
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
            if final:
                previous = _report_row(session, report.unit.code, report.period.previous())
                ensure_can_be_final(effective, self._load(session, previous) if previous
                                    else None, self.pack)
            assert unit_row.id is not None
            clash = duplicate_number(session, unit_row.id, effective)
            if clash:
                raise StorageError(clash)
            row = self._write_rows(session, effective, unit_row.id, row)
            assert row.id is not None
            if old is None:
                history.record(session, row.id, report.unit.code, history.CREATE,
                               [("report.status", None, effective.status.value)])
            else:
                action = history.FINAL if final else history.UPDATE
                history.record(session, row.id, report.unit.code, action, changes)
            report.version = row.version
            return row.id

    def _write_rows(self, session: Session, report: Report, unit_id: int,
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
        known = [*self.catalogue.indicators,
                 *(prefix + key for key in self.catalogue.indicators
                   for prefix in (rows.STATED_PREFIX, rows.GIVEN_PREFIX))]
        session.exec(delete(FigureRow).where(col(FigureRow.report_id) == row.id,
                                             col(FigureRow.key).in_(known)))
        session.exec(delete(DocumentRow).where(col(DocumentRow.report_id) == row.id))
        session.exec(delete(ItemRow).where(col(ItemRow.report_id) == row.id))
        for children in convert.report_rows(report, row.id):
            session.add_all(children)
        return row

    def reopen(self, report_id: int, reason: str) -> Report:
        """Turn a final report back into a draft, recording why; returns it."""
        with self._write() as session:
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
            return self._load(session, row)

    def history(self, report_id: int) -> list[history.Change]:
        """Every recorded change of the report, oldest first."""
        with self._read() as session:
            if session.get(ReportRow, report_id) is None:
                raise StorageError(f"không có báo cáo số {report_id} trong cơ sở dữ liệu")
            return history.changes_of(session, report_id)

    def get(self, report_id: int) -> Report:
        with self._read() as session:
            row = session.get(ReportRow, report_id)
            if row is None:
                raise StorageError(f"không có báo cáo số {report_id} trong cơ sở dữ liệu")
            return self._load(session, row)

    def exists(self, report_id: int) -> bool:
        with self._read() as session:
            return session.get(ReportRow, report_id) is not None

    def find(self, unit_code: str, period: Period) -> Report | None:
        with self._read() as session:
            row = _report_row(session, unit_code, period)
            return self._load(session, row) if row else None

    def find_many(self, unit_codes: Iterable[str], period: Period) -> dict[str, Report]:
        """The stored reports of ``period`` of the units ``unit_codes``, by unit code, read
        together (a unit without one is left out)."""
        with self._read() as session:
            return bulk.find_many(session, self.catalogue, list(unit_codes), period)

    def _load(self, session: Session, row: ReportRow) -> Report:
        unit = session.get(UnitRow, row.unit_id)
        assert unit is not None and row.id is not None
        try:
            period = Period.parse(row.period)
        except ValueError as exc:
            raise StorageError(
                f"báo cáo số {row.id} có giá trị lưu không đọc được ({exc}); cơ sở dữ liệu có "
                "thể do một phiên bản drafter khác ghi") from None
        return rows.assemble(
            self.catalogue, row, unit,
            list(session.exec(select(FigureRow).where(FigureRow.report_id == row.id))),
            list(session.exec(select(DocumentRow).where(DocumentRow.report_id == row.id))),
            list(session.exec(select(ItemRow).where(ItemRow.report_id == row.id))),
            _placed(session, unit, period))

    def list(self, unit_code: str | None = None) -> list[ReportSummary]:
        """The stored reports that can be read, by unit and period."""
        return self._summaries(unit_code)[0]

    def unreadable(self, unit_code: str | None = None) -> builtins.list[str]:
        """Why each stored report that cannot be read (unknown period or status) cannot."""
        return self._summaries(unit_code)[1]

    def _summaries(self, unit_code: str | None) -> tuple[builtins.list[ReportSummary],
                                                          builtins.list[str]]:
        summaries, problems = [], []
        with self._read() as session:
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
                summaries.append(ReportSummary(report.id or 0, unit.code,
                                               f"{unit.kind} {unit.name}", period,
                                               status.value, report.number, report.updated_at))
        return sorted(summaries, key=lambda s: (s.unit_code, s.period)), problems

    # Scores and UI state

    def save_scores(self, year: int, scores: Iterable[Score]) -> int:
        """Store the ``year`` index scores of units (replacing theirs); returns the count."""
        with storage_errors(self.engine.url):
            return save_scores(self._writer, year, scores)

    def scores(self, year: int, units: Iterable[Unit]) -> builtins.list[Score]:
        """The stored ``year`` index scores of ``units``."""
        with storage_errors(self.engine.url):
            return load_scores(self.engine, year, (unit.code for unit in units))

    def get_state(self, key: str) -> str | None:
        """A value the TUI kept between runs (``None`` if never set)."""
        with self._read() as session:
            row = session.get(StateRow, key)
            return row.value if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._write() as session:
            row = session.get(StateRow, key) or StateRow(key=key, value=value)
            row.value = value
            session.add(row)


def _update_unit(session: Session, unit: Unit, profile_only: bool) -> None:
    """Create or update the unit's row from ``unit``, recording what changed."""
    row = units.unit_row(session, unit, update=False)
    old = rows.unit_from_row(row)
    copy = UnitRow(**{name: getattr(row, name) for name in UnitRow.model_fields})
    updated = rows.unit_from_row(convert.unit_to_row(unit, copy, profile_only))
    changes = history.unit_diff(old, updated)
    if changes:
        units.unit_row(session, unit, update=True, profile_only=profile_only)
        history.record(session, None, unit.code, history.UPDATE, changes)


def _placed(session: Session, row: UnitRow, period: Period | None) -> Unit:
    """The unit of ``row`` with its place in the structure (in ``period``) filled in."""
    parent = (session.exec(select(UnitRow).where(UnitRow.code == row.parent)).first()
              if row.parent else None)
    kids = session.exec(select(UnitRow).where(UnitRow.parent == row.code)).all()
    successors = session.exec(select(UnitRow).where(col(UnitRow.formed).is_not(None))).all()
    return rows.place(row, period, parent, kids, successors)


def _with_place(unit: Unit, placed: Unit) -> Unit:
    """``unit`` with its place (parent, children's kinds) taken from ``placed`` where it
    gives none: a final report's snapshot records where the unit stood when it was signed."""
    return replace(unit, parent_kind=unit.parent_kind or placed.parent_kind,
                   parent_name=unit.parent_name or placed.parent_name,
                   child_kinds=unit.child_kinds or placed.child_kinds)


def _checked(unit: Unit) -> None:
    """The unit's fields within the limits (a unit in the registry may not know its signer
    yet; data files, which make reports, must name one)."""
    try:
        check_unit(unit, require_signer=False)
    except UnitError as exc:
        name = UNIT_FIELD_NAMES.get(exc.field, exc.field)
        raise StorageError(f"hồ sơ đơn vị: {name} {exc.problem}") from None


def _report_row(session: Session, unit_code: str, period: Period,
                lock: bool = False) -> ReportRow | None:
    """The stored report of one unit and period (``lock``: held until the transaction ends)."""
    query = select(ReportRow).join(UnitRow).where(UnitRow.code == unit_code,
                                                  ReportRow.period == period.code)
    if lock:
        query = query.with_for_update(of=ReportRow)
    return session.exec(query).first()


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
