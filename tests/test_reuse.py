"""Starting a report from the last one: each carry rule, a longer period made of its quarters,
the CLI on the demo."""

import datetime as dt
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.combine.periods import Slot
from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.errors import StorageError
from drafter.packs.load import TemplatePack
from drafter.records.reuse import carry_forward, empty_report, from_periods
from drafter.records.workflow import start_report
from drafter.storage import Store, connect

DAY = dt.date(2024, 6, 20)


def _carry(previous: Report, period: str, pack: TemplatePack) -> Report:
    return carry_forward(previous, previous.unit, Period.parse(period), DAY, pack.catalogue)


def test_unit_signer_and_recipients_carry(commune_q1: Report, pack: TemplatePack) -> None:
    new = _carry(commune_q1, "2024-Q2", pack)
    assert new.unit == commune_q1.unit and new.recipients == commune_q1.recipients
    assert new.number is None and new.date == DAY and new.status.value == "draft"
    assert new.data_from == dt.date(2024, 3, 15) and new.data_to is None


def test_stocks_carry_marked_for_review(commune_q1: Report, pack: TemplatePack) -> None:
    new = _carry(commune_q1, "2024-Q2", pack)
    assert new.figures["procedures_total"] == 114
    assert "procedures_total" in new.review


def test_flows_start_empty(commune_q1: Report, pack: TemplatePack) -> None:
    new = _carry(commune_q1, "2024-Q2", pack)
    assert "files_received" not in new.figures and "directive_docs" not in new.figures
    assert new.documents == [] and new.notes == {}


def test_cumulative_carries_within_the_year_only(commune_q1: Report,
                                                 pack: TemplatePack) -> None:
    assert _carry(commune_q1, "2024-Q2", pack).figures["plan_tasks_done"] == 3
    assert "plan_tasks_done" not in _carry(commune_q1, "2025-Q1", pack).figures


def test_lists_carry_marked_for_review(commune_q1: Report, pack: TemplatePack) -> None:
    new = _carry(commune_q1, "2024-Q2", pack)
    assert new.lists["strengths"] == commune_q1.lists["strengths"]
    assert "strengths" in new.review


def test_basis_recurs_within_the_year_and_laws_always(commune_q1: Report,
                                                      pack: TemplatePack) -> None:
    decree = DocRef("Nghị định", "30", dt.date(2020, 3, 5), "Chính phủ", year=2020)
    # The superior's plan for the year, issued the December before it.
    plan = DocRef("Kế hoạch", "250", dt.date(2023, 12, 25), "UBND huyện Đông Sơn",
                  symbol="KH-UBND", subject="về cải cách hành chính năm 2024")
    commune_q1.basis += [decree, plan]
    second = _carry(commune_q1, "2024-Q2", pack)
    assert second.basis == commune_q1.basis
    assert "basis" in second.review  # carried, marked for the official to review
    new_year = _carry(commune_q1, "2025-Q1", pack)
    assert new_year.basis == [decree] and "basis" in new_year.review
    commune_q1.basis = [plan]
    assert "basis" not in _carry(commune_q1, "2025-Q1", pack).review  # nothing carried


def _slots(*reports: Report | None, periods: str = "2024-Q1 2024-Q2 2024-Q3") -> list[Slot]:
    return [Slot(Period.parse(code), report)
            for code, report in zip(periods.split(), reports, strict=False)]


def test_half_year_from_quarters(commune_q1: Report, commune_q2: Report,
                                 pack: TemplatePack) -> None:
    half = from_periods(_slots(commune_q1, commune_q2), commune_q1.unit,
                        Period.parse("2024-H1"), DAY, pack.catalogue)
    # Flows summed; the 4 files pending at the end of quarter I and carried into quarter II
    # are counted once.
    assert half.figures["files_received"] == 142 + 167 - 4
    assert half.figures["files_carried_over"] == 3  # carried into quarter I
    assert half.figures["files_pending"] == 4  # at the end of quarter II
    assert half.figures["procedures_total"] == 114  # latest stock
    assert half.figures["plan_tasks_done"] == 11  # latest cumulative
    # A score of the period and a count of distinct procedures are not combinable: asked.
    for key in ("tthc_quality_score", "dvc_full_with_files", "dvc_partial_with_files"):
        assert key not in half.figures and key in half.review
    assert "files_received" not in half.review and "procedures_total" not in half.review
    assert half.data_from == commune_q1.data_from and half.data_to == commune_q2.data_to
    assert len(half.documents) == len(commune_q1.documents) + len(commune_q2.documents)


def test_partial_quarters_mark_sums_for_review(commune_q1: Report, pack: TemplatePack) -> None:
    nine = from_periods(_slots(commune_q1, None, None), commune_q1.unit,
                        Period.parse("2024-9M"), DAY, pack.catalogue)
    assert nine.figures["files_received"] == 142 and "files_received" in nine.review
    assert nine.figures["files_carried_over"] == 3 and "files_carried_over" not in nine.review
    assert "files_pending" in nine.review and "procedures_total" in nine.review
    assert nine.data_from == commune_q1.data_from and nine.data_to is None


def test_empty_report(commune_q1: Report) -> None:
    new = empty_report(commune_q1.unit, Period.parse("2024-Q2"), DAY)
    assert new.figures == {} and new.lists == {} and new.recipients == list(
        commune_q1.unit.recipients)


def test_start_report_defaults(db_url: str, commune_q1: Report, commune_q2: Report) -> None:
    store = Store(connect(db_url))
    store.save_report(commune_q1)
    q2 = start_report(store, "xa-thanh-mai", Period.parse("2024-Q2"), DAY)
    assert q2.figures["procedures_total"] == 114 and "files_received" not in q2.figures
    store.save_report(commune_q2)
    half = start_report(store, "xa-thanh-mai", Period.parse("2024-H1"), DAY)
    assert half.figures["files_received"] == 305
    from_q1 = start_report(store, "xa-thanh-mai", Period.parse("2024-H1"), DAY,
                           source=Period.parse("2024-Q1"))
    assert "files_received" not in from_q1.figures
    with pytest.raises(StorageError, match="đã có báo cáo kỳ 2024-Q2"):
        start_report(store, "xa-thanh-mai", Period.parse("2024-Q2"), DAY)
    with pytest.raises(StorageError, match="chưa có báo cáo kỳ 2023-Q3"):
        start_report(store, "xa-thanh-mai", Period.parse("2024-Q3"), DAY,
                     source=Period.parse("2023-Q3"))


def test_cli_report_new(db_url: str, commune_q1: Report,
                        capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(connect(db_url))
    store.save_report(commune_q1)
    assert main(["--db", db_url, "report", "new", "--unit", "xa-thanh-mai",
                 "--period", "2024-Q2", "--date", "20/6/2024"]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo báo cáo quý II năm 2024 của xã Thanh Mai" in out
    assert "cần xác nhận lại" in out
    q2 = store.find("xa-thanh-mai", Period.parse("2024-Q2"))
    assert q2 is not None and q2.date == DAY and q2.review
    assert main(["--db", db_url, "report", "new", "--unit", "xa-thanh-mai",
                 "--period", "2024-Q3", "--empty"]) == 0
    q3 = store.find("xa-thanh-mai", Period.parse("2024-Q3"))
    assert q3 is not None and q3.figures == {}
    assert main(["--db", db_url, "report", "new", "--unit", "khong-co",
                 "--period", "2024-Q3"]) == 2
    assert "chưa có đơn vị mã khong-co" in capsys.readouterr().err


def test_narrative_compares_with_previous_and_same_period_last_year(
    commune_q1: Report, commune_q2: Report,
) -> None:
    from drafter.narrative import render
    from drafter.writer.text import to_text

    last_year = Report(unit=commune_q2.unit, period=Period.parse("2023-Q2"),
                       date=dt.date(2023, 6, 14), figures={"files_received": 150})
    text = to_text(render(commune_q2, previous=commune_q1, last_year=last_year))
    assert ("Tiếp nhận 167 hồ sơ (tăng 25 hồ sơ, tương ứng 17,61% so với quý trước; tăng 17 "
            "hồ sơ, tương ứng 11,33% so với cùng kỳ năm 2023)") in text
    alone = to_text(render(commune_q2, last_year=last_year))
    assert "Tiếp nhận 167 hồ sơ (tăng 17 hồ sơ, tương ứng 11,33% so với cùng kỳ năm 2023)" in alone


def test_the_demos_six_months_come_from_its_two_quarters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 24: the demo's 6 months gave 980 files received (the 13 pending at the end of
    quarter I counted again as carried into quarter II), 21 carried over, 35 pending, and
    added up the procedures that had online files in each quarter, with nothing marked."""
    assert main(["demo", "-o", str(tmp_path)]) == 0
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    capsys.readouterr()
    assert main(["--db", url, "report", "new", "--unit", "xa-bach-thong",
                 "--period", "2026-H1", "--date", "20/6/2026"]) == 0
    out = capsys.readouterr().out
    assert "Số liệu tổng hợp từ báo cáo quý I, quý II năm 2026 của xã Bạch Thông." in out
    assert ("Không cộng được từ các kỳ, cần nhập cho cả kỳ: Điểm đánh giá chất lượng giải "
            "quyết TTHC; Số TTHC đang cung cấp trực tuyến một phần có phát sinh hồ sơ nộp trực "
            "tuyến; Số TTHC đang cung cấp trực tuyến toàn trình có phát sinh hồ sơ nộp trực "
            "tuyến.") in out
    half = Store(connect(url)).find("xa-bach-thong", Period.parse("2026-H1"))
    assert half is not None
    assert (half.figures["files_received"], half.figures["files_carried_over"],
            half.figures["files_pending"]) == (967, 8, 22)
    assert half.figures["files_solved"] == 455 + 490
    for key in ("dvc_full_with_files", "dvc_partial_with_files"):
        assert key not in half.figures and key in half.review
    assert "files_received" not in half.review and "procedures_total" not in half.review
    assert (half.data_from, half.data_to) == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    # The merged commune's profile survived the demo: the signer, the predecessors.
    assert half.unit.signer.name == "Hoàng Văn Nam" and len(half.unit.predecessors) == 3
    out_file = tmp_path / "h1.docx"
    report_id = Store(connect(url)).report_id("xa-bach-thong", Period.parse("2026-H1"))
    assert main(["--db", url, "report", "render", str(report_id), "-o", str(out_file),
                 "--text"]) == 0
    text = out_file.with_suffix(".txt").read_text(encoding="utf-8")
    assert ("Tiếp nhận 967 hồ sơ (tăng 52 hồ sơ, tương ứng 5,68% so với cùng kỳ năm 2025, số "
            "liệu của các xã trước sắp xếp), trong đó 631 hồ sơ trực tuyến, 328 hồ sơ trực tiếp "
            "và qua dịch vụ bưu chính công ích, 08 hồ sơ từ kỳ trước chuyển sang.") in text
    assert "đang giải quyết 22 hồ sơ" in text
    assert "(số liệu từ ngày 15/12/2025 đến ngày 14/6/2026)" in text
    assert "đã phát sinh hồ sơ trực tuyến" not in text  # asked, not summed


def test_a_quarter_starts_with_what_the_last_one_left_pending(commune_q1: Report,
                                                               pack: TemplatePack) -> None:
    new = _carry(commune_q1, "2024-Q2", pack)
    assert new.figures["files_carried_over"] == commune_q1.figures["files_pending"] == 4
    assert "files_carried_over" in new.review
    later = carry_forward(commune_q1, commune_q1.unit, Period.parse("2024-Q3"), DAY,
                          pack.catalogue)
    assert "files_carried_over" not in later.figures  # quarter II is not known
