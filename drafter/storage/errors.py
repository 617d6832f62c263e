"""Database failures as one Vietnamese line, never with a password in it (the words are
:mod:`drafter.storage.messages`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from drafter.errors import StorageError
from drafter.storage.messages import line


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
