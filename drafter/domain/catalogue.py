"""The indicator catalogue: every indicator of a pack with its outline and appendix forms,
built and cross-checked from the pack's ``catalogue.toml`` and ``appendix.toml``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from drafter.domain.appendix_layout import (
    LAYOUT_FALLBACK,
    CommuneTable,
    Layout,
    parse_columns,
    parse_commune_table,
    parse_layout_row,
)
from drafter.domain.indicators import (
    Indicator,
    OverTime,
    ValueType,
    parse_aliases,
    parse_indicator,
)
from drafter.domain.outline import Item, Section, parse_outline
from drafter.domain.units import Tier
from drafter.errors import PackError

# The kind of report of a pack that names none (``kind`` in pack.toml), and of every report
# stored before kinds existed: the administrative-reform (CCHC) report drafter began with.
DEFAULT_KIND = "cchc"


@dataclass
class Catalogue:
    """All indicators by key, in catalogue order, with the appendix layout of each tier, and
    the outline: ``sections`` (I and II, with indicators) and ``parts`` (III–V), each with
    its sub-items. ``aliases`` maps former indicator keys to current ones. ``kind`` is the
    kind of report the catalogue describes (its pack's ``kind``): a store or a data file
    read by it holds reports of that kind only."""

    indicators: dict[str, Indicator]
    sections: list[Section]
    layouts: dict[Tier, Layout] = field(default_factory=dict)
    commune_table: CommuneTable | None = None
    parts: list[Section] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    department_table: CommuneTable | None = None
    kind: str = DEFAULT_KIND

    def __getitem__(self, key: str) -> Indicator:
        return self.indicators[key]

    def __contains__(self, key: object) -> bool:
        return key in self.indicators

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators.values())

    def in_section(self, section: str) -> list[Indicator]:
        return [ind for ind in self if ind.section == section]

    def canonical(self, key: str) -> str:
        """The current key of ``key`` (itself unless it is a former key)."""
        return self.aliases.get(key, key)

    @property
    def outline(self) -> list[Section]:
        """Every section of the report in order: I, the fields of II, then III–V."""
        return [*self.sections, *self.parts]

    def items(self) -> list[Item]:
        """Every sub-item, in report order."""
        return [item for section in self.outline for item in section.items]

    def item(self, item_id: str) -> Item | None:
        return next((item for item in self.items() if item.id == item_id), None)

    def target_names(self, tier: str = "") -> dict[str, str]:
        """What messages and the TUI call each place notes and documents go, by id: its
        ``label`` (``II.2 Cải cách TTHC``), else a section's number and title and a
        sub-item's section number and its title for ``tier`` (``II.1 · Theo dõi thi hành
        pháp luật``)."""
        found = {}
        for section in self.sections:
            found[section.id] = section.named
            number = section.number.rstrip(".")
            for item in section.items:
                title = item.title_for(tier).replace("{superior}", "cấp trên")
                found.setdefault(item.id, item.label or f"{number} · {title}".lstrip(" ·"))
        for section in self.sections:  # a sub-item named as its section: the item's label
            found.update({item.id: item.label for item in section.items if item.label})
        return found

    def labelled(self) -> dict[str, str]:
        """The places notes go that the pack names with a ``label``, in report order."""
        found = {}
        for section in self.sections:
            if section.label:
                found[section.id] = section.label
            found.update({item.id: item.label for item in section.items if item.label})
        return found

    def targets(self) -> dict[str, str]:
        """What notes and documents may be attached to: each section of I–II and each
        sub-item, by id, with its title."""
        found = {section.id: section.title for section in self.sections}
        for section in self.sections:
            found.update({item.id: item.title for item in section.items})
        return found

    def layout(self, tier: Tier) -> Layout:
        """The appendix of ``tier``; a pack made before provinces and departments had their
        own gives them the district's."""
        return self.layouts.get(tier) or self.layouts[LAYOUT_FALLBACK[tier]]


def _check_carried(indicator: Indicator, indicators: Mapping[str, Indicator]) -> None:
    """``carried_in`` names the part of a summed flow that the period before counted already
    (it is that period's ``first`` figure); ``carried_from`` the figure of the period before
    that this one starts with (a ``last`` figure)."""
    if indicator.carried_in:
        if indicator.over_time is not OverTime.SUM:
            raise PackError(f"chỉ tiêu {indicator.key}: carried_in chỉ dùng với "
                            "over_time = \"sum\"")
        if indicators[indicator.carried_in].over_time is not OverTime.FIRST:
            raise PackError(f"chỉ tiêu {indicator.key}: carried_in phải là chỉ tiêu có "
                            f"over_time = \"first\" ({indicator.carried_in})")
    if indicator.carried_from:
        if indicator.over_time is not OverTime.FIRST:
            raise PackError(f"chỉ tiêu {indicator.key}: carried_from chỉ dùng với "
                            "over_time = \"first\"")
        if indicators[indicator.carried_from].over_time is not OverTime.LAST:
            raise PackError(f"chỉ tiêu {indicator.key}: carried_from phải là chỉ tiêu có "
                            f"over_time = \"last\" ({indicator.carried_from})")


def build_catalogue(
    indicators_doc: Mapping[str, Any], appendix_doc: Mapping[str, Any],
    kind: str = DEFAULT_KIND,
) -> Catalogue:
    """Build and cross-check the catalogue from parsed ``catalogue.toml`` and ``appendix.toml``."""
    indicators: dict[str, Indicator] = {}
    former: dict[str, list[Any]] = {}
    for raw_section in indicators_doc.get("section", []):
        for raw in raw_section.get("indicators", []):
            indicator = parse_indicator(raw_section["id"], raw)
            if indicator.key in indicators:
                raise PackError(f"chỉ tiêu {indicator.key} khai báo hai lần")
            indicators[indicator.key] = indicator
            former[indicator.key] = list(raw.get("aliases", ()))
    sections, parts = parse_outline(indicators_doc, indicators)
    aliases = parse_aliases(indicators, former)
    for indicator in indicators.values():
        refs = [indicator.numerator, indicator.denominator, *indicator.parts]
        if indicator.type is ValueType.RATE and not (indicator.numerator and indicator.denominator):
            raise PackError(f"tỷ lệ {indicator.key} phải có numerator và denominator")
        for ref in [*refs, indicator.carried_in, indicator.carried_from]:
            if ref and ref not in indicators:
                raise PackError(f"chỉ tiêu {indicator.key} tham chiếu chỉ tiêu không có: {ref}")
        _check_carried(indicator, indicators)
    layouts: dict[Tier, Layout] = {}
    for tier in Tier:
        raw_layout = appendix_doc.get(tier.value)
        if raw_layout is None and tier in LAYOUT_FALLBACK:
            continue
        if raw_layout is None:
            raise PackError(f"thiếu biểu thống kê cho cấp {tier.value}")
        rows = [parse_layout_row(tier.value, raw, indicators, aliases)
                for raw in raw_layout["rows"]]
        layouts[tier] = Layout(raw_layout["label"], raw_layout["title"], tuple(rows),
                               parse_columns(tier.value, raw_layout.get("columns", [])))
    return Catalogue(indicators, sections, layouts, parse_commune_table(appendix_doc, indicators),
                     parts, aliases,
                     parse_commune_table(appendix_doc, indicators, "departments"), kind)
