"""The district commands' arguments: aggregate, render-all, ranking, scores, pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from drafter.cli import district_commands
from drafter.cli.options import add_output, date_arg


def add_district_commands(sub: Any) -> None:
    """Add the district-level commands to the ``drafter`` subcommands."""
    agg = sub.add_parser("aggregate", help="tổng hợp số liệu của các xã vào báo cáo của huyện")
    _unit_period(agg, "mã đơn vị cấp huyện")
    agg.add_argument("files", type=Path, nargs="*", metavar="TỆP",
                     help="báo cáo các xã gửi lên: tệp dữ liệu .toml, hoặc bảng số liệu "
                          ".xlsx/.csv đặt tên theo mã xã (ưu tiên hơn cơ sở dữ liệu)")
    agg.add_argument("--date", type=date_arg, metavar="NGÀY",
                     help="ngày báo cáo nếu huyện chưa có báo cáo kỳ này (mặc định: hôm nay)")
    agg.add_argument("--no-save", action="store_true",
                     help="không lưu số liệu tổng hợp vào báo cáo của huyện")
    add_output(agg, required=False)
    agg.set_defaults(handler=district_commands.aggregate)


def _unit_period(parser: argparse.ArgumentParser, unit_help: str) -> None:
    parser.add_argument("--unit", required=True, metavar="MÃ", help=unit_help)
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2024-Q1, 2024-H1, 2024-9M hoặc 2024")
