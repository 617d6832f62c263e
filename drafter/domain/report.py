"""The report as entered: unit, period, issuing details, figures and qualitative lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

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

# Sections that accept free paragraphs written by the official (``[notes]`` in the data file).
NOTE_SECTIONS: dict[str, str] = {
    "direction": "I.1 Công tác chỉ đạo, điều hành",
    "plan": "I.2 Kế hoạch CCHC",
    "communication": "I.3 Tuyên truyền",
    "inspection": "I.4 Kiểm tra",
    "superior_tasks": "I.5 Nhiệm vụ cấp trên giao",
    "initiatives": "I.6 Sáng kiến, giải pháp",
    "institutions": "II.1 Cải cách thể chế",
    "procedures": "II.2 Cải cách TTHC",
    "organisation": "II.3 Cải cách tổ chức bộ máy",
    "civil_service": "II.4 Cải cách chế độ công vụ",
    "finance": "II.5 Cải cách tài chính công",
    "e_government": "II.6 Chính quyền điện tử, chính quyền số",
}

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
    version: int | None = field(default=None, compare=False)

    def items(self, name: str) -> list[str]:
        """A qualitative list (``strengths``, ``tasks`` …); empty when not given."""
        return self.lists.get(name, [])

    def documents_for(self, section: str) -> list[DocRef]:
        return [doc for doc in self.documents if doc.section == section]
