"""The unit registry: add, edit and import units, checked against the structure on the store.

Every rule an official can break is one Vietnamese line naming the field: a code that is not
``^[a-z0-9-]+$``, an unknown parent or predecessor, a parent of the wrong tier, a unit merged
into itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from drafter.domain.units import Signer, Tier, Unit, parse_kind, unit_code
from drafter.errors import DrafterError
from drafter.storage import Store

CODE = re.compile(r"^[a-z0-9-]+$")

# Which tiers a unit of each tier may report to.
PARENT_TIERS: dict[Tier, tuple[Tier, ...]] = {
    Tier.PROVINCE: (),
    Tier.DISTRICT: (Tier.PROVINCE,),
    Tier.COMMUNE: (Tier.PROVINCE, Tier.DISTRICT),
    Tier.DEPARTMENT: (Tier.PROVINCE, Tier.DISTRICT),
}


class UnitError(DrafterError):
    """A unit that cannot be registered as given; the message names the field and the rule."""


@dataclass(frozen=True)
class UnitFields:
    """What an official gives for a unit (``None``: not given, keep or derive)."""

    kind: str | None = None
    name: str | None = None
    code: str | None = None
    parent: str | None = None
    province: str | None = None
    place: str | None = None
    superior: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    deputy: bool | None = None
    symbol: str | None = None
    official_code: str | None = None
    predecessors: tuple[str, ...] | None = None
    formed: dt.date | None = None
    recipients: tuple[str, ...] | None = None
    archive: str | None = None


def _given(value: str | None, default: str) -> str:
    return default if value is None else value


def build_unit(fields: UnitFields, known: Mapping[str, Unit], existing: Unit | None = None) -> Unit:
    """The unit ``fields`` describe (over ``existing`` when editing), with defaults derived
    from its parent in ``known`` (code → unit). Raises :class:`UnitError`."""
    kind_text = fields.kind if fields.kind is not None else (
        existing.kind_info.name if existing else None)
    if not kind_text:
        raise UnitError("kind: cần loại đơn vị (xã, phường, đặc khu, tỉnh, sở …)")
    try:
        kind = parse_kind(kind_text)
    except ValueError as exc:
        raise UnitError(f"kind: {exc}") from None
    name = _given(fields.name, existing.name if existing else "")
    if not name:
        raise UnitError("name: cần tên đơn vị")
    name = _strip_kind(name, kind.word)
    parent_code = _given(fields.parent, existing.parent if existing else "")
    parent = known.get(parent_code) if parent_code else None
    if parent_code and parent is None:
        raise UnitError(f"parent: chưa có đơn vị cấp trên mã {parent_code}")
    committee = kind.tier is not Tier.DEPARTMENT
    default_code = unit_code(kind.word, name) + ("" if committee or not parent_code
                                                 else f"-{parent_code}")
    code = existing.code if existing else (fields.code or default_code)
    base_province = name if kind.tier is Tier.PROVINCE else (parent.province if parent else "")
    province = _given(fields.province, existing.province if existing else base_province)
    base_place = name if committee or parent is None else parent.place
    old_signer = existing.signer if existing else Signer("", kind.head)
    formed = fields.formed if fields.formed is not None else (existing.formed if existing else None)
    unit = Unit(
        code=code, kind=kind.word, level=kind.tier.value, name=name, province=province,
        place=_given(fields.place, existing.place if existing else base_place),
        superior=_given(fields.superior, existing.superior if existing else ""),
        parent=parent_code,
        signer=Signer(_given(fields.signer, old_signer.name),
                      _given(fields.signer_title, old_signer.title),
                      old_signer.deputy if fields.deputy is None else fields.deputy),
        recipients=fields.recipients if fields.recipients is not None else (
            existing.recipients if existing else ()),
        archive=_given(fields.archive, existing.archive if existing else "VT"),
        symbol=_given(fields.symbol, existing.symbol if existing else ""),
        official_code=_given(fields.official_code, existing.official_code if existing else ""),
        predecessors=fields.predecessors if fields.predecessors is not None else (
            existing.predecessors if existing else ()),
        formed=formed,
    )
    if not unit.province:
        raise UnitError("province: cần tên tỉnh, thành phố của đơn vị (hoặc đơn vị cấp trên)")
    return unit


def _strip_kind(name: str, word: str) -> str:
    """``Phường Sông Cầu`` typed as the name of a phường → ``Sông Cầu``."""
    prefix = f"{word} "
    return name[len(prefix):] if name.lower().startswith(prefix.lower()) else name


def check_unit(unit: Unit, known: Mapping[str, Unit]) -> None:
    """Raise :class:`UnitError` when ``unit`` does not fit the structure in ``known``."""
    if not CODE.match(unit.code):
        raise UnitError(f"code: mã đơn vị «{unit.code}» chỉ được gồm chữ thường không dấu, chữ "
                        "số và dấu gạch ngang (ví dụ xa-cam-giang)")
    if unit.parent:
        parent = known.get(unit.parent)
        if parent is None:
            raise UnitError(f"parent: chưa có đơn vị cấp trên mã {unit.parent}")
        allowed = PARENT_TIERS[unit.tier]
        if parent.tier not in allowed or parent.code == unit.code:
            raise UnitError(f"parent: {unit.label} không thể trực thuộc {parent.label}")
    for code in unit.predecessors:
        if code == unit.code:
            raise UnitError("predecessors: đơn vị không thể sáp nhập vào chính nó")
        if code not in known:
            raise UnitError(f"predecessors: chưa có đơn vị trước sắp xếp mã {code}")
    if unit.formed is not None and not unit.predecessors:
        raise UnitError("formed: chỉ ghi ngày sắp xếp khi có đơn vị trước sắp xếp (predecessors)")


def register(store: Store, units: Iterable[Unit]) -> int:
    """Check ``units`` against the store and each other, then save them in one transaction."""
    batch = list(units)
    known = {unit.code: unit for unit in store.units()} | {unit.code: unit for unit in batch}
    for unit in batch:
        check_unit(unit, known)
    return store.save_units(batch)


def add_unit(store: Store, fields: UnitFields) -> Unit:
    """A new unit from ``fields``; refuses a code already taken."""
    known = {unit.code: unit for unit in store.units()}
    unit = build_unit(fields, known)
    if unit.code in known:
        raise UnitError(f"code: đã có đơn vị mã {unit.code} ({known[unit.code].label}); "
                        "sửa bằng lệnh unit edit")
    register(store, [unit])
    return unit


def edit_unit(store: Store, code: str, fields: UnitFields) -> Unit:
    """The stored unit ``code`` with the fields given changed, every other field kept."""
    known = {unit.code: unit for unit in store.units()}
    if code not in known:
        raise UnitError(f"chưa có đơn vị mã {code}")
    unit = build_unit(fields, known, known[code])
    register(store, [replace(unit, code=code)])
    return unit


@dataclass(frozen=True)
class Loaded:
    """What ``load_official`` did: the province, its communes, how many were new."""

    province: Unit
    communes: tuple[Unit, ...]
    created: int
    source: str


def load_official(store: Store, query: str) -> Loaded:
    """Create or update the province ``query`` and every commune the official list gives it.

    A unit already stored with the same official code keeps its code and everything an
    official set (signer, recipients, superior line, mergers); its kind, name and parent follow
    the list. Running it again changes nothing.
    """
    from drafter.units.official import official_province

    stored = store.units()
    by_official = {(unit.tier, unit.official_code): unit for unit in stored if unit.official_code}
    official = official_province(query, {unit.code: unit.official_code for unit in stored})

    def merged(unit: Unit, parent: str) -> Unit:
        old = by_official.get((unit.tier, unit.official_code))
        if old is None:
            return replace(unit, parent=parent)
        return replace(old, kind=unit.kind, level=unit.level, name=unit.name, parent=parent)

    province = merged(official.province, "")
    communes = tuple(merged(unit, province.code) for unit in official.communes)
    created = sum(1 for unit in (official.province, *official.communes)
                  if (unit.tier, unit.official_code) not in by_official)
    register(store, [province, *communes])
    return Loaded(province, communes, created, official.source)
