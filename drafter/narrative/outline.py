"""The outline as templates walk it: for one report, the sub-items of a section that apply to
its unit and have something to say — a figure entered, a phrase picked, a note or a document
attached — in the catalogue's order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drafter.domain.catalogue import Catalogue
from drafter.domain.figures import Figures
from drafter.domain.outline import Item, Section
from drafter.domain.report import Report


@dataclass(frozen=True)
class ItemView:
    """A sub-item to write: its id, title (``{superior}`` still to fill) and style."""

    id: str
    title: str
    style: str


# Per catalogue (kept with its table, so that its id stays its own): each sub-item's rates.
_RATES: dict[int, tuple[Catalogue, dict[Item, tuple[str, ...]]]] = {}


def _rate_keys(catalogue: Catalogue, item: Item) -> tuple[str, ...]:
    """The indicators whose numerator or denominator is one of ``item``'s figures, found
    once per catalogue: every report asks it of every sub-item."""
    cached = _RATES.get(id(catalogue))
    if cached is None:
        cached = _RATES[id(catalogue)] = (catalogue, {})
    keys = cached[1].get(item)
    if keys is None:
        keys = cached[1][item] = tuple(ind.key for ind in catalogue if ind.numerator in item.keys
                                       or ind.denominator in item.keys)
    return keys


class OutlineView:
    """``outline.items("procedures")`` in templates."""

    def __init__(self, catalogue: Catalogue, report: Report, figures: Figures,
                 has_phrases: Callable[[str], bool]) -> None:
        self._catalogue = catalogue
        self._report = report
        self._figures = figures
        self._has_phrases = has_phrases

    def present(self, item: Item) -> bool:
        """Whether the report has anything to say under ``item``."""
        report = self._report
        given = any(self._figures.given(key) is not None
                    for key in _rate_keys(self._catalogue, item))
        return (given or any(self._figures.value(key) is not None for key in item.keys)
                or bool(report.notes.get(item.id)) or bool(report.documents_for(item.id))
                or self._has_phrases(item.id))

    def sections(self) -> list[Section]:
        """I and the six fields of II, in the catalogue's order."""
        return list(self._catalogue.sections)

    def is_item(self, item_id: str) -> bool:
        """Whether ``item_id`` names a sub-item (``direction`` is a section and a sub-item)."""
        return self._catalogue.item(item_id) is not None

    def items(self, section_id: str) -> list[ItemView]:
        section = next((s for s in self._catalogue.outline if s.id == section_id), None)
        if section is None:
            return []
        tier = self._report.unit.tier.value
        return [ItemView(item.id, item.title_for(tier), item.style) for item in section.items
                if item.applies_to(tier) and self.present(item)]
