"""Storage: SQLite by default, any SQLAlchemy URL (PostgreSQL for a shared district database)."""

from drafter.storage.db import connect, default_url
from drafter.storage.repository import ReportSummary, Store

__all__ = ["ReportSummary", "Store", "connect", "default_url"]
