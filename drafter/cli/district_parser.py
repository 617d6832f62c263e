"""The district commands' arguments: aggregate, render-all, ranking, scores, pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from drafter.cli.lazy import handler
from drafter.cli.options import add_output, date_arg, jobs_arg, year_arg


def add_district_commands(sub: Any) -> None:
    """Add the district-level commands to the ``drafter`` subcommands."""
    agg = sub.add_parser("aggregate", help="tổng hợp số liệu của các xã, phường, đặc khu vào "
                         "báo cáo của tỉnh (của huyện trước 01/7/2025)")
    _unit_period(agg, "mã tỉnh, thành phố (hoặc huyện, trước 01/7/2025)")
    agg.add_argument("files", type=Path, nargs="*", metavar="TỆP",
                     help="báo cáo cấp xã gửi lên: tệp dữ liệu .toml, hoặc bảng số liệu "
                          ".xlsx/.csv đặt tên theo mã đơn vị (ưu tiên hơn cơ sở dữ liệu)")
    agg.add_argument("--date", type=date_arg, metavar="NGÀY",
                     help="ngày báo cáo nếu đơn vị chưa có báo cáo kỳ này (mặc định: hôm nay)")
    agg.add_argument("--no-save", action="store_true",
                     help="không lưu số liệu tổng hợp vào báo cáo của đơn vị")
    add_output(agg, required=False)
    agg.set_defaults(handler=handler("rollup_commands:aggregate"))

    batch = sub.add_parser("render-all", help="soạn báo cáo của mọi đơn vị cấp xã trực thuộc, "
                           "song song trên mọi nhân CPU")
    _unit_period(batch, "mã tỉnh, thành phố (hoặc huyện, trước 01/7/2025)")
    batch.add_argument("-o", "--output", type=Path, required=True, metavar="THƯ_MỤC",
                       help="thư mục ghi các tệp DOCX")
    batch.add_argument("--jobs", type=jobs_arg, metavar="SỐ",
                       help="số tiến trình soạn cùng lúc (mặc định: số nhân CPU, tối đa 61)")
    batch.set_defaults(handler=handler("rollup_commands:render_all"))


def _unit_period(parser: argparse.ArgumentParser, unit_help: str) -> None:
    parser.add_argument("--unit", required=True, metavar="MÃ", help=unit_help)
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2024-Q1, 2024-H1, 2024-9M hoặc 2024")


def add_ranking_commands(sub: Any) -> None:
    """``score`` (enter or import the yearly index) and ``ranking`` (the ranking report)."""
    score = sub.add_parser("score", help="điểm Chỉ số CCHC hằng năm của các đơn vị")
    score_sub = score.add_subparsers(dest="score_command", metavar="LỆNH", required=True,
                                     parser_class=type(score))
    imp = score_sub.add_parser("import", help="nhập điểm từ bảng .xlsx hoặc .csv (cột Đơn vị "
                               "hoặc Mã, Tổng điểm, và các lĩnh vực nếu có)")
    imp.add_argument("book", type=Path, metavar="BẢNG", help="tệp .xlsx hoặc .csv")
    imp.add_argument("--unit", required=True, metavar="MÃ",
                     help="mã đơn vị có các đơn vị được chấm điểm (tỉnh; huyện trước 2025)")
    imp.add_argument("--sheet", metavar="TRANG", help="tên trang tính (mặc định: trang đầu)")
    _departments(imp)
    _year(imp)
    imp.set_defaults(handler=handler("district_commands:score_import"))
    put = score_sub.add_parser("set", help="nhập điểm của một đơn vị")
    put.add_argument("--unit", required=True, metavar="MÃ", help="mã đơn vị được chấm điểm")
    _year(put)
    put.add_argument("--total", required=True, metavar="ĐIỂM", help="tổng điểm, ví dụ 85,5")
    put.add_argument("--field", action="append", default=[], metavar="LĨNH_VỰC=ĐIỂM",
                     help="điểm một lĩnh vực theo mã trong ranking.toml, ví dụ direction=12,5 "
                          "(lặp lại cho từng lĩnh vực)")
    put.set_defaults(handler=handler("district_commands:score_set"))

    ranking = sub.add_parser("ranking", help="báo cáo xếp hạng Chỉ số CCHC của các đơn vị trực "
                             "thuộc một đơn vị (xã, phường, đặc khu của tỉnh; huyện trước 2025; "
                             "sở, ban, ngành)")
    ranking.add_argument("--unit", required=True, metavar="MÃ",
                         help="mã đơn vị có các đơn vị được xếp hạng (tỉnh; huyện trước 2025)")
    _year(ranking)
    _departments(ranking)
    ranking.add_argument("--issuer", metavar="MÃ", help="đơn vị ban hành báo cáo (mặc định: Sở "
                         "Nội vụ, Phòng Nội vụ trực thuộc nếu có, nếu không là chính đơn vị)")
    ranking.add_argument("--content", type=Path, metavar="TỆP",
                         help="tệp TOML nội dung báo cáo: tiêu chí, phương pháp, đánh giá, nhiệm "
                              "vụ, số, ngày, nơi nhận")
    ranking.add_argument("--allow-missing", action="store_true",
                         help="vẫn ban hành khi còn đơn vị chưa có điểm (được ghi tên trong báo "
                              "cáo); mặc định trả mã thoát 1")
    ranking.add_argument("--number", metavar="SỐ", help="số văn bản của báo cáo")
    ranking.add_argument("--date", type=date_arg, metavar="NGÀY",
                         help="ngày báo cáo (mặc định: hôm nay)")
    add_output(ranking)
    ranking.set_defaults(handler=handler("district_commands:ranking"))


def _departments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--departments", action="store_true",
                        help="các sở, ban, ngành (mặc định: các đơn vị hành chính trực thuộc)")


def _year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=year_arg, required=True, metavar="NĂM", help="năm đánh giá")


def add_pack_commands(sub: Any) -> None:
    """``pack init`` and ``pack check``: a district's own template pack."""
    pack = sub.add_parser("pack", help="bộ mẫu (câu chữ, danh mục chỉ tiêu, quy tắc) của đơn vị")
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="LỆNH", required=True,
                                   parser_class=type(pack))
    init = pack_sub.add_parser("init", help="tạo bộ mẫu riêng, chép từ bộ mẫu có sẵn")
    init.add_argument("dir", type=Path, metavar="THƯ_MỤC", help="thư mục mới của bộ mẫu")
    init.add_argument("--name", metavar="TÊN", help="tên bộ mẫu (mặc định: tên thư mục)")
    init.set_defaults(handler=handler("district_commands:pack_init"))
    check = pack_sub.add_parser("check", help="kiểm tra bộ mẫu: cú pháp, khóa lạ, tệp và mục "
                                "còn thiếu, soạn thử báo cáo mẫu; mã thoát 1 nếu có lỗi")
    check.add_argument("dir", type=Path, metavar="THƯ_MỤC", help="thư mục bộ mẫu")
    check.set_defaults(handler=handler("district_commands:pack_check"))
