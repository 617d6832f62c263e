"""The official list of provinces and communes since 1 July 2025, from the ``vietnam-provinces``
package (imported only here, when it is asked for)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drafter.domain.units import Kind, Signer, Unit, parse_kind, unit_code
from drafter.errors import DrafterError
from drafter.vi.text import clean, without_marks

# The package's division types → the kinds officials name.
_KINDS = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố trực thuộc trung ương",
          "xã": "xã", "phường": "phường", "đặc khu": "đặc khu"}


@dataclass(frozen=True)
class Official:
    """A province and its communes as the official list gives them, with the list's version."""

    province: Unit
    communes: tuple[Unit, ...]
    source: str


def _key(text: str) -> str:
    return without_marks(clean(text)).lower()


def _bare(name: str, kind: Kind) -> str:
    """``Phường Sông Cầu`` → ``Sông Cầu``; ``Tỉnh Thái Nguyên`` → ``Thái Nguyên`` (the list
    writes some names with their kind, in either case, and some without)."""
    for prefix in (kind.word, "tỉnh", "thành phố"):
        if _key(name).startswith(_key(prefix) + " "):
            return clean(name)[len(prefix) + 1:]
    return clean(name)


def _unit(name: str, kind: Kind, code: str, official: str, parent: str, province: str) -> Unit:
    return Unit(code=code, kind=kind.word, level=kind.tier.value, name=name, province=province,
                place=name, signer=Signer("", kind.head), parent=parent, official_code=official)


def official_province(query: str, taken: dict[str, str] | None = None) -> Official:
    """The province named ``query`` (``Thái Nguyên``, ``tỉnh Thái Nguyên``, ``thai nguyen``)
    and all its communes. ``taken`` maps unit codes already in use to their official codes:
    a commune whose plain code (``xa-van-lang``) is taken by another division, or shared with
    another commune of the province, gets its official code appended (``xa-van-lang-05557``).
    """
    import vietnam_provinces
    from vietnam_provinces import Province, Ward

    taken = taken or {}
    provinces = list(Province.iter_all())
    wanted = _key(query)
    for prefix in ("tinh ", "thanh pho "):
        wanted = wanted.removeprefix(prefix)
    bare = {p.code: _bare(p.name, parse_kind(_KINDS[p.division_type.value])) for p in provinces}
    match = next((p for p in provinces if _key(bare[p.code]) == wanted), None)
    if match is None:
        names = ", ".join(sorted(bare.values(), key=_key))
        raise DrafterError(f"không có tỉnh, thành phố «{query}» trong danh mục từ ngày "
                           f"01/7/2025; có: {names}")
    kind = parse_kind(_KINDS[match.division_type.value])
    name = _bare(match.name, kind)
    province = _unit(name, kind, unit_code(kind.word, name), f"{match.code.value:02d}", "", name)
    wards = sorted(Ward.iter_by_province(match.code), key=lambda w: w.code.value)
    plain = []
    for ward in wards:
        ward_kind = parse_kind(_KINDS[ward.division_type.value])
        plain.append((ward, ward_kind, _bare(ward.name, ward_kind)))
    counts = Counter(unit_code(k.word, n) for _, k, n in plain)
    communes = []
    for ward, ward_kind, ward_name in plain:
        official = f"{ward.code.value:05d}"
        code = unit_code(ward_kind.word, ward_name)
        if counts[code] > 1 or taken.get(code, official) != official:
            code = f"{code}-{official}"
        communes.append(_unit(ward_name, ward_kind, code, official, province.code, name))
    return Official(province, tuple(communes), f"vietnam-provinces {vietnam_provinces.__version__}")
