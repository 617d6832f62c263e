"""Checks against the previous period: cumulative figures, stock jumps, falling rates."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checks.context import CheckContext, as_number, show
from drafter.checks.problems import Problem, Severity
from drafter.domain.catalogue import Kind, ValueType
from drafter.domain.report import LISTS

WARNING = Severity.WARNING


def cumulative_never_falls(ctx: CheckContext) -> Iterator[Problem]:
    """Within a year a cumulative figure can only grow; a new year starts again from zero."""
    if ctx.previous_figures is None or ctx.previous is None:
        return
    if ctx.previous.period.year != ctx.report.period.year:
        return
    for indicator in ctx.catalogue:
        if indicator.kind is not Kind.CUMULATIVE:
            continue
        now = ctx.number(indicator.key)
        before = as_number(ctx.previous_figures.value(indicator.key))
        if now is not None and before is not None and now < before:
            yield ctx.problem(WARNING, "cumulative", (indicator.key,),
                              label=ctx.label(indicator.key), value=show(now),
                              previous_period=ctx.previous_period_name(),
                              previous_value=show(before))


def stocks_do_not_jump(ctx: CheckContext) -> Iterator[Problem]:
    """A stock rarely changes by a large factor between periods: usually a typing slip."""
    if ctx.previous_figures is None:
        return
    factor = ctx.rules.stock_jump_factor
    for indicator in ctx.catalogue:
        if indicator.kind is not Kind.STOCK:
            continue
        now = ctx.number(indicator.key)
        before = as_number(ctx.previous_figures.value(indicator.key))
        if now is None or before is None or now == before:
            continue
        if (before == 0 or now == 0) and max(now, before) < factor * 10:
            continue  # small counts coming from or going to zero are ordinary
        if now > before * factor or before > now * factor:
            yield ctx.problem(WARNING, "stock_jump", (indicator.key,),
                              label=ctx.label(indicator.key), value=show(now),
                              previous_period=ctx.previous_period_name(),
                              previous_value=show(before))


def rates_do_not_collapse(ctx: CheckContext) -> Iterator[Problem]:
    if ctx.previous_figures is None:
        return
    for indicator in ctx.catalogue:
        if indicator.type is not ValueType.RATE:
            continue
        now = ctx.number(indicator.key)
        before = as_number(ctx.previous_figures.value(indicator.key))
        if now is None or before is None:
            continue
        if before - now > ctx.rules.rate_drop_points:
            yield ctx.problem(WARNING, "rate_drop", (indicator.key,),
                              label=ctx.label(indicator.key), value=show(now),
                              previous_period=ctx.previous_period_name(),
                              previous_value=show(before))


def carried_items_confirmed(ctx: CheckContext) -> Iterator[Problem]:
    """Figures and lists copied from last period wait for the official's confirmation."""
    review = ctx.report.review
    if not review:
        return
    names = [ctx.catalogue[key].label if key in ctx.catalogue else LISTS.get(key, key)
             for key in review]
    yield ctx.problem(WARNING, "review", tuple(review), items="; ".join(names))
