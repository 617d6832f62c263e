"""The reliability migrations: report versions, unit snapshots, the history table.

Each step is idempotent: a database created by the current ``0001_initial`` (which builds
today's tables) already has what the step adds.
"""

from __future__ import annotations

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

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
