"""Storage: SQLite by default, any SQLAlchemy URL (PostgreSQL for a shared district database).

The store and its engine load SQLAlchemy and SQLModel when first named, not when the package
is imported: the ORM-free reader (:mod:`drafter.storage.reader`) lives here too.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.storage.db import connect
    from drafter.storage.location import default_url
    from drafter.storage.report_reads import ReportSummary
    from drafter.storage.repository import Store

__all__ = ["ReportSummary", "Store", "connect", "default_url"]

_HOMES = {"ReportSummary": "report_reads", "Store": "repository", "connect": "db",
          "default_url": "location"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"drafter.storage.{_HOMES[name]}"), name)
