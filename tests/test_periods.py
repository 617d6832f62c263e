"""Combining periods (drafter.combine.periods): each over_time rule, the parts a period is made
of, what the catalogue may declare — and the held-out property: a commune with consistent
daily flows for a year, reported by quarter, 6 months, 9 months and year entered directly,
whose every combined report equals the one entered directly for every indicator that
combines, every other one marked; the same with a merger on 1 July."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.combine.merger import combine
from drafter.combine.periods import Slot, combine_periods, parts_of
from drafter.domain.catalogue import Catalogue, build_catalogue
from drafter.domain.figures import Figures
from drafter.domain.indicators import OverTime
from drafter.domain.periods import Period
from drafter.domain.report import Report, Value
from drafter.domain.units import Signer, Unit
from drafter.errors import PackError
from drafter.packs.load import TemplatePack, builtin_pack

CATALOGUE = builtin_pack().catalogue
UNIT = Unit("xa-bach-thong", "xã", "Bạch Thông", "Thái Nguyên", "Bạch Thông",
            Signer("Hoàng Văn Nam"))
YEAR = 2025


def _report(period: str, unit: Unit = UNIT, **figures: Value) -> Report:
    return Report(unit=unit, period=Period.parse(period), date=dt.date(YEAR, 12, 20),
                  figures=dict(figures))


def _slots(*reports: Report | None, codes: str = "2025-Q1 2025-Q2 2025-Q3 2025-Q4") -> list[Slot]:
    return [Slot(Period.parse(code), report)
            for code, report in zip(codes.split(), reports, strict=False)]


# Each rule on its own.

def test_a_flow_is_summed_less_what_later_quarters_carried_in() -> None:
    q1 = _report("2025-Q1", files_received=468, files_carried_over=8, files_pending=13)
    q2 = _report("2025-Q2", files_received=512, files_carried_over=13, files_pending=22)
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    # The demo's 6 months: 980 before (the 13 pending at the end of quarter I counted twice),
    # 21 carried over (8 + 13), 35 pending (13 + 22).
    assert combined.figures == {"files_received": 967, "files_carried_over": 8,
                                "files_pending": 22}
    assert combined.review == []


def test_a_distinct_count_and_a_score_are_asked_not_added() -> None:
    q1 = _report("2025-Q1", dvc_full_with_files=64, dvc_partial_with_files=21,
                 tthc_quality_score=Decimal("86.25"))
    q2 = _report("2025-Q2", dvc_full_with_files=57, dvc_partial_with_files=12,
                 tthc_quality_score=Decimal("90"))
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    assert combined.figures == {}
    assert combined.asked == combined.review == ["tthc_quality_score", "dvc_partial_with_files",
                                                 "dvc_full_with_files"]


def test_a_stock_and_a_cumulative_figure_are_the_last_quarters() -> None:
    q1 = _report("2025-Q1", procedures_total=276, plan_tasks_done=4)
    q2 = _report("2025-Q2", procedures_total=280, plan_tasks_done=15)
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    assert combined.figures == {"procedures_total": 280, "plan_tasks_done": 15}
    assert combined.review == []


def test_a_cumulative_figure_that_falls_is_marked() -> None:
    q1 = _report("2025-Q1", plan_tasks_done=4)
    q2 = _report("2025-Q2", plan_tasks_done=2)
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    assert combined.figures == {"plan_tasks_done": 2} and combined.review == ["plan_tasks_done"]


def test_yes_when_any_quarter_says_yes_and_a_choice_when_all_agree() -> None:
    q1 = _report("2025-Q1", dialogue_held=False, survey_method="Kết hợp")
    q2 = _report("2025-Q2", dialogue_held=True, survey_method="Kết hợp")
    assert combine_periods(CATALOGUE, _slots(q1, q2)).figures == {
        "dialogue_held": True, "survey_method": "Kết hợp"}
    q2 = _report("2025-Q2", dialogue_held=False, survey_method="Trực tuyến")
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    assert combined.figures == {"dialogue_held": False}
    assert combined.asked == ["survey_method"]


def test_a_missing_quarter_marks_what_it_would_have_changed() -> None:
    q1 = _report("2025-Q1", files_received=100, files_carried_over=5, files_pending=10,
                 procedures_total=276, dialogue_held=False)
    combined = combine_periods(CATALOGUE, _slots(q1, None, None))
    assert combined.figures["files_received"] == 100
    assert combined.figures["files_carried_over"] == 5  # the first quarter is there
    assert combined.figures["procedures_total"] == 276  # the latest there is, marked
    assert set(combined.review) == {"files_received", "files_pending", "procedures_total",
                                    "dialogue_held"}
    assert combined.asked == ["dialogue_held"]  # no yes anywhere, and quarters unknown


def test_a_figure_left_out_of_one_quarter_is_marked() -> None:
    q1 = _report("2025-Q1", directive_docs=2, legal_docs_checked=4)
    q2 = _report("2025-Q2", directive_docs=1)
    combined = combine_periods(CATALOGUE, _slots(q1, q2))
    assert combined.figures == {"directive_docs": 3, "legal_docs_checked": 4}
    assert combined.review == ["legal_docs_checked"]


def test_a_rate_given_without_its_counts_is_asked() -> None:
    q1 = replace(_report("2025-Q1"), rates={"e_docs_rate": Decimal("90.4")})
    combined = combine_periods(CATALOGUE, _slots(q1, _report("2025-Q2")))
    assert combined.asked == combined.review == ["e_docs_rate"]


def test_a_merged_units_stocks_and_cumulative_figures_start_again_with_its_own() -> None:
    before = _report("2025-H1", procedures_total=342, plan_tasks_done=33, files_pending=12,
                     files_received=915, files_carried_over=9)
    q3 = _report("2025-Q3", procedures_total=276, plan_tasks_done=4, files_pending=13,
                 files_received=468, files_carried_over=12)
    slots = [Slot(Period.parse("2025-H1"), before), Slot(Period.parse("2025-Q3"), q3,
                                                        restart=True),
             Slot(Period.parse("2025-Q4"), None)]
    combined = combine_periods(CATALOGUE, slots)
    # Quarter IV is missing: its figures are marked, and never taken from the predecessors.
    assert combined.figures["plan_tasks_done"] == 4 and combined.figures["procedures_total"] == 276
    assert combined.figures["files_received"] == 915 + 468 - 12
    assert "plan_tasks_done" in combined.review
    q4 = _report("2025-Q4", procedures_total=276, plan_tasks_done=15, files_pending=22,
                 files_received=512, files_carried_over=13)
    slots[2] = Slot(Period.parse("2025-Q4"), q4)
    combined = combine_periods(CATALOGUE, slots)
    assert combined.review == []  # 33 → 4 is a new unit starting, not a fall
    assert combined.figures == {"procedures_total": 276, "plan_tasks_done": 15,
                                "files_pending": 22, "files_received": 915 + 456 + 499,
                                "files_carried_over": 9}


def test_an_incomplete_sum_of_predecessors_marks_what_it_gives() -> None:
    before = _report("2025-H1", files_received=600, procedures_total=300)
    q3 = _report("2025-Q3", files_received=300, files_carried_over=0, procedures_total=276)
    combined = combine_periods(CATALOGUE, [Slot(Period.parse("2025-H1"), before,
                                                complete=False),
                                           Slot(Period.parse("2025-Q3"), q3, restart=True)])
    assert combined.figures["files_received"] == 900 and "files_received" in combined.review
    assert "procedures_total" not in combined.review  # the unit's own


@pytest.mark.parametrize(("period", "stored", "before", "parts"), [
    ("2025-H1", [], None, ["2025-Q1", "2025-Q2"]),
    ("2025-9M", ["2025-H1"], None, ["2025-H1", "2025-Q3"]),
    ("2025", ["2025-H1"], None, ["2025-H1", "2025-Q3", "2025-Q4"]),
    ("2025", ["2025-H1", "2025-9M"], None, ["2025-9M", "2025-Q4"]),
    ("2025", [], None, ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]),
    ("2025-H1", ["2025-H1"], dt.date(2025, 7, 1), ["2025-Q1", "2025-Q2"]),
    ("2025", ["2025-9M"], dt.date(2025, 7, 1), ["2025-Q1", "2025-Q2"]),
    ("2025-9M", ["2025-H1"], dt.date(2025, 8, 15), ["2025-H1", "2025-Q3"]),
])
def test_the_parts_of_a_period(period: str, stored: list[str], before: dt.date | None,
                               parts: list[str]) -> None:
    found = {Period.parse(code) for code in stored}
    assert [p.code for p in parts_of(Period.parse(period), found.__contains__, before)] == parts


# What the catalogue may declare.

def _catalogue(*indicators: dict[str, object]) -> Catalogue:
    appendix = {"commune": {"label": "I", "title": "t", "rows": []},
                "district": {"label": "II", "title": "t", "rows": []}}
    return build_catalogue({"section": [{"id": "s", "title": "S",
                                         "indicators": list(indicators)}]}, appendix)


def _indicator(key: str, **more: object) -> dict[str, object]:
    return {"key": key, "label": key, "unit": "Hồ sơ", **more}


@pytest.mark.parametrize(("declared", "problem"), [
    ({"over_time": "often"}, "over_time phải là một trong: sum, first, last"),
    ({"over_time": "sum", "type": "score"}, "không cộng được"),
    ({"over_time": "any"}, "chỉ dùng cho kiểu bool"),
    ({"over_time": "last", "type": "rate", "numerator": "a", "denominator": "a"},
     "luôn là derived"),
    ({"carried_in": "a"}, "carried_in phải là chỉ tiêu có over_time = \"first\""),
    ({"carried_from": "a"}, "carried_from chỉ dùng với over_time = \"first\""),
    ({"carried_in": "nothing"}, "tham chiếu chỉ tiêu không có: nothing"),
])
def test_the_catalogue_refuses_a_rule_that_cannot_hold(declared: dict[str, object],
                                                       problem: str) -> None:
    with pytest.raises(PackError, match=problem):
        _catalogue(_indicator("a"), _indicator("b", **declared))


def test_without_a_declaration_the_kind_decides() -> None:
    catalogue = _catalogue(_indicator("flow"), _indicator("stock", kind="stock"),
                           _indicator("so_far", kind="cumulative"),
                           _indicator("held", type="bool"), _indicator("score", type="score"))
    rules = {indicator.key: indicator.over_time for indicator in catalogue}
    assert rules == {"flow": OverTime.SUM, "stock": OverTime.LAST, "so_far": OverTime.LAST,
                     "held": OverTime.ASK, "score": OverTime.ASK}


def test_the_built_in_pack_declares_the_figures_that_do_not_sum(pack: TemplatePack) -> None:
    catalogue = pack.catalogue
    assert catalogue["files_carried_over"].over_time is OverTime.FIRST
    assert catalogue["files_carried_over"].carried_from == "files_pending"
    assert catalogue["files_pending"].over_time is OverTime.LAST
    assert catalogue["files_received"].carried_in == "files_carried_over"
    asked = {i.key for i in catalogue if i.over_time is OverTime.ASK}
    assert asked == {"dvc_full_with_files", "dvc_partial_with_files", "tthc_quality_score"}
    # Over units the same files are summed (the roll-up is a separate declaration).
    assert catalogue["commune_files_pending"].rollup == "sum"


# The held-out property: a year of daily flows, reported directly and combined.

QUARTER_ENDS = [dt.date(YEAR, 3, 31), dt.date(YEAR, 6, 30), dt.date(YEAR, 9, 30),
                dt.date(YEAR, 12, 31)]
# Every rule the property exercises, with the keys a generated report enters.
FLOWS = ("files_online", "files_in_person", "files_solved", "files_on_time", "files_late",
         "directive_docs", "outgoing_docs", "outgoing_docs_electronic", "outgoing_docs_parallel",
         "pakn_received", "pakn_resolved")
STOCKS = ("procedures_total", "dvc_full_provided", "plan_tasks", "staff_present")
CUMULATIVE = ("plan_tasks_done", "superior_tasks", "investment_disbursed")
PROCEDURES = 40  # the procedures files may be filed under (distinct counts come from them)


@dataclass
class Territory:
    """One commune's days: what each day received and solved, its levels, its counters."""

    pending: int  # files pending on the morning of 1 January
    days: dict[dt.date, dict[str, int]] = field(default_factory=dict)
    online_procedures: dict[dt.date, set[int]] = field(default_factory=dict)
    levels: dict[dt.date, dict[str, int]] = field(default_factory=dict)
    dialogues: set[dt.date] = field(default_factory=set)


def _simulate(seed: int, pending: int, busy: int, first: dt.date, last: dt.date) -> Territory:
    """Consistent daily flows from ``first`` to ``last``: files received online and in person,
    files solved (on time or late) out of those waiting, documents, feedback; stocks that
    change now and then; counters that only grow."""
    rng = random.Random(seed)
    territory = Territory(pending)
    waiting = pending
    level = {"procedures_total": rng.randint(100, 300), "dvc_full_provided": rng.randint(10, 90),
             "plan_tasks": rng.randint(10, 40), "staff_present": rng.randint(10, 40)}
    counters = dict.fromkeys(CUMULATIVE, 0)
    day = first
    while day <= last:
        online, in_person = rng.randint(0, busy), rng.randint(0, busy)
        waiting += online + in_person
        solved = rng.randint(0, waiting)
        late = rng.randint(0, solved) if rng.random() < 0.2 else 0
        waiting -= solved
        outgoing = rng.randint(0, 5)
        parallel = rng.randint(0, outgoing)
        feedback = rng.randint(0, 1)
        territory.days[day] = {
            "files_online": online, "files_in_person": in_person, "files_solved": solved,
            "files_on_time": solved - late, "files_late": late, "files_pending": waiting,
            "directive_docs": rng.randint(0, 1) if rng.random() < 0.05 else 0,
            "outgoing_docs": outgoing, "outgoing_docs_electronic": outgoing - parallel,
            "outgoing_docs_parallel": parallel, "pakn_received": feedback,
            "pakn_resolved": feedback}
        territory.online_procedures[day] = {rng.randrange(PROCEDURES) for _ in range(online)}
        if rng.random() < 0.02:
            level["procedures_total"] += rng.randint(-3, 3)
        counters["plan_tasks_done"] += rng.random() < 0.1
        counters["superior_tasks"] += rng.random() < 0.05
        counters["investment_disbursed"] += rng.randint(0, 50)
        territory.levels[day] = {**level, **counters}
        if rng.random() < 0.01:
            territory.dialogues.add(day)
        day += dt.timedelta(days=1)
    return territory


def _entered(unit: Unit, period: Period, territories: list[Territory], start: dt.date,
             levels: Territory | None = None, counters: Territory | None = None) -> Report:
    """The report an official enters directly for ``period`` from her register of
    ``territories`` (summed); its levels from ``levels`` (default: the last territory) and
    its counters from ``counters`` (default: the same)."""
    first, last = max(period.start, start), period.end
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    figures: dict[str, Value] = dict.fromkeys(FLOWS, 0)
    procedures: set[int] = set()
    for territory in territories:
        for day in days:
            if day in territory.days:
                for key in FLOWS:
                    figures[key] = int(figures[key]) + territory.days[day][key]
                procedures |= territory.online_procedures[day]
    before = period.start - dt.timedelta(days=1)
    carried = sum(t.days[before]["files_pending"] if before in t.days else t.pending
                  for t in territories if period.start in t.days or before in t.days)
    pending = sum(t.days[last]["files_pending"] for t in territories if last in t.days)
    received = carried + int(figures["files_online"]) + int(figures["files_in_person"])
    figures.update(files_carried_over=carried, files_received=received, files_pending=pending,
                   dvc_full_with_files=len(procedures),
                   tthc_quality_score=Decimal(80) + Decimal(len(days) % 17))
    own = levels or territories[-1]
    figures.update({key: own.levels[last][key] for key in STOCKS})
    counted = counters or own
    figures.update({key: counted.levels[last][key] for key in CUMULATIVE})
    figures["investment_disbursed"] = Decimal(int(figures["investment_disbursed"]))
    figures["dialogue_held"] = any(first <= d <= last for t in territories for d in t.dialogues)
    return Report(unit=unit, period=period, date=last, figures=figures,
                  data_from=period.start, data_to=last)


def _assert_same(combined: dict[str, Value], review: list[str], direct: Report,
                 may_ask: set[str]) -> None:
    """Every indicator that combines equals the direct one (and is not marked); every other
    is marked; rates derived from the combined counts equal the direct rates."""
    asked = {i.key for i in CATALOGUE if i.over_time is OverTime.ASK}
    for key, value in direct.figures.items():
        if key in asked:
            assert key not in combined and key in review, key
        elif key in may_ask and key in review:
            continue
        else:
            assert combined.get(key) == value, (key, combined.get(key), value)
            assert key not in review, key
    mine, theirs = Figures(CATALOGUE, combined), Figures(CATALOGUE, direct.figures)
    for indicator in CATALOGUE:
        if indicator.over_time is OverTime.DERIVED and indicator.type.value == "rate":
            assert mine.rate(indicator.key) == theirs.rate(indicator.key), indicator.key


COVERS = {
    "2025-H1": [["2025-Q1", "2025-Q2"]],
    "2025-9M": [["2025-Q1", "2025-Q2", "2025-Q3"], ["2025-H1", "2025-Q3"]],
    "2025": [["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], ["2025-H1", "2025-Q3", "2025-Q4"],
             ["2025-9M", "2025-Q4"]],
}
COMMUNE = st.tuples(st.integers(0, 2**32), st.integers(0, 30), st.integers(0, 12))


@settings(max_examples=25, deadline=None)
@given(COMMUNE)
def test_every_combined_report_equals_the_one_entered_directly(commune: tuple[int, int, int],
                                                               ) -> None:
    seed, pending, busy = commune
    territory = _simulate(seed, pending, busy, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))

    def entered(code: str) -> Report:
        return _entered(UNIT, Period.parse(code), [territory], dt.date(YEAR, 1, 1))

    for target, covers in COVERS.items():
        direct = entered(target)
        for cover in covers:
            combined = combine_periods(CATALOGUE, [Slot(Period.parse(code), entered(code))
                                                   for code in cover])
            _assert_same(combined.figures, combined.review, direct, set())


PREDECESSORS = [replace(UNIT, code=f"xa-cu-{n}", name=f"Cũ {n}") for n in range(3)]
MERGED = replace(UNIT, predecessors=tuple(u.code for u in PREDECESSORS),
                 formed=dt.date(YEAR, 7, 1))
# What the predecessors' part cannot give over units: a yes/no is not summed over communes.
NOT_OVER_UNITS = {"dialogue_held"}


@settings(max_examples=15, deadline=None)
@given(st.lists(COMMUNE, min_size=3, max_size=3), COMMUNE)
def test_a_year_split_by_a_merger_equals_the_one_entered_directly(
        old: list[tuple[int, int, int]], new: tuple[int, int, int]) -> None:
    """Three communes until 30 June, the commune they formed from 1 July: its files pending
    on 30 June are the old communes' pending then; its levels and counters are its own."""
    formed = dt.date(YEAR, 7, 1)
    olds = [_simulate(seed, pending, busy, dt.date(YEAR, 1, 1), dt.date(YEAR, 6, 30))
            for seed, pending, busy in old]
    handed_over = sum(t.days[dt.date(YEAR, 6, 30)]["files_pending"] for t in olds)
    own = _simulate(new[0], handed_over, new[2], formed, dt.date(YEAR, 12, 31))

    def of_old(unit: Unit, territory: Territory, code: str) -> Report:
        return _entered(unit, Period.parse(code), [territory], dt.date(YEAR, 1, 1))

    def of_own(code: str) -> Report:
        return _entered(MERGED, Period.parse(code), [own], formed)

    for target, quarters in (("2025", ["2025-Q3", "2025-Q4"]), ("2025-9M", ["2025-Q3"])):
        direct = _entered(MERGED, Period.parse(target), [*olds, own], dt.date(YEAR, 1, 1),
                          levels=own, counters=own)
        for before in (["2025-Q1", "2025-Q2"], ["2025-H1"]):
            halves = {}
            for unit, territory in zip(PREDECESSORS, olds, strict=True):
                slots = [Slot(Period.parse(code), of_old(unit, territory, code))
                         for code in before]
                halves[unit.code] = replace(slots[-1].report, period=Period.parse("2025-H1"),
                                            figures=combine_periods(CATALOGUE, slots).figures)
            summed = combine(CATALOGUE, MERGED, Period.parse("2025-H1"), PREDECESSORS, halves)
            slots = [Slot(Period.parse("2025-H1"), summed)]
            slots += [Slot(Period.parse(code), of_own(code), restart=index == 0)
                      for index, code in enumerate(quarters)]
            combined = combine_periods(CATALOGUE, slots)
            _assert_same(combined.figures, combined.review, direct, NOT_OVER_UNITS)
