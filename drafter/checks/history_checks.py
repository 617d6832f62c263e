"""Checks against the previous period: cumulative figures, stock jumps, falling rates."""

from __future__ import annotations

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


def cumulative_never_falls(ctx: CheckContext) -> Iterator[Problem]:
    """Within a year a cumulative figure can only grow; a new year starts again from zero."""
    if ctx.previous is None or ctx.previous.period.year != ctx.report.period.year:
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
    """Figures and lists copied from last period wait for the official's confirmation."""
    review = ctx.report.review
    if not review:
        return
    names = [_review_name(ctx, key) for key in review]
    yield ctx.problem(WARNING, "review", tuple(review), items="; ".join(names))
