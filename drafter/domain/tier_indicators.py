"""Which indicators a unit enters: the figures of its own level, not those of another.

A unit of a tier is asked for:
- the indicators its tier's appendix layout lists;
- those no layout lists (every level keeps them: a commune's files in detail, its
  communication work) — except figures built from the units below (``rollup_from``, the
  communes' files a district reports), which belong to the tiers that aggregate;
- for a tier that aggregates (its layout lists figures built from the units below), also the
  figures of the tiers that do not: its report covers their figures (a district reports the
  communes' staff, and may enter them itself);
- the counts any of these rates or sums is derived from.

Written in terms of the tier and the pack's layouts, so a new tier (the province) needs only
its layout.
"""

from __future__ import annotations

from drafter.domain.catalogue import Catalogue
from drafter.domain.units import Tier


def aggregates(catalogue: Catalogue, tier: Tier) -> bool:
    """Whether a tier's report sums the figures of the units below it."""
    return any(catalogue[row.key].rollup_from for row in catalogue.layout(tier).rows if row.key)


def _listed(catalogue: Catalogue, tier: Tier) -> set[str]:
    return {row.key for row in catalogue.layout(tier).rows if row.key}


def shown_to(catalogue: Catalogue, tier: Tier) -> frozenset[str]:
    """The keys of the indicators a unit of ``tier`` is asked for, in no particular order."""
    tiers = list(catalogue.layouts)
    listed = set().union(*(_listed(catalogue, other) for other in tiers))
    gathers = aggregates(catalogue, tier)
    shown = _listed(catalogue, tier) | {ind.key for ind in catalogue if ind.key not in listed
                                        and (gathers or not ind.rollup_from)}
    if gathers:
        for other in tiers:
            if not aggregates(catalogue, other):
                shown |= _listed(catalogue, other)
    pending = list(shown)
    while pending:
        indicator = catalogue[pending.pop()]
        for key in (indicator.numerator, indicator.denominator, *indicator.parts):
            if key and key not in shown:
                shown.add(key)
                pending.append(key)
    return frozenset(shown)
