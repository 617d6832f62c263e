"""Checks within one report's figures: parts and wholes, rates, stated values, required."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from drafter.checks.context import CheckContext, show
from drafter.checks.problems import Problem, Severity
from drafter.domain.indicators import ValueType
from drafter.vi.numbers import round_half_up
from drafter.vi.rates import format_ratio
from drafter.vi.text import as_part, join_vi

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def parts_and_wholes(ctx: CheckContext) -> Iterator[Problem]:
    """Declared sums: parts equal their whole, or never exceed it. Skipped until all entered."""
    for rule in ctx.rules.parts:
        whole = ctx.number(rule.whole)
        values = [ctx.number(part) for part in rule.parts]
        if whole is None or any(value is None for value in values):
            continue
        total = sum((v for v in values if v is not None), Decimal(0))
        if (total == whole) if rule.equal else (total <= whole):
            continue
        keys = (*rule.parts, rule.whole) if not rule.equal else (rule.whole, *rule.parts)
        if not rule.equal and len(rule.parts) == 1:
            yield ctx.problem(ERROR, "at_most_one", keys, part=ctx.label(rule.parts[0]),
                              part_value=show(total), whole=ctx.label(rule.whole),
                              whole_value=show(whole))
            continue
        yield ctx.problem(ERROR, "equal" if rule.equal else "at_most", keys,
                          parts=join_vi(as_part(ctx.label(p)) for p in rule.parts),
                          total=show(total),
                          whole=ctx.label(rule.whole), whole_value=show(whole))


def rates_in_range(ctx: CheckContext) -> Iterator[Problem]:
    """A rate above 100% means a count exceeds the count it is a share of."""
    for indicator in ctx.catalogue:
        if indicator.type is not ValueType.RATE or indicator.key in ctx.rules.rates_may_exceed:
            continue
        if any(indicator.numerator == rule.parts[0] and indicator.denominator == rule.whole
               for rule in ctx.rules.parts if len(rule.parts) == 1):
            continue  # already reported by its parts rule, in the same words
        numerator, denominator = ctx.number(indicator.numerator), ctx.number(indicator.denominator)
        if numerator is None or denominator is None or numerator <= denominator:
            continue
        yield ctx.problem(ERROR, "rate_range",
                          (indicator.numerator, indicator.key, indicator.denominator),
                          rate=ctx.label(indicator.key), numerator=ctx.label(indicator.numerator),
                          numerator_value=show(numerator),
                          denominator=ctx.label(indicator.denominator),
                          denominator_value=show(denominator))


def stated_values(ctx: CheckContext) -> Iterator[Problem]:
    """Values written elsewhere (a narrative, a workbook) must agree with the figures."""
    for key, stated in ctx.report.stated.items():
        indicator = ctx.catalogue[key]
        if indicator.type is ValueType.RATE:
            rate = ctx.figures.rate(key)
            if rate is None or rate.value is None:
                continue
            # A source may round to fewer decimals than we do: compare at its precision.
            exponent = stated.as_tuple().exponent
            places = min(max(-exponent, 0), 2) if isinstance(exponent, int) else 2
            if round_half_up(rate.value, places) == stated:
                continue
            yield ctx.problem(ERROR, "stated_rate", (key,), label=ctx.label(key),
                              stated=show(stated), value=show(rate.value),
                              ratio=format_ratio(rate, leading_zero=False))
            continue
        value = ctx.number(key)
        if value is None or value == stated:
            continue
        unit = "%" if indicator.unit == "%" else f" {indicator.unit.lower()}"
        yield ctx.problem(ERROR, "stated", (key,), label=ctx.label(key), stated=show(stated),
                          value=show(value), unit=unit)


def required_figures(ctx: CheckContext) -> Iterator[Problem]:
    titles = {section.id: section.title for section in ctx.catalogue.sections}
    for section, keys in ctx.rules.required.items():
        for key in keys:
            if ctx.figures.value(key) is None:
                yield ctx.problem(ERROR, "required", (key,), label=ctx.label(key),
                                  section=titles[section])


def complete_sums(ctx: CheckContext) -> Iterator[Problem]:
    """A sum known only with all its parts (the files newly received, the online rate's
    denominator) with a part entered and another not: the rates over it cannot be worked
    out until the missing part is entered."""
    for indicator in ctx.catalogue:
        if indicator.type is not ValueType.SUM or not indicator.complete:
            continue
        missing = [part for part in indicator.parts if ctx.figures.value(part) is None]
        if not missing or len(missing) == len(indicator.parts):
            continue
        if any(ctx.figures.indicator(part).type is ValueType.SUM
               or ctx.figures.indicator(part).rollup for part in missing):
            continue  # reported for the inner sum; a roll-up fills the communes' part
        yield ctx.problem(WARNING, "sum_incomplete", (indicator.key, *missing),
                          label=ctx.label(indicator.key),
                          missing=join_vi(ctx.label(part) for part in missing))
