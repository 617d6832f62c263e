"""A commune formed on 1 July 2025: its 2025 is its predecessors' first half and its own
second half, and its 2026 compares with that — made, worded and compared as a Home Affairs
reviewer expects (issue 24)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from drafter.cli.main import main
from drafter.combine.merger import MergedReport
from drafter.domain.periods import Period
from drafter.domain.report import Report, Value
from drafter.domain.units import Signer, Unit
from drafter.records.workflow import comparison, start
from drafter.storage import Store, connect

FORMED = dt.date(2025, 7, 1)
SIGNER = Signer("Lê Văn Minh")
PROVINCE = Unit("tinh-thai-nguyen", "tỉnh", "Thái Nguyên", "Thái Nguyên", "Thái Nguyên",
                SIGNER, level="province")
# One predecessor has the merged commune's own name: it is "xã Chợ Mới (cũ)".
OLD = [Unit(code, "xã", name, "Thái Nguyên", name, SIGNER, parent="huyen-cho-moi")
       for code, name in (("xa-an-lac", "An Lạc"), ("xa-binh-son", "Bình Sơn"),
                          ("xa-cho-moi-cu", "Chợ Mới"))]
MERGED = Unit("xa-cho-moi", "xã", "Chợ Mới", "Thái Nguyên", "Chợ Mới", SIGNER,
              parent=PROVINCE.code, predecessors=tuple(u.code for u in OLD), formed=FORMED)


def _quarter(unit: Unit, code: str, received: int, carried: int, pending: int, late: int = 0,
             **more: Value) -> Report:
    """A quarter whose file counts add up: received = online + in person + carried over =
    solved + pending."""
    period = Period.parse(code)
    online = (received - carried) // 2
    solved = received - pending
    figures: dict[str, Value] = {
        "files_received": received, "files_online": online,
        "files_in_person": received - carried - online, "files_carried_over": carried,
        "files_solved": solved, "files_on_time": solved - late, "files_late": late,
        "files_pending": pending, "directive_docs": 1, "dvc_full_with_files": 20,
        **more}
    return Report(unit=unit, period=period, date=period.end, figures=figures,
                  data_from=period.start, data_to=period.end)


def _store(db_url: str, old_q2: bool = True, old_2024: int = 3) -> Store:
    """The province, the three old communes with quarters I and II of 2025 (the last one's
    quarter II left out when ``old_q2`` is false) and, for the first ``old_2024`` of them,
    their year 2024; the merged commune with its quarters III and IV of 2025."""
    store = Store(connect(db_url))
    store.save_unit(PROVINCE)
    for index, unit in enumerate(OLD):
        store.save_unit(unit)
        store.save_report(_quarter(unit, "2025-Q1", 100, 10, 20, plan_tasks=30,
                                   plan_tasks_done=5, procedures_total=120))
        if old_q2 or index < 2:
            store.save_report(_quarter(unit, "2025-Q2", 110, 20, 30, late=2, plan_tasks=30,
                                       plan_tasks_done=12, procedures_total=120))
        if index < old_2024:
            store.save_report(_quarter(unit, "2024", 400, 15, 10, plan_tasks=30,
                                       plan_tasks_done=28, procedures_total=118))
    store.save_unit(MERGED)
    # Quarter III starts with the 90 files the old communes left pending on 30 June.
    store.save_report(_quarter(MERGED, "2025-Q3", 390, 90, 40, plan_tasks=20,
                               plan_tasks_done=6, procedures_total=276, superior_tasks=5))
    store.save_report(_quarter(MERGED, "2025-Q4", 340, 40, 25, late=1, plan_tasks=20,
                               plan_tasks_done=18, procedures_total=280, superior_tasks=9))
    return store


def _render(db_url: str, period: str, tmp_path: Path) -> str:
    store = Store(connect(db_url))
    report_id = store.report_id(MERGED.code, Period.parse(period))
    out = tmp_path / f"{period}.docx"
    assert main(["--db", db_url, "report", "render", str(report_id), "-o", str(out)]) == 0
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_the_year_of_a_merger_is_the_predecessors_half_and_its_own(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """It took only the new commune's own quarter III and compared it with the old
    communes' whole 2024."""
    _store(db_url)
    assert main(["--db", db_url, "report", "new", "--unit", MERGED.code, "--period", "2025",
                 "--date", "20/12/2025"]) == 0
    out = capsys.readouterr().out
    assert ("Số liệu tổng hợp từ báo cáo quý I, quý II năm 2025 của xã An Lạc; quý I, quý II "
            "năm 2025 của xã Bình Sơn; quý I, quý II năm 2025 của xã Chợ Mới (cũ); quý III, quý IV "
            "năm 2025 của xã Chợ Mới.") in out
    year = Store(connect(db_url)).find(MERGED.code, Period.parse("2025"))
    assert year is not None
    # Each old commune's half: 100 + 110 less the 20 carried into quarter II; then the new
    # commune's quarters, less what each carried in (90 handed over on 1 July, then 40).
    assert year.figures["files_received"] == 3 * (100 + 110 - 20) + 390 + 340 - 90 - 40
    assert year.figures["files_carried_over"] == 3 * 10  # into 1 January
    assert year.figures["files_pending"] == 25  # on 31 December
    assert year.figures["files_late"] == 3 * 2 + 1
    # Its own levels and what it did since 1 July, never the old communes' added up.
    assert year.figures["procedures_total"] == 280
    assert (year.figures["plan_tasks"], year.figures["plan_tasks_done"]) == (20, 18)
    assert "dvc_full_with_files" in year.review and "dvc_full_with_files" not in year.figures
    assert "files_received" not in year.review and "plan_tasks_done" not in year.review
    assert (year.data_from, year.data_to) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_the_year_of_a_merger_reads_as_a_reviewer_expects(db_url: str, tmp_path: Path) -> None:
    store = _store(db_url, old_2024=2)
    store.save_report(start(store, MERGED.code, Period.parse("2025"),
                            dt.date(2025, 12, 20)).report)
    text = _render(db_url, "2025", tmp_path)
    # Said once, the same-named predecessor told apart.
    assert ("Số liệu 6 tháng đầu năm 2025 trong báo cáo là tổng số liệu của xã An Lạc, xã Bình "
            "Sơn và xã Chợ Mới (cũ) trước sắp xếp thành xã Chợ Mới; số liệu từ ngày 01/7/2025 "
            "là của xã Chợ Mới.") in text
    assert text.count("trước sắp xếp thành xã Chợ Mới;") == 1
    # Its plan and the tasks it received run from 1 July.
    assert "Kế hoạch CCHC từ ngày 01/7/2025 đến hết năm 2025 của UBND xã đề ra 20 nhiệm vụ." \
        in text
    assert "Kế hoạch CCHC năm 2025" not in text
    assert "Từ ngày 01/7/2025 đến thời điểm báo cáo, UBND xã được UBND tỉnh" in text
    assert "Từ đầu năm" not in text
    # An annual report compares with "năm 2024", summed over the predecessors that reported
    # it, the one that did not named in the sentence itself.
    assert "cùng kỳ năm 2024" not in text
    assert ("Tiếp nhận 1.170 hồ sơ (tăng 370 hồ sơ, tương ứng 46,25% so với năm 2024, số liệu "
            "của các xã trước sắp xếp, chưa gồm số liệu của xã Chợ Mới (cũ))") in text
    assert ("xã Chợ Mới (cũ) chưa có báo cáo năm 2024 nên số liệu so sánh chưa bao gồm số liệu "
            "của đơn vị này.") in text


def test_a_predecessors_missing_quarter_is_named_and_its_figures_marked(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _store(db_url, old_q2=False)
    assert main(["--db", db_url, "report", "new", "--unit", MERGED.code, "--period", "2025"]) \
        == 0
    out = capsys.readouterr().out
    assert ("Chưa có báo cáo quý II năm 2025 của xã Chợ Mới (cũ): số liệu tổng hợp còn thiếu "
            "phần này, cần xem lại.") in out
    year = Store(connect(db_url)).find(MERGED.code, Period.parse("2025"))
    assert year is not None
    assert {"files_received", "files_solved", "directive_docs"} <= set(year.review)
    # What only the new commune's own quarters give is certain.
    assert "files_pending" not in year.review and "procedures_total" not in year.review


def _year_2026(store: Store) -> Report:
    for code, received, carried, pending in (("2026-Q1", 300, 25, 30), ("2026-Q2", 320, 30, 20),
                                             ("2026-Q3", 310, 20, 15), ("2026-Q4", 330, 15, 5)):
        store.save_report(_quarter(MERGED, code, received, carried, pending, plan_tasks=25,
                                   plan_tasks_done=10, superior_tasks=3))
    report = start(store, MERGED.code, Period.parse("2026"), dt.date(2026, 12, 18)).report
    store.save_report(report)
    return report


def test_2026_compares_with_the_predecessors_half_and_the_communes_own(
        db_url: str, tmp_path: Path) -> None:
    store = _store(db_url, old_q2=False)
    year = _year_2026(store)
    assert year.figures["files_received"] == 300 + 320 + 310 + 330 - 30 - 20 - 15
    compared = comparison(store, year.unit, Period.parse("2025"))
    assert isinstance(compared, MergedReport) and compared.since == FORMED
    # xã Chợ Mới (cũ) has no quarter II: its half is not complete, so it is not counted.
    assert [u.code for u in compared.missing] == ["xa-cho-moi-cu"]
    assert compared.figures["files_received"] == 2 * (100 + 110 - 20) + 390 + 340 - 90 - 40
    text = _render(db_url, "2026", tmp_path)
    assert ("Tiếp nhận 1.195 hồ sơ (tăng 215 hồ sơ, tương ứng 21,94% so với năm 2025, trong đó "
            "số liệu 6 tháng đầu năm 2025 là của các xã trước sắp xếp, chưa gồm số liệu của xã "
            "Chợ Mới (cũ))") in text
    assert ("Số liệu năm 2025 dùng để so sánh gồm tổng số liệu 6 tháng đầu năm 2025 của xã An "
            "Lạc và xã Bình Sơn (các xã trước sắp xếp thành xã Chợ Mới) và số liệu của xã Chợ "
            "Mới từ ngày 01/7/2025; xã Chợ Mới (cũ) chưa có báo cáo 6 tháng đầu năm 2025 nên số "
            "liệu so sánh chưa bao gồm số liệu của đơn vị này.") in text
    # Its plan is its own, for the whole year.
    assert "Kế hoạch CCHC năm 2026 của UBND xã" in text and "Từ đầu năm" in text


def test_the_communes_own_annual_report_is_what_2026_compares_with(db_url: str) -> None:
    store = _store(db_url)
    own = start(store, MERGED.code, Period.parse("2025"), dt.date(2025, 12, 20)).report
    store.save_report(replace(own, figures={**own.figures, "files_received": 1234}))
    compared = comparison(store, MERGED, Period.parse("2025"))
    assert compared is not None and not isinstance(compared, MergedReport)
    assert compared.figures["files_received"] == 1234


def test_a_2026_quarter_compares_with_the_predecessors_same_quarter(db_url: str) -> None:
    store = _store(db_url)
    compared = comparison(store, MERGED, Period.parse("2025-Q2"))
    assert isinstance(compared, MergedReport) and compared.since is None
    assert compared.figures["files_received"] == 3 * 110


def test_a_half_year_before_the_merger_sums_the_predecessors_halves(db_url: str) -> None:
    store = _store(db_url, old_q2=False)
    compared = comparison(store, MERGED, Period.parse("2025-H1"))
    assert isinstance(compared, MergedReport) and compared.since is None
    assert [u.code for u in compared.received] == ["xa-an-lac", "xa-binh-son"]
    assert compared.figures["files_received"] == 2 * (100 + 110 - 20)
    assert compared.figures["files_pending"] == 2 * 30


def test_the_store_and_the_reader_name_the_predecessors(any_db_url: str) -> None:
    """What the split sentence names, filled in by the store as the parent's name is, and
    the same by the ORM-free reader the TUI opens reports with."""
    from drafter.packs.load import builtin_pack
    from drafter.storage.reader import Reader

    store = _store(any_db_url)
    labels = ("xã An Lạc", "xã Bình Sơn", "xã Chợ Mới")
    quarter = Period.parse("2025-Q3")
    stored = store.find(MERGED.code, quarter)
    read = Reader(any_db_url, builtin_pack().catalogue).find(MERGED.code, quarter)
    assert stored is not None and read is not None
    assert stored.unit.predecessor_labels == read.unit.predecessor_labels == labels
    unit = store.unit(MERGED.code)
    assert unit is not None and unit.predecessor_labels == labels


def test_check_compares_a_longer_report_with_an_earlier_one_of_its_year(
        db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = _store(db_url)
    year = start(store, MERGED.code, Period.parse("2025"), dt.date(2026, 1, 5)).report
    report_id = store.save_report(replace(year, figures={**year.figures, "plan_tasks_done": 3}))
    assert main(["--db", db_url, "check", "--report", str(report_id)]) == 0
    out = capsys.readouterr().out
    assert ("Số nhiệm vụ đã hoàn thành (3) thấp hơn quý IV năm 2025 (18) dù là số lũy kế "
            "trong năm") in out
    # The old communes' summed levels of 2024 are not a slip of the new commune's.
    assert "thay đổi bất thường" not in out
