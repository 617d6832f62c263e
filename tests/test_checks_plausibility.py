"""Checks for nonsense (issue 16, defect 11): one failing and one passing case each, on the
demo commune report, with the Vietnamese message that names the field and the rule."""

import dataclasses
import datetime as dt
from decimal import Decimal

from drafter.checks import Problem, Severity, check_report
from drafter.domain.report import Report
from drafter.packs.load import builtin_pack

TODAY = dt.date(2026, 11, 23)


def _problems(report: Report, rule: str) -> list[Problem]:
    return [p for p in check_report(report, today=TODAY) if p.rule == rule]


def test_a_rate_that_may_exceed_100_percent_still_has_a_ceiling(commune_q1: Report) -> None:
    commune_q1.figures.update(investment_plan=Decimal(1250),
                              investment_disbursed=Decimal(99_999_999_999))
    [problem] = _problems(commune_q1, "rate_implausible")
    assert problem.severity is Severity.ERROR
    assert problem.message == (
        "Tỷ lệ thực hiện kế hoạch giải ngân vốn đầu tư công là 7.999.999.999,92%, quá mức "
        "1.000%: vốn đầu tư công đã giải ngân (99.999.999.999) so với kế hoạch vốn đầu tư "
        "công được giao (1.250) — kiểm tra lại số đã nhập")
    assert problem.field == "investment_disbursed"
    # Revenue three times its estimate happens (a land sale): not nonsense.
    commune_q1.figures.update(investment_disbursed=Decimal(3750))
    assert _problems(commune_q1, "rate_implausible") == []


def test_the_ceiling_is_the_packs(commune_q1: Report) -> None:
    pack = builtin_pack()
    rules = dataclasses.replace(pack.checks, rate_ceiling=Decimal(200))
    strict = dataclasses.replace(pack, checks=rules)
    commune_q1.figures.update(budget_revenue_plan=Decimal(100), budget_revenue=Decimal(250))
    found = [p.rule for p in check_report(commune_q1, strict, today=TODAY)]
    assert "rate_implausible" in found
    assert "rate_implausible" not in [p.rule for p in check_report(commune_q1, today=TODAY)]


def test_a_report_dated_long_after_its_period(commune_q1: Report) -> None:
    commune_q1.date = dt.date(2026, 11, 23)  # the day it was created, for a 2024 quarter
    [problem] = _problems(commune_q1, "report_date_late")
    assert problem.severity is Severity.WARNING and problem.field == "date"
    assert problem.message == ("Ngày báo cáo (23/11/2026) sau ngày kết thúc quý I năm 2024 "
                               "(31/3/2024) tới 967 ngày: kiểm tra lại ngày báo cáo")
    commune_q1.date = dt.date(2024, 4, 10)
    assert _problems(commune_q1, "report_date_late") == []


def test_a_document_without_its_subject(commune_q1: Report) -> None:
    commune_q1.documents[0] = dataclasses.replace(commune_q1.documents[0], subject=" ")
    [problem] = _problems(commune_q1, "document_no_subject")
    assert problem.severity is Severity.WARNING and problem.field == "documents"
    assert problem.message == ('Kế hoạch số 05/KH-UBND ngày 10/01/2024 chưa có trích yếu '
                               '(nội dung văn bản "về …")')
    commune_q1.basis[0] = dataclasses.replace(commune_q1.basis[0], subject="")
    assert [p.field for p in _problems(commune_q1, "document_no_subject")] == [
        "basis", "documents"]


def test_a_document_dated_a_year_before_the_period_is_flagged(commune_q1: Report) -> None:
    """Already a check (outside_period); the TUI now shows it in the documents pane."""
    commune_q1.documents[0] = dataclasses.replace(commune_q1.documents[0],
                                                  date=dt.date(2023, 3, 15))
    [problem] = _problems(commune_q1, "outside_period")
    assert problem.message.startswith("Kế hoạch số 05/KH-UBND đề ngày 15/3/2023, trước kỳ")
