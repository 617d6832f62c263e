"""A commune formed by merging older ones compares with the sum of their reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx

from drafter.cli.main import main
from drafter.combine.merger import MergedReport
from drafter.domain.figures import Figures
from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.domain.units import Unit
from drafter.packs.load import TemplatePack
from drafter.records.workflow import comparisons
from drafter.storage import Store, connect

LAST_YEAR = Period.parse("2025-Q1")
THIS_YEAR = Period.parse("2026-Q1")
# (received, solved, on time) of each predecessor in 2025-Q1.
OLD = {"xa-an-lac": (100, 90, 90), "xa-binh-son": (40, 40, 20), "thi-tran-cho-moi": (10, 10, 9)}


def _setup(db_url: str, commune_q1: Report, with_all: bool = True) -> tuple[Store, Report]:
    store = Store(connect(db_url))
    store.save_unit(Unit("tinh-thai-nguyen", "tỉnh", "Thái Nguyên", "Thái Nguyên",
                         "Thái Nguyên", commune_q1.unit.signer, level="province"))
    for code, (received, solved, on_time) in OLD.items():
        kind, _, name = code.partition("-")
        if kind == "thi":
            kind, name = "thị trấn", "Chợ Mới"
        else:
            kind, name = "xã", {"xa-an-lac": "An Lạc", "xa-binh-son": "Bình Sơn"}[code]
        old = replace(commune_q1.unit, code=code, kind=kind, name=name, parent="huyen-cho-moi")
        store.save_unit(old)
        if with_all or code != "xa-binh-son":
            figures = {"files_received": received, "files_solved": solved,
                       "files_on_time": on_time, "files_late": solved - on_time,
                       "staff_present": 20, "tthc_quality_score": Decimal("80.5"),
                       # what a final report must have (the store checks it)
                       "directive_docs": 1, "plan_tasks": 10, "plan_tasks_done": 2}
            store.save_report(Report(unit=old, period=LAST_YEAR, date=dt.date(2025, 3, 20),
                                     figures=figures, status=Status.FINAL))
    merged = replace(commune_q1.unit, code="xa-cho-moi", name="Chợ Mới", parent="tinh-thai-nguyen",
                     superior="", predecessors=tuple(OLD), formed=dt.date(2025, 7, 1))
    store.save_unit(merged)
    figures = dict(commune_q1.figures, files_received=200, files_online=90, files_in_person=107,
                   files_carried_over=3, files_solved=196, files_on_time=187, files_late=9,
                   files_pending=4)
    report = replace(commune_q1, unit=merged, period=THIS_YEAR, date=dt.date(2026, 3, 20),
                     figures=figures, number="21")
    store.save_report(report)
    found = store.find("xa-cho-moi", THIS_YEAR)
    assert found is not None
    return store, found


def test_last_year_is_the_sum_of_three_predecessors(db_url: str, commune_q1: Report,
                                                    pack: TemplatePack) -> None:
    store, report = _setup(db_url, commune_q1)
    previous, last_year = comparisons(store, report)
    assert previous is None  # 2025-Q4 is after the merger and nothing is stored
    assert isinstance(last_year, MergedReport)
    assert [u.code for u in last_year.received] == sorted(OLD) and last_year.missing == ()
    assert last_year.figures["files_received"] == 150
    assert last_year.figures["staff_present"] == 60
    assert "tthc_quality_score" not in last_year.figures  # scores are never added up
    rate = Figures(pack.catalogue, last_year.figures).rate("files_on_time_rate")
    assert rate is not None and rate.value is not None
    # 119/140, recomputed from the sums — not the mean of 100 %, 50 % and 90 %.
    assert round(rate.value, 2) == Decimal("85.00")


def _rendered_text(db_url: str, report: Report, tmp_path: Path) -> str:
    store = Store(connect(db_url))
    report_id = store.report_id(report.unit.code, report.period)
    out = tmp_path / "xa.docx"
    assert main(["--db", db_url, "report", "render", str(report_id), "-o", str(out)]) == 0
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_the_narrative_says_the_comparison_is_the_predecessors_sum(
        db_url: str, commune_q1: Report, tmp_path: Path) -> None:
    _, report = _setup(db_url, commune_q1)
    text = _rendered_text(db_url, report, tmp_path)
    # Named in the order the unit's profile lists them.
    assert ("Số liệu cùng kỳ năm 2025 dùng để so sánh là tổng số liệu của xã An Lạc, xã Bình "
            "Sơn và thị trấn Chợ Mới (các xã, thị trấn trước sắp xếp thành xã Chợ Mới).") in text
    assert ("Tiếp nhận 200 hồ sơ (tăng 50 hồ sơ, tương ứng 33,33% so với cùng kỳ năm 2025, số "
            "liệu của các xã, thị trấn trước sắp xếp)") in text


def test_a_predecessor_without_a_report_is_named(db_url: str, commune_q1: Report,
                                                 tmp_path: Path) -> None:
    store, report = _setup(db_url, commune_q1, with_all=False)
    _, last_year = comparisons(store, report)
    assert isinstance(last_year, MergedReport)
    assert [u.code for u in last_year.missing] == ["xa-binh-son"]
    assert last_year.figures["files_received"] == 110
    text = _rendered_text(db_url, report, tmp_path)
    assert ("tổng số liệu của xã An Lạc và thị trấn Chợ Mới (các xã, thị trấn trước sắp xếp "
            "thành xã Chợ Mới); xã Bình Sơn chưa có báo cáo quý I năm 2025 nên số liệu so sánh "
            "chưa bao gồm số liệu của đơn vị này.") in text
    # Issue 24: the comparison itself says it leaves one out.
    assert ("Tiếp nhận 200 hồ sơ (tăng 90 hồ sơ, tương ứng 81,82% so với cùng kỳ năm 2025, số "
            "liệu của các xã, thị trấn trước sắp xếp, chưa gồm số liệu của xã Bình Sơn)") in text


def test_a_period_after_the_merger_uses_the_units_own_report(db_url: str,
                                                              commune_q1: Report) -> None:
    store, report = _setup(db_url, commune_q1)
    own = replace(report, period=Period.parse("2025-Q4"), number="9")
    store.save_report(own)
    previous, _ = comparisons(store, report)
    assert previous is not None and not isinstance(previous, MergedReport)
    assert previous.number == "9"
