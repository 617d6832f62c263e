"""Comparing a merged unit with a period before its merger: the sum of its predecessors.

Most communes of 2026 were formed on 1 July 2025 from two or more older ones; their "same
period last year" is what those older communes reported, added up. Rates are never summed:
they are derived from the summed counts, as in any roll-up. A predecessor without a stored
report for the period is named, never silently left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from drafter.combine.rollup import roll_up
from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.structure import kinds_of
from drafter.domain.units import TWO_LEVEL_FROM, Unit


@dataclass
class MergedReport(Report):
    """The predecessors' reports of ``period`` summed under the merged ``unit``:
    ``received`` are the predecessors whose report is counted, ``missing`` those without one."""

    received: tuple[Unit, ...] = ()
    missing: tuple[Unit, ...] = ()


def before_merger(unit: Unit, period: Period) -> bool:
    """Whether ``period`` began before ``unit`` was formed from its predecessors (a merger
    without a recorded date is taken to be the two-level reform of 1 July 2025)."""
    return bool(unit.predecessors) and period.start < (unit.formed or TWO_LEVEL_FROM)


def combine(catalogue: Catalogue, unit: Unit, period: Period, predecessors: Sequence[Unit],
            reports: Mapping[str, Report]) -> MergedReport | None:
    """The predecessors' reports (by unit code) of ``period`` summed for ``unit``; ``None``
    when none of them has one."""
    rollup = roll_up(catalogue, unit, period, predecessors, reports)
    counted = [line.report for line in rollup.lines if line.report is not None]
    if not counted:
        return None
    final = all(report.status is Status.FINAL for report in counted)
    return MergedReport(
        unit=unit, period=period, date=max(report.date for report in counted),
        figures=dict(rollup.totals), status=Status.FINAL if final else Status.DRAFT,
        received=tuple(line.unit for line in rollup.lines if line.report is not None),
        missing=tuple(rollup.missing),
    )


@dataclass(frozen=True)
class MergedSources:
    """What templates see of a comparison summed from predecessors: their labels (``xã An``),
    those without a report, and the kinds named (``("xã", "phường")``)."""

    received: tuple[str, ...]
    missing: tuple[str, ...]
    kinds: tuple[str, ...]


def merged_sources(report: Report | None) -> MergedSources | None:
    """The sources of a comparison report when it was summed from predecessors, else ``None``."""
    if not isinstance(report, MergedReport):
        return None
    return MergedSources(tuple(unit.label for unit in report.received),
                         tuple(unit.label for unit in report.missing),
                         kinds_of((*report.received, *report.missing)))
