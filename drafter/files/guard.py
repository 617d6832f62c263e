"""Inputs read as regular files within a bound; outputs never over what must survive.

An official may point any path at anything: ``-o`` at the database itself or at the data
file being read, an input at a FIFO (reading it waits forever) or at ``/dev/zero`` (reading
it never ends). So every reader goes through :func:`read_bounded` and every writer through
:func:`output_target`: what the run reads is remembered, the database when it is opened, and
a target that is one of them (by its resolved name or, for a hard link, its inode) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import DrafterError

# Kept for the whole process: the database files (``-wal`` and the others come and go).
_KEPT: dict[Path, str] = {}
# The inputs of the command running (:func:`one_command`); outside one (the TUI, the API)
# nothing is remembered, so a file read once may be written later as the official asks.
_INPUTS: dict[Path, str] = {}
_IN_COMMAND: list[bool] = []
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
# Opening a FIFO for reading waits for a writer; without blocking it opens and is refused.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | \
    getattr(os, "O_BINARY", 0)


class FileRefused(DrafterError):
    """A path that may not be read or written as asked; ``problem`` says why, in Vietnamese,
    without the path (each reader names it in its own words)."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _absolute(path: Path) -> Path:
    """``path`` with its folders resolved, its last part as given (a link stays a link)."""
    path = Path(os.path.abspath(path))
    with contextlib.suppress(OSError, RuntimeError):
        return path.parent.resolve() / path.name
    return path


def keep_database(path: Path) -> None:
    """Never write over the SQLite database at ``path`` (nor its journal) in this process."""
    for suffix in _SQLITE_COMPANIONS:
        _KEPT[_absolute(Path(f"{path}{suffix}"))] = "cơ sở dữ liệu đang dùng"


@contextlib.contextmanager
def one_command() -> Iterator[None]:
    """While a command runs, no output of it may replace a file it read."""
    _INPUTS.clear()
    _IN_COMMAND.append(True)
    try:
        yield
    finally:
        _IN_COMMAND.pop()
        _INPUTS.clear()


def note_input(path: Path) -> None:
    """``path`` is an input of the command running: no output of it may replace it."""
    if _IN_COMMAND:
        _INPUTS[_absolute(path)] = "tệp đầu vào của lệnh này"


def _size(count: int) -> str:
    return f"{count // 1000:,} KB".replace(",", ".")


# The system's words for what an official may meet, in Vietnamese (others keep its words).
_CAUSES = {
    errno.ENOSPC: "hết chỗ trống trên đĩa", errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép", errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài", errno.ELOOP: "các liên kết (symlink) vòng quanh nhau",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục", errno.EIO: "lỗi đọc ghi thiết bị",
}


def os_problem(exc: OSError) -> str:
    """What the system said, in Vietnamese where we know the words."""
    return _CAUSES.get(exc.errno or 0) or exc.strerror or str(exc)


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp"
    if isinstance(exc, IsADirectoryError):
        return "là thư mục, không phải tệp"
    return f"không đọc được tệp ({os_problem(exc)})"


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, refused when it holds more than ``limit``
    (``what`` names the kind of file in that message: ``một tệp dữ liệu báo cáo``).

    A FIFO, a device or a socket is refused before anything is read; a file growing while
    it is read stops at the bound."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as exc:
        problem = _why(exc) if isinstance(exc, OSError) else "tên tệp không hợp lệ"
        raise FileRefused(path, problem) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(path, "là thư mục, không phải tệp")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, "không phải tệp thông thường (là thiết bị, FIFO hoặc "
                              "socket); chỉ đọc được tệp lưu trên đĩa")
        if info.st_size > limit:
            raise FileRefused(path, f"tệp quá lớn ({_size(info.st_size)}; {what} không quá "
                              f"{_size(limit)})")
        note_input(path)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise FileRefused(path, f"tệp quá lớn ({what} không quá {_size(limit)})")
        return b"".join(chunks)
    except OSError as exc:
        raise FileRefused(path, _why(exc)) from None
    finally:
        os.close(fd)


def _guarded(target: Path, info: os.stat_result | None) -> str | None:
    """What ``target`` would destroy: the database or an input, by name or by inode."""
    for known, what in (*_KEPT.items(), *_INPUTS.items()):
        if known == target:
            return what
        if info is not None:
            with contextlib.suppress(OSError):
                other = known.stat()
                if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                    return what
    return None


def output_target(path: Path) -> Path:
    """The absolute path to write ``path`` to, refused (:class:`FileRefused`) when writing
    would replace the database or a file the run read, follow a link, or replace a folder,
    a device or a FIFO with a regular file."""
    target = _absolute(path)
    try:
        info: os.stat_result | None = target.lstat()
    except (OSError, ValueError):
        info = None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise FileRefused(target, "là liên kết (symlink); hãy ghi thẳng vào tệp cần ghi, "
                              "drafter không ghi qua liên kết")
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(target, "đây là một thư mục, không ghi được thành tệp")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(target, "không phải tệp thông thường (là thiết bị, FIFO hoặc "
                              "socket); không ghi đè được")
    what = _guarded(target, info)
    if what is not None:
        raise FileRefused(target, f"là {what}; ghi vào đây sẽ làm mất dữ liệu, hãy chọn "
                          "tệp khác")
    return target
