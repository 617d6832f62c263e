"""Roll-up: a province's (or, before July 2025, a district's) figures built from its
communes' reports.

Only figures the catalogue marks ``rollup = "sum"`` are built: each is the sum of the
communes' values of ``rollup_from`` (default: the same key). Rates are never rolled up or
averaged — the district's rates are derived from the summed counts like any other rate, so a
commune whose rate is 0/0 weighs exactly its (zero) counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from drafter.domain.catalogue import Catalogue
from drafter.domain.figures import Figures
from drafter.domain.indicators import SUMMABLE
from drafter.domain.periods import Period
from drafter.domain.ranking import Score
from drafter.domain.report import Report, Status, Value
from drafter.domain.units import Unit


class Received(StrEnum):
    """Where a commune's report stands for the unit it reports to."""

    FINAL = "final"
    DRAFT = "draft"
    MISSING = "missing"


@dataclass(frozen=True)
class CommuneLine:
    """One commune and its report for the period (``None`` when missing)."""

    unit: Unit
    report: Report | None

    @property
    def received(self) -> Received:
        if self.report is None:
            return Received.MISSING
        return Received.FINAL if self.report.status is Status.FINAL else Received.DRAFT


@dataclass
class Rollup:
    """The communes of a province or district for one period and the figures summed from them.

    ``totals`` sums every summable figure over the communes (the appendix's total row);
    ``keys`` are every rolled-up key; ``gaps`` names, per rolled-up key, the communes whose
    report left that figure empty.

    ``departments`` is the same for the aggregating unit's departments (sở, ban, ngành) and
    their reports of the period, when it has any; ``index`` the yearly CCHC index of the
    units of ``lines`` for ``index_year`` (the year before the period's, the one a report
    cites), as stored.
    """

    parent: Unit
    period: Period
    lines: list[CommuneLine]
    keys: list[str] = field(default_factory=list)
    totals: dict[str, Value] = field(default_factory=dict)
    figures: dict[str, Value] = field(default_factory=dict)
    gaps: dict[str, list[Unit]] = field(default_factory=dict)
    departments: Rollup | None = None
    index: list[Score] = field(default_factory=list)

    @property
    def index_year(self) -> int:
        return self.period.year - 1

    def units(self, received: Received) -> list[Unit]:
        return [line.unit for line in self.lines if line.received is received]

    @property
    def missing(self) -> list[Unit]:
        return self.units(Received.MISSING)

    @property
    def drafts(self) -> list[Unit]:
        return self.units(Received.DRAFT)

    def commune_figures(self, catalogue: Catalogue) -> list[tuple[CommuneLine, Figures | None]]:
        """Each commune with its own figures (``None`` when its report is missing)."""
        return [(line, Figures.of(catalogue, line.report) if line.report else None)
                for line in self.lines]


def _add(total: Value | None, value: Value) -> Value:
    if total is None:
        return value
    assert isinstance(total, int | Decimal) and isinstance(value, int | Decimal)
    return total + value


def roll_up(catalogue: Catalogue, parent: Unit, period: Period, communes: Sequence[Unit],
            reports: Mapping[str, Report], index: Sequence[Score] = ()) -> Rollup:
    """Sum the communes' reports (by unit code) into ``parent``'s rolled-up figures;
    ``index`` is the communes' stored index of the year before the period's."""
    lines = [CommuneLine(unit, reports.get(unit.code))
             for unit in sorted(communes, key=lambda u: u.code)]
    codes = {unit.code for unit in communes}
    rollup = Rollup(parent, period, lines,
                    index=[score for score in index if score.unit.code in codes])
    received = [line.report for line in lines if line.report is not None]
    for indicator in catalogue:
        if indicator.derived or indicator.type not in SUMMABLE:
            continue
        for report in received:
            value = report.figures.get(indicator.key)
            if value is not None:
                rollup.totals[indicator.key] = _add(rollup.totals.get(indicator.key), value)
    for indicator in catalogue:
        if indicator.rollup != "sum":
            continue
        rollup.keys.append(indicator.key)
        source_key = indicator.rollup_from or indicator.key
        gaps = [line.unit for line in lines
                if line.report is not None and line.report.figures.get(source_key) is None]
        if gaps:
            rollup.gaps[indicator.key] = gaps
        if source_key in rollup.totals:
            rollup.figures[indicator.key] = rollup.totals[source_key]
    return rollup


def apply_rollup(report: Report, rollup: Rollup) -> Report:
    """The aggregating unit's report with its rolled-up figures replaced by the communes' sums.

    Figures no commune reported are removed rather than left at a stale value.
    """
    figures = dict(report.figures)
    for key in rollup.keys:
        figures.pop(key, None)
    figures.update(rollup.figures)
    return replace(report, figures=figures)
