"""A unit profile as JSON data, snapshotted into each report so a later profile change never
reaches a final report.

The snapshot is generic over the :class:`Unit` dataclass (nested dataclasses, tuples, enums,
dates included): a field added to ``Unit`` is captured without more code, and a snapshot
taken before the field existed takes it from the unit's current profile. Plain Python (no
database layer): the ORM-free reader uses it too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from drafter.domain.units import Unit


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
