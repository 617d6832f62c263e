"""Reading units and reports without the ORM: the driver itself (the standard library's
sqlite3, psycopg for PostgreSQL), for the commands that only read many reports — ``aggregate
--no-save``, the parent of ``render-all``. Starting SQLAlchemy and SQLModel took two thirds of
such a command's time.

The reports are made from the rows by :mod:`drafter.storage.rows`, as the store makes them,
so :meth:`Reader.find_many` gives exactly what :meth:`Store.find_many` gives (tested on both
databases). A database this drafter has not migrated yet is left to the store, which
migrates it (:func:`open_reader` returns ``None``); one a newer drafter migrated is refused
with the store's words, and every failure is one Vietnamese line without the password.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict, namedtuple
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.ranking import TOTAL, Score
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import StorageError
from drafter.storage.location import default_url, keep_sqlite_file, wait_seconds
from drafter.storage.messages import line
from drafter.storage.rows import Parsed, Places, assemble, unit_from_row
from drafter.storage.versions import KNOWN, refuse_unknown

_CHUNK = 500  # values in one IN (…) clause, well under every database's limit
# How SQLAlchemy keeps these columns in SQLite (text, 0/1); PostgreSQL's driver gives them
# typed already. tests/test_reader.py holds these to the models' column types.
JSON_COLUMNS = frozenset({"recipients", "predecessors", "review", "unit_snapshot"})
DATE_COLUMNS = frozenset({"formed", "date", "data_from", "data_to"})
BOOL_COLUMNS = frozenset({"signer_deputy"})


class Reads(Protocol):
    """What reading reports needs of a store: :class:`Store` and :class:`Reader` both."""

    def units(self) -> list[Unit]: ...

    def unit(self, code: str, period: Period | None = None) -> Unit | None: ...

    def report_id(self, unit_code: str, period: Period) -> int | None: ...

    def find(self, unit_code: str, period: Period) -> Report | None: ...

    def find_many(self, unit_codes: Iterable[str], period: Period) -> dict[str, Report]: ...

    def scores(self, year: int, units: Iterable[Unit]) -> list[Score]: ...


def _sqlite_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    try:
        if name in JSON_COLUMNS:
            return json.loads(value)
        if name in DATE_COLUMNS:
            return dt.date.fromisoformat(value)
    except (ValueError, TypeError) as exc:
        raise StorageError(f"giá trị lưu ở cột {name} không đọc được ({exc}); cơ sở dữ liệu "
                           "có thể do một phiên bản drafter khác ghi") from None
    if name in BOOL_COLUMNS:
        return bool(value)
    return value


class Reader:
    """Read-only access to a migrated database, one short transaction per call."""

    def __init__(self, url: str, catalogue: Catalogue) -> None:
        self.url = url
        self.catalogue = catalogue
        self._sqlite = url.startswith("sqlite:///")
        if self._sqlite:
            keep_sqlite_file(url)
        self._errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        try:
            with closing(self._open()) as connection:
                yield connection
        except Exception as exc:
            if not isinstance(exc, self._errors):
                raise
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else \
                type(exc).__name__
            raise StorageError(line(detail, self.url)) from None

    def _open(self) -> Any:
        if self._sqlite:
            connection = sqlite3.connect(self.url.removeprefix("sqlite:///"),
                                         timeout=wait_seconds(), isolation_level=None)
            connection.execute("BEGIN")  # one snapshot for every query of the call
            return connection
        import psycopg

        self._errors = (sqlite3.Error, psycopg.Error)
        return psycopg.connect(_libpq_url(self.url), connect_timeout=10)

    def _rows(self, connection: Any, sql: str, *params: Any) -> list[Any]:
        """The rows of ``sql`` (``?`` placeholders) as named tuples of typed values."""
        cursor = connection.execute(sql if self._sqlite else sql.replace("?", "%s"), params)
        names = [column[0] for column in cursor.description]
        make = namedtuple("Row", names)._make  # type: ignore[attr-defined]
        if not self._sqlite:
            return [make(row) for row in cursor.fetchall()]
        typed = [index for index, name in enumerate(names)
                 if name in JSON_COLUMNS | DATE_COLUMNS | BOOL_COLUMNS]
        rows = []
        for row in cursor.fetchall():
            if typed:
                row = list(row)
                for index in typed:
                    row[index] = _sqlite_value(names[index], row[index])
            rows.append(make(row))
        return rows

    def applied(self) -> set[str]:
        """The names of the migrations applied (none on an empty database)."""
        with self._connection() as connection:
            exists = self._rows(connection, _TABLE_EXISTS if self._sqlite else _PG_TABLE,
                                "migrations")
            if not exists:
                return set()
            return {row.name for row in self._rows(connection, "SELECT name FROM migrations")}

    def units(self) -> list[Unit]:
        """Every stored unit, by code (their place not filled in), as :meth:`Store.units`."""
        with self._connection() as connection:
            return [unit_from_row(row)
                    for row in self._rows(connection, "SELECT * FROM units ORDER BY code")]

    def unit(self, code: str, period: Period | None = None) -> Unit | None:
        """The unit with its place filled in, as :meth:`Store.unit`."""
        with self._connection() as connection:
            places = Places(self._rows(connection, "SELECT * FROM units"))
        row = places.row(code)
        return places.place(row, period) if row is not None else None

    def report_id(self, unit_code: str, period: Period) -> int | None:
        with self._connection() as connection:
            found = self._rows(connection, "SELECT reports.id FROM reports JOIN units ON "
                               "units.id = reports.unit_id WHERE units.code = ? AND "
                               "reports.period = ?", unit_code, period.code)
        return found[0].id if found else None

    def find(self, unit_code: str, period: Period) -> Report | None:
        return self.find_many([unit_code], period).get(unit_code)

    def _where(self, report_id: int) -> tuple[str, Period] | None:
        with self._connection() as connection:
            found = self._rows(connection, "SELECT units.code, reports.period FROM reports "
                               "JOIN units ON units.id = reports.unit_id WHERE reports.id = ?",
                               report_id)
        return (found[0].code, Period.parse(found[0].period)) if found else None

    def exists(self, report_id: int) -> bool:
        return self._where(report_id) is not None

    def get(self, report_id: int) -> Report:
        """The stored report ``report_id``, as :meth:`Store.get`."""
        where = self._where(report_id)
        report = self.find(*where) if where is not None else None
        if report is None:
            raise StorageError(f"không có báo cáo số {report_id} trong cơ sở dữ liệu")
        return report

    def get_state(self, key: str) -> str | None:
        """A value the TUI kept between runs, as :meth:`Store.get_state`."""
        with self._connection() as connection:
            found = self._rows(connection, "SELECT value FROM ui_state WHERE key = ?", key)
        return str(found[0].value) if found else None

    def find_many(self, unit_codes: Iterable[str], period: Period) -> dict[str, Report]:
        """The stored reports of ``period`` of the units ``unit_codes``, by unit code, as
        :meth:`Store.find_many` gives them."""
        codes = list(unit_codes)
        with self._connection() as connection:
            found = []
            for chunk in chunks(codes):
                found += self._rows(
                    connection, "SELECT reports.*, units.code AS unit_code FROM reports JOIN "
                    f"units ON units.id = reports.unit_id WHERE units.code IN ({_marks(chunk)})"
                    " AND reports.period = ?", *chunk, period.code)
            ids = [row.id for row in found]
            figures, documents, items = (self._by_report(connection, table, ids)
                                         for table in ("figures", "documents", "items"))
            places = Places(self._rows(connection, "SELECT * FROM units") if found else [])
        reports, parsed = {}, Parsed()
        for report in found:
            unit = places.row(report.unit_code)
            assert unit is not None
            reports[unit.code] = assemble(self.catalogue, report, unit, figures[report.id],
                                          documents[report.id], items[report.id],
                                          places.place(unit, period), parsed)
        return reports

    def scores(self, year: int, units: Iterable[Unit]) -> list[Score]:
        """The stored ``year`` index scores of ``units``, as :meth:`Store.scores`."""
        by_code = {unit.code: unit for unit in units}
        values: dict[str, dict[str, Decimal]] = {}
        with self._connection() as connection:
            for chunk in chunks(list(by_code)):
                for row in self._rows(
                        connection, "SELECT units.code AS code, scores.field AS field, "
                        "scores.value AS value FROM scores JOIN units ON units.id = "
                        f"scores.unit_id WHERE scores.year = ? AND units.code IN "
                        f"({_marks(chunk)})", year, *chunk):
                    values.setdefault(row.code, {})[row.field] = Decimal(row.value)
            rows = {row.code: row for row in self._rows(connection, "SELECT * FROM units")} \
                if values else {}
        return [Score(unit_from_row(rows[code]), found.pop(TOTAL), found)
                for code, found in values.items() if TOTAL in found]

    def _by_report(self, connection: Any, table: str, ids: list[int]) -> dict[int, list[Any]]:
        grouped: dict[int, list[Any]] = defaultdict(list)
        for chunk in chunks(ids):
            for row in self._rows(connection, f"SELECT * FROM {table} WHERE report_id IN "
                                  f"({_marks(chunk)})", *chunk):
                grouped[row.report_id].append(row)
        return grouped


_TABLE_EXISTS = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?"
_PG_TABLE = "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() " \
    "AND tablename = ?"


def chunks(values: list[Any]) -> Iterator[list[Any]]:
    """``values`` in pieces small enough for one ``IN (…)`` clause."""
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _libpq_url(url: str) -> str:
    """``postgresql://…`` as libpq takes it (drafter also accepts ``postgres://`` and
    SQLAlchemy's ``postgresql+psycopg://``)."""
    scheme, _, rest = url.partition("://")
    return f"postgresql://{rest}" if scheme in ("postgres", "postgresql+psycopg") else url


def open_reader(url: str | None, catalogue: Catalogue) -> Reader | None:
    """A reader of ``url`` (default: ``DRAFTER_DB`` or the user's SQLite file), or ``None``
    when the store must open it instead: not a plain SQLite file or PostgreSQL URL, a file
    not there yet, a database not yet migrated to this drafter's schema (the store creates
    and migrates it). A database migrated by a newer drafter is refused here."""
    url = url or default_url()
    scheme = url.partition("://")[0]
    if scheme == "sqlite":
        path = url.removeprefix("sqlite:///")
        # Queries, URI file names and %-escapes are SQLAlchemy's to read: the store opens those.
        if not url.startswith("sqlite:///") or any(mark in path for mark in "?%") \
                or path in ("", ":memory:") or path.startswith("file:") \
                or not Path(path).is_file():
            return None
    elif scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        return None
    else:
        try:
            import psycopg  # noqa: F401  (the store says how to install it)
        except ImportError:
            return None
    reader = Reader(url, catalogue)
    applied = reader.applied()
    refuse_unknown(applied)
    return reader if applied >= set(KNOWN) else None
