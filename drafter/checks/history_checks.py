"""Checks against the previous period: what a period starts with, cumulative figures, stock
jumps, falling rates; what was carried over or left to enter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

from drafter.checks.context import CheckContext, as_number, show
from drafter.checks.problems import Problem, Severity
from drafter.domain.indicators import Indicator, Kind, ValueType
from drafter.domain.report import LISTS, OVERRIDE_MARK, PHRASE_MARK, REVIEWED_DOCUMENTS
from drafter.vi.text import lower_first

WARNING = Severity.WARNING


def _compared(ctx: CheckContext, keep: Callable[[Indicator], bool],
              ) -> Iterator[tuple[str, Decimal, Decimal]]:
    """(key, this period, previous period) for the indicators kept that both periods have."""
    if ctx.previous_figures is None:
        return
    for indicator in ctx.catalogue:
        if not keep(indicator):
            continue
        now = ctx.number(indicator.key)
        before = as_number(ctx.previous_figures.value(indicator.key))
        if now is not None and before is not None:
            yield indicator.key, now, before


def _warning(ctx: CheckContext, rule: str, key: str, now: Decimal, before: Decimal) -> Problem:
    return ctx.problem(WARNING, rule, (key,), label=ctx.label(key), value=show(now),
                       previous_period=ctx.previous_period_name(), previous_value=show(before))


def _restarted(ctx: CheckContext) -> bool:
    """Whether the report's figures began again after the previous period's: a new year, or a
    unit formed by a merger since (the previous figures are its predecessors')."""
    assert ctx.previous is not None
    formed = ctx.report.unit.merged_on
    return ctx.previous.period.year != ctx.report.period.year or (
        formed is not None and ctx.previous.period.start < formed <= ctx.report.period.start)


def carried_from_previous(ctx: CheckContext) -> Iterator[Problem]:
    """A period starts with what the period just before it ended with (``carried_from``):
    the files carried into quarter II are those pending at the end of quarter I."""
    previous = ctx.previous
    if previous is None or previous.period.end + dt.timedelta(days=1) != ctx.report.period.start:
        return
    for indicator in ctx.catalogue:
        if not indicator.carried_from:
            continue
        now = ctx.number(indicator.key)
        before = as_number(previous.figures.get(indicator.carried_from))
        if now is not None and before is not None and now != before:
            yield ctx.problem(WARNING, "carried", (indicator.key,), label=ctx.label(
                indicator.key), value=show(now), source=ctx.label(indicator.carried_from),
                previous_period=ctx.previous_period_name(), previous_value=show(before))


def cumulative_never_falls(ctx: CheckContext) -> Iterator[Problem]:
    """Within a year a cumulative figure can only grow; a new year starts again from zero,
    and so does a unit formed by a merger."""
    if ctx.previous is None or _restarted(ctx):
        return
    for key, now, before in _compared(ctx, lambda i: i.kind is Kind.CUMULATIVE):
        if now < before:
            yield _warning(ctx, "cumulative", key, now, before)


def stocks_do_not_jump(ctx: CheckContext) -> Iterator[Problem]:
    """A stock rarely changes by a large factor between periods: usually a typing slip."""
    factor = ctx.rules.stock_jump_factor
    for key, now, before in _compared(ctx, lambda i: i.kind is Kind.STOCK):
        if now == before:
            continue
        if (before == 0 or now == 0) and max(now, before) < factor * 10:
            continue  # small counts coming from or going to zero are ordinary
        if now > before * factor or before > now * factor:
            yield _warning(ctx, "stock_jump", key, now, before)


def rates_do_not_collapse(ctx: CheckContext) -> Iterator[Problem]:
    for key, now, before in _compared(ctx, lambda i: i.type is ValueType.RATE):
        if before - now > ctx.rules.rate_drop_points:
            yield _warning(ctx, "rate_drop", key, now, before)


def _review_name(ctx: CheckContext, key: str) -> str:
    if key.startswith(PHRASE_MARK):
        return lower_first(ctx.rules.message("review_phrase", id=key.removeprefix(PHRASE_MARK)))
    if key.startswith(OVERRIDE_MARK):
        return lower_first(ctx.rules.message("review_override",
                                             id=key.removeprefix(OVERRIDE_MARK)))
    return ctx.catalogue[key].label if key in ctx.catalogue \
        else LISTS.get(key) or REVIEWED_DOCUMENTS.get(key, key)


def carried_items_confirmed(ctx: CheckContext) -> Iterator[Problem]:
    """Figures and lists copied from last period, or combined from the periods a longer one
    covers, wait for the official's confirmation; a figure that could not be combined (left
    empty) waits to be entered."""
    asked = [key for key in ctx.report.review if key in ctx.catalogue
             and ctx.figures.value(key) is None]
    review = [key for key in ctx.report.review if key not in asked]
    if review:
        names = [_review_name(ctx, key) for key in review]
        yield ctx.problem(WARNING, "review", tuple(review), items="; ".join(names))
    if asked:
        names = [_review_name(ctx, key) for key in asked]
        yield ctx.problem(WARNING, "review_asked", tuple(asked), items="; ".join(names))
