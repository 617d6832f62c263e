"""Write files atomically: a half-written file never replaces a good one.

The temporary file sits beside the target (same file system, so the rename is atomic) under
a short name of its own, so a target name of up to the file system's 255 bytes still works.
The written file gets the mode any new file of the user gets (``0666`` less the umask, as
colleagues sharing a folder expect), or keeps the mode of the file it replaces.

On Windows a file open in Word cannot be replaced ("Access is denied"): the rename is retried
for a second, as pip does, then the official is told to close the file; the file in place and
everything stored are left as they were.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from functools import cache
from pathlib import Path

from drafter.errors import RenderError
from drafter.files.guard import FileRefused, os_problem, output_target

_TMP_PREFIX = ".drafter-"
_TMP_SUFFIX = ".tmp"
# How long a replace refused by another program (Word holding the file) is retried.
_REPLACE_TRIES = 5
_REPLACE_WAIT = 0.25


@cache
def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    # Elsewhere the only way to read it is to set it; done once, before any writer thread.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused unless it stays directly inside ``folder``.

    Names built from stored data (a unit code) must never climb out of the folder the user
    chose, whatever the data holds.
    """
    target = (folder / name).resolve()
    if name in ("", ".", "..") or "/" in name or "\\" in name or \
            target.parent != folder.resolve():
        raise RenderError(f"tên tệp {name!r} không hợp lệ: tệp phải nằm trong thư mục {folder}")
    return target


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``;
    refused where :func:`output_target` refuses (the database, an input, a link …)."""
    try:
        path = output_target(path)
    except FileRefused as exc:
        raise RenderError(f"không ghi được tệp {exc.path}: {exc.problem}") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=_TMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise RenderError(f"không ghi được tệp {path}: {os_problem(exc)}") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _set_mode(handle.fileno(), tmp, _mode_for(path))
            os.fsync(handle.fileno())
        _replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise RenderError(f"không ghi được tệp {path}: {os_problem(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def _set_mode(fd: int, tmp: Path, mode: int) -> None:
    # CPython has os.fchmod on Windows only from 3.13; there the mode is only the read-only
    # flag, which a path chmod sets as well.
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(tmp, mode)


def _replace(tmp: Path, path: Path) -> None:
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError as exc:
            if attempt == _REPLACE_TRIES - 1:
                raise RenderError(f"không ghi được tệp {path}: tệp đang mở trong Word hoặc "
                                  "chương trình khác, hãy đóng tệp rồi ghi lại") from exc
            time.sleep(_REPLACE_WAIT)
