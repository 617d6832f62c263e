"""The check rules a template pack declares in ``checks.toml``; wording included."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.errors import PackError
from drafter.vi.text import sentence_case

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class PartsRule:
    """``parts`` add up to ``whole`` (``equal``) or never exceed it."""

    whole: str
    parts: tuple[str, ...]
    equal: bool


@dataclass
class CheckRules:
    parts: list[PartsRule] = field(default_factory=list)
    required: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stock_jump_factor: Decimal = Decimal(3)
    rate_drop_points: Decimal = Decimal(20)
    rates_may_exceed: frozenset[str] = frozenset()
    # Nonsense checks: the highest believable rate (in %) of those that may exceed 100%, and
    # how many days after its period a report is believably dated.
    rate_ceiling: Decimal = Decimal(1000)
    report_date_max_days: int = 60
    messages: dict[str, str] = field(default_factory=dict)
    not_zero: tuple[str, ...] = ()
    documents_counted: dict[str, str] = field(default_factory=dict)
    shown_only_with: dict[str, str] = field(default_factory=dict)
    narrative: dict[str, frozenset[str]] = field(default_factory=dict)

    def message(self, name: str, **values: object) -> str:
        """The pack's message ``name`` with ``{placeholders}`` filled, first letter capital.

        Only plain names are substituted (no attribute access), so a pack's wording cannot
        reach into Python objects.
        """
        try:
            template = self.messages[name]
        except KeyError:
            raise PackError(f"checks.toml: thiếu thông báo [messages].{name}") from None

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in values:
                raise PackError(f"checks.toml: thông báo {name} dùng {{{key}}} không có")
            return str(values[key])

        return sentence_case(_PLACEHOLDER.sub(fill, template))


def _keys(catalogue: Catalogue, where: str, keys: list[Any]) -> tuple[str, ...]:
    for key in keys:
        if key not in catalogue:
            raise PackError(f"checks.toml: {where}: chỉ tiêu không có trong danh mục: {key}")
    return tuple(str(key) for key in keys)


def build_rules(doc: Mapping[str, Any], catalogue: Catalogue) -> CheckRules:
    """Build and cross-check the rules of a parsed ``checks.toml`` against the catalogue."""
    rules = CheckRules(messages={str(k): str(v) for k, v in doc.get("messages", {}).items()})
    for name, equal in (("equal", True), ("at_most", False)):
        for index, raw in enumerate(doc.get(name, []), start=1):
            where = f"[[{name}]] thứ {index}"
            whole = _keys(catalogue, where, [raw.get("whole", "")])[0]
            parts = _keys(catalogue, where, list(raw.get("parts", [])))
            if not parts:
                raise PackError(f"checks.toml: {where}: thiếu parts")
            rules.parts.append(PartsRule(whole, parts, equal))
    section_ids = {section.id for section in catalogue.sections}
    for section, keys in doc.get("required", {}).items():
        if section not in section_ids:
            raise PackError(f"checks.toml: [required]: mục không có: {section}")
        rules.required[section] = _keys(catalogue, f"[required].{section}", list(keys))
    settings = doc.get("settings", {})
    try:
        rules.stock_jump_factor = Decimal(str(settings.get("stock_jump_factor", 3)))
        rules.rate_drop_points = Decimal(str(settings.get("rate_drop_points", 20)))
        rules.rate_ceiling = Decimal(str(settings.get("rate_ceiling", 1000)))
        rules.report_date_max_days = int(str(settings.get("report_date_max_days", 60)))
    except (ArithmeticError, ValueError):
        raise PackError("checks.toml: [settings]: ngưỡng phải là số") from None
    exceed = _keys(catalogue, "[settings].rates_may_exceed",
                   list(settings.get("rates_may_exceed", [])))
    for key in exceed:
        if catalogue[key].type is not ValueType.RATE:
            raise PackError(f"checks.toml: rates_may_exceed: {key} không phải là tỷ lệ")
    rules.rates_may_exceed = frozenset(exceed)
    _coverage_rules(rules, doc, catalogue)
    return rules


def _coverage_rules(rules: CheckRules, doc: Mapping[str, Any], catalogue: Catalogue) -> None:
    """Figures that cannot be zero, documents against their count, and which entered figures
    the narrative quotes (an entered figure shown nowhere is reported, never lost silently)."""
    rules.not_zero = _keys(catalogue, "[not_zero]", list(doc.get("not_zero", {}).get("keys", [])))
    for section, key in doc.get("documents_counted", {}).items():
        rules.documents_counted[str(section)] = _keys(
            catalogue, f"[documents_counted].{section}", [key])[0]
    for key, other in doc.get("shown_only_with", {}).items():
        shown = _keys(catalogue, "[shown_only_with]", [key, other])
        rules.shown_only_with[shown[0]] = shown[1]
    for tier, keys in doc.get("narrative", {}).items():
        rules.narrative[str(tier)] = frozenset(_keys(catalogue, f"[narrative].{tier}",
                                                     list(keys)))
