"""Checks against the previous period: what a period starts with, cumulative figures, stock
jumps, falling rates; what was carried over or left to enter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

from drafter.checks.context import CheckContext, as_number, show
from drafter.checks.problems import Problem, Severity
from drafter.domain.figures import Figures
from drafter.domain.indicators import Indicator, Kind, ValueType
from drafter.domain.report import (
    LISTS,
    OVERRIDE_MARK,
    PHRASE_MARK,
    REVIEWED_DOCUMENTS,
    WORD_MARK,
    Report,
)
from drafter.vi.text import lower_first

WARNING = Severity.WARNING


def _compared(ctx: CheckContext, keep: Callable[[Indicator], bool],
              other: Report | None = None) -> Iterator[tuple[str, Decimal, Decimal]]:
    """(key, this period, the other period — default the previous one) for the indicators
    kept that both periods have."""
    other = other or ctx.previous
    if other is None:
        return
    figures = Figures.of(ctx.catalogue, other)
    for indicator in ctx.catalogue:
        if not keep(indicator):
            continue
        now = ctx.number(indicator.key)
        before = as_number(figures.value(indicator.key))
        if now is not None and before is not None:
            yield indicator.key, now, before


def _warning(ctx: CheckContext, rule: str, key: str, now: Decimal, before: Decimal,
             other: Report | None = None) -> Problem:
    return ctx.problem(WARNING, rule, (key,), label=ctx.label(key), value=show(now),
                       previous_period=ctx.previous_period_name(other),
                       previous_value=show(before))


def _merged_since(ctx: CheckContext, other: Report) -> bool:
    """Whether the unit was formed by a merger after ``other`` began: the other figures are
    its predecessors' (their stocks summed, their cumulative figures their own)."""
    formed = ctx.report.unit.merged_on
    return formed is not None and other.period.start < formed <= ctx.report.period.end


def _restarted(ctx: CheckContext, other: Report) -> bool:
    """Whether the report's figures began again after ``other``'s: a new year, or a merger."""
    return other.period.year != ctx.report.period.year or _merged_since(ctx, other)


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
    """Within a year a cumulative figure can only grow — since the previous quarter, or since
    an earlier report of the year (a 9-month report's 6 months); a new year starts again from
    zero, and so does a unit formed by a merger."""
    others = [ctx.previous] if ctx.previous is not None else []
    if ctx.earlier is not None and ctx.earlier is not ctx.previous:
        others.append(ctx.earlier)
    for other in others:
        if other.period.end > ctx.report.period.end or _restarted(ctx, other):
            continue
        for key, now, before in _compared(ctx, lambda i: i.kind is Kind.CUMULATIVE, other):
            if now < before:
                yield _warning(ctx, "cumulative", key, now, before, other)


def stocks_do_not_jump(ctx: CheckContext) -> Iterator[Problem]:
    """A stock rarely changes by a large factor between periods: usually a typing slip — but
    not against the predecessors' summed levels of a unit formed since."""
    if ctx.previous is not None and _merged_since(ctx, ctx.previous):
        return
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
    if key.startswith(WORD_MARK):
        return key.removeprefix(WORD_MARK)
    if key.startswith(OVERRIDE_MARK):
        return lower_first(ctx.rules.message("review_override",
                                             id=key.removeprefix(OVERRIDE_MARK)))
    return ctx.catalogue[key].label if key in ctx.catalogue \
        else LISTS.get(key) or REVIEWED_DOCUMENTS.get(key, key)


def carried_items_confirmed(ctx: CheckContext) -> Iterator[Problem]:
    """Figures and lists copied from last period, or combined from the periods a longer one
    covers, wait for the official's confirmation; a figure that could not be combined (left
    empty) waits to be entered."""
    word = [key for key in ctx.report.review if key.startswith(WORD_MARK)]
    if word:  # first: what reading the Word file could not settle
        names = [_review_name(ctx, key) for key in word]
        yield ctx.problem(WARNING, "review_word", tuple(word), items="; ".join(names))
    asked = [key for key in ctx.report.review if key in ctx.catalogue
             and ctx.figures.value(key) is None]
    review = [key for key in ctx.report.review if key not in asked and key not in word]
    if review:
        names = [_review_name(ctx, key) for key in review]
        yield ctx.problem(WARNING, "review", tuple(review), items="; ".join(names))
    if asked:
        names = [_review_name(ctx, key) for key in asked]
        yield ctx.problem(WARNING, "review_asked", tuple(asked), items="; ".join(names))
