"""Unit profiles in the store: upserted safely by concurrent writers (their JSON snapshot
in each report is :mod:`drafter.storage.snapshots`)."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from drafter.domain.units import Unit, twin_of, twin_problem
from drafter.errors import StorageError
from drafter.storage import convert
from drafter.storage.rows import unit_from_row
from models import UnitRow


def unit_row(session: Session, unit: Unit, update: bool, lock: bool = True,
             profile_only: bool = False) -> UnitRow:
    """The stored row of ``unit``, created if missing (concurrent writers both succeed: the
    insert does nothing when another got there first); updated from ``unit`` only when
    ``update`` (``profile_only``: as a report's unit updates it, see
    :func:`convert.unit_to_row`). ``lock`` holds the row until the transaction ends
    (PostgreSQL; SQLite writers already hold the database), serialising writes for one
    unit."""
    dialect = session.get_bind().dialect.name
    blank = convert.unit_to_row(unit)
    values = {column: getattr(blank, column) for column in UnitRow.model_fields
              if column != "id"}
    if dialect in ("sqlite", "postgresql"):
        insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(UnitRow)
        done = session.connection().execute(insert.values(**values)
                                            .on_conflict_do_nothing(index_elements=["code"]))
        if done.rowcount:
            refuse_twin(session, unit)
    query = select(UnitRow).where(UnitRow.code == unit.code)
    if lock and dialect == "postgresql":
        query = query.with_for_update()
    row = session.exec(query.execution_options(populate_existing=True)).first()
    if row is None:  # another database: a plain insert
        refuse_twin(session, unit)
        row = convert.unit_to_row(unit)
        session.add(row)
        session.flush()
        return row
    if update:
        convert.unit_to_row(unit, row, profile_only)
        session.add(row)
        session.flush()
    return row



def refuse_twin(session: Session, unit: Unit) -> None:
    """Refuse a new unit that :func:`twin_of` finds already in the registry."""
    rows = session.exec(select(UnitRow).where(UnitRow.kind == unit.kind,
                                              UnitRow.parent == unit.parent,
                                              UnitRow.code != unit.code)).all()
    twin = twin_of(unit, [unit_from_row(row) for row in rows])
    if twin is not None:
        raise StorageError(twin_problem(unit, twin))
