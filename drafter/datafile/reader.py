"""Reading a parsed data file: the file's text (its size bounded, UTF-8), and tables, arrays,
lists and ids read with every problem turned into one Vietnamese line naming the key."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from drafter.datafile import fields
from drafter.domain import limits
from drafter.domain.report import LISTS
from drafter.errors import DataFileError
from drafter.files.guard import FileRefused, read_bounded

T = TypeVar("T")

# Ids of phrases and sentences: what templates give (contract C2).
_ID = re.compile(r"[a-z0-9_.-]+")


class Reader:
    """Reads one parsed file, turning converter errors into ``DataFileError`` with the key."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> DataFileError:
        return DataFileError(self.path, key, problem)

    def table(self, raw: Any, key: str, allowed: set[str] | None = None) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(key, "phải là một bảng [..] của TOML")
        if allowed is not None:
            for name in raw:
                if name not in allowed:
                    raise self.fail(f"{key}.{name}" if key else name, "khóa không hợp lệ")
        return raw

    def get(self, raw: dict[str, Any], key: str, name: str, convert: Callable[[Any], T],
            required: bool = True, default: T | None = None) -> T:
        where = f"{key}.{name}" if key else name
        if name not in raw:
            if required:
                raise self.fail(where, "thiếu giá trị bắt buộc")
            return default  # type: ignore[return-value]
        try:
            return convert(raw[name])
        except ValueError as exc:
            raise self.fail(where, str(exc)) from None


def array(reader: Reader, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise reader.fail(key, "phải là mảng bảng [[...]] của TOML")
    try:
        return limits.check_items(value)
    except ValueError as exc:
        raise reader.fail(key, str(exc)) from None


def ids(reader: Reader, ids: list[str], key: str) -> list[str]:
    for index, value in enumerate(ids, start=1):
        if not _ID.fullmatch(value):
            raise reader.fail(f"{key}[{index}]", "mã chỉ gồm chữ thường không dấu, số, _ . -")
    return list(dict.fromkeys(ids))


def lists(reader: Reader, data: dict[str, Any]) -> dict[str, list[str]]:
    """The qualitative lists given; an empty list is the same as none."""
    lists = {name: reader.get(data, "", name, fields.text_list) for name in LISTS if name in data}
    return {name: items for name, items in lists.items() if items}


def read_text(path: Path, limit: int = limits.MAX_FILE_BYTES) -> str:
    """A data file's text: size checked before reading, a byte-order mark (Windows Notepad
    writes one) dropped, anything else than UTF-8 refused."""
    try:
        data = read_bounded(path, limit, "một tệp dữ liệu báo cáo")
    except FileRefused as exc:
        raise DataFileError(str(path), "", exc.problem) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise DataFileError(str(path), "", "tệp không phải văn bản UTF-8") from None
