"""Where units stand in local government in a given period: which exist, which report to
which, which were merged into which (pure functions over :class:`Unit`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from drafter.domain.periods import Period
from drafter.domain.units import KIND_ORDER, TWO_LEVEL_FROM, Tier, Unit

# The tiers whose units make up a unit's territory (what "các xã, phường" names).
TERRITORIAL = (Tier.COMMUNE, Tier.DISTRICT)
# The name of a Home Affairs department (Sở Nội vụ; a district's Phòng Nội vụ before 2025).
HOME_AFFAIRS = "Nội vụ"


def merged_away(units: Iterable[Unit]) -> dict[str, dt.date]:
    """Unit code → the day it was merged into another unit (one naming it a predecessor)."""
    gone: dict[str, dt.date] = {}
    for unit in units:
        if unit.formed is not None:
            for code in unit.predecessors:
                gone[code] = min(unit.formed, gone.get(code, unit.formed))
    return gone


def active(unit: Unit, period: Period, gone: Mapping[str, dt.date]) -> bool:
    """Whether ``unit`` existed during ``period``: formed by then, not merged away before it
    began, and not of a kind abolished on 1 July 2025 for a period starting after."""
    if unit.formed is not None and unit.formed > period.end:
        return False
    merged = gone.get(unit.code)
    if merged is not None and merged <= period.start:
        return False
    return unit.kind_info.current or period.start < TWO_LEVEL_FROM


def children(units: Iterable[Unit], parent: Unit, period: Period | None = None,
             tiers: Iterable[Tier] = TERRITORIAL,
             gone: Mapping[str, dt.date] | None = None) -> list[Unit]:
    """The units of ``tiers`` reporting to ``parent`` (in ``period``, when given), by code.

    ``gone`` (from :func:`merged_away` over every unit) says which were merged away; by
    default it is worked out from ``units`` alone.
    """
    every = list(units)
    gone = merged_away(every) if gone is None else gone
    wanted = set(tiers)
    return sorted((unit for unit in every if unit.parent == parent.code and unit.tier in wanted
                   and (period is None or active(unit, period, gone))), key=lambda u: u.code)


def kinds_of(units: Iterable[Unit]) -> tuple[str, ...]:
    """The kind words present, in the order running text lists them: ``("xã", "phường")``."""
    present = {unit.kind for unit in units}
    return tuple(word for word in KIND_ORDER if word in present)


def ranked_tier(units: Iterable[Unit], period: Period) -> Tier | None:
    """Which of a unit's territorial children an index ranks for ``period``: districts for a
    year before the two-level reform, communes after (and whichever tier is there alone)."""
    present = {unit.tier for unit in units} & set(TERRITORIAL)
    if len(present) <= 1:
        return next(iter(present), None)
    return Tier.DISTRICT if period.start < TWO_LEVEL_FROM.replace(month=1) else Tier.COMMUNE


def office_of(unit: Unit, lookup: Callable[[str], Unit | None]) -> Unit | None:
    """The province or district whose communes ``unit`` works on as an aggregating office:
    the unit itself when it aggregates, its parent when it is that parent's Home Affairs
    department (``lookup`` finds a unit by code); else ``None``."""
    if unit.aggregates:
        return unit
    if unit.tier is Tier.DEPARTMENT and unit.name == HOME_AFFAIRS and unit.parent:
        parent = lookup(unit.parent)
        if parent is not None and parent.aggregates:
            return parent
    return None
