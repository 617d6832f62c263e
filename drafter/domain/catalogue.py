"""The indicator catalogue and the appendix layouts, loaded from a template pack's data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from drafter.domain.units import Tier
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
# Tiers whose appendix a pack may leave out, and the tier whose appendix they use then.
LAYOUT_FALLBACK = {Tier.PROVINCE: Tier.DISTRICT, Tier.DEPARTMENT: Tier.DISTRICT}
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

    @property
    def derived(self) -> bool:
        return self.type in DERIVED_TYPES


@dataclass(frozen=True)
class LayoutRow:
    """One appendix row: a group heading (no key), an indicator row, or an italic sub-row."""

    stt: str
    label: str
    key: str = ""
    sub: bool = False

    @property
    def is_group(self) -> bool:
        return not self.key

    @property
    def depth(self) -> int:
        """1 for ``1``, 2 for ``1.1``, 3 for ``1.2.1``; sub-rows sit one below their rate."""
        return self.stt.count(".") + 1 if self.stt else 4


@dataclass(frozen=True)
class Layout:
    label: str
    title: str
    rows: tuple[LayoutRow, ...]


@dataclass(frozen=True)
class CommuneTable:
    """The district appendix that lists each commune: ``columns`` are (key, heading) pairs."""

    label: str
    title: str
    columns: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass
class Catalogue:
    """All indicators by key, in catalogue order, with the appendix layout of each tier."""

    indicators: dict[str, Indicator]
    sections: list[Section]
    layouts: dict[Tier, Layout] = field(default_factory=dict)
    commune_table: CommuneTable | None = None

    def __getitem__(self, key: str) -> Indicator:
        return self.indicators[key]

    def __contains__(self, key: object) -> bool:
        return key in self.indicators

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators.values())

    def in_section(self, section: str) -> list[Indicator]:
        return [ind for ind in self if ind.section == section]

    def layout(self, tier: Tier) -> Layout:
        """The appendix of ``tier``; a pack made before provinces and departments had their
        own gives them the district's."""
        return self.layouts.get(tier) or self.layouts[LAYOUT_FALLBACK[tier]]


def _indicator(section: str, raw: Mapping[str, Any]) -> Indicator:
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
    )


def build_catalogue(
    indicators_doc: Mapping[str, Any], appendix_doc: Mapping[str, Any]
) -> Catalogue:
    """Build and cross-check the catalogue from parsed ``catalogue.toml`` and ``appendix.toml``."""
    indicators: dict[str, Indicator] = {}
    sections: list[Section] = []
    for raw_section in indicators_doc.get("section", []):
        sections.append(Section(raw_section["id"], raw_section["title"]))
        for raw in raw_section.get("indicators", []):
            indicator = _indicator(raw_section["id"], raw)
            if indicator.key in indicators:
                raise PackError(f"chỉ tiêu {indicator.key} khai báo hai lần")
            indicators[indicator.key] = indicator
    for indicator in indicators.values():
        refs = [indicator.numerator, indicator.denominator, *indicator.parts]
        if indicator.type is ValueType.RATE and not (indicator.numerator and indicator.denominator):
            raise PackError(f"tỷ lệ {indicator.key} phải có numerator và denominator")
        for ref in refs:
            if ref and ref not in indicators:
                raise PackError(f"chỉ tiêu {indicator.key} tham chiếu chỉ tiêu không có: {ref}")
    layouts: dict[Tier, Layout] = {}
    for tier in Tier:
        raw_layout = appendix_doc.get(tier.value)
        if raw_layout is None and tier in LAYOUT_FALLBACK:
            continue
        if raw_layout is None:
            raise PackError(f"thiếu biểu thống kê cho cấp {tier.value}")
        rows = []
        for raw in raw_layout["rows"]:
            key = str(raw.get("key", ""))
            if key and key not in indicators:
                raise PackError(f"biểu {tier.value}: chỉ tiêu không có trong danh mục: {key}")
            label = str(raw.get("label") or (indicators[key].label if key else ""))
            rows.append(LayoutRow(str(raw.get("stt", "")), label, key, bool(raw.get("sub", False))))
        layouts[tier] = Layout(raw_layout["label"], raw_layout["title"], tuple(rows))
    return Catalogue(indicators, sections, layouts, _commune_table(appendix_doc, indicators))


def _commune_table(appendix_doc: Mapping[str, Any],
                   indicators: Mapping[str, Indicator]) -> CommuneTable | None:
    raw = appendix_doc.get("communes")
    if raw is None:
        return None
    columns = []
    for column in raw.get("columns", []):
        key = str(column.get("key", ""))
        if key not in indicators:
            raise PackError(f"biểu các xã: chỉ tiêu không có trong danh mục: {key}")
        columns.append((key, str(column.get("label") or indicators[key].label)))
    return CommuneTable(str(raw.get("label", "")), str(raw.get("title", "")), tuple(columns))
