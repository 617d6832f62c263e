"""The phrases an official picked, filled in for one report: figures written by the same
language layer as the templates', the unit's words given by the templates. A phrase that
does not fit the report, or whose figure is missing, is left out — never printed with a
blank — and :func:`unusable` says why, for ``drafter check``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.figures import Figures
from drafter.domain.indicators import ValueType
from drafter.domain.phrases import SLOT, WORD_SLOTS, Phrase, Phrases
from drafter.domain.report import Report
from drafter.vi.money import format_trieu
from drafter.vi.numbers import format_count, format_number
from drafter.vi.rates import format_percent, format_rate, format_ratio


@dataclass(frozen=True)
class Filled:
    """A picked phrase ready to print: its id and its words, without final punctuation."""

    id: str
    text: str


def misfit(phrase: Phrase, report: Report, figures: Figures) -> str:
    """Why ``phrase`` does not fit ``report`` (``tier``, ``period``, ``figures``, or
    ``missing:<key>`` when a figure it depends on is not entered), or ``""``."""
    if phrase.tiers and report.unit.tier.value not in phrase.tiers:
        return "tier"
    period = report.period
    if phrase.periods and period.kind.value not in phrase.periods:
        return "period"
    if (phrase.since and period.end < phrase.since) or (phrase.until and
                                                         period.start > phrase.until):
        return "period"
    for key in (*phrase.if_zero, *phrase.if_positive):
        value = figures.value(key)
        if value is None:
            return f"missing:{key}"
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            return "figures"
        if (value != 0) if key in phrase.if_zero else (value <= 0):
            return "figures"
    return ""


def slot_text(figures: Figures, name: str, form: str, leading_zero: bool) -> str | None:
    """A figure as a phrase writes it; ``None`` when it is missing or cannot be said (a 0/0
    rate, the counts of a rate given only as a percentage)."""
    indicator = figures.indicator(name)
    if indicator.type is ValueType.RATE:
        rate = figures.rate(name)
        if rate is None:
            given = figures.given(name)
            return None if given is None or form else format_percent(given)
        if not rate.defined:
            return None
        return format_ratio(rate, leading_zero) if form == "ratio" else format_rate(rate)
    value = figures.value(name)
    if value is None or isinstance(value, bool | str):
        return None
    if indicator.type in (ValueType.COUNT, ValueType.SUM):
        return format_count(int(value), leading_zero)
    if indicator.type is ValueType.MONEY:
        return format_trieu(value)
    if indicator.unit == "%":
        return format_percent(value)
    return format_number(value)


def fill(phrase: Phrase, words: Mapping[str, str], figures: Figures,
         leading_zero: bool) -> str | None:
    """The phrase with its slots filled, or ``None`` when a figure it needs is missing."""
    missing = False

    def one(match: re.Match[str]) -> str:
        nonlocal missing
        name, form = match.group(1), match.group(2) or ""
        if name in WORD_SLOTS and not form:
            return str(words.get(name, ""))
        text = slot_text(figures, name, form, leading_zero)
        if text is None:
            missing = True
            return ""
        return text

    filled = SLOT.sub(one, phrase.text)
    return None if missing else filled


def picked(phrases: Phrases, report: Report, figures: Figures, item: str,
           words: Mapping[str, str], leading_zero: bool) -> list[Filled]:
    """The phrases of sub-item ``item`` the report picked and can print, in the pack's order."""
    chosen = set(report.phrases)
    found = []
    for phrase in phrases.for_item(item):
        if phrase.id not in chosen or misfit(phrase, report, figures):
            continue
        text = fill(phrase, words, figures, leading_zero)
        if text:
            found.append(Filled(phrase.id, text))
    return found


def unusable(phrases: Phrases, report: Report, figures: Figures) -> list[tuple[str, str]]:
    """``(phrase id, reason)`` for every picked phrase the report will not print: ``unknown``
    (not in the pack), ``tier``, ``period``, ``figures`` (the figures say otherwise) or
    ``missing:<key>`` (a figure it quotes is not entered)."""
    found = []
    for phrase_id in report.phrases:
        phrase = phrases.get(phrase_id)
        if phrase is None:
            found.append((phrase_id, "unknown"))
            continue
        reason = misfit(phrase, report, figures)
        if not reason:
            for name, form in phrase.slots:
                if not (name in WORD_SLOTS and not form) and \
                        slot_text(figures, name, form, True) is None:
                    reason = f"missing:{name}"
                    break
        if reason:
            found.append((phrase_id, reason))
    return found
