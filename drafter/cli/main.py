"""``drafter``: render, store, import and export reports from the command line."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drafter.cli.console import prepare_streams
from drafter.cli.district_parser import (
    add_district_commands,
    add_pack_commands,
    add_ranking_commands,
)
from drafter.cli.lazy import Handler, handler
from drafter.cli.options import (
    add_confirm_drafts,
    add_output,
    add_report_id,
    date_arg,
    report_id,
)
from drafter.cli.unit_parser import add_unit_commands
from drafter.cli.vi_argparse import ArgumentParser
from drafter.errors import DrafterError, crash_report
from drafter.files.guard import one_command, os_problem
from drafter.resources import __version__
from drafter.storage.location import default_url, keep_sqlite_file

TUI = handler("tui_command:tui")


def build_parser() -> ArgumentParser:
    """The whole command tree; every command and option has Vietnamese help."""
    parser = ArgumentParser(
        prog="drafter",
        description="Soạn báo cáo cải cách hành chính định kỳ và lưu thành tệp DOCX.",
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    parser.add_argument("--db", metavar="URL", help="cơ sở dữ liệu (mặc định: SQLite của người "
                        "dùng, hoặc biến môi trường DRAFTER_DB)")
    parser.add_argument("--pack", metavar="THƯ_MỤC", help="bộ mẫu dùng để soạn (mặc định: bộ "
                        "mẫu có sẵn; xem lệnh pack)")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=ArgumentParser)

    render = sub.add_parser("render", help="soạn báo cáo từ tệp dữ liệu TOML ra DOCX")
    render.add_argument("file", type=Path, metavar="TỆP", help="tệp dữ liệu báo cáo (.toml)")
    add_output(render)
    render.set_defaults(handler=handler("file_commands:render_file"))

    report = sub.add_parser("report", help="báo cáo đã lưu trong cơ sở dữ liệu")
    report_sub = report.add_subparsers(dest="report_command", metavar="LỆNH",
                                       parser_class=ArgumentParser, required=True)
    listing = report_sub.add_parser("list", help="liệt kê các báo cáo đã lưu")
    listing.add_argument("--unit", metavar="MÃ", help="chỉ báo cáo của đơn vị này")
    listing.set_defaults(handler=handler("commands:list_reports"))
    for container in (report_sub, sub):
        imp = container.add_parser("import", help="nhập báo cáo từ tệp TOML vào cơ sở dữ liệu")
        imp.add_argument("file", type=Path, metavar="TỆP", help="tệp dữ liệu báo cáo (.toml)")
        add_confirm_drafts(imp)
        imp.set_defaults(handler=handler("commands:import_report"))
        exp = container.add_parser("export", help="xuất báo cáo đã lưu ra tệp TOML")
        add_report_id(exp)
        exp.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP",
                         help="tệp TOML cần ghi")
        exp.set_defaults(handler=handler("commands:export_report"))
    new = report_sub.add_parser("new", help="tạo báo cáo kỳ mới, mặc định chép từ kỳ trước")
    new.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị")
    new.add_argument("--period", required=True, metavar="KỲ",
                     help="kỳ báo cáo: 2024-Q2, 2024-H1, 2024-9M hoặc 2024")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--from", dest="source", metavar="KỲ",
                        help="chép từ báo cáo kỳ này (mặc định: kỳ trước; báo cáo 6 tháng, "
                             "9 tháng, năm: cộng từ các quý)")
    source.add_argument("--empty", action="store_true", help="tạo báo cáo trống")
    new.add_argument("--date", type=date_arg, metavar="NGÀY",
                     help="ngày báo cáo (mặc định: hôm nay), ví dụ 28/6/2024")
    new.set_defaults(handler=handler("commands:new_report"))
    final = report_sub.add_parser("final", help="chuyển báo cáo sang bản chính thức (nếu "
                                  "không còn lỗi)")
    add_report_id(final)
    add_confirm_drafts(final)
    final.set_defaults(handler=handler("commands:mark_final"))
    add_record_commands(report_sub)
    stored = report_sub.add_parser("render", help="soạn DOCX từ báo cáo đã lưu")
    add_report_id(stored)
    add_output(stored)
    stored.set_defaults(handler=handler("commands:render_stored"))

    check = sub.add_parser("check", help="kiểm tra số liệu của báo cáo; mã thoát 1 nếu có lỗi")
    check.add_argument("file", type=Path, nargs="?", metavar="TỆP",
                       help="tệp dữ liệu báo cáo (.toml)")
    check.add_argument("--report", type=report_id, metavar="SỐ",
                       help="báo cáo đã lưu (xem report list)")
    check.add_argument("--previous", type=Path, metavar="TỆP",
                       help="tệp báo cáo kỳ trước để đối chiếu (khi kiểm tra TỆP)")
    check.set_defaults(handler=handler("commands:check"))

    table = sub.add_parser("table", help="bảng số liệu (phụ lục) ra và vào tệp Excel/CSV")
    table_sub = table.add_subparsers(dest="table_command", metavar="LỆNH",
                                     parser_class=ArgumentParser, required=True)
    texport = table_sub.add_parser("export", help="xuất bảng số liệu ra .xlsx hoặc .csv")
    texport.add_argument("file", type=Path, nargs="?", metavar="TỆP",
                         help="tệp dữ liệu báo cáo (.toml)")
    texport.add_argument("--report", type=report_id, metavar="SỐ", help="báo cáo đã lưu")
    texport.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP",
                         help="tệp .xlsx hoặc .csv cần ghi")
    texport.set_defaults(handler=handler("commands:table_export"))
    timport = table_sub.add_parser("import", help="nhập số liệu từ bảng .xlsx hoặc .csv, "
                                   "khớp dòng theo STT và tên chỉ tiêu")
    timport.add_argument("book", type=Path, metavar="BẢNG", help="tệp .xlsx hoặc .csv")
    timport.add_argument("--into", type=Path, metavar="TỆP",
                         help="tệp dữ liệu báo cáo (.toml) nhận số liệu")
    timport.add_argument("--report", type=report_id, metavar="SỐ",
                         help="báo cáo đã lưu nhận số liệu")
    timport.add_argument("-o", "--output", type=Path, metavar="TỆP",
                         help="tệp TOML ghi kết quả (bắt buộc khi dùng --into)")
    timport.set_defaults(handler=handler("commands:table_import"))

    add_unit_commands(sub)
    add_district_commands(sub)
    add_ranking_commands(sub)
    add_pack_commands(sub)

    tui = sub.add_parser("tui", help="mở giao diện soạn báo cáo (cũng là lệnh mặc định)")
    tui.add_argument("-o", "--output", type=Path, metavar="THƯ_MỤC",
                     help="thư mục ghi tệp DOCX (mặc định: thư mục drafter trong thư mục "
                     "Tài liệu (Documents) của người dùng)")
    tui.set_defaults(handler=TUI)

    demo = sub.add_parser("demo", help="dựng dữ liệu mẫu (trong cơ sở dữ liệu riêng THƯ_MỤC/"
                          "demo.sqlite, không dùng cơ sở dữ liệu của người dùng) và soạn các "
                          "báo cáo mẫu")
    demo.add_argument("-o", "--output", type=Path, default=Path("out"), metavar="THƯ_MỤC",
                      help="thư mục ghi các tệp DOCX (mặc định: out)")
    demo.set_defaults(handler=handler("commands:demo"))
    return parser


def add_record_commands(report_sub: Any) -> None:
    """``report reopen`` and ``report history``: the record of a report's changes."""
    reopen = report_sub.add_parser("reopen", help="chuyển báo cáo chính thức về dự thảo để "
                                   "sửa (ghi vào lịch sử cùng lý do)")
    add_report_id(reopen)
    reopen.add_argument("--reason", required=True, metavar="LÝ_DO",
                        help="lý do phải sửa bản chính thức, ví dụ \"sửa số hồ sơ tiếp nhận\"")
    reopen.set_defaults(handler=handler("record_commands:reopen"))
    history = report_sub.add_parser("history", help="lịch sử thay đổi của báo cáo: ai, khi "
                                    "nào, sửa gì, giá trị cũ và mới")
    add_report_id(history)
    history.set_defaults(handler=handler("record_commands:show_history"))


def _stdout_to_nowhere() -> None:
    """What is still buffered for a closed or full output is dropped, so that Python's own
    flush at exit does not fail again with a traceback."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``drafter`` console script."""
    # In a frozen Windows build the workers of render-all start this same program: they
    # must become workers here, not parse a command line.
    multiprocessing.freeze_support()
    prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Handler | None = getattr(args, "handler", None)
    if command is None:
        args.output = None
        command = TUI
    # The database a command would use is kept even by one that does not open it (render
    # FILE -o <the database> replaced every record).
    keep_sqlite_file(getattr(args, "db", None) or default_url())
    try:
        with one_command():
            code = command(args)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not after the exit
        return code
    except DrafterError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader of the output has gone (``| head``): nothing to tell it.
        _stdout_to_nowhere()
        return 141
    except OSError as exc:
        _stdout_to_nowhere()
        where = f"{exc.filename}" if exc.filename else "không ghi được ra đầu ra của lệnh"
        print(f"Lỗi: {where}: {os_problem(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: never a traceback in front of an official
        print(crash_report(exc), file=sys.stderr)
        return 70


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
