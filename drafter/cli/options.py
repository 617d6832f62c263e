"""Options several commands share."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from drafter.vi.dates import parse_date


def add_output(parser: argparse.ArgumentParser, required: bool = True) -> None:
    """``-o TỆP`` for a DOCX, with ``--text`` and ``--pdf``."""
    parser.add_argument("-o", "--output", type=Path, required=required, metavar="TỆP",
                        help="tệp DOCX cần ghi")
    parser.add_argument("--text", action="store_true",
                        help="ghi thêm bản văn bản thuần (.txt) bên cạnh để xem nhanh")
    parser.add_argument("--pdf", action="store_true",
                        help="chuyển thêm sang PDF bằng LibreOffice (cần cài LibreOffice)")


def add_confirm_drafts(parser: argparse.ArgumentParser) -> None:
    """``--confirm-drafts``: a province's (district's) report made final although some of its
    communes' reports of the period are still drafts (recorded in its history)."""
    parser.add_argument("--confirm-drafts", action="store_true",
                        help="vẫn ban hành chính thức báo cáo tổng hợp khi còn báo cáo của "
                             "cấp xã là dự thảo (việc xác nhận được ghi vào lịch sử)")


def date_arg(text: str) -> dt.date:
    """An argparse type: a Vietnamese or ISO date."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (``--jobs``)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"phải là số nguyên dương, không phải {text!r}")
    return number
