"""Where the database is (``DRAFTER_DB``, else a SQLite file of the user) and how long to
wait for it; no database layer imported, so the ORM-free reader does as the store does."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from drafter.files.guard import keep_database


def default_url() -> str:
    """``DRAFTER_DB`` if set, else a SQLite file in the user data directory."""
    env = os.environ.get("DRAFTER_DB")
    if env:
        return env
    path = Path(platformdirs.user_data_dir("drafter")) / "drafter.sqlite"
    return f"sqlite:///{path}"


def keep_sqlite_file(url: str) -> None:
    """No output of this process may replace the SQLite database of ``url``."""
    keep_database(Path(url.removeprefix("sqlite:///").partition("?")[0]))


# How long a writer waits for another to finish before giving up with a message.
WAIT_SECONDS = 30.0


def wait_seconds() -> float:
    """:data:`WAIT_SECONDS`, or ``DRAFTER_DB_WAIT`` seconds when set (tests use a short one)."""
    try:
        return float(os.environ.get("DRAFTER_DB_WAIT", WAIT_SECONDS))
    except ValueError:
        return WAIT_SECONDS
