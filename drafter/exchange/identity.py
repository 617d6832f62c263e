"""Whose workbook is it? The unit, period and level a workbook's title rows name.

A workbook made for one commune and quarter must not fill another's report: the rows above
the table's header ("xã Thanh Mai, quý I năm 2024", "Phụ lục II") are read for a unit of the
same level, a period and an appendix label, and any that contradict the report are refused.
Units of another level (the superior district named in a header) are not a contradiction.
"""

from __future__ import annotations

import re

from drafter.domain.catalogue import Catalogue
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.units import UNIT_KINDS, Unit
from drafter.exchange.read import RawCell, norm_cell

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_KINDS = sorted(UNIT_KINDS, key=len, reverse=True)  # "thị xã" before "xã"
_UNIT = re.compile(rf"(?<!\w)({'|'.join(_KINDS)})\s+(\w[\w\s.'-]*?)"
                   r"(?=\s*(?:[,;()–\-:]|\bquý\b|\b\d+\s+tháng\b|\bnăm\b|$))")
_QUARTER = re.compile(r"quý\s+(iv|iii|ii|i|[1-4])\s+(?:năm\s+)?(\d{4})")
_HALF = re.compile(r"6\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+(\d{4})")
_NINE = re.compile(r"9\s+tháng(?:\s+đầu)?(?:\s+năm)?\s+(\d{4})")
_YEAR = re.compile(r"năm\s+(\d{4})")


def periods_named(text: str) -> tuple[list[Period], list[int]]:
    """The periods named in ``text`` in the order it names them, and the years named alone
    (``năm 2024``)."""
    found = [(m.start(), Period(int(m.group(2)), PeriodKind.QUARTER, _ROMAN[m.group(1)]))
             for m in _QUARTER.finditer(text)]
    found += [(m.start(), Period(int(m.group(1)), PeriodKind.HALF)) for m in _HALF.finditer(text)]
    found += [(m.start(), Period(int(m.group(1)), PeriodKind.NINE_MONTHS))
              for m in _NINE.finditer(text)]
    rest = _NINE.sub(" ", _HALF.sub(" ", _QUARTER.sub(" ", text)))
    return [period for _, period in sorted(found, key=lambda pair: pair[0])], \
        [int(year) for year in _YEAR.findall(rest)]


def title_problem(rows: list[list[RawCell]], header: int, unit: Unit, period: Period,
                  catalogue: Catalogue) -> str:
    """Why the title rows (above ``header``) say the workbook belongs elsewhere, or ``""``."""
    lines = [" ".join(norm_cell(cell) for cell in row if norm_cell(cell))
             for row in rows[:header]]
    text = " ; ".join(line for line in lines if line)
    cells = {norm_cell(cell) for row in rows[:header] for cell in row}
    own = catalogue.layout(unit.tier).label
    for tier, layout in catalogue.layouts.items():
        if tier is not unit.tier and norm_cell(layout.label) in cells and \
                norm_cell(layout.label) != norm_cell(own):
            return f"bảng là {layout.label} của cấp khác, không phải {own} của {unit.label}"
    named = [f"{kind} {name.strip()}" for kind, name in _UNIT.findall(text)
             if UNIT_KINDS[kind] is unit.tier]
    if named and norm_cell(unit.label) not in named:
        return f"bảng ghi là của {named[0]}, không phải của {unit.label}"
    periods, years = periods_named(text)
    if periods and period not in periods:
        return f"bảng ghi kỳ {periods[0].code}, không phải kỳ {period.code} của báo cáo"
    if not periods and years and period.year not in years:
        return f"bảng ghi năm {years[0]}, không phải năm {period.year} của báo cáo"
    return ""
