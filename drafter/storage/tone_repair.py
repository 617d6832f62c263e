"""Migration 0005: tone marks that an older normaliser moved onto the wrong vowel.

Before 0005, user text such as "hoặc" was stored as "họăc" (the dot below moved off the "ă").
The repaired normaliser puts such a mark back; this step runs it over every column that holds
text an official typed, so stored reports read right without being edited again.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from drafter.vi.text import normalize_tones

# Columns of user text, by table: (primary key, text columns, JSON lists of text).
TEXT_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "units": (("id",), ("kind", "name", "province", "place", "superior", "archive",
                        "signer_name", "signer_title"), ("recipients",)),
    "reports": (("id",), ("number", "recipient"), ("recipients",)),
    "documents": (("id",), ("kind", "number", "symbol", "issuer", "subject"), ()),
    "items": (("id",), ("text",), ()),
}


def _repaired(value: Any) -> Any:
    if isinstance(value, str):
        return normalize_tones(value)
    if isinstance(value, list):
        return [_repaired(item) for item in value]
    return value


def _stored(value: Any, is_json: bool) -> Any:
    """A column's value as Python (a JSON column may come back as its text)."""
    return json.loads(value) if is_json and isinstance(value, str) else value


def repair_tone_marks(connection: Connection) -> None:
    """Rewrite every stored user text in the one tone-mark style, changing nothing else.

    Tables or columns a very old database lacks are skipped (migration 0001 creates them as
    they are today)."""
    schema = inspect(connection)
    present = set(schema.get_table_names())
    for table, (keys, all_columns, all_json) in TEXT_COLUMNS.items():
        if table not in present:
            continue
        have = {column["name"] for column in schema.get_columns(table)}
        columns = tuple(name for name in all_columns if name in have)
        json_columns = tuple(name for name in all_json if name in have)
        names = (*keys, *columns, *json_columns)
        rows = list(connection.execute(text(f"SELECT {', '.join(names)} FROM {table}")).mappings())
        for row in rows:
            params: dict[str, Any] = {}
            for name in (*columns, *json_columns):
                is_json = name in json_columns
                value = _stored(row[name], is_json)
                repaired = _repaired(value)
                if repaired != value:
                    params[name] = json.dumps(repaired, ensure_ascii=False) if is_json else repaired
            if not params:
                continue
            assignments = ", ".join(f"{name} = :{name}" for name in params)
            where = " AND ".join(f"{key} = :key_{key}" for key in keys)
            params |= {f"key_{key}": row[key] for key in keys}
            connection.execute(text(f"UPDATE {table} SET {assignments} WHERE {where}"), params)
