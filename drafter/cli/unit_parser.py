"""``drafter unit``'s arguments: the unit registry (add, list, edit, import, load-official)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from drafter.cli.lazy import handler
from drafter.cli.options import date_arg


def add_unit_commands(sub: Any) -> None:
    """Add ``unit`` and its subcommands to the ``drafter`` subcommands."""
    unit = sub.add_parser("unit", help="danh mục đơn vị: tỉnh, xã, phường, đặc khu, sở, ban, …")
    unit_sub = unit.add_subparsers(dest="unit_command", metavar="LỆNH", required=True,
                                   parser_class=type(unit))
    add = unit_sub.add_parser("add", help="thêm một đơn vị")
    _fields(add, required=True)
    add.set_defaults(handler=handler("unit_commands:unit_add"))
    listing = unit_sub.add_parser("list", help="liệt kê các đơn vị")
    listing.add_argument("--parent", metavar="MÃ", help="chỉ các đơn vị trực thuộc đơn vị này")
    listing.set_defaults(handler=handler("unit_commands:unit_list"))
    edit = unit_sub.add_parser("edit", help="sửa một đơn vị; trường không nêu được giữ nguyên")
    edit.add_argument("code", metavar="MÃ", help="mã đơn vị cần sửa")
    _fields(edit, required=False)
    edit.set_defaults(handler=handler("unit_commands:unit_edit"))
    imp = unit_sub.add_parser("import", help="nhập đơn vị từ bảng .csv hoặc .xlsx (cột code, "
                              "kind, name, parent, …)")
    imp.add_argument("book", type=Path, metavar="BẢNG", help="tệp .csv hoặc .xlsx")
    imp.set_defaults(handler=handler("unit_commands:unit_import"))
    official = unit_sub.add_parser("load-official", help="tạo tỉnh, thành phố và mọi xã, phường, "
                                   "đặc khu của nó theo danh mục chính thức từ 01/7/2025")
    official.add_argument("--province", required=True, metavar="TÊN",
                          help="tên tỉnh, thành phố, ví dụ \"Thái Nguyên\"")
    official.set_defaults(handler=handler("unit_commands:unit_load_official"))


def _fields(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--kind", required=required, metavar="LOẠI",
                        help="xã, phường, đặc khu, tỉnh, \"thành phố trực thuộc trung ương\", sở, "
                             "ban; trước 01/7/2025: huyện, quận, thị xã, \"thành phố thuộc "
                             "tỉnh\", thị trấn, phòng")
    parser.add_argument("--name", required=required, metavar="TÊN", help="tên riêng, ví dụ "
                        "\"Sông Cầu\", \"Nội vụ\"")
    if required:
        parser.add_argument("--code", metavar="MÃ", help="mã đơn vị (mặc định: từ loại và tên)")
    parser.add_argument("--parent", metavar="MÃ", help="mã đơn vị cấp trên (tỉnh, hoặc huyện "
                        "trước 01/7/2025)")
    parser.add_argument("--province", metavar="TÊN", help="tỉnh, thành phố (mặc định: của cấp "
                        "trên)")
    parser.add_argument("--place", metavar="ĐỊA_DANH", help="địa danh ghi ở dòng ngày tháng")
    parser.add_argument("--superior", metavar="DÒNG", help="dòng cơ quan cấp trên ở đầu văn bản "
                        "(mặc định: theo vị trí của đơn vị)")
    parser.add_argument("--signer", metavar="HỌ_TÊN", help="người ký")
    parser.add_argument("--signer-title", metavar="CHỨC_VỤ", help="chức vụ người ký, ví dụ "
                        "\"Phó Giám đốc\"")
    parser.add_argument("--deputy", action=argparse.BooleanOptionalAction, default=None,
                        help="cấp phó ký thay (KT.)")
    parser.add_argument("--symbol", metavar="KÝ_HIỆU", help="ký hiệu cơ quan trong số văn bản "
                        "(mặc định: UBND, hoặc chữ đầu như SNV)")
    parser.add_argument("--official-code", metavar="MÃ", help="mã đơn vị hành chính của Nhà nước")
    parser.add_argument("--predecessor", action="append", metavar="MÃ",
                        help="mã một đơn vị đã sắp xếp vào đơn vị này (lặp lại cho từng đơn vị)")
    parser.add_argument("--formed", type=date_arg, metavar="NGÀY",
                        help="ngày sắp xếp có hiệu lực, ví dụ 01/7/2025")
    parser.add_argument("--recipient", action="append", metavar="NƠI_NHẬN",
                        help="một dòng Nơi nhận (lặp lại cho từng nơi)")
