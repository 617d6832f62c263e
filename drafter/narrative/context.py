"""What templates see: the report, its figures through strict proxies, and appendix rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from drafter.domain.appendix_layout import Layout
from drafter.domain.documents import DocRef
from drafter.domain.figures import Figures
from drafter.domain.indicators import ValueType
from drafter.domain.report import Value
from drafter.domain.units import Unit
from drafter.packs.load import TemplatePack
from drafter.vi.numbers import format_number
from drafter.vi.rates import Rate


class Values:
    """``v.files_received`` in templates: the value or ``None``; unknown keys are errors."""

    def __init__(self, figures: Figures) -> None:
        self._figures = figures

    def __getattr__(self, key: str) -> Value | None:
        if key.startswith("_"):
            raise AttributeError(key)
        return self._figures.value(key)

    def __getitem__(self, key: str) -> Value | None:
        return self._figures.value(key)


class Rates:
    """``r.files_on_time_rate`` in templates: a :class:`Rate`, or ``None`` when a count is
    missing; unknown keys and non-rates are errors."""

    def __init__(self, figures: Figures) -> None:
        self._figures = figures

    def __getattr__(self, key: str) -> Rate | None:
        if key.startswith("_"):
            raise AttributeError(key)
        return self._figures.rate(key)

    def __getitem__(self, key: str) -> Rate | None:
        return self._figures.rate(key)


class Given:
    """``given.e_docs_rate`` in templates: a rate entered directly as a percentage (a
    ``Decimal``) when its counts are not both known, else ``None``; templates quote it on
    its own, never in a sentence with counts."""

    def __init__(self, figures: Figures) -> None:
        self._figures = figures

    def __getattr__(self, key: str) -> Decimal | None:
        if key.startswith("_"):
            raise AttributeError(key)
        return self._figures.given(key)

    def __getitem__(self, key: str) -> Decimal | None:
        return self._figures.given(key)


class Summed:
    """``cx.v.plan_tasks``, ``cx.r.plan_completion_rate`` in templates: the figures summed
    over the reports an aggregating unit received from its communes (``cx``) or its
    departments (``dx``), and the rates derived from those sums."""

    def __init__(self, figures: Figures) -> None:
        self.v = Values(figures)
        self.r = Rates(figures)


# The issuing-body part of a document symbol naming the People's Committee or Council a
# department advises, and who that is in running text.
_SUPERIOR_BODIES = ("UBND", "HĐND")


def issued_by(doc: DocRef, unit: Unit, superior_kind: str) -> str:
    """Who issued a document the unit lists as issued in the period: ``""`` for the unit
    itself, else the issuer as the text names it (``Ban Chỉ đạo CCHC tỉnh``). A department's
    document whose symbol names the People's Committee or Council (``1416/QĐ-UBND``) is that
    body's, advised by the department (``UBND tỉnh``), whatever issuer it defaulted to."""
    own = doc.issuer in ("", unit.short_body, unit.body, unit.label)
    body = (doc.derived_symbol() or "").rsplit("-", 1)[-1]
    if own and not unit.is_committee and body in _SUPERIOR_BODIES:
        return f"{body} {superior_kind or 'tỉnh'}"
    return "" if own else doc.issuer


def documents_by_issuer(docs: Iterable[DocRef], unit: Unit, superior_kind: str
                        ) -> list[tuple[str, list[DocRef]]]:
    """``docs`` grouped by who issued them (the unit's own first, ``""``), in their order."""
    groups: dict[str, list[DocRef]] = {}
    for doc in docs:
        groups.setdefault(issued_by(doc, unit, superior_kind), []).append(doc)
    return sorted(groups.items(), key=lambda group: group[0] != "")


@dataclass(frozen=True)
class AppendixRow:
    kind: str  # group | item | sub
    stt: str
    label: str
    unit: str
    value: str
    note: str
    depth: int

    def cells(self, fields: Iterable[str]) -> list[str]:
        """The row's cells for a form's columns (``stt``, ``label``, ``unit`` …)."""
        return [str(getattr(self, field)) for field in fields]


def cell_value(figures: Figures, key: str, missing: str, yes: str, no: str) -> tuple[str, bool]:
    """The appendix cell for ``key`` and whether it is an undefined 0/0 rate.

    Counts are written without a leading zero here, unlike the narrative.
    """
    indicator = figures.indicator(key)
    if indicator.type is ValueType.RATE:
        rate = figures.rate(key)
        if rate is None:
            return missing, False
        return (missing, True) if rate.value is None else (format_number(rate.value, rate.places),
                                                         False)
    value = figures.value(key)
    if value is None:
        return missing, False
    if isinstance(value, bool):
        return (yes if value else no), False
    if isinstance(value, str):
        return value, False
    places = 0 if indicator.type is ValueType.COUNT else 2
    return format_number(Decimal(value), places), False


def appendix_rows(figures: Figures, layout: Layout, pack: TemplatePack) -> list[AppendixRow]:
    """The rows of the statistical appendix for one tier's layout."""
    missing, undefined_note = pack.missing_cell, pack.undefined_note
    rows = []
    for row in layout.rows:
        if row.is_group:
            rows.append(AppendixRow("group", row.stt, row.label, "", "", "", row.depth))
            continue
        indicator = figures.indicator(row.key)
        value, undefined = cell_value(figures, row.key, missing, "Có", "Không")
        notes = [row.note, undefined_note if undefined else ""]
        given = figures.given(row.key)
        if given is not None:
            # A rate stated without its counts: the form says so beside the number.
            value = format_number(given, 2)
            notes.append(str(pack.settings.get("rate_given_note", "")))
        rows.append(
            AppendixRow(
                "sub" if row.sub else "item",
                row.stt,
                row.label,
                row.unit or indicator.unit,
                value,
                "; ".join(note for note in notes if note),
                row.depth,
            )
        )
    return rows
