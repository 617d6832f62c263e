"""The reporting outline: the sections of a report (I, the fields of II, the parts III–V)
and their sub-items, read from a pack's catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drafter.domain.indicators import Indicator
from drafter.domain.units import Tier
from drafter.errors import PackError

# How a sub-item is written: under a numbered heading, as a "- Title: …" or "+ Title: …"
# item, or with the lead its template writes itself.
ITEM_STYLES = ("heading", "dash", "plus", "own")


@dataclass(frozen=True)
class Item:
    """A sub-item of the reporting outline (I.3 tuyên truyền, II.2 số hóa …): the indicators
    it states, how it is written, the tiers it is for (empty: all), its title where a tier
    names it otherwise (a department's staff are "công chức, viên chức", not "CBCC") and its
    ``label`` in messages and the TUI where notes and documents go (``I.2 Kế hoạch CCHC``)."""

    id: str
    title: str
    section: str
    keys: tuple[str, ...] = ()
    style: str = ""
    tiers: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()
    label: str = ""

    def applies_to(self, tier: str) -> bool:
        return not self.tiers or tier in self.tiers

    def title_for(self, tier: str) -> str:
        return dict(self.titles).get(tier, self.title)


@dataclass(frozen=True)
class Section:
    """A section of the outline with its sub-items; the sections hold indicators, the parts
    (``part = True``: assessment, tasks, proposals) only what an official picks or writes.
    ``number`` is its number in the report (``II.1``, ``III.``), ``short`` its short name
    in the TUI's sidebar, ``label`` its name in messages (default: number and title)."""

    id: str
    title: str
    items: tuple[Item, ...] = ()
    part: bool = False
    number: str = ""
    short: str = ""
    label: str = ""

    @property
    def heading(self) -> str:
        """``II.2 Cải cách thủ tục hành chính``: the number and the title."""
        return f"{self.number} {self.title}".strip()

    @property
    def named(self) -> str:
        """What messages call it: its label, else its heading."""
        return self.label or self.heading


def parse_outline(doc: Mapping[str, Any], indicators: Mapping[str, Indicator]
             ) -> tuple[list[Section], list[Section]]:
    sections = [_section(raw, _items(raw, indicators, False), False)
                for raw in doc.get("section", [])]
    parts = [_section(raw, _items(raw, indicators, True), True) for raw in doc.get("part", [])]
    seen: set[str] = set()
    for section in (*sections, *parts):
        for item in section.items:
            if item.id in seen:
                raise PackError(f"tiểu mục {item.id} khai báo hai lần")
            seen.add(item.id)
    return sections, parts


def _section(raw: Mapping[str, Any], items: tuple[Item, ...], part: bool) -> Section:
    return Section(str(raw["id"]), str(raw["title"]), items, part, str(raw.get("number", "")),
                   str(raw.get("short", "")), str(raw.get("label", "")))


def _items(raw_section: Mapping[str, Any], indicators: Mapping[str, Indicator],
           part: bool) -> tuple[Item, ...]:
    """The sub-items of a section; a section that declares none (a pack made before the
    outline) has one, named as itself, stating all of its indicators."""
    section_id = str(raw_section["id"])
    default_style = "" if part else str(raw_section.get("item_style", "dash"))
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
        titles = tuple((str(tier), str(title)) for tier, title in raw.get("titles", {}).items())
        unknown = [tier for tier in (*tiers, *(tier for tier, _ in titles))
                   if tier not in {t.value for t in Tier}]
        if unknown:
            raise PackError(f"{where}: cấp không có: {', '.join(unknown)}")
        items.append(Item(item_id, str(raw["title"]), section_id, keys, style, tiers, titles,
                          str(raw.get("label", ""))))
    return tuple(items)
