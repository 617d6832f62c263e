"""Checks that nothing entered is lost or absurd: impossible zeros, documents beyond their
count, figures the report would not show, causes given for a shortcoming not found."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks.context import CheckContext, show
from drafter.checks.problems import Problem, Severity
from drafter.domain.periods import PeriodKind

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def impossible_zeros(ctx: CheckContext) -> Iterator[Problem]:
    """A plan with no tasks, a unit with no procedures or staff, a score of 0 points."""
    for key in ctx.rules.not_zero:
        if ctx.figures.value(key) == 0 and not isinstance(ctx.figures.value(key), bool):
            yield ctx.problem(ERROR, "not_zero", (key,), label=ctx.label(key))


def documents_within_count(ctx: CheckContext) -> Iterator[Problem]:
    for section, key in ctx.rules.documents_counted.items():
        value = ctx.number(key)
        listed = len(ctx.report.documents_for(section))
        if value is not None and listed > value:
            name = ctx.catalogue.target_names(ctx.report.unit.tier.value).get(section,
                                                                              section)
            yield ctx.problem(WARNING, "documents_counted", (key,), section=name,
                              listed=listed, label=ctx.label(key), value=show(value))


def figures_shown(ctx: CheckContext) -> Iterator[Problem]:
    """Every entered figure is in the tier's appendix or quoted by the narrative."""
    tier = ctx.report.unit.tier
    layout = {row.key for row in ctx.catalogue.layout(tier).rows if row.key}
    quoted = ctx.rules.narrative.get(tier, frozenset())
    for key, value in ctx.report.figures.items():
        if key in layout:  # the appendix shows it, whatever the narrative says
            continue
        other = ctx.rules.shown_only_with.get(key)
        if other is not None and not ctx.number(other):
            yield ctx.problem(WARNING, "shown_only_with", (key,), label=ctx.label(key),
                              other=ctx.label(other))
        elif key not in quoted and value is not None:
            yield ctx.problem(WARNING, "not_shown", (key,), label=ctx.label(key))


def causes_have_shortcomings(ctx: CheckContext) -> Iterator[Problem]:
    """Causes given for a shortcoming the figures do not show would not be printed."""
    found = {finding.id for finding in ctx.assessment().shortcomings}
    for rule_id in ctx.report.shortcoming_causes:
        if rule_id not in found:
            yield ctx.problem(WARNING, "cause_without_shortcoming", ("shortcoming_causes",),
                              finding=rule_id)


def tasks_for_the_next_year(ctx: CheckContext) -> Iterator[Problem]:
    """An annual report's tasks are for the year after it, not the one it reports on."""
    period = ctx.report.period
    if period.kind is not PeriodKind.YEAR:
        return
    for index, task in enumerate(ctx.report.items("tasks"), start=1):
        if f"năm {period.year}" in task:
            yield ctx.problem(WARNING, "task_for_past_year", ("tasks",), index=index,
                              year=period.year, following=period.year + 1)
