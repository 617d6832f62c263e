"""Statistical indicators: what a value is (count, rate, money …), how it behaves over
time (stock, flow, cumulative), and reading one from a pack's catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from drafter.errors import PackError


class ValueType(StrEnum):
    COUNT = "count"
    DECIMAL = "decimal"
    MONEY = "money"
    SCORE = "score"
    BOOL = "bool"
    CHOICE = "choice"
    RATE = "rate"
    SUM = "sum"


class Kind(StrEnum):
    STOCK = "stock"
    FLOW = "flow"
    CUMULATIVE = "cumulative"
    DERIVED = "derived"


DERIVED_TYPES = (ValueType.RATE, ValueType.SUM)
NUMERIC_TYPES = (ValueType.COUNT, ValueType.DECIMAL, ValueType.MONEY, ValueType.SCORE)
# Types whose values add up across periods or units; scores and choices never do.
SUMMABLE = (ValueType.COUNT, ValueType.MONEY, ValueType.DECIMAL)


@dataclass(frozen=True)
class Indicator:
    """One statistical indicator; rates name the two counts they are derived from."""

    key: str
    label: str
    unit: str
    section: str
    type: ValueType = ValueType.COUNT
    kind: Kind = Kind.FLOW
    numerator: str = ""
    denominator: str = ""
    parts: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    rollup: str = ""
    rollup_from: str = ""
    # A sum known only when every part is (the files newly received: online and in person —
    # half of them is not a denominator).
    complete: bool = False

    @property
    def derived(self) -> bool:
        return self.type in DERIVED_TYPES


def parse_indicator(section: str, raw: Mapping[str, Any]) -> Indicator:
    key = str(raw["key"])
    try:
        value_type = ValueType(raw.get("type", "count"))
        kind = Kind("derived" if value_type in DERIVED_TYPES else raw.get("kind", "flow"))
    except ValueError as exc:
        raise PackError(f"chỉ tiêu {key}: {exc}") from exc
    return Indicator(
        key=key,
        label=str(raw["label"]),
        unit=str(raw["unit"]),
        section=section,
        type=value_type,
        kind=kind,
        numerator=str(raw.get("numerator", "")),
        denominator=str(raw.get("denominator", "")),
        parts=tuple(raw.get("parts", ())),
        options=tuple(raw.get("options", ())),
        rollup=str(raw.get("rollup", "")),
        rollup_from=str(raw.get("rollup_from", "")),
        complete=bool(raw.get("complete", False)),
    )


def parse_aliases(indicators: Mapping[str, Indicator], raws: Mapping[str, list[Any]]
             ) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for key, old_keys in raws.items():
        for old in old_keys:
            if old in indicators or old in aliases:
                raise PackError(f"chỉ tiêu {key}: tên cũ {old} đã được dùng")
            aliases[str(old)] = key
    return aliases
