"""The change history: every change of a stored report, field by field, with who and when.

A field is named as in the data file (``report.number``, ``figures.files_received``,
``unit.signer.name``, ``tasks``); values are kept as text, lists joined with `` | ``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from drafter.datafile.dump import report_to_dict
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.storage import convert
from drafter.storage.snapshots import unit_to_json
from drafter.vi.text import clean
from models import HistoryRow

CREATE, UPDATE, FINAL, REOPEN = "create", "update", "final", "reopen"
_MAX_ACTOR = 100
# Keys in one box closer together than this make one edit in the history.
PAUSE = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class Change:
    """One recorded change, as shown by ``drafter report history``."""

    at: dt.datetime
    actor: str
    action: str
    field: str
    old: str | None
    new: str | None
    reason: str


def actor() -> str:
    """Who makes the change: ``DRAFTER_USER`` when set, else the operating-system user;
    cleaned as any user text (a line break in it would forge a line of the history)."""
    name = clean(os.environ.get("DRAFTER_USER", ""))
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no user name known to the system (some containers)
            name = f"uid {os.getuid()}" if hasattr(os, "getuid") else "?"
    return clean(name)[:_MAX_ACTOR]


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}={_text(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return " | ".join(_text(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            out |= _flatten(value, name)
        else:
            out[name] = _text(value)
    return out


def report_fields(report: Report) -> dict[str, str]:
    """Every field of ``report`` as text, by data-file name (figures exactly as stored)."""
    data = report_to_dict(report)
    data["figures"] = {key: convert.value_to_text(value) for key, value in report.figures.items()}
    data["stated"] = {key: str(value) for key, value in report.stated.items()}
    return _flatten(data)


def _changes(before: dict[str, str], after: dict[str, str]) -> list[tuple[str, str | None,
                                                                        str | None]]:
    return [(name, before.get(name), after.get(name)) for name in dict.fromkeys([*before, *after])
            if before.get(name) != after.get(name)]


def diff(old: Report, new: Report) -> list[tuple[str, str | None, str | None]]:
    """``(field, old, new)`` for every field that differs (``None``: absent on that side)."""
    return _changes(report_fields(old), report_fields(new))


def unit_diff(old: Unit, new: Unit) -> list[tuple[str, str | None, str | None]]:
    """The changed fields of a unit profile, named ``unit.*``."""
    return _changes(_flatten({"unit": unit_to_json(old)}), _flatten({"unit": unit_to_json(new)}))


def record(session: Session, report_id: int | None, unit_code: str, action: str,
           changes: list[tuple[str, str | None, str | None]], reason: str = "",
           continues: bool = False) -> None:
    """Add the history rows of one change (one row per field; one row for a creation).

    ``continues``: the change goes on the edit recorded last (the official still typing in
    the same box, see :func:`_amend`), whose rows then hold its new values instead."""
    who, now = actor(), dt.datetime.now(dt.UTC)
    if continues and action == UPDATE and report_id is not None and changes \
            and _amend(session, report_id, who, now, changes):
        return
    rows = changes or [("", None, None)]
    for name, old, new in rows:
        session.add(HistoryRow(report_id=report_id, unit_code=unit_code, at=now, actor=who,
                               action=action, field=name, old=old, new=new, reason=reason))


def _amend(session: Session, report_id: int, who: str, now: dt.datetime,
           changes: list[tuple[str, str | None, str | None]]) -> bool:
    """Write ``changes`` into the report's last recorded edit when it is the same official's,
    made less than ``PAUSE`` ago and on the same fields: a register keeps one entry per
    finished edit, ``14 → 145``, not one per key pressed. A field typed back to its old value
    leaves no entry. Returns whether the changes were taken."""
    last = session.exec(select(HistoryRow).where(HistoryRow.report_id == report_id)
                        .order_by(col(HistoryRow.id).desc())).first()
    if last is None or last.action != UPDATE or last.actor != who or last.reason \
            or now - last.at.replace(tzinfo=last.at.tzinfo or dt.UTC) > PAUSE:
        return False
    rows = {row.field: row for row in session.exec(
        select(HistoryRow).where(HistoryRow.report_id == report_id, HistoryRow.at == last.at,
                                 HistoryRow.action == UPDATE))}
    if not all(name in rows for name, _, _ in changes):
        return False
    for name, _, new in changes:
        rows[name].new = new
    for row in rows.values():
        if row.old == row.new:
            session.delete(row)
        else:
            row.at = now  # the edit's rows stay one group, dated by its last key
            session.add(row)
    return True


def changes_of(session: Session, report_id: int) -> list[Change]:
    """The report's history, oldest first."""
    rows = session.exec(select(HistoryRow).where(HistoryRow.report_id == report_id)
                        .order_by(col(HistoryRow.id))).all()
    return [Change(row.at.replace(tzinfo=row.at.tzinfo or dt.UTC), row.actor, row.action,
                   row.field, row.old, row.new, row.reason) for row in rows]
