"""A generated province of 168 communes in a SQLite file, each with its report of 2026-Q1 and
of the quarter before (the comparison render-all reads), for the province benchmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from drafter.datafile import load_report
from drafter.demo.sample import NAMES, commune_unit, reports_for
from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.resources import demo_dir
from drafter.storage import Store, connect

PROVINCE = "tinh-thai-nguyen"
PERIOD = Period.parse("2026-Q1")
COMMUNES = 168


def province_db(folder: Path, count: int = COMMUNES) -> str:
    """The URL of a new SQLite database holding the province, ``count`` communes and two
    quarters of their reports."""
    url = f"sqlite:///{folder / 'province.sqlite'}"
    store = Store(connect(url))
    province = load_report(demo_dir() / "2026" / f"{PROVINCE}-2026-Q1.toml")
    like = load_report(demo_dir() / "2026" / "xa-bach-thong-2026-Q1.toml")
    store.save_unit(province.unit)
    names = [*NAMES, *(f"{name} Thượng" for name in NAMES)][:count]
    units = [replace(commune_unit(like.unit, name, PROVINCE), predecessors=(), formed=None,
                     official_code="") for name in names]
    store.save_units(units)
    final = replace(like, status=Status.FINAL)
    for report in reports_for(final, units):
        store.save_report(replace(report, period=PERIOD.previous(), number=None,
                                  date=dt.date(2025, 12, 15), data_from=None, data_to=None,
                                  status=Status.DRAFT))
        store.save_report(report)
    return url
