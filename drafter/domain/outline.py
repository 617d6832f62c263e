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
    it states, how it is written, the tiers it is for (empty: all) and its title where a tier
    names it otherwise (a department's staff are "công chức, viên chức", not "CBCC")."""

    id: str
    title: str
    section: str
    keys: tuple[str, ...] = ()
    style: str = ""
    tiers: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()

    def applies_to(self, tier: str) -> bool:
        return not self.tiers or tier in self.tiers

    def title_for(self, tier: str) -> str:
        return dict(self.titles).get(tier, self.title)


@dataclass(frozen=True)
class Section:
    """A section of the outline with its sub-items; the seven of I and II hold indicators,
    the parts of III–V (``part = True``) only what an official picks or writes."""

    id: str
    title: str
    items: tuple[Item, ...] = ()
    part: bool = False


def parse_outline(doc: Mapping[str, Any], indicators: Mapping[str, Indicator]
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
        titles = tuple((str(tier), str(title)) for tier, title in raw.get("titles", {}).items())
        unknown = [tier for tier in (*tiers, *(tier for tier, _ in titles))
                   if tier not in {t.value for t in Tier}]
        if unknown:
            raise PackError(f"{where}: cấp không có: {', '.join(unknown)}")
        items.append(Item(item_id, str(raw["title"]), section_id, keys, style, tiers, titles))
    return tuple(items)
