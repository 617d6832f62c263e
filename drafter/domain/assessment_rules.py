"""The evidence rules of a pack's ``assessment.toml``: which results are strengths, which are
shortcomings, and the pack's list of causes an official picks from.

A rule reads one figure — a rate (``rate``) or a value (``value``, or several summed) — and
declares thresholds; the words are the pack's, with ``{placeholders}`` filled from the figures.
A threshold is a number or a table by period (``{ default = 0, Y = 100, Q4 = 70 }``, keys
``Q1``–``Q4``, ``H1``, ``9M``, ``Y``): what is a shortcoming in an annual report may be on
track in a first quarter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.units import Tier
from drafter.errors import PackError

RULE_KEYS = {"id", "rate", "value", "tier", "strength_min", "shortcoming_below",
             "shortcoming_above", "fell_points", "band", "strength", "shortcoming",
             "shortcoming_none"}
PERIOD_KEYS = {"default", "Q1", "Q2", "Q3", "Q4", "H1", "9M", "Y"}


@dataclass(frozen=True)
class Threshold:
    """A number, possibly different for some periods."""

    default: Decimal | None
    by_period: Mapping[str, Decimal] = field(default_factory=dict)

    def at(self, period: Period) -> Decimal | None:
        return self.by_period.get(period_key(period), self.default)


def period_key(period: Period) -> str:
    """``Q1``…``Q4``, ``H1``, ``9M`` or ``Y``: how thresholds name a period."""
    return {PeriodKind.QUARTER: f"Q{period.quarter}", PeriodKind.HALF: "H1",
            PeriodKind.NINE_MONTHS: "9M", PeriodKind.YEAR: "Y"}[period.kind]


@dataclass(frozen=True)
class AssessmentRule:
    """One figure judged: ``rate`` or ``values`` (summed) is read, never both."""

    id: str
    rate: str = ""
    values: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    strength_min: Threshold = Threshold(None)
    shortcoming_below: Threshold = Threshold(None)
    shortcoming_above: Threshold = Threshold(None)
    fell_points: Decimal | None = None
    band: str = ""
    strength: str = ""
    shortcoming: str = ""
    shortcoming_none: str = ""


@dataclass
class AssessmentRules:
    """The rules in order, the pack's causes by key, ``levels``: how the wording names a
    unit's own level (``{level}``: "cấp huyện", "cấp tỉnh") by tier, and ``superiors``: who
    gives the unit its tasks (``{superior}``): ``government`` for a province, ``committee``
    (with ``{kind}``, the kind of the level it reports to) for every other unit."""

    rules: list[AssessmentRule] = field(default_factory=list)
    causes: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    superiors: dict[str, str] = field(default_factory=dict)

    def rule(self, rule_id: str) -> AssessmentRule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def superior(self, kind: str) -> str:
        """Who gives tasks to a unit reporting to a level of ``kind`` ("" for a province)."""
        if not kind:
            return self.superiors.get("government", "")
        return self.superiors.get("committee", "").replace("{kind}", kind)


def _number(raw: Any, where: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise PackError(f"assessment.toml: {where}: phải là số")
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise PackError(f"assessment.toml: {where}: phải là số") from None


def _threshold(raw: Any, where: str) -> Threshold:
    if raw is None:
        return Threshold(None)
    if isinstance(raw, dict):
        unknown = set(raw) - PERIOD_KEYS
        if unknown:
            raise PackError(f"assessment.toml: {where}: kỳ không có: {', '.join(sorted(unknown))}"
                            f" (dùng {', '.join(sorted(PERIOD_KEYS))})")
        default = raw.get("default")
        return Threshold(None if default is None else _number(default, where),
                         {k: _number(v, where) for k, v in raw.items() if k != "default"})
    return Threshold(_number(raw, where))


def _tiers(raw: Any, where: str) -> tuple[str, ...]:
    """``tier = "commune"`` or ``tier = ["district", "province"]``: the tiers a rule is for."""
    tiers = (raw,) if isinstance(raw, str) else tuple(raw)
    known = {tier.value for tier in Tier}
    for tier in tiers:
        if tier not in known:
            raise PackError(f"assessment.toml: {where}: cấp không có: {tier} "
                            f"(dùng {', '.join(sorted(known))})")
    return tiers


def _rule(raw: Mapping[str, Any], index: int, catalogue: Catalogue) -> AssessmentRule:
    where = f"[[rule]] thứ {index}"
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise PackError(f"assessment.toml: {where}: khóa không có: {', '.join(sorted(unknown))}")
    rule_id = str(raw.get("id", ""))
    if not rule_id:
        raise PackError(f"assessment.toml: {where}: thiếu id")
    where = f"[[rule]] {rule_id}"
    rate = str(raw.get("rate", ""))
    raw_values = raw.get("value", [])
    values = tuple([raw_values] if isinstance(raw_values, str) else raw_values)
    if bool(rate) == bool(values):
        raise PackError(f"assessment.toml: {where}: ghi một trong rate hoặc value")
    for key in (rate, *values) if rate else values:
        if key not in catalogue:
            raise PackError(f"assessment.toml: {where}: chỉ tiêu không có trong danh mục: {key}")
    if rate and catalogue[rate].type is not ValueType.RATE:
        raise PackError(f"assessment.toml: {where}: {rate} không phải là tỷ lệ")
    fell = raw.get("fell_points")
    return AssessmentRule(
        id=rule_id, rate=rate, values=tuple(str(v) for v in values),
        tiers=_tiers(raw.get("tier", ()), where),
        strength_min=_threshold(raw.get("strength_min"), f"{where}.strength_min"),
        shortcoming_below=_threshold(raw.get("shortcoming_below"), f"{where}.shortcoming_below"),
        shortcoming_above=_threshold(raw.get("shortcoming_above"), f"{where}.shortcoming_above"),
        fell_points=None if fell is None else _number(fell, f"{where}.fell_points"),
        band=str(raw.get("band", "")),
        strength=str(raw.get("strength", "")),
        shortcoming=str(raw.get("shortcoming", "")),
        shortcoming_none=str(raw.get("shortcoming_none", "")),
    )


def build_assessment_rules(doc: Mapping[str, Any], catalogue: Catalogue) -> AssessmentRules:
    """Build and cross-check a parsed ``assessment.toml`` against the catalogue."""
    rules = [_rule(raw, index, catalogue)
             for index, raw in enumerate(doc.get("rule", []), start=1)]
    # One id may have a rule per tier (the same result, worded for each level).
    ids = [(rule.id, tier) for rule in rules for tier in rule.tiers or ("",)]
    duplicated = sorted({rule_id for rule_id, tier in ids if ids.count((rule_id, tier)) > 1})
    if duplicated:
        raise PackError(f"assessment.toml: id trùng: {', '.join(duplicated)}")
    causes = {str(key): str(text) for key, text in doc.get("causes", {}).items()}
    levels = {str(key): str(text) for key, text in doc.get("levels", {}).items()}
    superiors = {str(key): str(text) for key, text in doc.get("superiors", {}).items()}
    worded = [rule.id for rule in rules
              if "{superior}" in rule.strength + rule.shortcoming + rule.shortcoming_none]
    if worded and not {"government", "committee"} <= set(superiors):
        raise PackError(f"assessment.toml: {worded[0]} dùng {{superior}} nhưng [superiors] "
                        "chưa khai báo government và committee")
    return AssessmentRules(rules, causes, levels, superiors)
