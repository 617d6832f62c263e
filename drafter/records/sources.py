"""Which stored reports a longer period is made of, read from the store: a unit's own
quarters (or a 6-month or 9-month report and the quarters after it), and for a unit formed by
a merger inside the period its predecessors' reports before that day — each predecessor's
combined over time, then summed over the predecessors — followed by its own.

The same reading serves ``report new`` (everything found, what is missing named and its
figures marked) and the comparisons (only what is complete).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from drafter.combine.merger import MergedReport, combine, span_before
from drafter.combine.periods import Slot, combine_periods, parts_of
from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.domain.units import Unit
from drafter.errors import StorageError

if TYPE_CHECKING:
    from drafter.storage.reader import Reads


@dataclass(frozen=True)
class Source:
    """One report a combined period needs: whose, of which period, and whether it is stored."""

    unit: Unit
    period: Period
    found: bool


@dataclass
class Gathered:
    """The consecutive parts of a period (``slots``, in order), every report they needed
    (``sources``) and, when the first part is the predecessors' sum, that sum."""

    period: Period
    slots: list[Slot] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    merged: MergedReport | None = None

    @property
    def found(self) -> bool:
        return any(slot.report is not None for slot in self.slots)

    @property
    def used(self) -> list[Source]:
        return [source for source in self.sources if source.found]

    @property
    def missing(self) -> list[Source]:
        return [source for source in self.sources if not source.found]


def _own(store: Reads, unit: Unit, periods: Sequence[Period], restart: bool = False,
         ) -> tuple[list[Slot], list[Source]]:
    slots, sources = [], []
    for index, period in enumerate(periods):
        report = store.find(unit.code, period)
        slots.append(Slot(period, report, restart=restart and index == 0))
        sources.append(Source(unit, period, report is not None))
    return slots, sources


def predecessors(store: Reads, unit: Unit, period: Period) -> list[Unit]:
    """The units ``unit`` was formed from, as they stood in ``period``."""
    found = []
    for code in unit.predecessors:
        predecessor = store.unit(code, period)
        if predecessor is None:
            raise StorageError(f"{unit.label}: đơn vị trước sắp xếp mã {code} chưa có trong "
                               "cơ sở dữ liệu")
        found.append(predecessor)
    return found


def _before(store: Reads, catalogue: Catalogue, unit: Unit, span: Period, strict: bool,
            ) -> tuple[Slot, list[Source], MergedReport | None]:
    """The predecessors' part ``span``: each one's reports combined over time, then summed.
    ``strict`` counts a predecessor whose part is incomplete as missing."""
    formed = unit.merged_on
    assert formed is not None
    before = predecessors(store, unit, span)
    reports: dict[str, Report] = {}
    review: set[str] = set()
    sources: list[Source] = []
    for predecessor in before:
        slots, found = _own(store, predecessor, _parts(store, predecessor.code, span, formed))
        sources += found
        stored = [slot.report for slot in slots if slot.report is not None]
        if not stored or (strict and not _whole(slots)):
            continue
        combined = combine_periods(catalogue, slots)
        first = slots[0].report
        reports[predecessor.code] = replace(stored[-1], period=span, figures=combined.figures,
                                            data_from=first.data_from if first else None)
        review.update(combined.review)
    merged = combine(catalogue, unit, span, before, reports)
    complete = merged is not None and not merged.missing
    return Slot(span, merged, frozenset(review), complete), sources, merged


def _parts(store: Reads, code: str, period: Period, before: dt.date | None) -> list[Period]:
    """What ``code``'s ``period`` is made of: its own report of it when stored."""
    def stored(part: Period) -> bool:
        return store.report_id(code, part) is not None

    return [period] if stored(period) else parts_of(period, stored, before)


def _whole(slots: Sequence[Slot]) -> bool:
    return all(slot.report is not None for slot in slots)


def gather(store: Reads, catalogue: Catalogue, unit: Unit, period: Period,
           strict: bool = False) -> Gathered:
    """The parts of ``period`` (not a quarter) for ``unit``: its own stored reports, and
    before its merger its predecessors'. ``strict`` (comparisons) leaves out a predecessor
    whose part is incomplete, and gives no part at all when the unit's own is incomplete."""
    gathered = Gathered(period)
    formed = unit.merged_on
    if formed is None or period.start >= formed:
        own = _parts(store, unit.code, period, None)
        gathered.slots, gathered.sources = _own(store, unit, own)
    else:
        span = period if period.end < formed else span_before(period, formed)
        slot, gathered.sources, gathered.merged = _before(store, catalogue, unit, span, strict)
        gathered.slots = [slot]
        if period.end >= formed:
            after = [q for q in period.quarters() if q.end >= formed]
            slots, sources = _own(store, unit, after, restart=True)
            gathered.slots += slots
            gathered.sources += sources
    if strict and not _whole(gathered.slots):
        gathered.slots = []
    return gathered
