"""Made-up communes for demos, tests and benchmarks: one real-looking report, many names (or
the official ones), and made-up index scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import product

from drafter.domain.ranking import Score
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit, unit_code

_FIRST = ("Đông", "Tây", "Nam", "Bắc", "Thanh", "Hòa", "An", "Phú", "Tân", "Quảng")
_SECOND = ("Hòa", "Lợi", "Thịnh", "Tiến", "Hưng", "Phong", "Sơn", "Lâm", "Bình", "Yên", "Xuân")
NAMES = tuple(f"{first} {second}" for first, second in product(_FIRST, _SECOND)
              if first != second)


def commune_unit(like: Unit, name: str, parent: str) -> Unit:
    """A commune called ``name`` in district ``parent``, otherwise like ``like``."""
    return replace(like, code=unit_code("xã", name), kind="xã", name=name, parent=parent)


def communes_like(report: Report, count: int, parent: str) -> list[Report]:
    """``count`` copies of a commune report, each for a differently named commune."""
    if count > len(NAMES):
        raise ValueError(f"at most {len(NAMES)} sample communes")
    return [replace(report, unit=commune_unit(report.unit, name, parent))
            for name in NAMES[:count]]


_FILE_KEYS = ("files_received", "files_online", "files_in_person", "files_carried_over",
              "files_solved", "files_on_time", "files_late", "files_pending")


def reports_for(report: Report, units: Sequence[Unit]) -> list[Report]:
    """A copy of ``report`` for each of ``units``, its file counts scaled so communes differ
    (every count by the same factor, so their sums still agree) and some files late."""
    reports = []
    for index, unit in enumerate(units):
        figures = dict(report.figures)
        factor = 1 + index % 5
        for key in _FILE_KEYS:
            value = figures.get(key)
            if isinstance(value, int):
                figures[key] = value * factor
        if index % 3 == 0 and isinstance(figures.get("files_on_time"), int) \
                and isinstance(figures.get("files_late"), int):
            figures["files_on_time"] = int(figures["files_on_time"]) - index % 4
            figures["files_late"] = int(figures["files_late"]) + index % 4
        reports.append(replace(report, unit=unit, figures=figures, status=Status.DRAFT))
    return reports


def scores_for(units: Sequence[Unit]) -> list[Score]:
    """A made-up yearly index total for each unit, entered with 3 decimals as provinces do."""
    return [Score(unit, Decimal(45_000 + (index * 7_919) % 53_000).scaleb(-3))
            for index, unit in enumerate(units)]
