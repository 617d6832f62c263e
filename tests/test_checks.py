"""Every check rule: one failing case and one passing case each, on the demo commune report."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

import pytest

from drafter.checks import Problem, Severity, check_report
from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.domain.report import Report
from drafter.packs.load import TemplatePack

TODAY = dt.date(2024, 12, 31)
REDUPLICATED = {"song"}  # words Vietnamese says twice on purpose ("song song": in parallel)


def _problems(report: Report, rule: str, previous: Report | None = None) -> list[Problem]:
    return [p for p in check_report(report, previous=previous, today=TODAY) if p.rule == rule]


def test_the_demo_reports_pass(commune_q1: Report) -> None:
    assert check_report(commune_q1, today=TODAY) == []


def test_part_above_its_whole_names_both_figures(commune_q1: Report) -> None:
    commune_q1.figures.update(files_solved=29, files_on_time=30, files_late=0)
    [problem] = _problems(commune_q1, "at_most")
    assert problem.severity is Severity.ERROR
    assert problem.message == (
        "Tổng số hồ sơ TTHC giải quyết đúng hạn và số hồ sơ TTHC giải quyết quá hạn (30) "
        "lớn hơn tổng số hồ sơ TTHC đã giải quyết xong (29)")
    commune_q1.figures.update(files_on_time=29)
    assert _problems(commune_q1, "at_most") == []


def test_single_part_above_its_whole(commune_q1: Report) -> None:
    commune_q1.figures.update(plan_tasks=32, plan_tasks_done=33)
    [problem] = _problems(commune_q1, "at_most_one")
    assert problem.message == ("Số nhiệm vụ đã hoàn thành (33) lớn hơn số nhiệm vụ đề ra "
                               "trong kế hoạch (32)")
    assert problem.field == "plan_tasks_done" and problem.stt == "1.2.2"
    commune_q1.figures.update(plan_tasks_done=32)
    assert _problems(commune_q1, "at_most_one") == []


def test_parts_must_equal_their_whole(commune_q1: Report) -> None:
    commune_q1.figures.update(files_received=29, files_online=7, files_in_person=7,
                              files_carried_over=0)
    problems = _problems(commune_q1, "equal")
    assert any("(29) khác tổng" in p.message and "(14)" in p.message for p in problems)
    commune_q1.figures.update(files_in_person=22, files_solved=25, files_pending=4,
                              files_on_time=25, files_late=0)
    assert _problems(commune_q1, "equal") == []


def test_rate_above_100_percent(commune_q1: Report) -> None:
    commune_q1.figures.update(dvc_full_eligible=60, dvc_full_provided=62)
    [problem] = _problems(commune_q1, "rate_range")
    assert "vượt quá 100%" in problem.message and "(62)" in problem.message
    commune_q1.figures.update(dvc_full_eligible=62)
    assert _problems(commune_q1, "rate_range") == []


def test_revenue_may_exceed_its_estimate(commune_q1: Report) -> None:
    commune_q1.figures.update(budget_revenue_plan=Decimal(1000), budget_revenue=Decimal(1200))
    assert _problems(commune_q1, "rate_range") == []


def test_stated_rate_must_match_the_counts_at_its_own_precision(commune_q1: Report) -> None:
    commune_q1.figures.update(files_received=29, files_online=7, files_in_person=22,
                              files_carried_over=0)
    commune_q1.stated = {"files_online_rate": Decimal("93.3")}
    [problem] = _problems(commune_q1, "stated_rate")
    assert problem.message == ("Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến được ghi là 93,3% "
                               "nhưng tính từ số liệu là 24,14% (7/29)")
    commune_q1.stated = {"files_online_rate": Decimal("24.1")}
    assert _problems(commune_q1, "stated_rate") == []


def test_stated_figure_must_match(commune_q1: Report) -> None:
    commune_q1.figures["staff_present"] = 20
    commune_q1.stated = {"staff_present": Decimal(21)}
    [problem] = _problems(commune_q1, "stated")
    assert "được ghi là 21 người, khác với số liệu đã nhập (20 người)" in problem.message
    commune_q1.stated = {"staff_present": Decimal(20)}
    assert _problems(commune_q1, "stated") == []


def test_required_figure(commune_q1: Report) -> None:
    del commune_q1.figures["files_received"]
    [problem] = _problems(commune_q1, "required")
    assert problem.message.startswith("Chưa nhập tổng số hồ sơ TTHC đã tiếp nhận")


def _previous(report: Report, period: str, **figures: int) -> Report:
    previous = Report(unit=report.unit, period=Period.parse(period), date=report.date,
                      figures=dict(report.figures))
    previous.figures.update(figures)
    return previous


def test_cumulative_never_falls_within_a_year(commune_q2: Report, commune_q1: Report) -> None:
    before = _previous(commune_q2, "2024-Q1", plan_tasks_done=40)
    [problem] = _problems(commune_q2, "cumulative", before)
    assert problem.severity is Severity.WARNING
    assert "thấp hơn quý trước (40)" in problem.message
    assert _problems(commune_q2, "cumulative", commune_q1) == []
    new_year = _previous(commune_q1, "2023-Q4", plan_tasks_done=40)
    assert _problems(commune_q1, "cumulative", new_year) == []


def test_files_carried_in_are_those_pending_at_the_end_of_the_last_quarter(
        commune_q2: Report, commune_q1: Report) -> None:
    """Issue 24: carried into quarter II ≠ pending at the end of quarter I passed."""
    assert _problems(commune_q2, "carried", commune_q1) == []  # 4 and 4
    commune_q2.figures.update(files_carried_over=9, files_in_person=74)
    [problem] = _problems(commune_q2, "carried", commune_q1)
    assert problem.severity is Severity.WARNING and problem.keys == ("files_carried_over",)
    assert problem.message == ("Số hồ sơ từ kỳ trước chuyển qua (9) khác số hồ sơ TTHC đang "
                               "giải quyết cuối quý trước (4): số chuyển sang kỳ này phải bằng "
                               "số còn lại cuối kỳ trước")
    # Only the period just before tells what this one starts with.
    assert _problems(commune_q2, "carried", _previous(commune_q2, "2023-Q2")) == []


def test_a_merged_communes_cumulative_figures_start_again(commune_q1: Report) -> None:
    merged = replace(commune_q1.unit, code="xa-moi", predecessors=("xa-thanh-mai",),
                     formed=dt.date(2024, 7, 1))
    third = replace(commune_q1, unit=merged, period=Period.parse("2024-Q3"))
    before = _previous(third, "2024-Q2", plan_tasks_done=40)  # the predecessors' sum
    assert _problems(third, "cumulative", before) == []
    fourth = replace(third, period=Period.parse("2024-Q4"))
    assert _problems(fourth, "cumulative", _previous(fourth, "2024-Q3", plan_tasks_done=40))


def test_a_figure_that_could_not_be_combined_is_asked_for(commune_q1: Report) -> None:
    half = replace(commune_q1, period=Period.parse("2024-H1"),
                   review=["dvc_full_with_files", "procedures_total"])
    half.figures.pop("dvc_full_with_files")
    [asked] = _problems(half, "review_asked")
    assert asked.message == ("Chưa nhập, không tính được từ số liệu các kỳ đã báo cáo, cần "
                             "nhập cho cả kỳ: Số TTHC đang cung cấp trực tuyến toàn trình có "
                             "phát sinh hồ sơ nộp trực tuyến")
    assert asked.keys == ("dvc_full_with_files",)
    [carried] = _problems(half, "review")
    assert carried.keys == ("procedures_total",)


def test_stock_jump_is_flagged(commune_q2: Report) -> None:
    before = _previous(commune_q2, "2024-Q1", procedures_total=11)
    [problem] = _problems(commune_q2, "stock_jump", before)
    assert "quý trước là 11" in problem.message
    same = _previous(commune_q2, "2024-Q1")
    assert _problems(commune_q2, "stock_jump", same) == []


def test_rate_drop_is_flagged(commune_q2: Report) -> None:
    commune_q2.figures.update(files_solved=100, files_on_time=60, files_late=40)
    before = _previous(commune_q2, "2024-Q1", files_solved=100, files_on_time=100, files_late=0)
    problems = _problems(commune_q2, "rate_drop", before)
    assert any("từ 100% (quý trước) xuống 60%" in p.message for p in problems)
    assert _problems(commune_q2, "rate_drop", _previous(commune_q2, "2024-Q1")) == []


def test_carried_items_wait_for_confirmation(commune_q1: Report) -> None:
    commune_q1.review = ["procedures_total", "strengths"]
    [problem] = _problems(commune_q1, "review")
    assert "Tổng số TTHC thuộc thẩm quyền giải quyết" in problem.message
    assert "Ưu điểm" in problem.message
    assert problem.severity is Severity.WARNING


def test_report_dates(commune_q1: Report) -> None:
    commune_q1.date = dt.date(2023, 12, 20)
    commune_q1.data_to = dt.date(2023, 12, 31)
    rules = {p.rule for p in check_report(commune_q1, today=TODAY)}
    assert {"report_date_early", "data_after_report"} <= rules
    commune_q1.date, commune_q1.data_to = dt.date(2024, 3, 14), dt.date(2024, 3, 14)
    assert _problems(commune_q1, "report_date_early") == []


def test_documents_not_in_the_future_nor_after_the_report(commune_q1: Report) -> None:
    late = DocRef("Kế hoạch", "30", dt.date(2024, 3, 20), "UBND xã Thanh Mai",
                  section="direction")
    future = DocRef("Kế hoạch", "31", dt.date(2025, 1, 5), "UBND xã Thanh Mai",
                    section="direction")
    commune_q1.documents += [late, future]
    assert len(_problems(commune_q1, "after_report")) == 1
    [problem] = _problems(commune_q1, "future_date")
    assert problem.message == ("Kế hoạch số 31/KH-UBND đề ngày 05/01/2025, sau ngày hôm nay "
                               "(31/12/2024)")


def test_issued_document_before_the_period_is_a_warning(commune_q1: Report) -> None:
    commune_q1.documents.append(DocRef("Kế hoạch", "90", dt.date(2023, 6, 1),
                                       section="direction"))
    [problem] = _problems(commune_q1, "outside_period")
    assert problem.severity is Severity.WARNING


def test_duplicate_document_numbers(commune_q1: Report) -> None:
    first = commune_q1.documents[0]
    commune_q1.documents.append(first)
    [problem] = _problems(commune_q1, "duplicate_document")
    assert first.full_number in problem.message


@pytest.mark.parametrize(("text", "rule"), [
    ("đến thời điểm 31/11/2022 là 306/460 hộ", "text_impossible_date"),
    ("ngày 30 tháng 02 năm 2024", "text_impossible_date"),
    ("Kế hoạch số …/KH-UBND", "text_blank"),
    ("đạt ...% kế hoạch", "text_blank"),
    ("ban hành ngày tháng năm 2024", "text_blank"),
    ("tiếp nhận 4,747 hồ sơ", "text_english_number"),
    ("đạt 99.81% kế hoạch", "text_english_number"),
    # Ratios typed with their percentage are recomputed (the references' own slips).
    ("đạt chuẩn 26/28 người, đạt 92,85%", "text_ratio"),
    ("11/26 xã có hồ sơ trực tuyến (42,30%)", "text_ratio"),
    ("Cao học 01/18 người, chiếm 55,6%", "text_ratio"),
    ("hoàn thành 29/28 nhiệm vụ, đạt 103,57%", "text_ratio_range"),
])
def test_text_mistakes_are_caught(commune_q1: Report, text: str, rule: str) -> None:
    commune_q1.notes["direction"] = [text]
    assert [p.rule for p in check_report(commune_q1, today=TODAY)] == [rule]


@pytest.mark.parametrize("text", [
    "ngày 28/02/2024 và ngày 29/02/2024", "cán bộ, công chức, viên chức..., phối hợp",
    "tiếp nhận 4.747 hồ sơ, đạt 99,81%", "theo mục 2.1 của Kế hoạch",
    "Nghị định số 30/2020/NĐ-CP", "đạt chuẩn 26/28 người, đạt 92,86%",
    "11/26 xã (42,3%); 7/29 hồ sơ, đạt 24%", "Quyết định số 1414/QĐ-UBND ngày 04/8/2023",
])
def test_correct_text_passes(commune_q1: Report, text: str) -> None:
    commune_q1.notes["direction"] = [text]
    assert check_report(commune_q1, today=TODAY) == []


def test_pack_rules_are_cross_checked(pack: TemplatePack) -> None:
    from drafter.domain.check_rules import build_rules
    from drafter.errors import PackError

    with pytest.raises(PackError, match="chỉ tiêu không có trong danh mục: files_recieved"):
        build_rules({"equal": [{"whole": "files_recieved", "parts": ["files_online"]}]},
                    pack.catalogue)
    with pytest.raises(PackError, match="mục không có: khong_co"):
        build_rules({"required": {"khong_co": ["files_received"]}}, pack.catalogue)
    rules = build_rules({"messages": {"required": "Thiếu {label} {oops}"}}, pack.catalogue)
    with pytest.raises(PackError, match=r"dùng \{oops\} không có"):
        rules.message("required", label="x")


@pytest.mark.parametrize("key", ["plan_tasks", "procedures_total", "staff_quota",
                                 "civil_servants_quota", "tthc_quality_score"])
def test_impossible_zeros_are_errors(commune_q1: Report, key: str) -> None:
    commune_q1.figures[key] = 0
    found = _problems(commune_q1, "not_zero")
    assert [p.field for p in found] == [key] and found[0].is_error
    assert "bằng 0 là không thể có" in found[0].message


def test_documents_beyond_their_count(commune_q1: Report) -> None:
    commune_q1.figures["directive_docs"] = 1
    [problem] = _problems(commune_q1, "documents_counted")
    assert problem.message == ("Mục I.1 Công tác chỉ đạo, điều hành kê 2 văn bản nhưng số văn "
                               "bản chỉ đạo CCHC đã ban hành chỉ là 1")


def test_a_figure_shown_nowhere_is_reported(commune_q1: Report) -> None:
    """A district-only figure in a commune report: no appendix row, no sentence."""
    commune_q1.figures["departments"] = 11
    [problem] = _problems(commune_q1, "not_shown")
    assert problem.field == "departments" and not problem.is_error
    commune_q1.figures["survey_method"] = "Kết hợp"
    [method] = _problems(commune_q1, "shown_only_with")
    assert method.message.startswith("Hình thức khảo sát đã nhập nhưng số lượng phiếu")


def test_causes_need_a_shortcoming_the_figures_show(commune_q1: Report) -> None:
    commune_q1.shortcoming_causes = {"files_on_time": ["land_verification"],
                                     "pakn": ["Không rõ"]}
    [problem] = _problems(commune_q1, "cause_without_shortcoming")
    assert '"pakn"' in problem.message


def test_an_annual_report_plans_the_next_year(commune_q1: Report) -> None:
    annual = commune_q1.__class__(**{**commune_q1.__dict__, "period": Period.parse("2024")})
    [problem] = _problems(annual, "task_for_past_year")
    assert problem.message == ('Nhiệm vụ 1 nhắc "năm 2024" nhưng báo cáo năm 2024 nêu nhiệm vụ '
                               "cho năm 2025")
    assert _problems(commune_q1, "task_for_past_year") == []


def test_outgoing_documents_are_two_parts_of_one_whole(commune_q1: Report) -> None:
    """Wholly electronic and electronic-with-paper never overlap (the review's 1.784 + 702)."""
    commune_q1.figures.update(outgoing_docs=1784, outgoing_docs_electronic=1784,
                              outgoing_docs_parallel=702)
    [problem] = [p for p in _problems(commune_q1, "equal") if p.field == "outgoing_docs"]
    assert problem.is_error and "(1.784) khác tổng" in problem.message


def test_assessment_rules_are_cross_checked(pack: TemplatePack) -> None:
    from drafter.domain.assessment_rules import build_assessment_rules
    from drafter.errors import PackError

    rule = {"id": "x", "rate": "files_on_time_rate", "shortcoming_below": 100,
            "shortcoming": "còn {remaining}"}
    with pytest.raises(PackError, match="id trùng: x"):
        build_assessment_rules({"rule": [rule, rule]}, pack.catalogue)
    with pytest.raises(PackError, match="khóa không có: threshold"):
        build_assessment_rules({"rule": [{**rule, "threshold": 1}]}, pack.catalogue)
    with pytest.raises(PackError, match="kỳ không có: Q5"):
        build_assessment_rules({"rule": [{**rule, "shortcoming_below": {"Q5": 1}}]},
                               pack.catalogue)
    with pytest.raises(PackError, match="không phải là tỷ lệ"):
        build_assessment_rules({"rule": [{**rule, "rate": "files_late"}]}, pack.catalogue)
    rules = build_assessment_rules(
        {"rule": [{**rule, "shortcoming_below": {"default": 10, "Y": 100}}]}, pack.catalogue)
    threshold = rules.rules[0].shortcoming_below
    assert threshold.at(Period.parse("2024")) == 100
    assert threshold.at(Period.parse("2024-Q1")) == 10


def test_no_sum_message_says_a_word_twice(commune_q1: Report, pack: TemplatePack) -> None:
    """Every parts-and-whole rule of the pack, broken, reads without a doubled word: a total's
    own label ("Tổng số hồ sơ …") named as a part once gave "khác tổng tổng số hồ sơ …"."""
    rules = pack.checks.parts
    assert rules
    for rule in rules:
        report = replace(commune_q1, figures=dict(commune_q1.figures))
        report.figures.update({part: 5 for part in rule.parts})
        report.figures[rule.whole] = 1
        broken = [p for p in check_report(report, today=TODAY)
                  if p.rule in ("equal", "at_most", "at_most_one") and rule.whole in p.keys]
        assert broken, rule
        for problem in broken:
            words = problem.message.lower().split()
            doubled = [a for a, b in pairwise(words) if a == b and a not in REDUPLICATED]
            assert not doubled, problem.message


def test_a_longer_report_never_falls_below_an_earlier_one_of_its_year(
        commune_q2: Report) -> None:
    nine = replace(commune_q2, period=Period.parse("2024-9M"))
    half = _previous(nine, "2024-H1", plan_tasks_done=20)
    last_year = _previous(nine, "2023-9M", plan_tasks_done=30)
    problems = [p for p in check_report(nine, previous=last_year, today=TODAY, earlier=half)
                if p.rule == "cumulative"]
    assert [p.message for p in problems] == [
        "Số nhiệm vụ đã hoàn thành (11) thấp hơn 6 tháng đầu năm 2024 (20) dù là số lũy kế "
        "trong năm"]
