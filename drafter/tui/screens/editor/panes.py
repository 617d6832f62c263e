"""The editor's panes: their names, where each field lives, and the widgets of each pane."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.widget import Widget

from drafter.checks import assessment_of
from drafter.domain.catalogue import Catalogue
from drafter.domain.indicators import ValueType
from drafter.domain.phrases import Phrase, Phrases
from drafter.domain.report import LISTS, NOTE_SECTIONS, OVERRIDE_MARK, PHRASE_MARK
from drafter.domain.tier_indicators import shown_to
from drafter.narrative.assessment import Finding
from drafter.tui.screens.editor.editing import FIGURE, Editing
from drafter.tui.widgets.causes import CausesEditor
from drafter.tui.widgets.documents import DocumentsEditor
from drafter.tui.widgets.figure_row import FigureRow, RateRow
from drafter.tui.widgets.given_rates import GivenRates
from drafter.tui.widgets.issuing import ISSUING_FIELDS, IssuingEditor
from drafter.tui.widgets.list_editor import EDITING, ListEditor
from drafter.tui.widgets.phrases import PhrasePicker
from drafter.tui.widgets.text import Label

NUMBERS = {"direction": "I.", "institutions": "II.1", "procedures": "II.2",
           "organisation": "II.3", "civil_service": "II.4", "finance": "II.5",
           "e_government": "II.6"}
# Short names that fit the sidebar at 80 columns; the pane shows the full title.
SHORT = {"direction": "I. Chỉ đạo, điều hành", "institutions": "II.1 Thể chế",
         "procedures": "II.2 Thủ tục hành chính", "organisation": "II.3 Tổ chức bộ máy",
         "civil_service": "II.4 Chế độ công vụ", "finance": "II.5 Tài chính công",
         "e_government": "II.6 Chính quyền số"}
OTHER_PANES = {"basis": "Văn bản căn cứ", "documents": "Văn bản đã ban hành",
               "assessment": "III. Đánh giá chung", "tasks": "IV. Nhiệm vụ trọng tâm",
               "proposals": "V. Kiến nghị, đề xuất", "issuing": "Thông tin ban hành",
               "checks": "Kiểm tra số liệu", "preview": "Xem trước"}
PANE_LISTS = {"assessment": ("strengths", "shortcomings", "causes"), "tasks": ("tasks",),
              "proposals": ("proposals",)}
DOCUMENT_PANES = {"basis": "Văn bản căn cứ: văn bản của cấp trên mà báo cáo này thực hiện",
                  "documents": "Văn bản đơn vị đã ban hành trong kỳ"}
BUILT_WHEN_SHOWN = ("checks", "preview")  # filled on demand, not from the report
CAUSES = "shortcoming_causes"


class Panes:
    """What the editor shows of a report: which figures (those of the unit's level, and any
    other that holds a value or a draft) and which pane holds each field."""

    def __init__(self, editing: Editing, catalogue: Catalogue,
                 phrases: Phrases | None = None) -> None:
        self.editing = editing
        self.catalogue = catalogue
        self.phrases = phrases or Phrases()
        report = editing.report
        typed = {box.removeprefix(FIGURE) for box in editing.drafts if box.startswith(FIGURE)}
        self.shown = shown_to(catalogue, report.unit.tier) | set(report.figures) | typed
        self.ids = [s.id for s in catalogue.sections] + list(OTHER_PANES)

    def indicators(self, pane: str) -> list[str]:
        """The keys of the figures shown in a catalogue section, in catalogue order."""
        return [ind.key for ind in self.catalogue.in_section(pane) if ind.key in self.shown]

    def of(self, field: str) -> str | None:
        """The pane holding a field: an indicator, a list, a note, documents, issuing."""
        if field in self.catalogue:
            return self.catalogue[field].section if field in self.shown else None
        if field in LISTS:
            return next(p for p, names in PANE_LISTS.items() if field in names)
        if field == CAUSES:
            return "assessment"
        if field.startswith("note:"):
            return field.removeprefix("note:")
        if field.startswith(PHRASE_MARK):
            phrase = self.phrases.get(field.removeprefix(PHRASE_MARK))
            item = self.catalogue.item(phrase.item) if phrase else None
            return item.section if item else None
        if field.startswith(OVERRIDE_MARK):
            return "preview"
        if field in DOCUMENT_PANES:
            return field
        return "issuing" if field in ISSUING_FIELDS else None

    def short(self, pane: str) -> str:
        return SHORT.get(pane) or OTHER_PANES.get(pane) or pane

    def title(self, pane: str) -> str:
        """``II.2 Cải cách thủ tục hành chính``: a catalogue section numbered, or the pane."""
        for section in self.catalogue.sections:
            if section.id == pane:
                return f"{NUMBERS[pane]} {section.title}"
        return OTHER_PANES[pane]

    def carried(self, pane: str) -> bool:
        """Whether the pane holds figures or lists carried from last period, not confirmed."""
        return any(self.of(field) == pane for field in self.editing.report.review)

    def builders(self, pane: str) -> list[Callable[[], list[Widget]]]:
        """The content of one pane, top to bottom, in pieces built from the report and the
        drafts as they are when each is called: the editor builds a section's first
        screenful at once and the rest after the screen is drawn."""
        if pane not in NUMBERS:  # lists, documents or issuing: a few widgets, in one piece
            return [partial(self._other, pane)]
        title = Label(self.title(pane), classes="subtitle")
        builders: list[Callable[[], list[Widget]]] = [lambda: [title]]
        builders += [partial(self._row, key) for key in self.indicators(pane)]
        builders += [partial(self._given, pane), partial(self._phrases, pane)]
        if pane in NOTE_SECTIONS:
            builders.append(partial(self._note, pane))
        return builders

    def _other(self, pane: str) -> list[Widget]:
        report, drafts = self.editing.report, self.editing.drafts
        if pane in DOCUMENT_PANES:
            own = report.unit.short_body if pane == "documents" else ""
            docs = report.documents if pane == "documents" else report.basis
            return [DocumentsEditor(pane, DOCUMENT_PANES[pane], docs, own, drafts,
                                    pane in report.review, self.places())]
        if pane in PANE_LISTS:
            lists: list[Widget] = [self._list(name, LISTS[name], report.items(name))
                                   for name in PANE_LISTS[pane]]
            if pane == "assessment":  # each shortcoming's causes before the general ones
                lists.insert(2, self._causes())
            return [*lists, *self._phrases(pane)]
        return [IssuingEditor(report, drafts)]

    def _row(self, key: str) -> list[Widget]:
        editing = self.editing
        report, indicator = editing.report, self.catalogue[key]
        if indicator.derived:
            return [RateRow(indicator)]
        before = editing.previous.figures.get(key) if editing.previous else None
        return [FigureRow(indicator, report.figures.get(key), before,
                          editing.typed(FIGURE + key), key in report.review)]

    def _note(self, pane: str) -> list[Widget]:
        return [self._list(f"note:{pane}", "Đoạn văn bổ sung ở mục này",
                           self.editing.report.notes.get(pane, []))]

    def _causes(self) -> CausesEditor:
        editing, pack = self.editing, self.editing.session.pack

        def findings() -> tuple[Finding, ...]:
            return assessment_of(editing.report, pack, editing.previous).shortcomings

        return CausesEditor(findings, editing.report.shortcoming_causes,
                            pack.assessment.causes, editing.drafts)

    def places(self) -> dict[str, str]:
        """Where a document may be cited: each section ("II.1 Cải cách thể chế") followed by
        its sub-items ("II.1 · Theo dõi tình hình thi hành pháp luật")."""
        found = {}
        tier = self.editing.report.unit.tier.value
        for section in self.catalogue.sections:
            found[section.id] = NOTE_SECTIONS.get(section.id) or self.title(section.id)
            number = NUMBERS[section.id].rstrip(".")
            for item in section.items:
                title = item.title_for(tier).replace("{superior}", "cấp trên")
                found.setdefault(item.id, NOTE_SECTIONS.get(item.id) or f"{number} · {title}")
        return found

    def pane_phrases(self, pane: str) -> list[Phrase]:
        """The phrases offered in a pane: those of its sub-items for the unit's tier."""
        tier = self.editing.report.unit.tier.value
        section = next((s for s in self.catalogue.outline if s.id == pane), None)
        items = [item.id for item in section.items if item.applies_to(tier)] if section else []
        return [phrase for item in items for phrase in self.phrases.for_item(item)
                if not phrase.tiers or tier in phrase.tiers]

    def _given(self, pane: str) -> list[Widget]:
        """Boxes for the rates of a pane whose counts are not both entered."""
        report = self.editing.report
        rates = [self.catalogue[key] for key in self.indicators(pane)
                 if self.catalogue[key].type is ValueType.RATE and not (
                     self.catalogue[key].numerator in report.figures
                     and self.catalogue[key].denominator in report.figures)]
        return [GivenRates(pane, rates, report.rates)] if rates else []

    def _phrases(self, pane: str) -> list[Widget]:
        offered = self.pane_phrases(pane)
        if not offered:
            return []
        report = self.editing.report
        carried = [key.removeprefix(PHRASE_MARK) for key in report.review
                   if key.startswith(PHRASE_MARK)]
        return [PhrasePicker(pane, offered, self.catalogue, report.phrases, carried)]

    def _list(self, name: str, title: str, items: list[str]) -> ListEditor:
        box = f"add-{name.replace(':', '-')}"
        editing = self.editing.typed(box + EDITING)
        return ListEditor(name, title, items, self.editing.typed(box) or "",
                          int(editing) if editing else None, name in self.editing.report.review)
