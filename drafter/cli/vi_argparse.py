"""argparse speaking Vietnamese: usage errors and help headings an official can read."""

from __future__ import annotations

import argparse
from typing import NoReturn

_MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "expected one argument": "cần đúng một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks `_` up at call time


class ArgumentParser(argparse.ArgumentParser):
    """Exit code 2 with one Vietnamese line on bad usage (as for bad data)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"Lỗi: {message} (xem: {self.prog} --help)\n")
