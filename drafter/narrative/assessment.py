"""III. Đánh giá chung from the evidence: the pack's rules applied to one report's figures.

Ưu điểm takes only results a rule calls a strength; Tồn tại, hạn chế takes every result a rule
calls a shortcoming, each with the causes the official gave for it. Numbers in the wording
are the same derived figures the rest of the report quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.assessment_rules import AssessmentRule, AssessmentRules
from drafter.domain.figures import Figures
from drafter.domain.indicators import ValueType
from drafter.domain.periods import Period
from drafter.errors import PackError
from drafter.vi.numbers import format_count, format_number
from drafter.vi.rates import Rate, format_rate, format_ratio
from drafter.vi.text import item_text, lower_first

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LEADING_DO = re.compile(r"^(?:do|vì|là do)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """One strength or shortcoming: the rule's ``id``, its filled wording (lower-case first
    letter, no final punctuation) and, for a shortcoming, the causes given for it."""

    id: str
    text: str
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    strengths: tuple[Finding, ...]
    shortcomings: tuple[Finding, ...]

    def shortcoming(self, rule_id: str) -> Finding | None:
        return next((f for f in self.shortcomings if f.id == rule_id), None)


@dataclass(frozen=True)
class Evidence:
    """What the rules read: this period's figures and, when comparable, the previous one's."""

    figures: Figures
    period: Period
    tier: str
    previous: Figures | None = None
    previous_period: str = ""
    comparable: Callable[[str], bool] = lambda _key: True
    # The kind of the level the unit reports to in the period ("tỉnh"; "" for a province).
    superior_kind: str = "tỉnh"


def fill(template: str, values: Mapping[str, str], where: str) -> str:
    """The pack's wording with ``{name}`` placeholders filled (plain names only)."""

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            raise PackError(f"assessment.toml: {where} dùng {{{match.group(1)}}} không có")
        return values[match.group(1)]

    return _PLACEHOLDER.sub(one, template)


class _Judge:
    def __init__(self, evidence: Evidence, leading_zero: bool, band: Callable[[str, Decimal],
                 str], level: str, superior: str) -> None:
        self.evidence = evidence
        self.leading_zero = leading_zero
        self.band = band
        self.level = level
        self.superior = superior

    def count(self, value: Decimal | int) -> str:
        return format_count(int(value), self.leading_zero)

    def rate_values(self, rate: Rate) -> dict[str, str]:
        return {"level": self.level, "superior": self.superior, "rate": format_rate(rate),
                "ratio": format_ratio(rate, self.leading_zero),
                "numerator": self.count(rate.numerator),
                "denominator": self.count(rate.denominator),
                "remaining": self.count(rate.remaining)}

    def rate_rule(self, rule: AssessmentRule) -> tuple[str | None, str | None]:
        """(strength wording, shortcoming wording) of a rule on a rate; ``None`` when not."""
        evidence = self.evidence
        rate = evidence.figures.rate(rule.rate)
        if rate is None or not rate.defined:
            return None, None
        values = self.rate_values(rate)
        share = Decimal(rate.numerator) * 100
        strength = shortcoming = None
        top = rule.strength_min.at(evidence.period)
        if top is not None and share >= top * Decimal(rate.denominator):
            strength = fill(rule.strength, values | {"threshold": format_number(top)}, rule.id)
        low = rule.shortcoming_below.at(evidence.period)
        if low is not None and share < low * Decimal(rate.denominator):
            words = rule.shortcoming_none if rate.is_none and rule.shortcoming_none else \
                rule.shortcoming
            shortcoming = fill(words, values | {"threshold": format_number(low)}, rule.id)
        if rule.fell_points is not None:
            shortcoming = self.fall(rule, rate, values) or shortcoming
        return strength, shortcoming

    def fall(self, rule: AssessmentRule, rate: Rate, values: dict[str, str]) -> str | None:
        evidence = self.evidence
        if evidence.previous is None or not evidence.comparable(rule.rate):
            return None
        before = evidence.previous.rate(rule.rate)
        if before is None or before.value is None or rate.value is None:
            return None
        assert rule.fell_points is not None
        if before.value - rate.value < rule.fell_points:
            return None
        return fill(rule.shortcoming, values | {"previous": format_rate(before),
                                                "previous_period": evidence.previous_period},
                    rule.id)

    def value_rule(self, rule: AssessmentRule) -> tuple[str | None, str | None]:
        figures, period = self.evidence.figures, self.evidence.period
        present = [figures.value(key) for key in rule.values]
        numbers = [Decimal(v) for v in present if isinstance(v, int | Decimal)
                   and not isinstance(v, bool)]
        if not numbers:
            return None, None
        total = sum(numbers, Decimal(0))
        is_count = all(figures.indicator(k).type is ValueType.COUNT for k in rule.values)
        values = {"level": self.level, "superior": self.superior,
                  "value": self.count(total) if is_count else format_number(total)}
        if rule.band:
            values["band"] = self.band(rule.band, total)
        strength = shortcoming = None
        top = rule.strength_min.at(period)
        if top is not None and total >= top:
            strength = fill(rule.strength, values, rule.id)
        above, below = rule.shortcoming_above.at(period), rule.shortcoming_below.at(period)
        if (above is not None and total > above) or (below is not None and total < below):
            shortcoming = fill(rule.shortcoming, values, rule.id)
        return strength, shortcoming


def cause_text(cause: str, pack_causes: Mapping[str, str]) -> str:
    """A cause as the sentence quotes it: the pack's wording for one of its keys, else the
    official's words without their own final punctuation, capital or leading "do"."""
    if cause in pack_causes:
        return pack_causes[cause]
    return lower_first(_LEADING_DO.sub("", item_text(cause)))


def assess(rules: AssessmentRules, evidence: Evidence, causes: Mapping[str, list[str]],
           leading_zero: bool, band: Callable[[str, Decimal], str]) -> Assessment:
    """The strengths and shortcomings the figures show, in the pack's rule order."""
    judge = _Judge(evidence, leading_zero, band, rules.levels.get(evidence.tier, ""),
                   rules.superior(evidence.superior_kind))
    strengths: list[Finding] = []
    shortcomings: list[Finding] = []
    for rule in rules.rules:
        if rule.tiers and evidence.tier not in rule.tiers:
            continue
        strength, shortcoming = judge.rate_rule(rule) if rule.rate else judge.value_rule(rule)
        if strength:
            strengths.append(Finding(rule.id, strength))
        if shortcoming:
            given = tuple(cause_text(c, rules.causes) for c in causes.get(rule.id, []))
            shortcomings.append(Finding(rule.id, shortcoming, tuple(c for c in given if c)))
    return Assessment(tuple(strengths), tuple(shortcomings))
