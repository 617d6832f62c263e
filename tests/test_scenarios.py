"""The narrative of every data variant, read as a reviewer reads it (tests/narrative_checks.py),
with golden texts of each variant, and the proof that every check catches a broken template.

Regenerate the goldens after a reviewed wording change with ``DRAFTER_UPDATE_GOLDEN=1 pytest
tests/test_scenarios.py`` and read the diff before committing it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from narrative_checks import CHECKS, every_shortcoming_in_its_section, lines
from scenarios import (
    COMMUNE_Q1,
    DEPARTMENT_Q1,
    DISTRICT_Q2,
    PROVINCE_Q1,
    SCENARIOS,
    Scenario,
    everything_entered,
)

from drafter.checks import check_report
from drafter.combine.rollup import Rollup
from drafter.domain.indicators import ValueType
from drafter.domain.report import Report, Status
from drafter.narrative import render
from drafter.narrative.blocks import Document
from drafter.packs.load import TemplatePack, builtin_pack, load_pack
from drafter.packs.tools import init_pack
from drafter.writer.text import to_text

GOLDEN = Path(__file__).parent / "golden" / "scenarios"
BUILT = {make.__name__: make() for make in SCENARIOS}


def _render(scenario: Scenario, pack: TemplatePack | None = None) -> Document:
    return render(scenario.report, pack, previous=scenario.previous, rollup=scenario.rollup)


@pytest.mark.parametrize("name", list(BUILT))
def test_scenario_is_data_the_checks_accept(name: str) -> None:
    """Each variant is a report an official could finalise: its golden narrative never quotes
    parts that exceed their whole (one-of-one once said "01/01 nhiệm vụ đúng hạn" beside an
    overdue one)."""
    scenario = BUILT[name]
    errors = [p.message for p in check_report(scenario.report, previous=scenario.previous)
              if p.is_error]
    if scenario.report.status is Status.DRAFT:  # a draft may lack what a final report needs
        errors = [p.message for p in check_report(scenario.report, previous=scenario.previous)
                  if p.is_error and p.rule != "required"]
    assert errors == []


@pytest.mark.parametrize("name", list(BUILT))
def test_scenario_narrative_matches_golden(name: str) -> None:
    scenario = BUILT[name]
    text = to_text(_render(scenario))
    golden = GOLDEN / f"{scenario.name}.txt"
    if os.environ.get("DRAFTER_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("check", list(CHECKS))
@pytest.mark.parametrize("name", list(BUILT))
def test_scenario_reads_right(name: str, check: str) -> None:
    scenario = BUILT[name]
    assert CHECKS[check](_render(scenario), scenario.report) == []


@pytest.mark.parametrize("name", list(BUILT))
def test_every_shortcoming_the_figures_show_is_stated(name: str) -> None:
    scenario = BUILT[name]
    assert every_shortcoming_in_its_section(_render(scenario), scenario.report,
                                            scenario.previous) == []


def test_the_variants_cover_what_the_issue_names() -> None:
    assert len(BUILT) >= 12
    delays = "\n".join(lines(_render(BUILT["heavy_delays"])))
    assert "Còn 38 hồ sơ TTHC giải quyết quá hạn, do hồ sơ lĩnh vực đất đai" in delays
    assert "Còn 03/04 PAKN về quy định TTHC chưa được giải quyết xong, do nội dung phức " \
        "tạp;" in delays
    huge = "\n".join(lines(_render(BUILT["huge_numbers"])))
    assert "1.233.999 hồ sơ đúng hạn (99,9999%), 01 hồ sơ quá hạn" in huge
    fall = "\n".join(lines(_render(BUILT["fall"])))
    assert "giảm từ 43,88% (quý trước) xuống 22,6%" in fall
    partial = "\n".join(lines(_render(BUILT["district_missing_communes"])))
    assert "so với quý trước" not in partial.split("cấp xã")[-1]
    assert "01/03 UBND xã;" in partial
    first = "\n".join(lines(_render(BUILT["first_report"])))
    assert "so với" not in first
    six = "\n".join(lines(_render(BUILT["six_months"])))
    assert "IV. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024" in six
    assert "6 tháng đầu năm 2024" in six


# Each check, the one-line change to a template that it must catch, and a variant showing it.
# ("§" separates two changes of the same file.)
BREAKS: list[tuple[str, str, str, str, str]] = [
    ("no 0/0", "items_e_government.j2", "{% elif online and online.defined %}",
     "{% elif online %}", "all_zero"),
    ("no zero as an achievement", "items_civil_service.j2", "{% elif qualified.is_none %}",
     "{% elif false %}", "all_zero"),
    ("no 'đạt … chưa phát sinh'", "items_e_government.j2",
     "{% elif online and online.defined %}§{{ m.short() }}, chiếm {{ online|pct }}",
     "{% elif online %}§{{ m.short() }}, đạt tỷ lệ {{ online|pct }}", "all_zero"),
    ("no doubled punctuation", "_macros.j2", "- {{ item|item|sentence|names }}",
     "- {{ item|sentence|names }}", "heavy_delays"),
    ("no doubled word", "items_e_government.j2", "Tổng số văn bản đi là",
     "Tổng tổng số văn bản đi là", "heavy_delays"),
    ("no 100%/0% its counts contradict", "items_e_government.j2",
     "{{ m.short() }}, chiếm {{ online|pct }}",
     "{{ m.short() }}, chiếm {{ online.value|round|int }}%", "just_under_100"),
    ("no shortcoming in Ưu điểm", "section_assessment.j2",
     '{% for finding in assessment.strengths %}', '{% for finding in assessment.shortcomings %}',
     "heavy_delays"),
    ("annual: next year", "section_tasks.j2", '{% set next = period|next_period %}',
     '{% set next = period|period %}', "annual"),
    ("every document cited", "_outline.j2", '{{ m.documents_for(section_id) }}', "",
     "heavy_delays"),
]


def _broken_pack(tmp_path: Path, template: str, old: str, new: str) -> TemplatePack:
    path = init_pack(tmp_path / "pack")
    file = path / "templates" / template
    text = file.read_text(encoding="utf-8")
    for before, after in zip(old.split("§"), new.split("§"), strict=True):
        assert before in text, before
        text = text.replace(before, after, 1)
    file.write_text(text, encoding="utf-8")
    return load_pack(path)


def test_every_check_has_a_break() -> None:
    assert {check for check, *_ in BREAKS} == set(CHECKS)


@pytest.mark.parametrize(("check", "template", "old", "new", "name"), BREAKS,
                         ids=[b[0] for b in BREAKS])
def test_each_check_catches_a_broken_template(tmp_path: Path, check: str, template: str,
                                              old: str, new: str, name: str) -> None:
    scenario = BUILT[name]
    assert CHECKS[check](_render(scenario), scenario.report) == []
    broken = _render(scenario, _broken_pack(tmp_path, template, old, new))
    assert CHECKS[check](broken, scenario.report) != []


def test_missing_shortcomings_are_caught_on_a_broken_template(tmp_path: Path) -> None:
    scenario = BUILT["heavy_delays"]
    pack = _broken_pack(tmp_path, "section_assessment.j2",
                        "{% for finding in assessment.shortcomings %}",
                        "{% for finding in assessment.shortcomings[:0] %}")
    assert every_shortcoming_in_its_section(_render(scenario, pack), scenario.report,
                                            scenario.previous) != []


# Every figure the pack declares the narrative quotes ([narrative] of checks.toml) changes
# the narrative when it changes: a declared figure a template forgot is caught here.
def _quoted(pack: TemplatePack) -> list[tuple[str, str]]:
    return [(tier, key) for tier, keys in sorted(pack.checks.narrative.items())
            for key in sorted(keys)]


BASES = {"commune": COMMUNE_Q1, "district": DISTRICT_Q2, "province": PROVINCE_Q1,
         "department": DEPARTMENT_Q1}


def _changes_the_narrative(pack: TemplatePack, tier: str, key: str) -> bool:
    # A figure of the communes' (rolled up) is said with their roll-up.
    rolled = BUILT["province_with_departments"] if tier == "province" else None
    return _changes(pack, key, BASES[tier]) or (
        rolled is not None and _changes(pack, key, rolled.report, rolled.rollup))


def _changes(pack: TemplatePack, key: str, base: Report, rollup: Rollup | None = None) -> bool:
    indicator = pack.catalogue[key]
    tries: list[list[object]]
    if indicator.type is ValueType.CHOICE:
        tries = [list(indicator.options[:2])]
    elif indicator.type is ValueType.BOOL:
        tries = [[True, False]]
    elif indicator.type in (ValueType.MONEY, ValueType.SCORE, ValueType.DECIMAL):
        tries = [[Decimal("77.7"), Decimal("88.8")]]
    else:
        # A count small beside the base's figures, and one as large as a denominator (the
        # staff assessed, of whom more were rated good than 7 or 8).
        tries = [[7, 8], [700, 800], [0, 1]]
    # Companions a figure is stated with, so the sentence exists in both renders.
    figures = {"survey_forms": 420, "staff_assessed": 25, "staff_rated_good": 18,
               **base.figures}
    other = pack.checks.shown_only_with.get(key)
    if other is not None and not figures.get(other):  # said only with it (a rank's score)
        figures[other] = 420
    # Then with every other figure entered: a rank is stated only with its score, a plan
    # only beside what was done.
    for companions in (figures, everything_entered(replace(base, figures=figures)).figures):
        for values in tries:
            texts = []
            for value in values:
                report = replace(base, figures={**companions, key: value})
                texts.append("\n".join(lines(render(report, pack, rollup=rollup))))
            if texts[0] != texts[1]:
                return True
    return False


@pytest.mark.parametrize(("tier", "key"), _quoted(builtin_pack()))
def test_declared_narrative_figures_are_quoted(tier: str, key: str) -> None:
    assert _changes_the_narrative(builtin_pack(), tier, key)


def test_a_forgotten_figure_is_caught(tmp_path: Path) -> None:
    pack = _broken_pack(tmp_path, "items_direction.j2", "{% if v.comms_web %}",
                        "{% if false %}")
    assert not _changes_the_narrative(pack, "commune", "comms_web")


@pytest.mark.parametrize("name", list(BUILT))
def test_nothing_entered_is_lost(name: str) -> None:
    """Every entered figure is in the appendix, quoted by the narrative, or warned about."""
    scenario = BUILT[name]
    report = scenario.report
    layout = {row.key for row in builtin_pack().catalogue.layout(report.unit.tier).rows}
    quoted = builtin_pack().checks.narrative[report.unit.tier]
    warned = {p.field for p in check_report(report, previous=scenario.previous)
              if p.rule in ("not_shown", "shown_only_with")}
    lost = [key for key in report.figures if key not in layout | quoted | warned]
    assert lost == []
