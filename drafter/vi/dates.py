"""Administrative date formats.

A leading zero for days below 10 and for months 1 and 2 only (Decree 30/2020/NĐ-CP,
Appendix I): ``ngày 08 tháng 02 năm 2024``, ``ngày 07 tháng 5 năm 2024``, ``06/02/2024``,
``15/7/2021``. Babel's long format (``5 tháng 3, 2024``) is not what reports write.
"""

from __future__ import annotations

import datetime as dt


def _day(d: dt.date) -> str:
    return f"{d.day:02d}"


def _month(d: dt.date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def date_line(d: dt.date) -> str:
    """``ngày 08 tháng 02 năm 2024`` (the place-and-date line and formal mentions)."""
    return f"ngày {_day(d)} tháng {_month(d)} năm {d.year}"


def short_date(d: dt.date) -> str:
    """``06/02/2024``, ``15/7/2021`` (running text)."""
    return f"{_day(d)}/{_month(d)}/{d.year}"


def date_range(start: dt.date, end: dt.date) -> str:
    """``từ ngày 25/11/2023 đến ngày 24/02/2024``."""
    return f"từ ngày {short_date(start)} đến ngày {short_date(end)}"


def parse_date(text: str) -> dt.date:
    """Parse ``dd/mm/yyyy`` or ISO ``yyyy-mm-dd``; impossible dates (31/11) raise ``ValueError``,
    and so does a year of fewer than four digits: "16/3/2" is a date being typed, not year 2."""
    value = text.strip()
    try:
        if "/" in value:
            day, month, year = (int(part) for part in value.split("/"))
            found = dt.date(year, month, day)
        else:
            found = dt.date.fromisoformat(value)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"ngày không hợp lệ: {text!r}") from exc
    if found.year < 1000:
        raise ValueError(f"ngày không hợp lệ: {text!r} (năm phải có 4 chữ số)")
    return found
