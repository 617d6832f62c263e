"""Data variants of the demo reports that a reviewer renders to find the sentences the demo
never shows: zeros, perfection, failure, one of one, huge numbers, falls, other periods, a
first report, a district with communes missing, a province over communes in draft, a
province with its departments, a department filled in and one left empty. Each variant is a
complete report with the previous period (when it has one) and the roll-up (when it is
one). The combined ones are made as `report new` makes them, from quarters that follow one
another (the files carried into each are those pending at the end of the one before): 6
months, 9 months and a year of a commune, and of a commune formed by a merger on 1 July 2025."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from drafter.combine.merger import MergedReport, combine
from drafter.combine.periods import Slot, combine_periods
from drafter.combine.rollup import Rollup, apply_rollup, roll_up
from drafter.datafile import load_report
from drafter.demo.sample import detailed_scores, varied_reports
from drafter.domain.indicators import ValueType
from drafter.domain.periods import Period
from drafter.domain.ranking import Ranked, rank_scores
from drafter.domain.report import Report, Status
from drafter.domain.tier_indicators import shown_to
from drafter.domain.units import Signer, Unit, parse_kind, unit_code
from drafter.narrative.blocks import Document
from drafter.narrative.ranking import render_ranking
from drafter.packs.load import builtin_pack
from drafter.records.reuse import from_periods
from drafter.resources import demo_dir

PACK = builtin_pack()
CATALOGUE = PACK.catalogue
COMMUNE_Q1 = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
COMMUNE_Q2 = load_report(demo_dir() / "xa-thanh-mai-2024-Q2.toml")
DISTRICT_Q1 = load_report(demo_dir() / "huyen-dong-son-2024-Q1.toml")
DISTRICT_Q2 = load_report(demo_dir() / "huyen-dong-son-2024-Q2.toml")
PROVINCE_Q1 = load_report(demo_dir() / "2026" / "tinh-thai-nguyen-2026-Q1.toml")
COMMUNE_2026 = load_report(demo_dir() / "2026" / "xa-bach-thong-2026-Q1.toml")
DEPARTMENT_Q1 = load_report(demo_dir() / "2026" / "so-tu-phap-2026-Q1.toml")


@dataclass(frozen=True)
class Scenario:
    name: str
    report: Report
    previous: Report | None = None
    rollup: Rollup | None = None


def _figures(report: Report, **figures: int | Decimal | bool | str) -> Report:
    return replace(report, figures={**report.figures, **figures})


def everything_entered(report: Report) -> Report:
    """``report`` with every figure its unit is asked for entered (1, Có, the first option):
    a sentence that needs a companion figure the demo leaves empty is then written."""
    figures = dict(report.figures)
    for key in shown_to(CATALOGUE, report.unit.tier):
        indicator = CATALOGUE[key]
        if key not in figures and not indicator.derived:
            figures[key] = {ValueType.BOOL: True,
                            ValueType.CHOICE: (indicator.options or ("",))[0]
                            }.get(indicator.type, 1)
    return replace(report, figures=figures)


def _counts(report: Report, value: Callable[[str, int], int]) -> Report:
    """Every entered count replaced by ``value(key, old)``."""
    figures: dict[str, int | Decimal | bool | str] = {}
    for key, old in report.figures.items():
        kind = CATALOGUE[key].type
        if kind is ValueType.COUNT and isinstance(old, int):
            figures[key] = value(key, old)
        else:
            figures[key] = old
    return replace(report, figures=figures)


def all_zero() -> Scenario:
    """Nothing happened: every count 0, no money, no score (the zeros that can be)."""
    report = _counts(COMMUNE_Q1, lambda _key, _old: 0)
    report = _figures(report, plan_tasks=32, procedures_total=114, civil_servants_quota=11,
                      civil_servants_present=11, staff_quota=21, staff_present=20,
                      budget_revenue_plan=0, budget_revenue=0, investment_plan=0,
                      investment_disbursed=0)
    figures = dict(report.figures)
    figures.pop("tthc_quality_score")
    return Scenario("all-zero", replace(report, figures=figures, documents=[]))


def all_perfect() -> Scenario:
    """Everything done on time, every target reached."""
    report = _figures(
        COMMUNE_Q1, plan_tasks_done=32, files_on_time=138, files_late=0,
        superior_tasks_on_time=6, legal_review_handled=1, pakn_received=3, pakn_resolved=3,
        staff_qualified=20, tthc_quality_score=Decimal("96.5"), files_online=120,
        files_in_person=19, budget_revenue=Decimal(2350), investment_disbursed=Decimal(4800),
        outgoing_docs_electronic=186, outgoing_docs_parallel=0, procedures_online_payment=12)
    return Scenario("all-perfect", report)


def heavy_delays() -> Scenario:
    """The review's delays case: late files, unresolved PAKN, a weak score, nothing spent."""
    report = _figures(
        COMMUNE_Q2, files_solved=138, files_on_time=100, files_late=38, files_pending=29,
        pakn_received=4,
        pakn_resolved=1, tthc_quality_score=Decimal("45.25"), investment_disbursed=0,
        plan_tasks_done=0, superior_tasks_on_time=2, superior_tasks_late=1,
        superior_tasks_overdue=3, legal_review_handled=0)
    # The official's own items end with their own punctuation; a finance document is cited.
    finance = replace(report.documents[0], section="finance", number="31",
                      subject="về việc ban hành Quy chế chi tiêu nội bộ năm 2024")
    report = replace(report, documents=[*report.documents, finance],
                     lists={**report.lists, "shortcomings": ["Hồ sơ đất đai còn tồn đọng.",
                                                             "Máy quét hỏng;"]},
                     shortcoming_causes={"files_on_time": ["land_verification"],
                                         "pakn": ["Do nội dung phức tạp."]})
    return Scenario("heavy-delays", report, COMMUNE_Q1)


def one_of_one() -> Scenario:
    """Every count is 1: 01/01 everywhere, one document issued."""
    report = _counts(COMMUNE_Q1, lambda _key, _old: 1)
    report = _figures(report, files_carried_over=0, files_in_person=0, files_pending=0,
                      files_late=0, dvc_partial_provided=0, dvc_partial_eligible=0,
                      dvc_partial_with_files=0, outgoing_docs_parallel=0,
                      procedures_between_levels=1, procedures_same_level=0,
                      superior_tasks_late=0, superior_tasks_overdue=0)
    return Scenario("one-of-one", replace(report, documents=report.documents[:1]))


def huge_numbers() -> Scenario:
    """1.234.000 files with one late: never "100%", never "toàn bộ"."""
    report = _figures(
        COMMUNE_Q1, files_received=1_234_003, files_online=1_000_000, files_in_person=234_000,
        files_carried_over=3, files_solved=1_234_000, files_on_time=1_233_999, files_late=1,
        files_pending=3, outgoing_docs=1_500_000, outgoing_docs_electronic=1,
        outgoing_docs_parallel=1_499_999, budget_revenue_plan=Decimal(987_654_321),
        budget_revenue=Decimal("123456789.5"))
    return Scenario("huge-numbers", report)


def fall() -> Scenario:
    """Quarter II falls against quarter I: online files from 43,88% to 22,6% (of the files
    received in each quarter)."""
    report = _figures(COMMUNE_Q2, files_received=180, files_online=40, files_in_person=137,
                      files_carried_over=3, files_solved=170, files_on_time=150, files_late=20,
                      files_pending=10)
    return Scenario("fall", report, COMMUNE_Q1)


def annual() -> Scenario:
    """The year 2024: the plan a third done, tasks for 2025."""
    report = replace(_figures(COMMUNE_Q2, plan_tasks_done=11), period=Period.parse("2024"),
                     lists={**COMMUNE_Q2.lists, "tasks": []})
    return Scenario("annual", report)


def first_report() -> Scenario:
    """Quarter II with no report before it: no comparison at all."""
    return Scenario("first-report", COMMUNE_Q2)


def six_months() -> Scenario:
    report = replace(COMMUNE_Q2, period=Period.parse("2024-H1"),
                     lists={**COMMUNE_Q2.lists, "tasks": []})
    return Scenario("six-months", report)


def exactly_100() -> Scenario:
    """Every rate's two counts equal."""
    report = COMMUNE_Q1
    for indicator in CATALOGUE:
        if indicator.type is ValueType.RATE and indicator.numerator in report.figures and \
                indicator.denominator in report.figures:
            whole = report.figures[indicator.denominator]
            if isinstance(whole, int) and whole:
                report = _figures(report, **{indicator.numerator: whole})
    report = _figures(report, files_late=0, outgoing_docs_electronic=186,
                      outgoing_docs_parallel=0, files_online=142, files_in_person=0,
                      files_carried_over=0, files_solved=142, files_on_time=142,
                      files_pending=0, budget_revenue=Decimal(2350),
                      investment_disbursed=Decimal(4800), pakn_received=2, pakn_resolved=2,
                      staff_qualified=20, staff_rated_good=20, civil_servants_placed=11)
    return Scenario("exactly-100", report)


def just_under_100() -> Scenario:
    """Every rate one short of its whole, with wholes so large two decimals round to 100."""
    report = _figures(
        COMMUNE_Q1, plan_tasks=40_000, plan_tasks_done=39_999, superior_tasks=30_000,
        superior_tasks_on_time=29_999, superior_tasks_late=0, superior_tasks_overdue=1,
        files_received=200_003, files_online=199_999, files_in_person=1, files_carried_over=3,
        files_solved=200_000, files_on_time=199_999, files_late=1, files_pending=3,
        legal_docs_reviewed=30_000, legal_review_to_handle=30_000,
        legal_review_handled=29_999, pakn_received=50_000,
        pakn_resolved=49_999, staff_quota=30_000, staff_present=30_000, staff_qualified=29_999,
        staff_rated_good=29_999, outgoing_docs=100_000, outgoing_docs_electronic=99_999,
        outgoing_docs_parallel=1, procedures_with_fees=30_000, procedures_online_payment=29_999,
        budget_revenue_plan=Decimal(3_000_000), budget_revenue=Decimal("2999999.9"),
        investment_plan=Decimal(3_000_000), investment_disbursed=Decimal("2999999.9"))
    return Scenario("just-under-100", report)


def _commune(code: str, name: str) -> Unit:
    return replace(COMMUNE_Q2.unit, code=code, name=name)


def district_missing_communes() -> Scenario:
    """Quarter II rolled up from 1 of 3 communes, quarter I from all: no comparison."""
    communes = [COMMUNE_Q2.unit, _commune("xa-dong-hoa", "Đông Hòa"),
                _commune("xa-dong-tien", "Đông Tiến")]
    reports = {COMMUNE_Q2.unit.code: replace(COMMUNE_Q2, status=Status.FINAL)}
    rollup = roll_up(CATALOGUE, DISTRICT_Q2.unit, DISTRICT_Q2.period, communes, reports)
    return Scenario("district-missing-communes", apply_rollup(DISTRICT_Q2, rollup),
                    DISTRICT_Q1, rollup)


def district_annual() -> Scenario:
    report = replace(DISTRICT_Q2, period=Period.parse("2024"), lists={**DISTRICT_Q2.lists,
                                                                      "tasks": []})
    return Scenario("district-annual", report)


def _next_quarter(before: Report, code: str, **figures: int | Decimal) -> Report:
    """The quarter after ``before``: its files carried in are those ``before`` left pending,
    its data window follows on, its documents and basis are its own (none here)."""
    period = Period.parse(code)
    start = before.data_to + dt.timedelta(days=1) if before.data_to else period.start
    end = period.end - dt.timedelta(days=16)
    report = replace(before, period=period, number=None, date=end + dt.timedelta(days=2),
                     data_from=start, data_to=end, documents=[], status=Status.DRAFT)
    return _figures(report, files_carried_over=before.figures["files_pending"], **figures)


def _files(received_new: int, online: int, solved: int, late: int, pending: int,
           carried: int) -> dict[str, int]:
    """File counts that add up, from what came in and what was solved."""
    received = carried + received_new
    assert received - solved == pending
    return {"files_received": received, "files_online": online,
            "files_in_person": received_new - online, "files_solved": solved,
            "files_on_time": solved - late, "files_late": late, "files_pending": pending}


COMMUNE_Q3 = _next_quarter(COMMUNE_Q2, "2024-Q3", **_files(154, 90, 150, 2, 8, 4),
                           plan_tasks_done=20, directive_docs=1, comms_radio=9, comms_web=6,
                           pakn_received=1, pakn_resolved=1, dvc_full_with_files=16,
                           dvc_partial_with_files=5, tthc_quality_score=Decimal("88.5"),
                           budget_revenue=Decimal(1850), investment_disbursed=Decimal(3600),
                           outgoing_docs=201, outgoing_docs_electronic=196,
                           outgoing_docs_parallel=5, legal_docs_checked=2, legal_docs_reviewed=2)
COMMUNE_Q4 = _next_quarter(COMMUNE_Q3, "2024-Q4", **_files(163, 101, 166, 0, 5, 8),
                           plan_tasks_done=30, directive_docs=2, comms_radio=11, comms_web=8,
                           pakn_received=2, pakn_resolved=2, dvc_full_with_files=18,
                           dvc_partial_with_files=6, tthc_quality_score=Decimal("90"),
                           budget_revenue=Decimal(2410), investment_disbursed=Decimal(4700),
                           outgoing_docs=215, outgoing_docs_electronic=212,
                           outgoing_docs_parallel=3, legal_docs_checked=1, legal_docs_reviewed=3)


def _made_of(period: str, *slots: Slot, unit: Unit | None = None) -> Report:
    """A longer period as `report new` makes it of ``slots``, dated as the last one is."""
    made = Period.parse(period)
    last = slots[-1].report
    assert last is not None
    report = from_periods(slots, unit or COMMUNE_Q1.unit, made, last.date, CATALOGUE)
    return replace(report, number="52", review=[])


def _own(*reports: Report) -> list[Slot]:
    return [Slot(report.period, report) for report in reports]


def six_months_combined() -> Scenario:
    """6 months from quarters I and II: files counted once, pending at the end of June, the
    procedures that had online files and the quality score left for the official."""
    return Scenario("six-months-combined", _made_of("2024-H1", *_own(COMMUNE_Q1, COMMUNE_Q2)))


def nine_months_combined() -> Scenario:
    """9 months from the 6-month report and quarter III."""
    half = _made_of("2024-H1", *_own(COMMUNE_Q1, COMMUNE_Q2))
    return Scenario("nine-months-combined", _made_of("2024-9M", *_own(half, COMMUNE_Q3)))


def annual_combined() -> Scenario:
    """The year from its four quarters; the tasks those quarters listed are this year's, so
    the pack's tasks for the next year are written instead."""
    year = _made_of("2024", *_own(COMMUNE_Q1, COMMUNE_Q2, COMMUNE_Q3, COMMUNE_Q4))
    return Scenario("annual-combined", replace(year, lists={**year.lists, "tasks": []}))


# A commune of tỉnh Thái Nguyên formed on 1 July 2025 from three, one of them of its own name;
# the old communes' figures are the 2024 demo commune's, its own the 2026 demo commune's.
MERGED_Q1 = load_report(demo_dir() / "2026" / "xa-bach-thong-2026-Q1.toml")
OLD_NAMES = (("xa-quan-ha", "Quân Hà"), ("xa-nguyen-phuc", "Nguyên Phúc"),
             ("xa-bach-thong-cu", "Bạch Thông"))
OLD_UNITS = [replace(COMMUNE_Q1.unit, code=code, name=name, superior="", parent="")
             for code, name in OLD_NAMES]
MERGED_UNIT = replace(MERGED_Q1.unit, predecessors=tuple(code for code, _ in OLD_NAMES),
                      formed=dt.date(2025, 7, 1), parent_kind="tỉnh", parent_name="Thái Nguyên",
                      predecessor_labels=tuple(f"xã {name}" for _, name in OLD_NAMES))


def _moved(report: Report, unit: Unit, code: str, scale: int = 1) -> Report:
    """``report`` as ``unit``'s of period ``code``, its file counts times ``scale``."""
    period = Period.parse(code)
    files = {key: value * scale for key, value in report.figures.items()
             if key.startswith("files_") and isinstance(value, int)}
    return _figures(replace(report, unit=unit, period=period, basis=[], documents=[],
                            number=None, status=Status.DRAFT, date=period.end,
                            data_from=period.start, data_to=period.end), **files)


def _old_half(scales: tuple[int, ...] = (1, 2, 3)) -> MergedReport:
    """The old communes' first half of 2025, each combined from its two quarters, summed."""
    halves = {}
    for unit, scale in zip(OLD_UNITS, scales, strict=False):
        quarters = [_moved(COMMUNE_Q1, unit, "2025-Q1", scale),
                    _moved(COMMUNE_Q2, unit, "2025-Q2", scale)]
        figures = combine_periods(CATALOGUE, _own(*quarters)).figures
        halves[unit.code] = replace(quarters[-1], period=Period.parse("2025-H1"),
                                    figures=figures, data_from=quarters[0].data_from)
    summed = combine(CATALOGUE, MERGED_UNIT, Period.parse("2025-H1"), OLD_UNITS, halves)
    assert summed is not None
    return summed


def _own_second_half() -> list[Report]:
    handed_over = _old_half().figures["files_pending"]
    assert isinstance(handed_over, int)
    q1 = MERGED_Q1.figures
    third = _moved(MERGED_Q1, MERGED_UNIT, "2025-Q3")
    third = _figures(third, files_carried_over=handed_over,
                     files_in_person=int(q1["files_received"]) - int(q1["files_online"])
                     - handed_over)
    fourth = _next_quarter(third, "2025-Q4", **_files(499, 330, 490, 5, 22, 13),
                           plan_tasks_done=15, directive_docs=1, staff_reduced=0,
                           superior_tasks=14,
                           superior_tasks_on_time=12, superior_tasks_late=1,
                           budget_revenue=Decimal(3620), investment_disbursed=Decimal(6140))
    return [third, replace(fourth, date=dt.date(2025, 12, 16))]


def _old_year_2024() -> MergedReport:
    """The old communes' 2024, two of the three reported: the comparison of 2025."""
    reports = {unit.code: _moved(replace(COMMUNE_Q2, period=Period.parse("2024")), unit, "2024",
                                 scale)
               for unit, scale in zip(OLD_UNITS[:2], (3, 4), strict=True)}
    summed = combine(CATALOGUE, MERGED_UNIT, Period.parse("2024"), OLD_UNITS, reports)
    assert summed is not None
    return summed


def merged_annual() -> Scenario:
    """2025 of a commune formed on 1 July: the old communes' first half, then its own; its
    plan and the tasks it received run from 1 July; compared with the old communes' 2024, one
    of which did not report it."""
    third, fourth = _own_second_half()
    slots = [Slot(Period.parse("2025-H1"), _old_half()),
             Slot(third.period, third, restart=True), Slot(fourth.period, fourth)]
    year = _made_of("2025", *slots, unit=MERGED_UNIT)
    return Scenario("merged-annual", replace(year, lists={**year.lists, "tasks": []}),
                    _old_year_2024())


def merged_nine_months() -> Scenario:
    """9 months of 2025 of the same commune: the old communes' first half and its quarter
    III, with no comparison stored."""
    third, _ = _own_second_half()
    slots = [Slot(Period.parse("2025-H1"), _old_half()), Slot(third.period, third, restart=True)]
    return Scenario("merged-nine-months", _made_of("2025-9M", *slots, unit=MERGED_UNIT))


def after_merger_annual() -> Scenario:
    """2026 of the same commune, compared with its 2025: the old communes' first half (one
    of them without a report) and its own second half."""
    third, fourth = _own_second_half()
    half = _old_half((1, 2))
    before = replace(half, missing=(OLD_UNITS[2],))
    parts = [Slot(Period.parse("2025-H1"), before), Slot(third.period, third, restart=True),
             Slot(fourth.period, fourth)]
    last_year = replace(before, period=Period.parse("2025"), since=dt.date(2025, 7, 1),
                        figures=combine_periods(CATALOGUE, parts).figures)
    quarters = [_moved(MERGED_Q1, MERGED_UNIT, "2026-Q1")]
    quarters[0] = _figures(quarters[0], files_carried_over=22, files_in_person=145)
    for code, files, done in (("2026-Q2", _files(520, 340, 510, 3, 23, 13), 15),
                              ("2026-Q3", _files(505, 345, 511, 2, 17, 23), 24),
                              ("2026-Q4", _files(498, 350, 505, 1, 10, 17), 33)):
        quarters.append(_next_quarter(quarters[-1], code, **files, plan_tasks_done=done,
                                      staff_reduced=0))
    # Dated early in December, as annual reports are asked for (and never after today).
    quarters[-1] = replace(quarters[-1], data_to=dt.date(2026, 12, 4), date=dt.date(2026, 12, 5))
    quarters = [replace(q, unit=MERGED_UNIT) for q in quarters]
    year = _made_of("2026", *_own(*quarters), unit=MERGED_UNIT)
    return Scenario("after-merger-annual", replace(year, lists={**year.lists, "tasks": []}),
                    last_year)


def _units(like: Unit, names: list[str], kind: str, level: str = "") -> list[Unit]:
    return [replace(like, code=unit_code(kind, name), kind=kind, name=name, level=level,
                    predecessors=(), formed=None) for name in names]


# Twelve communes of the province: by their place, the 4th, 8th and 11th still drafts, the
# 6th not sent; the first is the merged xã Bạch Thông, with its own report.
PROVINCE_COMMUNES = ["Bạch Thông", "Bản Máy", "Cao Minh", "Đồng Hỷ", "Kha Sơn", "La Hiên",
                     "Nam Hòa", "Phú Lương", "Quân Chu", "Tân Cương", "Vô Tranh", "Yên Bình"]
COMMUNE_DRAFTS, COMMUNE_MISSING = (3, 7, 10), (5,)
# Six departments: the Sở Tư pháp's own report, the Sở Y tế's still a draft, the Sở Xây
# dựng's not sent.
PROVINCE_DEPARTMENTS = [("sở", "Tư pháp"), ("sở", "Nội vụ"), ("sở", "Tài chính"),
                        ("sở", "Y tế"), ("sở", "Xây dựng"), ("văn phòng", "UBND tỉnh")]


def _province_rollup(drafts: bool, with_departments: bool) -> Rollup:
    communes = [COMMUNE_2026.unit,
                *_units(COMMUNE_2026.unit, PROVINCE_COMMUNES[1:], "xã")]
    blank = replace(COMMUNE_2026, basis=[], documents=[], notes={})
    reports = {COMMUNE_2026.unit.code: COMMUNE_2026}
    for index, report in enumerate(varied_reports(blank, communes[1:]), start=1):
        if index in COMMUNE_MISSING:
            continue
        status = Status.DRAFT if drafts and index in COMMUNE_DRAFTS else Status.FINAL
        reports[report.unit.code] = replace(report, status=status)
    assert PACK.ranking is not None
    index = detailed_scores(communes, PACK.ranking,
                            [Decimal(92_315 - 3_917 * i).scaleb(-3) for i in range(12)])
    rollup = roll_up(CATALOGUE, PROVINCE_Q1.unit, PROVINCE_Q1.period, communes, reports, index)
    if with_departments:
        units = [replace(DEPARTMENT_Q1.unit, code=f"{unit_code(kind, name)}-tinh-thai-nguyen",
                         kind=parse_kind(kind).word, name=name, symbol="")
                 for kind, name in PROVINCE_DEPARTMENTS]
        units[0] = DEPARTMENT_Q1.unit
        blank = replace(DEPARTMENT_Q1, basis=[], documents=[], notes={}, lists={})
        found = {DEPARTMENT_Q1.unit.code: DEPARTMENT_Q1}
        for index, report in enumerate(varied_reports(blank, units[1:], files=10), start=1):
            if index == 4:
                continue  # the Sở Xây dựng has not sent its report
            found[report.unit.code] = replace(
                report, status=Status.DRAFT if index == 3 else Status.FINAL)
        rollup.departments = roll_up(
            CATALOGUE, PROVINCE_Q1.unit, PROVINCE_Q1.period, units, found,
            detailed_scores(units, PACK.ranking, [Decimal(v) for v in
                                                  ("88.42", "85.37", "91.48", "78.91",
                                                   "86.10", "87.65")]))
    return rollup


def province_over_drafts() -> Scenario:
    """The province over its communes, three of them still in draft and one not sent: said
    in the opening, named; the communes named on each key rate and below each target."""
    rollup = _province_rollup(drafts=True, with_departments=False)
    return Scenario("province-over-drafts", apply_rollup(PROVINCE_Q1, rollup), None, rollup)


def province_with_departments() -> Scenario:
    """The province over its communes (all final) and its departments: the departments'
    part rolled up beside the communes', their index of the year before."""
    rollup = _province_rollup(drafts=False, with_departments=True)
    return Scenario("province-with-departments", apply_rollup(PROVINCE_Q1, rollup), None,
                    rollup)


def department() -> Scenario:
    """A department's report with every section filled: advising, phòng and viên chức,
    the province's service centre, appointments by the Chủ tịch UBND tỉnh."""
    return Scenario("department", DEPARTMENT_Q1)


def empty_department() -> Scenario:
    """A department's report with nothing entered: one honest sentence per section, no
    invented assessment, no empty heading."""
    report = replace(DEPARTMENT_Q1, figures={}, documents=[], notes={}, lists={},
                     status=Status.DRAFT)
    return Scenario("empty-department", report)


SCENARIOS: list[Callable[[], Scenario]] = [
    all_zero, all_perfect, heavy_delays, one_of_one, huge_numbers, fall, annual, first_report,
    district_missing_communes, exactly_100, just_under_100, six_months, district_annual,
    six_months_combined, nine_months_combined, annual_combined, merged_annual,
    merged_nine_months, after_merger_annual,
    province_over_drafts, province_with_departments, department, empty_department,
]


# The departments' ranking of 2025 beside that of 2024 (the ranking report's golden).
RANKING_PROVINCE = replace(DEPARTMENT_Q1.unit, code="tinh-thai-nguyen", kind="tỉnh",
                           level="province", name="Thái Nguyên", parent="", symbol="",
                           parent_kind="", parent_name="")
RANKING_UNITS = [replace(DEPARTMENT_Q1.unit, code=f"{unit_code(kind, name)}-tinh-thai-nguyen",
                         kind=parse_kind(kind).word, name=name, symbol="")
                 for kind, name in PROVINCE_DEPARTMENTS]
RANKING_TOTALS = {2025: ["88.42", "85.37", "91.48", "78.91", "86.10", "87.65"],
                  2024: ["85.48", "88.40", "90.15", "76.83", "84.20", "86.12"]}
RANKING_ISSUER = Unit("so-noi-vu-tinh-thai-nguyen", "Sở", "Nội vụ", "Thái Nguyên",
                      "Thái Nguyên", Signer("Đỗ Thị Lan", "Phó Giám đốc", True),
                      parent="tinh-thai-nguyen", level="department", parent_kind="tỉnh",
                      parent_name="Thái Nguyên", recipients=("UBND tỉnh (b/c)",))


def departments_ranking() -> Document:
    """The Sở Nội vụ's ranking of six departments for 2025, with their scores of 2024: each
    field, the survey's parts, the appraisal, the changes of rank."""
    rules = PACK.ranking
    assert rules is not None

    def ranked(year: int) -> list[Ranked]:
        totals = [Decimal(v) for v in RANKING_TOTALS[year]]
        return rank_scores(detailed_scores(RANKING_UNITS, rules, totals), rules)

    report = Report(unit=RANKING_ISSUER, period=Period.parse("2025"),
                    date=dt.date(2026, 2, 5), number="36",
                    recipients=["UBND tỉnh (b/c)", "Các sở, ban, ngành"], status=Status.FINAL)
    return render_ranking(report, ranked(2025), RANKING_PROVINCE, (), PACK,
                          previous=ranked(2024))
