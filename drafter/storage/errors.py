"""Database failures as one Vietnamese line, never with a password in it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError

from drafter.errors import StorageError

# Known causes, by a pattern of the driver's message (SQLite and PostgreSQL), in Vietnamese.
_CAUSES: tuple[tuple[str, str], ...] = (
    ("could not parse", "địa chỉ cơ sở dữ liệu không hợp lệ (ví dụ sqlite:///du-lieu.sqlite "
                        "hoặc postgresql://nguoi-dung:mat-khau@may-chu/ten-csdl)"),
    ("can't load plugin", "drafter không hỗ trợ loại cơ sở dữ liệu này (dùng SQLite hoặc "
                          "PostgreSQL)"),
    ("database is locked", "cơ sở dữ liệu đang bận vì một chương trình khác đang ghi; hãy thử "
                           "lại sau ít phút"),
    ("lock timeout", "cơ sở dữ liệu đang bận vì một chương trình khác đang ghi; hãy thử lại "
                     "sau ít phút"),
    ("database is busy", "cơ sở dữ liệu đang bận; hãy thử lại sau ít phút"),
    ("readonly database", "không có quyền ghi vào cơ sở dữ liệu (tệp chỉ cho phép đọc)"),
    ("read-only", "không có quyền ghi vào cơ sở dữ liệu (chỉ cho phép đọc)"),
    ("unable to open database", "không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc "
                                "không có quyền)"),
    ("file is not a database", "tệp không phải cơ sở dữ liệu SQLite hoặc đã hỏng"),
    ("malformed", "tệp cơ sở dữ liệu đã hỏng"),
    ("disk is full", "ổ đĩa đã đầy, không ghi được cơ sở dữ liệu"),
    (r"disk i/o error", "lỗi đọc ghi ổ đĩa"),
    ("password authentication failed", "máy chủ từ chối đăng nhập (sai tên người dùng hoặc "
                                       "mật khẩu)"),
    (r"fatal:\s+database \S+ does not exist", "máy chủ không có cơ sở dữ liệu này"),
    (r"fatal:\s+role \S+ does not exist", "máy chủ không có người dùng này"),
    ("connection refused", "không kết nối được máy chủ cơ sở dữ liệu (máy chủ chưa chạy hoặc "
                           "sai địa chỉ, cổng)"),
    ("could not translate host name", "không tìm thấy máy chủ cơ sở dữ liệu (sai tên máy)"),
    ("timeout expired", "hết thời gian chờ kết nối máy chủ cơ sở dữ liệu"),
    ("connection", "mất kết nối với máy chủ cơ sở dữ liệu"),
    ("permission denied", "người dùng không có quyền trên cơ sở dữ liệu này"),
)


def safe_url(url: str | URL) -> str:
    """The URL as it may be shown: the password replaced by ``***``."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
        return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(url))


def redact(text: str, url: str | URL | None) -> str:
    """``text`` with the URL's password (and any ``user:password@``) hidden."""
    if url is not None:
        try:
            password = (make_url(url) if isinstance(url, str) else url).password
        except (ArgumentError, ValueError):
            password = None
        if password:
            text = text.replace(str(password), "***")
    return re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)


def describe(exc: BaseException, url: str | URL | None = None) -> str:
    """One Vietnamese line for a database failure."""
    original = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    detail = str(original).strip().splitlines()[0] if str(original).strip() else \
        type(original).__name__
    lowered = detail.lower()
    where = safe_url(url) if url is not None else "cơ sở dữ liệu"
    if isinstance(exc, IntegrityError):
        cause = "dữ liệu vi phạm ràng buộc của cơ sở dữ liệu (trùng hoặc thiếu bản ghi liên quan)"
    else:
        cause = next((text for pattern, text in _CAUSES if re.search(pattern, lowered)), "")
    message = f"{where}: {cause} ({detail})" if cause else f"{where}: lỗi cơ sở dữ liệu ({detail})"
    return redact(message, url)


@contextmanager
def storage_errors(url: str | URL | None = None) -> Iterator[None]:
    """Turn any database failure inside the block into a :class:`StorageError`."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StorageError(describe(exc, url)) from None
