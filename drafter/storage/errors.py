"""Database failures as one Vietnamese line, never with a password in it (the words are
:mod:`drafter.storage.messages`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from drafter.errors import StorageError
from drafter.storage.messages import line, safe_url


def describe(exc: BaseException, url: str | URL | None = None) -> str:
    """One Vietnamese line for a database failure."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    detail = str(original).strip().splitlines()[0] if str(original).strip() else \
        type(original).__name__
    return line(detail, url, integrity=isinstance(exc, IntegrityError))


@contextmanager
def storage_errors(url: str | URL | None = None) -> Iterator[None]:
    """Turn any database failure inside the block into a :class:`StorageError`."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StorageError(describe(exc, url)) from None
    except (ValueError, TypeError) as exc:
        if not _read_from_a_row(exc):
            raise
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else \
            type(exc).__name__
        where = safe_url(url) if url is not None else "cơ sở dữ liệu"
        raise StorageError(f"{where}: một giá trị lưu trong cơ sở dữ liệu không đọc được "
                           f"({detail}); cơ sở dữ liệu có thể do một phiên bản drafter khác "
                           "ghi, hoặc đã bị sửa ngoài drafter") from None


def _read_from_a_row(exc: BaseException) -> bool:
    """Whether ``exc`` arose in the database layer turning a stored value into Python (a
    date or JSON that does not parse), below the last of drafter's own frames — not a
    ``ValueError`` of drafter's own rules."""
    frames = []
    trace = exc.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame.f_code.co_filename)
        trace = trace.tb_next
    ours = [index for index, name in enumerate(frames)
            if f"{os.sep}drafter{os.sep}" in name or f"{os.sep}models{os.sep}" in name]
    below = frames[ours[-1] + 1:] if ours else frames
    return any(f"{os.sep}sqlalchemy{os.sep}" in name for name in below)
