"""Engines and named, transactional migrations. No engine is created at import time.

SQLite (the default, a file in the user data directory) and PostgreSQL (``drafter-cchc[postgres]``,
``postgresql://user:password@host/database``) are supported. Writers wait for each other
(SQLite's busy timeout, PostgreSQL's lock timeout, both
:data:`~drafter.storage.location.WAIT_SECONDS`) instead of failing at once, and a write
transaction takes its lock when it begins (SQLite ``BEGIN IMMEDIATE``), so a long import never
makes another writer fail half-way. Migrations run under a lock (SQLite: an exclusive
transaction; PostgreSQL: an advisory lock), and a database migrated by a newer drafter is
refused rather than written to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel

from drafter.errors import StorageError
from drafter.storage import schema
from drafter.storage.errors import describe
from drafter.storage.location import (
    default_url,
    keep_sqlite_file,
    on_network_drive,
    sqlite_file,
    wait_seconds,
)
from drafter.storage.messages import safe_url
from drafter.storage.tone_repair import repair_tone_marks
from drafter.storage.versions import refuse_unknown
from models import MigrationRow, ScoreRow, StateRow, UnitRow

# Any constant shared by every drafter process: the key of PostgreSQL's migration lock.
_MIGRATION_LOCK = 0x64726166746572


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean PostgreSQL through psycopg 3, the driver
    the ``postgres`` extra installs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _initial(connection: Connection) -> None:
    SQLModel.metadata.create_all(connection)


def _review_column(connection: Connection) -> None:
    # Databases created by a newer 0001 already have the column (create_all uses the current
    # tables); older ones get it added here.
    columns = {column["name"] for column in inspect(connection).get_columns("reports")}
    if "review" not in columns:
        connection.execute(text("ALTER TABLE reports ADD COLUMN review JSON"))


def _ui_state(connection: Connection) -> None:
    StateRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]


def _scores(connection: Connection) -> None:
    ScoreRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]


# Columns 0010 adds to ``units`` (databases created since have them from 0001).
_UNIT_STRUCTURE = {
    "level": "VARCHAR NOT NULL DEFAULT ''",
    "official_code": "VARCHAR NOT NULL DEFAULT ''",
    "symbol": "VARCHAR NOT NULL DEFAULT ''",
    "predecessors": "JSON",
    "formed": "DATE",
}


def _unit_structure(connection: Connection) -> None:
    UnitRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]
    columns = {column["name"] for column in inspect(connection).get_columns("units")}
    for name, definition in _UNIT_STRUCTURE.items():
        if name not in columns:
            connection.execute(text(f"ALTER TABLE units ADD COLUMN {name} {definition}"))
    indexes = {index["name"] for index in inspect(connection).get_indexes("units")}
    if "ix_units_official_code" not in indexes:
        connection.execute(text("CREATE INDEX ix_units_official_code ON units (official_code)"))


def _inspection_kinds(connection: Connection) -> None:
    # Inspection is counted by kind of unit inspected since issue 14: the former single count
    # was the communes inspected, and is kept as such under its new key.
    if "figures" not in inspect(connection).get_table_names():
        return
    for old, new in (("inspected_units", "inspected_communes"),
                     ("stated:inspected_units", "stated:inspected_communes")):
        connection.execute(text("UPDATE figures SET key = :new WHERE key = :old"),
                           {"old": old, "new": new})


# Applied in order, each recorded in the ``migrations`` table; all pending ones run in one
# transaction under the migration lock. Their names are :data:`versions.KNOWN`.
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_report_review", _review_column),
    ("0003_ui_state", _ui_state),
    ("0004_scores", _scores),
    ("0005_tone_marks", repair_tone_marks),
    ("0006_report_version", schema.report_version),
    ("0007_unit_snapshot", schema.unit_snapshot),
    ("0008_history", schema.history),
    ("0010_unit_structure", _unit_structure),
    ("0015_inspection_kinds", _inspection_kinds),
]


def _sqlite_connect(dbapi_connection: Any, _record: Any, journal: str = "WAL") -> None:
    # drafter begins transactions itself (see _sqlite_begin); the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(wait_seconds() * 1000)}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA journal_mode={journal}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Writers take the write lock up front: a deferred transaction that reads, then writes
    fails at once ("database is locked") when another writer got in between."""
    mode = connection.get_execution_options().get("drafter_lock", "")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


def writer(engine: Engine) -> Engine:
    """The same engine for write transactions: on SQLite they begin with the write lock."""
    return engine.execution_options(drafter_lock="IMMEDIATE")


def _applied(connection: Connection) -> set[str]:
    if not inspect(connection).has_table("migrations"):
        return set()
    return {row[0] for row in connection.execute(text("SELECT name FROM migrations"))}


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """One transaction that no other process migrates at the same time."""
    if engine.dialect.name == "sqlite":
        with engine.execution_options(drafter_lock="EXCLUSIVE").begin() as connection:
            yield connection
        return
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK})
        yield connection


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet applied; returns their names."""
    with engine.connect() as connection:
        applied = _applied(connection)
    refuse_unknown(applied)
    if all(name in applied for name, _ in MIGRATIONS):
        return []
    done: list[str] = []
    with _migration_lock(engine) as connection:
        MigrationRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]
        applied = _applied(connection)  # another process may have migrated meanwhile
        refuse_unknown(applied)
        for name, step in MIGRATIONS:
            if name not in applied:
                step(connection)
                connection.execute(MigrationRow.__table__.insert().values(name=name))  # type: ignore[attr-defined]
                done.append(name)
    return done


def create(url: str) -> Engine:
    """An engine for ``url`` with drafter's connection settings, not yet migrated."""
    url = normalise_url(url)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        keep_sqlite_file(url)
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": wait_seconds()})
        path = sqlite_file(url)
        # WAL needs memory shared between the writers, which machines sharing a network
        # drive do not have: there the rollback journal.
        journal = "DELETE" if path is not None and on_network_drive(path) else "WAL"
        event.listen(engine, "connect", partial(_sqlite_connect, journal=journal))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.startswith("postgresql"):
        wait = int(wait_seconds() * 1000)
        return create_engine(url, pool_pre_ping=True, connect_args={
            "connect_timeout": 10, "options": f"-c lock_timeout={wait}"})
    return create_engine(url)


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`default_url`) with the schema up to date."""
    url = url or default_url()
    try:
        engine = create(url)
        migrate(engine)
    except SQLAlchemyError as exc:
        raise StorageError(describe(exc, url)) from None
    except ImportError as exc:
        raise StorageError(
            f"không mở được cơ sở dữ liệu {safe_url(url)}: chưa cài trình điều khiển "
            f"({exc.name}); với PostgreSQL, cài: pip install 'drafter-cchc[postgres]'") from None
    except OSError as exc:
        raise StorageError(f"không mở được cơ sở dữ liệu {safe_url(url)}: "
                           f"{exc.strerror or exc}") from None
    return engine


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
