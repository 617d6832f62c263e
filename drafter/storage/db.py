"""Engines and named, transactional migrations. No engine is created at import time."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, select

from drafter.errors import StorageError
from drafter.storage.tone_repair import repair_tone_marks
from models import MigrationRow, ScoreRow, StateRow, UnitRow


def default_url() -> str:
    """``DRAFTER_DB`` if set, else a SQLite file in the user data directory."""
    env = os.environ.get("DRAFTER_DB")
    if env:
        return env
    path = Path(platformdirs.user_data_dir("drafter")) / "drafter.sqlite"
    return f"sqlite:///{path}"


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


# Applied in order, each in its own transaction, recorded in the ``migrations`` table.
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_report_review", _review_column),
    ("0003_ui_state", _ui_state),
    ("0004_scores", _scores),
    ("0005_tone_marks", repair_tone_marks),
    ("0010_unit_structure", _unit_structure),
    ("0015_inspection_kinds", _inspection_kinds),
]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet applied; returns their names."""
    applied: list[str] = []
    with engine.begin() as connection:
        MigrationRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]
    with Session(engine) as session:
        done = set(session.exec(select(MigrationRow.name)).all())
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with engine.begin() as connection:
            step(connection)
            connection.execute(MigrationRow.__table__.insert().values(name=name))  # type: ignore[attr-defined]
        applied.append(name)
    return applied


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`default_url`) with the schema up to date."""
    url = url or default_url()
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine)
    except (SQLAlchemyError, OSError) as exc:
        raise StorageError(f"không mở được cơ sở dữ liệu {url}: {exc}") from None
    return engine


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
