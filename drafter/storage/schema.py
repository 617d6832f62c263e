"""The reliability migrations: report versions, unit snapshots, the history table; the
kind of each report.

Each step is idempotent: a database created by the current ``0001_initial`` (which builds
today's tables) already has what the step adds.
"""

from __future__ import annotations

from sqlalchemy import MetaData, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateTable

from drafter.models import HistoryRow, ReportRow, UnitRow
from drafter.storage.rows import unit_from_row
from drafter.storage.snapshots import unit_to_json


def _columns(connection: Connection, table: str) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns(table)}


def report_version(connection: Connection) -> None:
    """0006: the version every save raises (optimistic locking against lost updates)."""
    if "version" not in _columns(connection, "reports"):
        connection.execute(text(
            "ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1"))


def unit_snapshot(connection: Connection) -> None:
    """0007: the unit profile each report was saved with.

    Final reports stored before this migration get the unit's current profile, the best
    record there is; from now on a profile change never reaches a final report.
    """
    if "unit_snapshot" not in _columns(connection, "reports"):
        connection.execute(text("ALTER TABLE reports ADD COLUMN unit_snapshot JSON"))
    if not inspect(connection).has_table("units") or \
            "status" not in _columns(connection, "reports"):
        return  # a database older than the first release: nothing final to keep
    reports = ReportRow.__table__  # type: ignore[attr-defined]
    # Only the unit columns this database has yet (later migrations add more).
    present = _columns(connection, "units")
    table = UnitRow.__table__  # type: ignore[attr-defined]
    rows = connection.execute(select(*[c for c in table.c if c.name in present])).all()
    units = {row.id: UnitRow(**dict(row._mapping)) for row in rows}
    finals = connection.execute(select(reports.c.id, reports.c.unit_id).where(
        reports.c.status == "final", reports.c.unit_snapshot.is_(None))).all()
    for report_id, unit_id in finals:
        if unit_id in units:
            unit = unit_from_row(units[unit_id])
            connection.execute(reports.update().where(reports.c.id == report_id)
                               .values(unit_snapshot=unit_to_json(unit)))


def history(connection: Connection) -> None:
    """0008: every change of a report, who made it, when, old and new value."""
    HistoryRow.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]


# Every report stored before kinds of report existed is a CCHC report: the built-in pack's
# kind then, written here as it was (a migration never changes with the packs).
_FIRST_KIND = "cchc"


def report_kind(connection: Connection) -> None:
    """0016: the kind of each report, and one report per unit, period *and* kind.

    SQLite cannot drop a table constraint: the table is rebuilt (SQLite's documented
    procedure, with foreign keys off for the migration's transaction, see
    :func:`drafter.storage.db.migrate`), its rows and ids kept, so figures, documents, items
    and history still belong to their reports. PostgreSQL drops and adds the constraint.
    """
    if "kind" not in _columns(connection, "reports"):
        connection.execute(text(
            f"ALTER TABLE reports ADD COLUMN kind VARCHAR NOT NULL DEFAULT '{_FIRST_KIND}'"))
    old = [unique for unique in inspect(connection).get_unique_constraints("reports")
           if sorted(unique["column_names"]) == ["period", "unit_id"]]
    if not old:
        return  # created with the constraint on kind already
    if connection.dialect.name != "sqlite":
        connection.execute(text(f'ALTER TABLE reports DROP CONSTRAINT "{old[0]["name"]}"'))
        connection.execute(text("ALTER TABLE reports ADD CONSTRAINT "
                                "uq_reports_unit_period_kind UNIQUE (unit_id, period, kind)"))
        return
    table = ReportRow.__table__  # type: ignore[attr-defined]
    metadata = MetaData()
    UnitRow.__table__.to_metadata(metadata)  # type: ignore[attr-defined]  # its foreign key
    rebuilt = table.to_metadata(metadata, name="reports_rebuilt")
    connection.execute(CreateTable(rebuilt))
    names = ", ".join(column.name for column in table.c)
    connection.execute(text(f"INSERT INTO reports_rebuilt ({names}) SELECT {names} FROM reports"))
    connection.execute(text("DROP TABLE reports"))
    connection.execute(text("ALTER TABLE reports_rebuilt RENAME TO reports"))
    for index in table.indexes:
        index.create(connection)
