"""The pack's standard sentences an official picks instead of typing (``phrases.toml``).

Each phrase belongs to one sub-item of the outline and may hold slots: ``{files_late}`` (a
figure, written by its type: ``04``, ``99,12%``, ``1.745,5 triệu đồng``), ``{key:ratio}`` for
a rate's two counts (``451/455``), and the words of the unit and period the templates give
(``{self}`` → "UBND xã", ``{office}``, ``{year}`` … see :data:`WORD_SLOTS`). A phrase is used
only where it fits: for its tiers, periods and dates, and when the figures it names by
``if_zero``/``if_positive`` say so — a phrase claiming "no file late" is never printed beside
late files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.domain.periods import PeriodKind
from drafter.domain.units import Tier
from drafter.errors import PackError

# Words a phrase may use, filled by the templates for the unit and period of the report.
WORD_SLOTS = ("self", "kind", "area", "office", "superior", "communes", "year", "plan_year",
              "period")
SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
PHRASE_KEYS = {"id", "item", "text", "tiers", "periods", "since", "until", "if_zero",
               "if_positive"}
# Values a slot cannot print: a yes/no or a choice is a fact to word, not a number.
_UNSLOTTABLE = (ValueType.BOOL, ValueType.CHOICE)


@dataclass(frozen=True)
class Phrase:
    """One standard sentence of sub-item ``item``, without its final punctuation."""

    id: str
    item: str
    text: str
    tiers: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    if_zero: tuple[str, ...] = ()
    if_positive: tuple[str, ...] = ()

    @property
    def slots(self) -> list[tuple[str, str]]:
        """``(name, form)`` of every slot, ``form`` being ``""`` or ``"ratio"``."""
        return [(match.group(1), match.group(2) or "") for match in SLOT.finditer(self.text)]


@dataclass
class Phrases:
    """The pack's phrases in its order (the order they print in within a sub-item)."""

    phrases: list[Phrase] = field(default_factory=list)

    def __contains__(self, phrase_id: object) -> bool:
        return any(phrase.id == phrase_id for phrase in self.phrases)

    def get(self, phrase_id: str) -> Phrase | None:
        return next((phrase for phrase in self.phrases if phrase.id == phrase_id), None)

    def for_item(self, item: str) -> list[Phrase]:
        return [phrase for phrase in self.phrases if phrase.item == item]


def _strings(raw: Any, where: str, name: str) -> tuple[str, ...]:
    values = (raw,) if isinstance(raw, str) else raw
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise PackError(f"phrases.toml: {where}: {name} phải là chuỗi hoặc danh sách chuỗi")
    return tuple(values)


def _date(raw: Any, where: str, name: str) -> dt.date | None:
    if raw is None:
        return None
    if isinstance(raw, dt.date):
        return raw
    raise PackError(f"phrases.toml: {where}: {name} phải là ngày (ví dụ 2025-07-01)")


def _phrase(raw: Mapping[str, Any], index: int, catalogue: Catalogue) -> Phrase:
    where = f"[[phrase]] thứ {index}"
    unknown = set(raw) - PHRASE_KEYS
    if unknown:
        raise PackError(f"phrases.toml: {where}: khóa không có: {', '.join(sorted(unknown))}")
    phrase_id, item, text = (str(raw.get(key, "")).strip() for key in ("id", "item", "text"))
    if not (phrase_id and item and text):
        raise PackError(f"phrases.toml: {where}: thiếu id, item hoặc text")
    where = f"[[phrase]] {phrase_id}"
    if not re.fullmatch(r"[a-z0-9_.-]+", phrase_id):
        raise PackError(f"phrases.toml: {where}: id chỉ gồm chữ thường không dấu, số, _ . -")
    if catalogue.item(item) is None:
        raise PackError(f"phrases.toml: {where}: tiểu mục không có trong danh mục: {item}")
    phrase = Phrase(
        id=phrase_id, item=item, text=text.rstrip(" .;"),
        tiers=_strings(raw.get("tiers", ()), where, "tiers"),
        periods=_strings(raw.get("periods", ()), where, "periods"),
        since=_date(raw.get("since"), where, "since"),
        until=_date(raw.get("until"), where, "until"),
        if_zero=_strings(raw.get("if_zero", ()), where, "if_zero"),
        if_positive=_strings(raw.get("if_positive", ()), where, "if_positive"),
    )
    for tier in phrase.tiers:
        if tier not in {t.value for t in Tier}:
            raise PackError(f"phrases.toml: {where}: cấp không có: {tier}")
    for kind in phrase.periods:
        if kind not in {k.value for k in PeriodKind}:
            raise PackError(f"phrases.toml: {where}: loại kỳ không có: {kind} "
                            f"(dùng {', '.join(k.value for k in PeriodKind)})")
    for key in (*phrase.if_zero, *phrase.if_positive):
        if key not in catalogue:
            raise PackError(f"phrases.toml: {where}: chỉ tiêu không có trong danh mục: {key}")
    for name, form in phrase.slots:
        if name in WORD_SLOTS and not form:
            continue
        if name not in catalogue:
            raise PackError(f"phrases.toml: {where}: chỗ điền {{{name}}} không phải chỉ tiêu "
                            f"của danh mục hay một trong: {', '.join(WORD_SLOTS)}")
        kind = catalogue[name].type
        if kind in _UNSLOTTABLE or (form and (form != "ratio" or kind is not ValueType.RATE)):
            raise PackError(f"phrases.toml: {where}: chỗ điền {{{name}"
                            f"{':' + form if form else ''}}} không dùng được")
    return phrase


def build_phrases(doc: Mapping[str, Any], catalogue: Catalogue) -> Phrases:
    """Build and cross-check a parsed ``phrases.toml`` against the catalogue's outline."""
    phrases = [_phrase(raw, index, catalogue)
               for index, raw in enumerate(doc.get("phrase", []), start=1)]
    ids = [phrase.id for phrase in phrases]
    duplicated = sorted({phrase_id for phrase_id in ids if ids.count(phrase_id) > 1})
    if duplicated:
        raise PackError(f"phrases.toml: id trùng: {', '.join(duplicated)}")
    return Phrases(phrases)
