"""Unit profiles in the store: upserted safely by concurrent writers, and snapshotted into
each report so a later profile change never reaches a final report.

The snapshot is generic over the :class:`Unit` dataclass (nested dataclasses, tuples, enums,
dates included): a field added to ``Unit`` is captured without more code, and a snapshot
taken before the field existed takes it from the unit's current profile.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from drafter.domain.units import Unit
from drafter.storage import convert
from models import UnitRow


def _to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: _to_json(getattr(value, item.name))
                for item in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_to_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _from_json(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return None if value is None else _from_json(options[0], value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value, None)
    if origin in (tuple, list):
        item = get_args(hint)[0] if get_args(hint) else Any
        items = [_from_json(item, element) for element in value]
        return tuple(items) if origin is tuple else items
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is Decimal:
        return Decimal(value)
    return value


def _build(cls: type, data: dict[str, Any], current: Any) -> Any:
    """An instance of dataclass ``cls`` from ``data``; a field missing there comes from
    ``current`` (the same object as it is now), else from the field's default."""
    values = {}
    for item in dataclasses.fields(cls):
        if item.name in data:
            values[item.name] = _from_json(_hints(cls)[item.name], data[item.name])
        elif current is not None:
            values[item.name] = getattr(current, item.name)
    return cls(**values)


def unit_to_json(unit: Unit) -> dict[str, Any]:
    """The unit profile as JSON data (every field, whatever fields ``Unit`` has)."""
    data = _to_json(unit)
    assert isinstance(data, dict)
    return data


def unit_from_json(data: dict[str, Any], current: Unit | None = None) -> Unit:
    """The unit as snapshotted; fields the snapshot predates come from ``current``."""
    unit = _build(Unit, data, current)
    assert isinstance(unit, Unit)
    return unit


def snapshot_from_row(row: UnitRow) -> dict[str, Any]:
    return unit_to_json(convert.unit_from_row(row))


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
        session.connection().execute(insert.values(**values)
                                     .on_conflict_do_nothing(index_elements=["code"]))
    query = select(UnitRow).where(UnitRow.code == unit.code)
    if lock and dialect == "postgresql":
        query = query.with_for_update()
    row = session.exec(query.execution_options(populate_existing=True)).first()
    if row is None:  # another database: a plain insert
        row = convert.unit_to_row(unit)
        session.add(row)
        session.flush()
        return row
    if update:
        convert.unit_to_row(unit, row, profile_only)
        session.add(row)
        session.flush()
    return row
