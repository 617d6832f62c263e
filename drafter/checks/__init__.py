"""Cross-field checks declared in the template pack; the CLI, the TUI and rendering use them."""

from __future__ import annotations

import datetime as dt

from drafter.checks import (
    coverage_checks,
    document_checks,
    figure_checks,
    history_checks,
    own_words,
    plausibility_checks,
    text_checks,
)
from drafter.checks.context import CheckContext
from drafter.checks.problems import Problem, Severity, has_errors
from drafter.domain.report import Report
from drafter.narrative.assessment import Assessment
from drafter.packs.kinds import pack_for
from drafter.packs.load import TemplatePack

CHECKS = (
    figure_checks.required_figures,
    figure_checks.parts_and_wholes,
    figure_checks.rates_in_range,
    figure_checks.stated_values,
    figure_checks.complete_sums,
    coverage_checks.impossible_zeros,
    coverage_checks.documents_within_count,
    coverage_checks.figures_shown,
    coverage_checks.causes_have_shortcomings,
    coverage_checks.tasks_for_the_next_year,
    history_checks.carried_from_previous,
    history_checks.cumulative_never_falls,
    history_checks.stocks_do_not_jump,
    history_checks.rates_do_not_collapse,
    history_checks.carried_items_confirmed,
    document_checks.report_dates,
    document_checks.signer_named,
    document_checks.superior_named,
    document_checks.document_dates,
    document_checks.duplicate_documents,
    text_checks.text_hygiene,
    text_checks.typed_ratios,
    own_words.own_words_agree,
    own_words.phrases_printed,
    plausibility_checks.rates_plausible,
    plausibility_checks.report_date_near_period,
    plausibility_checks.documents_have_subjects,
)


def check_report(report: Report, pack: TemplatePack | None = None,
                 previous: Report | None = None, today: dt.date | None = None,
                 earlier: Report | None = None) -> list[Problem]:
    """Every problem of ``report``, errors first, in catalogue order within each severity.
    ``previous`` is the period it compares with; ``earlier`` a report of the same year that
    ends before it (a 9-month report's 6 months), when that is not ``previous``."""
    pack = pack or pack_for(report.kind)
    ctx = CheckContext(report, pack.catalogue, pack.checks, today or dt.date.today(), previous,
                       pack, earlier)
    problems = [problem for check in CHECKS for problem in check(ctx)]
    return sorted(problems, key=lambda p: p.severity is not Severity.ERROR)


def assessment_of(report: Report, pack: TemplatePack | None = None,
                  previous: Report | None = None) -> Assessment:
    """The strengths and shortcomings the pack's evidence rules find in ``report`` — those
    III. Đánh giá chung prints, each shortcoming with the causes given for it."""
    pack = pack or pack_for(report.kind)
    return CheckContext(report, pack.catalogue, pack.checks, dt.date.today(), previous,
                        pack).assessment()


__all__ = ["Problem", "Severity", "assessment_of", "check_report", "has_errors"]
