"""A "not shown" warning is never false (issue 28, D5): for every scenario and level, each
figure the checks say the report does not show leaves the narrative unchanged when taken out.

"Đã ban hành Quy chế chi tiêu nội bộ năm … không được nêu trong báo cáo" came on every
commune report of 2026 while the DOCX said "UBND xã đã ban hành Quy chế chi tiêu nội bộ"."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from scenarios import (
    COMMUNE_2026,
    COMMUNE_Q1,
    COMMUNE_Q2,
    DEPARTMENT_Q1,
    DISTRICT_Q1,
    DISTRICT_Q2,
    PACK,
    PROVINCE_Q1,
    SCENARIOS,
    Scenario,
    everything_entered,
)

from drafter.checks import check_report
from drafter.narrative.engine import render_markup

DEMOS = [Scenario("commune-q1", COMMUNE_Q1), Scenario("commune-q2", COMMUNE_Q2, COMMUNE_Q1),
         Scenario("district-q1", DISTRICT_Q1), Scenario("district-q2", DISTRICT_Q2, DISTRICT_Q1),
         Scenario("province-2026", PROVINCE_Q1), Scenario("commune-2026", COMMUNE_2026),
         Scenario("department-2026", DEPARTMENT_Q1)]





def _filled(scenario: Scenario) -> Scenario:
    return replace(scenario, name=f"{scenario.name}-filled",
                   report=everything_entered(scenario.report))


@pytest.mark.parametrize("scenario", [*DEMOS, *map(_filled, DEMOS),
                                      *(make() for make in SCENARIOS)],
                         ids=lambda s: s.name)
def test_a_figure_said_not_shown_is_not_in_the_narrative(scenario: Scenario) -> None:
    report = scenario.report
    problems = check_report(report, PACK, scenario.previous, dt.date(2026, 12, 8))
    hidden = [key for problem in problems if problem.rule in ("not_shown", "shown_only_with")
              for key in problem.keys]
    text = render_markup(report, PACK, scenario.previous, rollup=scenario.rollup)
    false = [key for key in hidden if render_markup(
        replace(report, figures={k: v for k, v in report.figures.items() if k != key}), PACK,
        scenario.previous, rollup=scenario.rollup) != text]
    assert not false, f"said not shown, yet in the narrative: {false}"
