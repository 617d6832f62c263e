"""``drafter unit``'s handlers: the unit registry (add, list, edit, import, load-official)."""

from __future__ import annotations

import argparse
from collections import Counter

from drafter.cli.store import store_of
from drafter.domain.structure import kinds_of
from drafter.domain.units import Unit
from drafter.exchange.units import read_units
from drafter.units.registry import UnitFields, add_unit, edit_unit, load_official, register
from drafter.vi.text import join_vi


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
