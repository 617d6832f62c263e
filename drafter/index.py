"""The yearly CCHC index on the store: whom a unit ranks in a year and who issues the ranking."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.domain.periods import Period
from drafter.domain.structure import children, merged_away, ranked_tier
from drafter.domain.units import Tier, Unit
from drafter.errors import StorageError
from drafter.storage import Store

HOME_AFFAIRS = "Nội vụ"


@dataclass(frozen=True)
class Ranked:
    """The unit whose children are ranked, the tier ranked, and those children."""

    scope: Unit
    tier: Tier
    units: list[Unit]


def ranked_units(store: Store, code: str, year: int, departments: bool = False) -> Ranked:
    """The units ``code`` ranks for ``year``: its departments, or its communes (its districts
    for a year before 2025) that existed that year."""
    scope = store.unit(code)
    if scope is None:
        raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
    every = store.units()
    period = Period.parse(str(year))
    gone = merged_away(every)
    tier = Tier.DEPARTMENT if departments else ranked_tier(
        children(every, scope, period, gone=gone), period)
    units = children(every, scope, period, (tier,), gone) if tier else []
    if tier is None or not units:
        what = "sở, ban, ngành" if departments else "đơn vị hành chính"
        raise StorageError(f"{scope.label} không có {what} trực thuộc nào trong năm {year} "
                           "để xếp hạng")
    return Ranked(scope, tier, units)


def ranking_issuer(store: Store, scope: Unit, code: str | None = None) -> Unit:
    """Who issues the ranking: the unit ``code`` when given, else the scope's Home Affairs
    department (Sở Nội vụ; a district's Phòng Nội vụ before July 2025), else the scope."""
    if code is not None:
        issuer = store.unit(code)
        if issuer is None:
            raise StorageError(f"chưa có đơn vị mã {code} trong cơ sở dữ liệu")
        return issuer
    departments = children(store.units(), scope, tiers=(Tier.DEPARTMENT,))
    home = next((unit for unit in departments if unit.name == HOME_AFFAIRS), None)
    placed = store.unit(home.code) if home else None
    return placed or scope
