"""The language layer exposed to templates as Jinja filters and globals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.packs.load import TemplatePack
from drafter.vi import dates, money, numbers, periods, text
from drafter.vi.rates import Rate, format_percent, format_rate, format_ratio
from drafter.vi.references import format_reference


def _names(context: Context) -> Any:
    """The per-document abbreviation tracker's ``apply`` (full form at first use)."""
    return context["abbr"].apply


# What a formatting filter returns for a figure that was not entered. The markup parser drops
# every line holding it: a sentence that needs a missing figure is left out, never written
# with a blank or "None", even where a template forgot to test for the figure.
MISSING = "\ue000"


def _needs_value(format_value: Callable[..., str]) -> Callable[..., str]:
    def wrapped(value: Any, *args: Any) -> str:
        return MISSING if value is None else format_value(value, *args)

    return wrapped


def install(env: Any, pack: TemplatePack) -> None:
    """Register every filter and global a pack's templates may use."""
    leading_zero = pack.leading_zero
    undefined_words = str(pack.settings.get("rate_undefined", "chưa phát sinh"))
    threshold = Decimal(str(pack.settings.get("money_ty_threshold", 1_000_000)))

    def count(value: int | Decimal) -> str:
        return numbers.format_count(int(value), leading_zero)

    def pct(value: Rate | Decimal | int) -> str:
        if isinstance(value, Rate):
            return format_rate(value, undefined_words)
        return format_percent(value)

    def ratio(rate: Rate) -> str:
        return format_ratio(rate, leading_zero)

    @pass_context
    def ref(context: Context, doc: DocRef, with_issuer: bool = True) -> str:
        return format_reference(doc, with_issuer=with_issuer, names=_names(context))

    @pass_context
    def names(context: Context, value: str) -> str:
        return str(_names(context)(value))

    def band(name: str, value: Decimal | int | Rate | None) -> str:
        if isinstance(value, Rate):
            value = value.value
        if value is None:
            return ""
        return pack.band(name, value)

    def cells(*items: Any) -> str:
        return "\t".join("" if item is None else str(item) for item in items)

    env.filters.update(
        num=_needs_value(lambda value, places=2: numbers.format_number(value, places)),
        count=_needs_value(count),
        pct=_needs_value(pct),
        ratio=_needs_value(ratio),
        money=_needs_value(lambda value, *others: money.format_money(value, threshold, *others)),
        trieu=_needs_value(money.format_trieu),
        ty=_needs_value(money.format_ty),
        dateline=_needs_value(dates.date_line),
        d=_needs_value(dates.short_date),
        period=periods.period_name,
        period_span=periods.period_span,
        next_period=periods.next_period_name,
        ref=ref,
        names=names,
        upper=text.upper,
        sentence=text.sentence_case,
        lower_first=text.lower_first,
        roman=text.roman,
        join_vi=text.join_vi,
        clauses=text.join_clauses,
        item=text.item_text,
    )
    # A line of markup that is a list item or introduces one ("gồm:"): kept on its own line.
    env.tests["list_line"] = lambda line: str(line).startswith(("- ", "+ ")) or \
        str(line).removesuffix("[/s]").rstrip().endswith(":")
    env.globals.update(
        band=band,
        cells=cells,
        date_range=dates.date_range,
        previous_name=periods.previous_name,
        Period=Period,
        today=dt.date.today,
    )
