"""Options several commands share."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from drafter.domain.periods import YEARS
from drafter.vi.dates import parse_date

# The largest id a database column holds (SQLite and PostgreSQL BIGINT).
_MAX_ID = 2**63 - 1
_MAX_JOBS = 256


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


def add_report_id(parser: argparse.ArgumentParser) -> None:
    """The id of a stored report, as ``report list`` shows it."""
    parser.add_argument("id", type=report_id, metavar="SỐ", help="số của báo cáo (xem report list)")


def date_arg(text: str) -> dt.date:
    """An argparse type: a Vietnamese or ISO date."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole_number(text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"phải là số nguyên từ {low} đến {high}, không phải "
                                         f"{text[:30]!r}")
    return value


def report_id(text: str) -> int:
    """An argparse type: the id of a stored report (``report list``), within a column's
    range."""
    return _whole_number(text, 1, _MAX_ID)


def year_arg(text: str) -> int:
    """An argparse type: a year within the years a period may be of."""
    return _whole_number(text, YEARS.start, YEARS.stop - 1)


def jobs_arg(text: str) -> int:
    """An argparse type: how many processes render at once."""
    return _whole_number(text, 1, _MAX_JOBS)
