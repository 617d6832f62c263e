"""The key rates on which an aggregating report names the units reporting to it — the
highest, the lowest and those below the province's target — as a pack declares them in
``rules.toml`` (``[[standings]]``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.errors import PackError


@dataclass(frozen=True)
class StandingRule:
    """A rate of the catalogue the units are compared on, and the target (chỉ tiêu, in %)
    the province set for it (``None``: no target, only the highest and the lowest)."""

    key: str
    target: Decimal | None = None
    label: str = ""  # how running text names the rate (default: its catalogue label)


def build_standings(doc: Mapping[str, Any], catalogue: Catalogue) -> dict[str, StandingRule]:
    """The ``[[standings]]`` of a parsed ``rules.toml``, by rate key."""
    rules: dict[str, StandingRule] = {}
    for raw in doc.get("standings", []):
        key = str(raw["key"])
        if key not in catalogue.indicators or catalogue[key].type is not ValueType.RATE:
            raise PackError(f"rules.toml: [[standings]] {key} không phải là một tỷ lệ của "
                            "danh mục chỉ tiêu")
        if key in rules:
            raise PackError(f"rules.toml: [[standings]] {key} khai báo hai lần")
        target = raw.get("target")
        if target is not None and not Decimal(0) < Decimal(str(target)) <= Decimal(100):
            raise PackError(f"rules.toml: [[standings]] {key}: chỉ tiêu phải trên 0 và "
                            "không quá 100")
        rules[key] = StandingRule(key, Decimal(str(target)) if target is not None else None,
                                  str(raw.get("label", "")))
    return rules
