"""Where the database is (``DRAFTER_DB``, else a SQLite file of the user), whether that is
a network drive, and how long to wait for it; no database layer imported, so the ORM-free
reader does as the store does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from drafter.files.guard import keep_database
from drafter.resources import data_dir


def default_url() -> str:
    """``DRAFTER_DB`` if set, else a SQLite file in the user data directory."""
    env = os.environ.get("DRAFTER_DB")
    if env:
        return env
    path = data_dir() / "drafter.sqlite"
    return f"sqlite:///{path}"


def keep_sqlite_file(url: str) -> None:
    """No output of this process may replace the SQLite database of ``url`` (any other
    kind of database has no file to protect)."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        keep_database(Path(url.removeprefix("sqlite:///").partition("?")[0]))


# How long a writer waits for another to finish before giving up with a message.
WAIT_SECONDS = 30.0


def wait_seconds() -> float:
    """:data:`WAIT_SECONDS`, or ``DRAFTER_DB_WAIT`` seconds when set (tests use a short one)."""
    try:
        return float(os.environ.get("DRAFTER_DB_WAIT", WAIT_SECONDS))
    except ValueError:
        return WAIT_SECONDS


# File systems of a shared folder on a server (Linux's names for them in /proc/self/mounts).
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afpfs", "ncpfs", "9p"}
_MOUNTS = Path("/proc/self/mounts")
_DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL, ``None`` for other databases and in-memory ones."""
    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return None
    return Path(url.removeprefix("sqlite:///"))


def on_network_drive(path: Path) -> bool:
    """Whether ``path`` is on a shared folder of a server (``\\\\server\\share``, a mapped drive,
    an NFS or SMB mount), where SQLite's WAL mode does not work: its shared memory is one
    machine's."""
    if str(path).startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(path))[0]
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") if drive else 0
        return bool(kind == _DRIVE_REMOTE)
    return _mount_type(path) in _NETWORK_FS


def _mount_type(path: Path) -> str:
    """The file system type of the mount holding ``path`` ("" when unknown)."""
    try:
        lines = _MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    target = str(path.resolve())
    best, kind = "", ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def network_note(url: str | None) -> str:
    """The warning an official gets when the SQLite database is on a network drive."""
    path = sqlite_file(url or default_url())
    if path is None or not on_network_drive(path):
        return ""
    return (f"Chú ý: cơ sở dữ liệu {path} nằm trên ổ mạng. Nhiều máy cùng ghi vào một tệp "
            "SQLite trên ổ mạng có thể làm hỏng dữ liệu; khi nhiều người cùng dùng, hãy dùng "
            "PostgreSQL (--db postgresql://…).")
