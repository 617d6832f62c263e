"""``drafter unit``: the unit registry (add, list, edit, import, load-official)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from drafter.cli.common import store_of
from drafter.cli.options import date_arg
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.exchange.units import read_units
from drafter.registry import UnitFields, add_unit, edit_unit, load_official, register
from drafter.vi.text import join_vi


def add_unit_commands(sub: Any) -> None:
    """Add ``unit`` and its subcommands to the ``drafter`` subcommands."""
    unit = sub.add_parser("unit", help="danh mục đơn vị: tỉnh, xã, phường, đặc khu, sở, ban, …")
    unit_sub = unit.add_subparsers(dest="unit_command", metavar="LỆNH", required=True,
                                   parser_class=type(unit))
    add = unit_sub.add_parser("add", help="thêm một đơn vị")
    _fields(add, required=True)
    add.set_defaults(handler=unit_add)
    listing = unit_sub.add_parser("list", help="liệt kê các đơn vị")
    listing.add_argument("--parent", metavar="MÃ", help="chỉ các đơn vị trực thuộc đơn vị này")
    listing.set_defaults(handler=unit_list)
    edit = unit_sub.add_parser("edit", help="sửa một đơn vị; trường không nêu được giữ nguyên")
    edit.add_argument("code", metavar="MÃ", help="mã đơn vị cần sửa")
    _fields(edit, required=False)
    edit.set_defaults(handler=unit_edit)
    imp = unit_sub.add_parser("import", help="nhập đơn vị từ bảng .csv hoặc .xlsx (cột code, "
                              "kind, name, parent, …)")
    imp.add_argument("book", type=Path, metavar="BẢNG", help="tệp .csv hoặc .xlsx")
    imp.set_defaults(handler=unit_import)
    official = unit_sub.add_parser("load-official", help="tạo tỉnh, thành phố và mọi xã, phường, "
                                   "đặc khu của nó theo danh mục chính thức từ 01/7/2025")
    official.add_argument("--province", required=True, metavar="TÊN",
                          help="tên tỉnh, thành phố, ví dụ \"Thái Nguyên\"")
    official.set_defaults(handler=unit_load_official)


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


def _given(args: argparse.Namespace) -> UnitFields:
    return UnitFields(
        kind=args.kind, name=args.name, code=getattr(args, "code", None), parent=args.parent,
        province=args.province, place=args.place, superior=args.superior, signer=args.signer,
        signer_title=args.signer_title, deputy=args.deputy, symbol=args.symbol,
        official_code=args.official_code, formed=args.formed,
        predecessors=_listed(args.predecessor), recipients=_listed(args.recipient),
    )


def _listed(values: list[str] | None) -> tuple[str, ...] | None:
    """A repeated option: ``None`` when never given (keep the stored list)."""
    return None if values is None else tuple(values)


def unit_add(args: argparse.Namespace) -> int:
    unit = add_unit(store_of(args), _given(args))
    print(f"Đã thêm {unit.label} (mã {unit.code}).")
    return 0


def unit_edit(args: argparse.Namespace) -> int:
    unit = edit_unit(store_of(args), args.code, _given(args))
    print(f"Đã sửa {unit.label} (mã {args.code}).")
    return 0


def unit_list(args: argparse.Namespace) -> int:
    units = [u for u in store_of(args).units() if args.parent is None or u.parent == args.parent]
    if not units:
        print("Chưa có đơn vị nào.")
        return 0
    print(f"{'Mã':<30} {'Đơn vị':<32} {'Cấp trên':<24} {'Mã chính thức':<14} Trước sắp xếp")
    for unit in units:
        print(f"{unit.code:<30} {unit.label:<32} {unit.parent or '-':<24} "
              f"{unit.official_code or '-':<14} {', '.join(unit.predecessors) or '-'}")
    print(f"Cộng {len(units)} đơn vị.")
    return 0


def unit_import(args: argparse.Namespace) -> int:
    store = store_of(args)
    units = read_units(args.book, {unit.code: unit for unit in store.units()})
    register(store, units)
    print(f"Đã nhập {len(units)} đơn vị từ {args.book.name}: {_counts(units)}.")
    return 0


def unit_load_official(args: argparse.Namespace) -> int:
    loaded = load_official(store_of(args), args.province)
    print(f"{loaded.province.label} (mã {loaded.province.code}) và {len(loaded.communes)} đơn "
          f"vị cấp xã: {_counts(loaded.communes)}; mới thêm {loaded.created} đơn vị "
          f"(theo {loaded.source}).")
    return 0


def _counts(units: tuple[Unit, ...] | list[Unit]) -> str:
    counted = Counter(unit.kind for unit in units)
    return join_vi((f"{counted[kind]} {kind}" for kind in kinds_of(units)), ", ")
