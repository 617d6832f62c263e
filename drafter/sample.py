"""Made-up communes for demos, tests and benchmarks: one real-looking report, many names."""

from __future__ import annotations

from dataclasses import replace
from itertools import product

from drafter.domain.report import Report
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
