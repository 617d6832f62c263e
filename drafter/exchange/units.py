"""Units from a workbook (CSV or XLSX): one row per unit, columns by English key or
Vietnamese heading (``code``/``Mã``, ``kind``/``Loại``, ``name``/``Tên``, ``parent``/``Cấp trên``
…). An empty cell leaves that field as it is (or as derived for a new unit)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from drafter.domain.units import Tier, Unit, parse_kind
from drafter.errors import DataFileError
from drafter.exchange.read import RawCell, norm_cell, read_rows
from drafter.units.registry import UnitError, UnitFields, build_unit
from drafter.vi.dates import parse_date
from drafter.vi.text import clean

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("mã", "mã đơn vị"),
    "kind": ("loại", "loại đơn vị"),
    "name": ("tên", "tên đơn vị"),
    "parent": ("cấp trên", "mã cấp trên", "đơn vị cấp trên"),
    "province": ("tỉnh", "tỉnh, thành phố"),
    "place": ("địa danh",),
    "superior": ("cơ quan chủ quản", "dòng cấp trên"),
    "signer": ("người ký",),
    "signer_title": ("chức vụ", "chức vụ người ký"),
    "symbol": ("ký hiệu",),
    "official_code": ("mã chính thức", "mã hành chính"),
    "predecessors": ("trước sắp xếp", "đơn vị trước sắp xếp"),
    "formed": ("ngày sắp xếp",),
}


def _header(rows: list[list[RawCell]], path: Path) -> tuple[int, dict[int, str]]:
    names = {key: key for key in COLUMNS} | {alias: key for key, aliases in COLUMNS.items()
                                             for alias in aliases}
    for index, row in enumerate(rows[:10]):
        columns = {i: names[norm_cell(cell)] for i, cell in enumerate(row)
                   if norm_cell(cell) in names}
        if {"kind", "name"} <= set(columns.values()):
            return index, columns
    raise DataFileError(str(path), "", "không tìm thấy dòng tiêu đề (cần ít nhất các cột kind "
                        "và name, hoặc Loại và Tên)")


def _fields(values: dict[str, str], where: str, path: Path) -> UnitFields:
    given: dict[str, object] = {}
    for key, text in values.items():
        if key == "predecessors":
            given[key] = tuple(code for code in (clean(c) for c in text.split(";")) if code)
        elif key == "formed":
            try:
                given[key] = parse_date(text)
            except ValueError as exc:
                raise DataFileError(str(path), f"{where}, cột formed", str(exc)) from None
        else:
            given[key] = text
    known = {f.name for f in fields(UnitFields)}
    return UnitFields(**{k: v for k, v in given.items() if k in known})  # type: ignore[arg-type]


_RANKS = {Tier.PROVINCE: 0, Tier.DISTRICT: 1, Tier.DEPARTMENT: 2, Tier.COMMUNE: 3}


def _rank(values: dict[str, str]) -> int:
    try:
        return _RANKS[parse_kind(values.get("kind", "")).tier]
    except ValueError:
        return 0  # reported with its row when the unit is built


def read_units(path: Path, known: dict[str, Unit]) -> list[Unit]:
    """Each row's unit, built over the stored unit of the same code (``known``: code → unit,
    the file's own rows added as they are read, so a parent may come later in the file)."""
    rows = read_rows(path)
    header, columns = _header(rows, path)
    units: list[Unit] = []
    seen: dict[str, int] = {}
    batch = dict(known)
    given = [(number, {key: clean(str(row[i])) for i, key in columns.items()
                       if i < len(row) and row[i] is not None and clean(str(row[i]))})
             for number, row in enumerate(rows[header + 1:], start=header + 2)]
    # Provinces first, communes last: a unit's defaults come from a parent later in the file.
    for number, values in sorted((g for g in given if g[1]), key=lambda g: _rank(g[1])):
        where = f"dòng {number}"
        try:
            fields_given = _fields(values, where, path)
            existing = batch.get(values.get("code", "")) if "code" in values else None
            unit = build_unit(fields_given, batch, existing)
        except UnitError as exc:
            raise DataFileError(str(path), where, str(exc)) from None
        if unit.code in seen:
            raise DataFileError(str(path), where, f"mã {unit.code} đã có ở dòng {seen[unit.code]}")
        seen[unit.code] = number
        batch[unit.code] = unit
        units.append(unit)
    return units
