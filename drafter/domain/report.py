"""The report as entered: unit, period, issuing details, figures and qualitative lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from drafter.domain.catalogue import DEFAULT_KIND
from drafter.domain.documents import DocRef
from drafter.domain.periods import Period
from drafter.domain.units import Unit

Value = int | Decimal | bool | str

# Qualitative lists a report carries, in document order, with their Vietnamese names.
LISTS: dict[str, str] = {
    "strengths": "Ưu điểm",
    "shortcomings": "Tồn tại, hạn chế",
    "causes": "Nguyên nhân",
    "tasks": "Nhiệm vụ trọng tâm",
    "proposals": "Kiến nghị, đề xuất",
}

# Carried documents reviewed as a whole, by the name ``Report.review`` gives them.
BASIS = "basis"
REVIEWED_DOCUMENTS: dict[str, str] = {BASIS: "Văn bản căn cứ"}

# Marks in ``Report.review`` for what a new period took over from the last one besides
# figures and lists: a phrase picked (by its id) and an own sentence (by the sentence id).
PHRASE_MARK = "phrase:"
OVERRIDE_MARK = "override:"
# A report read from a Word file made by hand (``drafter report import-word``) says so in
# ``Report.review``: one mark naming the file, then one per line the reading left for the
# official (a row not matched, a rate its counts contradict, a number not read).
WORD_MARK = "word:"


class Status(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


@dataclass
class Report:
    """One periodic CCHC report of one unit.

    ``number`` is the register number (``12`` → ``Số: 12/BC-UBND``); ``None`` leaves the
    number spaced for the clerk to fill in. ``figures`` maps indicator keys to entered values;
    rates are never stored, they are derived. ``stated`` holds values as written elsewhere
    (the narrative of a received report, a workbook's rate column): they are never printed,
    only checked against the figures. ``review`` names the figures and lists carried from the
    previous period that the official has not yet confirmed. ``shortcoming_causes`` gives,
    by the id of an assessment rule (``assessment.toml``), the causes of that shortcoming: a
    key of the pack's cause list or the official's own words. ``version`` is the stored
    version the report was read at (``None`` when it did not come from the store): saving
    it back fails if someone else saved the report meanwhile.

    ``rates`` are rates entered directly, as a percentage, where their counts are unknown (a
    reference that states only "90,4%"); counts win when both are given. ``phrases`` are the
    ids of the pack's standard sentences the official picked (``phrases.toml``), and
    ``overrides`` the official's own words for generated sentences, by sentence id: a
    replacement, or ``""`` to leave the sentence out.

    ``kind`` is the kind of report (its pack's ``kind``): part of its identity with the unit
    and the period, and what names the pack that reads, checks and renders it.
    """

    unit: Unit
    period: Period
    date: dt.date
    number: str | None = None
    recipient: str = ""
    data_from: dt.date | None = None
    data_to: dt.date | None = None
    basis: list[DocRef] = field(default_factory=list)
    documents: list[DocRef] = field(default_factory=list)
    figures: dict[str, Value] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    status: Status = Status.DRAFT
    stated: dict[str, Decimal] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    shortcoming_causes: dict[str, list[str]] = field(default_factory=dict)
    rates: dict[str, Decimal] = field(default_factory=dict)
    phrases: list[str] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)
    kind: str = DEFAULT_KIND
    version: int | None = field(default=None, compare=False)

    @property
    def file_stem(self) -> str:
        """``xa-thanh-mai-2024-Q1``: the name of the report's files; a report of another kind
        than the first has its kind in it (``xa-thanh-mai-kntc-2024-Q1``)."""
        kind = "" if self.kind == DEFAULT_KIND else f"-{self.kind}"
        return f"{self.unit.code}{kind}-{self.period.code}"

    def items(self, name: str) -> list[str]:
        """A qualitative list (``strengths``, ``tasks`` …); empty when not given."""
        return self.lists.get(name, [])

    def documents_for(self, section: str) -> list[DocRef]:
        return [doc for doc in self.documents if doc.section == section]
