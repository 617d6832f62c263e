"""Combining periods, pure: the figures of a 6-month, 9-month or annual report from those of
the consecutive periods it covers, indicator by indicator as the catalogue declares
(``over_time``; see ``templates_vi/catalogue.toml``).

A flow is summed (less what each later period carried in, already counted by the period
before it); what was carried in is the first period's; a level at the end — a stock, the files
pending, a cumulative figure — is the last period's; a yes/no happened when it happened in any
part; a description holds when every part gives the same one; a count of distinct things is
not combinable and is left for the official. Rates and sums are never combined: they are
derived again from the combined figures. Every figure that is not certain — a part missing,
parts that disagree, a cumulative figure falling, a figure not combinable — is named in
``review``.

The parts of a merged unit's period are first its predecessors' (summed over units, which is
:mod:`drafter.combine.merger`'s business) and then its own: its cumulative figures and its
stocks start again with its first own part (``restart``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from drafter.domain.catalogue import Catalogue
from drafter.domain.figures import Figures
from drafter.domain.indicators import Indicator, Kind, OverTime, ValueType
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Report, Value


@dataclass(frozen=True)
class Slot:
    """One consecutive part of the period combined: its period and its report (``None`` when
    none is stored). ``review`` names figures already uncertain in that report (a part of it
    missing); ``complete`` is false when the report is known to leave something out (the sum
    of predecessors, one of which has no report); ``restart`` marks the first part of a
    unit's own after its predecessors' (cumulative figures and stocks begin again there)."""

    period: Period
    report: Report | None
    review: frozenset[str] = frozenset()
    complete: bool = True
    restart: bool = False


@dataclass
class Combined:
    """The combined figures, and in catalogue order the figures to review: ``asked`` are those
    that could not be combined at all (no value given), the rest of ``review`` have a value
    that may be incomplete."""

    figures: dict[str, Value] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)


def _number(value: Value) -> int | Decimal:
    assert isinstance(value, int | Decimal) and not isinstance(value, bool)
    return value


def _segment(slots: Sequence[Slot]) -> int:
    """The index of the last slot that starts a series (0 when none does)."""
    return max((index for index, slot in enumerate(slots) if slot.restart), default=0)


class _Combiner:
    def __init__(self, catalogue: Catalogue, slots: Sequence[Slot]) -> None:
        self.catalogue = catalogue
        self.slots = slots
        self.result = Combined()

    def values(self, key: str) -> list[Value | None]:
        return [slot.report.figures.get(key) if slot.report else None for slot in self.slots]

    def uncertain(self, key: str, indexes: Collection[int]) -> bool:
        """Whether any of the slots ``indexes`` is missing, lacks ``key``, is incomplete or
        unsure of it."""
        for index in indexes:
            slot = self.slots[index]
            if slot.report is None or slot.report.figures.get(key) is None \
                    or not slot.complete or key in slot.review:
                return True
        return False

    def set(self, key: str, value: Value | None, review: bool) -> None:
        if value is not None:
            self.result.figures[key] = value
        elif key not in self.result.asked:
            self.result.asked.append(key)
        if review or value is None:
            self.result.review.append(key)

    def add(self, indicator: Indicator) -> None:
        key = indicator.key
        values = self.values(key)
        if all(value is None for value in values):
            return  # entered in no part: nothing to combine, nothing to ask
        everywhere = range(len(self.slots))
        rule = indicator.over_time
        if rule is OverTime.SUM:
            self.sum(indicator, values)
        elif rule is OverTime.FIRST:
            self.set(key, values[0], self.uncertain(key, [0]))
        elif rule is OverTime.LAST:
            self.last(indicator, values)
        elif rule is OverTime.ANY:
            if True in values:
                self.set(key, True, False)
            else:
                certain = not self.uncertain(key, everywhere)
                self.set(key, False if certain else None, False)
        elif rule is OverTime.SAME:
            given = {value for value in values if value is not None}
            agreed = given.pop() if len(given) == 1 else None
            self.set(key, agreed, self.uncertain(key, everywhere))
        elif rule is OverTime.ASK:
            self.set(key, None, True)

    def sum(self, indicator: Indicator, values: list[Value | None]) -> None:
        key = indicator.key
        total: int | Decimal = sum((_number(v) for v in values if v is not None), start=0)
        unsure = self.uncertain(key, range(len(self.slots)))
        if indicator.carried_in:
            carried = self.values(indicator.carried_in)
            for value, counted in zip(values[1:], carried[1:], strict=True):
                if value is None:
                    continue
                if counted is None:
                    unsure = True  # what this part counted twice is not known
                else:
                    total -= _number(counted)
        self.set(key, total, unsure)

    def last(self, indicator: Indicator, values: list[Value | None]) -> None:
        """The last part's value; failing it, the latest part of the same series, marked."""
        key = indicator.key
        start = _segment(self.slots)
        series = values[start:]
        latest = next((v for v in reversed(series) if v is not None), None)
        unsure = self.uncertain(key, [len(values) - 1])
        if indicator.kind is Kind.CUMULATIVE:  # it only grows within its series
            numbers = [v for v in series if isinstance(v, int | Decimal)
                       and not isinstance(v, bool)]
            unsure = unsure or any(b < a for a, b in pairwise(numbers))
        self.set(key, latest, unsure)

    def given_rates(self) -> None:
        """A rate a part gives without its counts cannot be combined: it is asked for."""
        figures = Figures(self.catalogue, self.result.figures)
        for indicator in self.catalogue:
            if indicator.type is not ValueType.RATE or figures.rate(indicator.key) is not None:
                continue
            if any(slot.report and indicator.key in slot.report.rates for slot in self.slots):
                self.set(indicator.key, None, True)


def combine_periods(catalogue: Catalogue, slots: Sequence[Slot]) -> Combined:
    """The figures of the period ``slots`` cover, in order, by each indicator's rule."""
    combiner = _Combiner(catalogue, slots)
    for indicator in catalogue:
        if indicator.over_time is not OverTime.DERIVED:
            combiner.add(indicator)
    combiner.given_rates()
    order = {key: index for index, key in enumerate(catalogue.indicators)}
    combiner.result.review.sort(key=order.__getitem__)
    combiner.result.asked.sort(key=order.__getitem__)
    return combiner.result


def _prefixes(period: Period) -> list[Period]:
    """The longer reports a period may begin with, longest first (9 months, 6 months)."""
    kinds = [PeriodKind.NINE_MONTHS, PeriodKind.HALF]
    return [p for p in (Period(period.year, kind) for kind in kinds) if p.end < period.end]


def parts_of(period: Period, stored: Callable[[Period], bool],
             before: dt.date | None = None) -> list[Period]:
    """The consecutive periods ``period`` is made of: the longest stored 6-month or 9-month
    report it begins with, then the quarters after it — every quarter otherwise, stored or
    not (a missing one is a gap to name). ``before`` keeps only what began before that day
    (a merged unit's predecessors, which ended then)."""
    quarters = [q for q in period.quarters() if before is None or q.start < before]
    if not quarters:
        return []
    for prefix in _prefixes(period):
        if prefix.end <= quarters[-1].end and stored(prefix):
            return [prefix, *(q for q in quarters if q.start > prefix.end)]
    return quarters
