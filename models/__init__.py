"""SQLModel tables. Only :mod:`drafter.storage` uses them; widgets and templates never do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class UnitRow(SQLModel, table=True):
    __tablename__ = "units"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True)
    kind: str
    name: str
    province: str
    place: str
    superior: str = ""
    parent: str = ""
    archive: str = "VT"
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    signer_name: str
    signer_title: str = "Chủ tịch"
    signer_deputy: bool = False
    # The unit's place in local government since July 2025 (migration 0010_unit_structure).
    level: str = ""
    official_code: str = Field(default="", index=True)
    symbol: str = ""
    predecessors: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    formed: dt.date | None = None


class ReportRow(SQLModel, table=True):
    __tablename__ = "reports"
    # One report per unit, period and kind of report (migration 0016_report_kind).
    __table_args__ = (UniqueConstraint("unit_id", "period", "kind",
                                       name="uq_reports_unit_period_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="units.id", index=True)
    period: str
    # The kind of report (``kind`` in its pack's pack.toml), which names the pack to read it.
    kind: str = "cchc"
    number: str | None = None
    date: dt.date
    recipient: str = ""
    data_from: dt.date | None = None
    data_to: dt.date | None = None
    status: str = "draft"
    recipients: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    review: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    updated_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    # Raised by every save: a writer holding an older version lost a race (optimistic lock).
    version: int = 1
    # The unit profile as the report was saved; a final report is signed with it for good.
    unit_snapshot: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class FigureRow(SQLModel, table=True):
    """One entered figure; ``value`` is its text form (``12``, ``58.73``, ``true``, a choice).

    A key ``stated:<key>`` holds a value as stated in a source document, kept for checks.
    """

    __tablename__ = "figures"

    report_id: int = Field(foreign_key="reports.id", primary_key=True, ondelete="CASCADE")
    key: str = Field(primary_key=True)
    value: str


class DocumentRow(SQLModel, table=True):
    """A cited document: ``role`` is ``basis`` (Căn cứ/Thực hiện) or ``issued`` (by the unit)."""

    __tablename__ = "documents"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="reports.id", index=True, ondelete="CASCADE")
    role: str
    position: int
    kind: str
    number: str
    year: int | None = None
    symbol: str = ""
    date: dt.date
    issuer: str = ""
    subject: str = ""
    section: str = ""


class ItemRow(SQLModel, table=True):
    """An item of a qualitative list (``strengths`` …) or a note paragraph (``note:<section>``)."""

    __tablename__ = "items"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="reports.id", index=True, ondelete="CASCADE")
    list: str
    position: int
    text: str


class StateRow(SQLModel, table=True):
    """Small key/value state of the TUI (the report and section open last)."""

    __tablename__ = "ui_state"

    key: str = Field(primary_key=True)
    value: str


class ScoreRow(SQLModel, table=True):
    """One field of a unit's yearly CCHC index; ``field`` ``total`` is the total score."""

    __tablename__ = "scores"

    unit_id: int = Field(foreign_key="units.id", primary_key=True, ondelete="CASCADE")
    year: int = Field(primary_key=True)
    field: str = Field(primary_key=True)
    value: str


class HistoryRow(SQLModel, table=True):
    """One recorded change: of a report (``report_id``) or of a unit profile (no report).

    ``action`` is ``create``, ``update``, ``final`` or ``reopen``; ``field`` the data-file
    name of what changed (``figures.files_received``, ``report.status``); ``old``/``new``
    its text before and after; ``actor`` who did it (``DRAFTER_USER`` or the OS user).
    """

    __tablename__ = "history"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int | None = Field(default=None, foreign_key="reports.id", index=True)
    unit_code: str = Field(index=True)
    at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
    actor: str
    action: str
    field: str = ""
    old: str | None = Field(default=None, sa_column=Column(Text))
    new: str | None = Field(default=None, sa_column=Column(Text))
    reason: str = ""


class MigrationRow(SQLModel, table=True):
    __tablename__ = "migrations"

    name: str = Field(primary_key=True)
    applied_at: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.UTC))
