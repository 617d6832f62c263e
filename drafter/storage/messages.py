"""Database failures as one Vietnamese line, never with a password in it: the words and the
URL's redaction, without the database layer (the ORM-free reader uses them as the store
does; :mod:`drafter.storage.errors` turns SQLAlchemy's exceptions into them)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

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




# Query parameters libpq reads a secret from (``?password=…`` is as valid as ``user:pw@``).
# The value ends where the query does: at "&", "#", a quote, a space, or the ": " after the
# URL in a message.
_QUERY_SECRET = re.compile(r"(?i)(?<![\w.-])((?:ssl)?password=)([^&\s#'\"]*?)(?=[&\s#'\"]|:\s|:?$)")
_USERINFO_SECRET = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")


def _password(url: str) -> str | None:
    """The password of ``scheme://user:password@host/…`` (an ``@`` in it included)."""
    _scheme, sep, rest = url.partition("://")
    netloc = re.split(r"[/?#]", rest, maxsplit=1)[0]
    userinfo, at, _host = netloc.rpartition("@")
    if not sep or not at or ":" not in userinfo:
        return None
    return userinfo.partition(":")[2]


def _text(url: Any) -> str:
    # SQLAlchemy's URL objects print with the userinfo's password already hidden.
    return url if isinstance(url, str) else str(url)


def _secrets(url: Any) -> set[str]:
    """Every secret ``url`` holds, as typed and unquoted: its userinfo's password and the
    values of its ``password`` and ``sslpassword`` parameters."""
    if isinstance(url, str):
        found = [_password(url) or ""]
        found += [value for _key, value in _QUERY_SECRET.findall(url.partition("?")[2])]
    else:
        query = getattr(url, "query", {}) or {}
        found = [getattr(url, "password", None) or ""]
        found += [str(query[key]) for key in ("password", "sslpassword") if key in query]
    return {text for secret in found if secret for text in (secret, unquote(secret)) if text}


def _masked(text: str) -> str:
    return _QUERY_SECRET.sub(r"\1***", _USERINFO_SECRET.sub(r"\1***@", text))


def safe_url(url: Any) -> str:
    """The URL as it may be shown: the password of its userinfo and of its query
    (``password=``, ``sslpassword=``) replaced by ``***``."""
    text = _text(url)
    password = _password(text)
    if password:
        scheme, _, rest = text.partition("://")
        userinfo, _, after = rest.partition(f":{password}@")
        text = f"{scheme}://{userinfo}:***@{after}"
    return _masked(text)


def redact(text: str, url: Any) -> str:
    """``text`` with every secret of the URL (and any ``user:password@`` or
    ``password=…``) hidden."""
    for secret in sorted(_secrets(url), key=len, reverse=True):
        text = text.replace(secret, "***")
    return _masked(text)


def line(detail: str, url: Any, integrity: bool = False) -> str:
    """One Vietnamese line for a database failure the driver described as ``detail``."""
    where = safe_url(url) if url is not None else "cơ sở dữ liệu"
    if integrity:
        cause = "dữ liệu vi phạm ràng buộc của cơ sở dữ liệu (trùng hoặc thiếu bản ghi liên quan)"
    else:
        cause = next((text for pattern, text in _CAUSES if re.search(pattern, detail.lower())),
                     "")
    message = f"{where}: {cause} ({detail})" if cause else f"{where}: lỗi cơ sở dữ liệu ({detail})"
    return redact(message, url)
