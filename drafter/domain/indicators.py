"""Statistical indicators: what a value is (count, rate, money …), how it behaves over
time (stock, flow, cumulative), how it combines over periods (a 6-month report from its
quarters), and reading one from a pack's catalogue."""

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


class OverTime(StrEnum):
    """How the values of consecutive periods make the value of the period they cover
    (quarters I and II → 6 tháng). Not how units add up: that is ``rollup``, a stock sums
    over communes but never over quarters."""

    SUM = "sum"  # a flow: what happened in each period, added up
    FIRST = "first"  # carried in from before the period: the first period's
    LAST = "last"  # a level at the end (stock, pending, cumulative within the year)
    ANY = "any"  # a yes/no that happened in the period when it happened in any part
    SAME = "same"  # a description that holds for the whole period when every part agrees
    ASK = "ask"  # a count of distinct things (procedures that had online files): not
    #              combinable, asked for
    DERIVED = "derived"  # rates and sums: computed again from the combined figures


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
    over_time: OverTime = OverTime.SUM
    carried_in: str = ""
    carried_from: str = ""
    # A sum known only when every part is (the files newly received: online and in person —
    # half of them is not a denominator).
    complete: bool = False
    # Other wordings of the label in the provinces' own forms, matched when a report made
    # by hand in Word is read (``drafter report import-word``).
    synonyms: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        return self.type in DERIVED_TYPES


def default_over_time(value_type: ValueType, kind: Kind) -> OverTime:
    """What a catalogue that says nothing means: a flow of a type that adds up is summed, a
    stock and a cumulative figure are the last period's; a flow that cannot be added (a
    yes/no, a choice, a score) is asked for."""
    if kind is Kind.DERIVED:
        return OverTime.DERIVED
    if kind is not Kind.FLOW:
        return OverTime.LAST
    return OverTime.SUM if value_type in SUMMABLE else OverTime.ASK


def _over_time(key: str, value_type: ValueType, kind: Kind, raw: Mapping[str, Any]) -> OverTime:
    if "over_time" not in raw:
        return default_over_time(value_type, kind)
    if raw["over_time"] not in set(OverTime):
        raise PackError(f"chỉ tiêu {key}: over_time phải là một trong: "
                        f"{', '.join(OverTime)} (không phải {raw['over_time']!r})")
    rule = OverTime(raw["over_time"])
    if kind is Kind.DERIVED or rule is OverTime.DERIVED:
        if rule is not default_over_time(value_type, kind):
            raise PackError(f"chỉ tiêu {key}: over_time = \"{rule}\" chỉ dùng cho tỷ lệ và "
                            "tổng tính từ số liệu khác (derived), và chúng luôn là derived")
    elif rule is OverTime.SUM and value_type not in SUMMABLE:
        raise PackError(f"chỉ tiêu {key}: over_time = \"sum\" không dùng được cho kiểu "
                        f"{value_type} (không cộng được)")
    elif rule is OverTime.ANY and value_type is not ValueType.BOOL:
        raise PackError(f"chỉ tiêu {key}: over_time = \"any\" chỉ dùng cho kiểu bool")
    return rule


def parse_indicator(section: str, raw: Mapping[str, Any]) -> Indicator:
    key = str(raw["key"])
    try:
        value_type = ValueType(raw.get("type", "count"))
        kind = Kind("derived" if value_type in DERIVED_TYPES else raw.get("kind", "flow"))
        over_time = _over_time(key, value_type, kind, raw)
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
        over_time=over_time,
        carried_in=str(raw.get("carried_in", "")),
        carried_from=str(raw.get("carried_from", "")),
        complete=bool(raw.get("complete", False)),
        synonyms=tuple(str(text) for text in raw.get("synonyms", ())),
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
