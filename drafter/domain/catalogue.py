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
    unit: str = ""  # the form's own unit of measure, when it differs from the indicator's
    note: str = ""  # the form's Ghi chú for this row

    @property
    def is_group(self) -> bool:
        return not self.key

    @property
    def depth(self) -> int:
        """1 for ``1``, 2 for ``1.1``, 3 for ``1.2.1``; sub-rows sit one below their rate."""
        return self.stt.count(".") + 1 if self.stt else 4


# What an appendix column may show, and the built-in form's columns.
COLUMN_FIELDS = ("stt", "label", "unit", "value", "note")


@dataclass(frozen=True)
class Column:
    """A column of a province's own appendix form: the field it shows, its heading and its
    relative width."""

    field: str
    heading: str
    width: float


@dataclass(frozen=True)
class Layout:
    """An appendix form; ``columns`` empty means the built-in five (STT, Chỉ tiêu thống kê,
    Đơn vị tính, Số liệu, Ghi chú)."""

    label: str
    title: str
    rows: tuple[LayoutRow, ...]
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class CommuneTable:
    """The district appendix that lists each commune: ``columns`` are (key, heading) pairs."""

    label: str
    title: str
    columns: tuple[tuple[str, str], ...]


# How a sub-item is written: under a numbered heading, as a "- Title: …" or "+ Title: …"
# item, or with the lead its template writes itself.
ITEM_STYLES = ("heading", "dash", "plus", "own")


@dataclass(frozen=True)
class Item:
    """A sub-item of the reporting outline (I.3 tuyên truyền, II.2 số hóa …): the indicators
    it states, how it is written, and the tiers it is for (empty: all)."""

    id: str
    title: str
    section: str
    keys: tuple[str, ...] = ()
    style: str = ""
    tiers: tuple[str, ...] = ()

    def applies_to(self, tier: str) -> bool:
        return not self.tiers or tier in self.tiers


@dataclass(frozen=True)
class Section:
    """A section of the outline with its sub-items; the seven of I and II hold indicators,
    the parts of III–V (``part = True``) only what an official picks or writes."""

    id: str
    title: str
    items: tuple[Item, ...] = ()
    part: bool = False


@dataclass
class Catalogue:
    """All indicators by key, in catalogue order, with the appendix layout of each tier, and
    the outline: ``sections`` (I and II, with indicators) and ``parts`` (III–V), each with
    its sub-items. ``aliases`` maps former indicator keys to current ones."""

    indicators: dict[str, Indicator]
    sections: list[Section]
    layouts: dict[Tier, Layout] = field(default_factory=dict)
    commune_table: CommuneTable | None = None
    parts: list[Section] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)

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


def _items(raw_section: Mapping[str, Any], indicators: Mapping[str, Indicator],
           part: bool) -> tuple[Item, ...]:
    """The sub-items of a section; a section that declares none (a pack made before the
    outline) has one, named as itself, stating all of its indicators."""
    section_id = str(raw_section["id"])
    default_style = "" if part else ("heading" if section_id == "direction" else "dash")
    raws = raw_section.get("items")
    if raws is None:
        keys = tuple(ind.key for ind in indicators.values() if ind.section == section_id)
        return (Item(section_id, str(raw_section["title"]), section_id, keys, default_style),)
    items = []
    for raw in raws:
        item_id = str(raw.get("id", ""))
        where = f"mục {section_id}, tiểu mục {item_id or '?'}"
        if not item_id or not raw.get("title"):
            raise PackError(f"{where}: thiếu id hoặc title")
        keys = tuple(str(key) for key in raw.get("keys", ()))
        for key in keys:
            if key not in indicators:
                raise PackError(f"{where}: chỉ tiêu không có trong danh mục: {key}")
        style = str(raw.get("style", default_style))
        if not part and style not in ITEM_STYLES:
            raise PackError(f"{where}: style không hợp lệ: {style} "
                            f"(dùng {', '.join(ITEM_STYLES)})")
        tiers = tuple(str(tier) for tier in raw.get("tiers", ()))
        unknown = [tier for tier in tiers if tier not in {t.value for t in Tier}]
        if unknown:
            raise PackError(f"{where}: cấp không có: {', '.join(unknown)}")
        items.append(Item(item_id, str(raw["title"]), section_id, keys, style, tiers))
    return tuple(items)


def _outline(doc: Mapping[str, Any], indicators: Mapping[str, Indicator]
             ) -> tuple[list[Section], list[Section]]:
    sections = [Section(raw["id"], raw["title"], _items(raw, indicators, False))
                for raw in doc.get("section", [])]
    parts = [Section(raw["id"], raw["title"], _items(raw, indicators, True), part=True)
             for raw in doc.get("part", [])]
    seen: set[str] = set()
    for section in (*sections, *parts):
        for item in section.items:
            if item.id in seen:
                raise PackError(f"tiểu mục {item.id} khai báo hai lần")
            seen.add(item.id)
    return sections, parts


def _aliases(indicators: Mapping[str, Indicator], raws: Mapping[str, list[Any]]
             ) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for key, old_keys in raws.items():
        for old in old_keys:
            if old in indicators or old in aliases:
                raise PackError(f"chỉ tiêu {key}: tên cũ {old} đã được dùng")
            aliases[str(old)] = key
    return aliases


def build_catalogue(
    indicators_doc: Mapping[str, Any], appendix_doc: Mapping[str, Any]
) -> Catalogue:
    """Build and cross-check the catalogue from parsed ``catalogue.toml`` and ``appendix.toml``."""
    indicators: dict[str, Indicator] = {}
    former: dict[str, list[Any]] = {}
    for raw_section in indicators_doc.get("section", []):
        for raw in raw_section.get("indicators", []):
            indicator = _indicator(raw_section["id"], raw)
            if indicator.key in indicators:
                raise PackError(f"chỉ tiêu {indicator.key} khai báo hai lần")
            indicators[indicator.key] = indicator
            former[indicator.key] = list(raw.get("aliases", ()))
    sections, parts = _outline(indicators_doc, indicators)
    aliases = _aliases(indicators, former)
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
        rows = [_layout_row(tier.value, raw, indicators, aliases) for raw in raw_layout["rows"]]
        layouts[tier] = Layout(raw_layout["label"], raw_layout["title"], tuple(rows),
                               _columns(tier.value, raw_layout.get("columns", [])))
    return Catalogue(indicators, sections, layouts, _commune_table(appendix_doc, indicators),
                     parts, aliases)


def _layout_row(tier: str, raw: Mapping[str, Any], indicators: Mapping[str, Indicator],
                aliases: Mapping[str, str]) -> LayoutRow:
    key = str(raw.get("key", ""))
    key = aliases.get(key, key)
    stt = str(raw.get("stt", ""))
    if key and key not in indicators:
        raise PackError(f"biểu {tier}: chỉ tiêu không có trong danh mục: {key}")
    label = str(raw.get("label") or (indicators[key].label if key else ""))
    # A row with a unit or a sub-row's place but no key would print an empty value in
    # silence: on a province's own form it is a forgotten key, never a group heading.
    if not key and (raw.get("unit") or raw.get("sub")):
        raise PackError(f"biểu {tier}: hàng {stt or label!r} không gắn chỉ tiêu nào "
                        "(thiếu key)")
    return LayoutRow(stt, label, key, bool(raw.get("sub", False)), str(raw.get("unit", "")),
                     str(raw.get("note", "")))


def _columns(tier: str, raw: Any) -> tuple[Column, ...]:
    columns = []
    for column in raw:
        name = str(column.get("field", ""))
        if name not in COLUMN_FIELDS:
            raise PackError(f"biểu {tier}: cột không có: {name!r} (dùng "
                            f"{', '.join(COLUMN_FIELDS)})")
        try:
            width = float(column.get("width", 20))
        except (TypeError, ValueError):
            raise PackError(f"biểu {tier}: độ rộng cột {name} không hợp lệ") from None
        columns.append(Column(name, str(column.get("heading", "")), width))
    fields = [column.field for column in columns]
    if columns and not {"label", "value"} <= set(fields):
        raise PackError(f"biểu {tier}: phải có cột label và cột value")
    if len(set(fields)) != len(fields):
        raise PackError(f"biểu {tier}: một cột khai báo hai lần")
    return tuple(columns)


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
