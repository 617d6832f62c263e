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

The store holds the transactions; what is read and written in them is in
:mod:`~drafter.storage.report_reads` and :mod:`~drafter.storage.report_writes`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.ranking import Score
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import StorageError
from drafter.models import ReportRow, StateRow, UnitRow
from drafter.packs.load import TemplatePack, builtin_pack
from drafter.storage import bulk, history, report_writes, rows
from drafter.storage.db import writer
from drafter.storage.errors import storage_errors
from drafter.storage.guards import checked_unit
from drafter.storage.report_reads import ReportSummary, load, placed, report_row, summaries
from drafter.storage.scores import load_scores, save_scores


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
            checked_unit(unit)
        with self._write() as session:
            for unit in given:
                report_writes.update_unit_row(session, unit, profile_only=False)
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
            return placed(session, row, period) if row else None

    # Reports

    def report_id(self, unit_code: str, period: Period) -> int | None:
        with self._read() as session:
            row = report_row(session, unit_code, period)
            return row.id if row else None

    def save_report(self, report: Report, update_unit: bool = False,
                    over_drafts: bool = False, continues: bool = False) -> int:
        """Insert or update the report of ``report.unit`` for ``report.period``; returns its id
        and sets ``report.version`` to the version stored.

        A draft takes the unit's stored profile (``update_unit`` first updates that profile
        from ``report.unit``, unless the unit already has a later report); a report saved as
        final keeps ``report.unit``, the profile it was signed with, its place in the
        structure filled in where it gives none. A province's (district's) report made final
        while some of its communes' reports of the period are drafts is refused, unless
        ``over_drafts`` confirms it (recorded in its history). ``continues``: the change
        goes on the edit saved last (a key more typed in the same box), and the history keeps
        one entry for both.
        """
        checked_unit(report.unit)
        with self._write() as session:
            return report_writes.save_report(session, self.catalogue, self.pack, report,
                                             update_unit, over_drafts, continues)

    def reopen(self, report_id: int, reason: str) -> Report:
        """Turn a final report back into a draft, recording why; returns it."""
        with self._write() as session:
            return report_writes.reopen(session, self.catalogue, report_id, reason)

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
            return load(session, self.catalogue, row)

    def exists(self, report_id: int) -> bool:
        with self._read() as session:
            return session.get(ReportRow, report_id) is not None

    def find(self, unit_code: str, period: Period) -> Report | None:
        with self._read() as session:
            row = report_row(session, unit_code, period)
            return load(session, self.catalogue, row) if row else None

    def find_many(self, unit_codes: Iterable[str], period: Period) -> dict[str, Report]:
        """The stored reports of ``period`` of the units ``unit_codes``, by unit code, read
        together (a unit without one is left out)."""
        with self._read() as session:
            return bulk.find_many(session, self.catalogue, list(unit_codes), period)

    def list(self, unit_code: str | None = None) -> list[ReportSummary]:
        """The stored reports that can be read, by unit and period."""
        with self._read() as session:
            return summaries(session, unit_code)[0]

    def unreadable(self, unit_code: str | None = None) -> builtins.list[str]:
        """Why each stored report that cannot be read (unknown period or status) cannot."""
        with self._read() as session:
            return summaries(session, unit_code)[1]

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
