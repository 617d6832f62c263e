"""The bundled demo: a commune and a district of 2024 (before the two-level reform), and a
province of 2026 — tỉnh Thái Nguyên with its communes from the official list, one of them
formed by a merger — with their reports and the ranking its Sở Nội vụ issues. Built in its
own database, never the user's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from drafter.api import demo_files, render_to_file, save_document
from drafter.datafile import load_report
from drafter.datafile.content import load_content
from drafter.demo.sample import reports_for, scores_for
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.report import Status
from drafter.domain.units import Signer, Unit
from drafter.office.aggregation import aggregate
from drafter.office.index import make_ranking
from drafter.packs.load import TemplatePack
from drafter.records.workflow import comparisons
from drafter.resources import demo_dir
from drafter.storage import Store
from drafter.units.registry import load_official, register

PROVINCE, COMMUNE = "tinh-thai-nguyen", "xa-bach-thong"
PREDECESSORS = {"xa-quan-ha": "Quân Hà", "xa-nguyen-phuc": "Nguyên Phúc",
                "xa-my-thanh": "Mỹ Thanh"}


def build_demo(store: Store, out_dir: Path, pack: TemplatePack) -> Iterator[Path]:
    """Fill ``store`` with the demo and write its DOCX files (and text previews) into
    ``out_dir``; yields each file as it is written."""
    for path in demo_files():
        store.save_report(load_report(path, pack.catalogue))
    for path in demo_files():
        report = load_report(path, pack.catalogue)
        stored = store.find(report.unit.code, report.period)
        assert stored is not None
        previous, last_year = comparisons(store, stored, pack)
        yield render_to_file(stored, out_dir / f"{path.stem}.docx", previous=previous,
                             last_year=last_year, pack=pack, text=True)
    yield from _two_levels(store, out_dir, pack)


def _two_levels(store: Store, out_dir: Path, pack: TemplatePack) -> Iterator[Path]:
    files = demo_dir() / "2026"
    loaded = load_official(store, "Thái Nguyên")
    commune = load_report(files / f"{COMMUNE}-2026-Q1.toml", pack.catalogue)
    _history(store, commune.unit)
    # The merged commune's profile (its predecessors, the merger date, its signer) is the
    # file's, not the official list's: its next reports start from it.
    store.save_report(commune, update_unit=True)
    # Quarter II, a draft: with quarter I it makes the 6-month report (`report new`).
    store.save_report(load_report(files / f"{COMMUNE}-2026-Q2.toml", pack.catalogue))
    store.save_report(load_report(files / f"{PROVINCE}-2026-Q1.toml", pack.catalogue))
    others = [unit for unit in loaded.communes if unit.code != COMMUNE]
    for report in reports_for(replace(commune, basis=[], documents=[]), others):
        store.save_report(report)
    period = commune.period
    stored = store.find(COMMUNE, period)
    assert stored is not None
    previous, last_year = comparisons(store, stored, pack)
    yield render_to_file(stored, out_dir / f"{COMMUNE}-{period.code}.docx", previous=previous,
                         last_year=last_year, pack=pack, text=True)
    result = aggregate(store, PROVINCE, period, pack=pack)
    if result.report.status is not Status.FINAL:  # a final report is never rewritten
        store.save_report(result.report)
    previous, last_year = comparisons(store, result.report, pack)
    yield render_to_file(result.report, out_dir / f"{PROVINCE}-{period.code}.docx",
                         previous=previous, last_year=last_year, pack=pack, text=True,
                         rollup=result.rollup)
    store.save_scores(2025, scores_for(loaded.communes))
    ranking = make_ranking(store, PROVINCE, 2025, pack, load_content(files / "xep-hang-2025.toml"))
    yield save_document(ranking.document, out_dir / f"xep-hang-chi-so-cchc-2025-{PROVINCE}.docx",
                        text=True)


def _history(store: Store, merged: Unit) -> None:
    """The Sở Nội vụ, and the communes xã Bạch Thông was formed from on 1 July 2025 with
    their reports of quarters I and II of 2025 (what its same periods last year compare
    with)."""
    register(store, [Unit(code=f"so-noi-vu-{PROVINCE}", kind="Sở", level="department",
                          name="Nội vụ", province="Thái Nguyên", place="Thái Nguyên",
                          parent=PROVINCE, signer=Signer("Đỗ Thị Lan", "Phó Giám đốc", True),
                          recipients=("UBND tỉnh (b/c)", "UBND các xã, phường"),
                          archive="VT, CCHC")])
    old = [replace(merged, code=code, name=name, parent="", official_code="", predecessors=(),
                   formed=None, recipients=()) for code, name in PREDECESSORS.items()]
    register(store, old)
    for quarter, end in ((1, dt.date(2025, 3, 14)), (2, dt.date(2025, 6, 14))):
        demo_2024 = load_report(next(demo_dir().glob(f"xa-*-2024-Q{quarter}.toml")))
        start = demo_2024.data_from.replace(year=demo_2024.data_from.year + 1) \
            if demo_2024.data_from else None
        for unit in old:
            store.save_report(replace(demo_2024, unit=unit, period=Period(2025, PeriodKind.QUARTER,
                                                                          quarter),
                                      basis=[], documents=[], date=end, data_from=start,
                                      data_to=end, number=None))
