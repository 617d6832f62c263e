"""Reporting periods: quarters, 6 months, 9 months and the year.

Codes: ``2024-Q1`` … ``2024-Q4``, ``2024-H1`` (6 tháng đầu năm), ``2024-9M`` (9 tháng),
``2024`` (năm).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


_CODE = re.compile(r"^(?P<year>\d{4})(?:-(?:Q(?P<q>[1-4])|(?P<h>H1)|(?P<m>9M)))?$")


# The years a period may be of (a year of 5 digits, or 0, is a typing error).
YEARS = range(1901, 2200)


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; ``quarter`` is set only for quarters."""

    year: int
    kind: PeriodKind
    quarter: int = 0

    @classmethod
    def parse(cls, code: str) -> Period:
        """Parse a period code; raises ``ValueError`` with a Vietnamese message."""
        match = _CODE.match(code.strip().upper())
        if match is None or int(match["year"]) not in YEARS:
            raise ValueError(
                f"kỳ báo cáo không hợp lệ: {code!r} "
                "(dùng 2024-Q1…2024-Q4, 2024-H1, 2024-9M hoặc 2024)"
            )
        year = int(match["year"])
        if match["q"]:
            return cls(year, PeriodKind.QUARTER, int(match["q"]))
        if match["h"]:
            return cls(year, PeriodKind.HALF)
        if match["m"]:
            return cls(year, PeriodKind.NINE_MONTHS)
        return cls(year, PeriodKind.YEAR)

    @property
    def code(self) -> str:
        suffix = {
            PeriodKind.QUARTER: f"-Q{self.quarter}",
            PeriodKind.HALF: "-H1",
            PeriodKind.NINE_MONTHS: "-9M",
            PeriodKind.YEAR: "",
        }[self.kind]
        return f"{self.year}{suffix}"

    @property
    def end_month(self) -> int:
        return {
            PeriodKind.QUARTER: 3 * self.quarter,
            PeriodKind.HALF: 6,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.YEAR: 12,
        }[self.kind]

    @property
    def start(self) -> dt.date:
        month = 3 * self.quarter - 2 if self.kind is PeriodKind.QUARTER else 1
        return dt.date(self.year, month, 1)

    @property
    def end(self) -> dt.date:
        month = self.end_month
        if month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, month + 1, 1) - dt.timedelta(days=1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period compared with as "kỳ trước": the previous quarter for quarters;
        for 6-month, 9-month and annual reports, the same period of the previous year."""
        if self.kind is PeriodKind.QUARTER:
            if self.quarter == 1:
                return Period(self.year - 1, PeriodKind.QUARTER, 4)
            return Period(self.year, PeriodKind.QUARTER, self.quarter - 1)
        return self.same_period_last_year()

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind, self.quarter)

    def quarters(self) -> list[Period]:
        """The quarters this period covers (a quarter covers itself)."""
        if self.kind is PeriodKind.QUARTER:
            return [self]
        return [Period(self.year, PeriodKind.QUARTER, q) for q in range(1, self.end_month // 3 + 1)]

    def __str__(self) -> str:
        return self.code
