"""The form of one document reference: kind, number, date, issuer or section, subject.

Everything typed is posted as a :class:`Draft` until the form is saved, so a half-filled form
survives leaving the pane, quitting or a kill.
"""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select

from drafter.domain.documents import KIND_SYMBOLS, DocRef, split_number, written_number
from drafter.tui.widgets.buttons import FormButton
from drafter.tui.widgets.drafts import Draft
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.dates import parse_date, short_date
from drafter.vi.text import clean

TEXT_FIELDS = ("number", "date", "issuer", "subject")


class DocumentForm(Vertical):
    """``prefix`` names the boxes (``doc-number`` …); ``issuer`` is asked for basis documents,
    ``section`` for those the unit issued (their issuer is the unit, ``own_issuer``)."""

    def __init__(self, prefix: str, own_issuer: str, drafts: dict[str, str],
                 places: dict[str, str]) -> None:
        super().__init__(classes="doc-form")
        # Where a document may be cited (the catalogue's sections and sub-items), the first
        # the default.
        self.places = places
        self.first = next(iter(places), "")
        self.prefix = prefix
        self.own_issuer = own_issuer
        self.drafts = drafts

    def box(self, field: str) -> str:
        return f"{self.prefix}-{field}"

    def compose(self) -> ComposeResult:
        typed = self.drafts
        with Horizontal(classes="row"):
            kind = typed.get(self.box("kind"), "")
            yield Dropdown([(k, k) for k in KIND_SYMBOLS], prompt="Loại văn bản",
                           value=kind or Select.NULL, id=self.box("kind"), compact=True)
            example = "Số: 17" if self.own_issuer else "Số: 294/UBND-NV"
            yield Input(typed.get(self.box("number"), ""), placeholder=example,
                        id=self.box("number"), compact=True, classes="wide")
            yield Input(typed.get(self.box("date"), ""), placeholder="Ngày 06/02/2024",
                        id=self.box("date"), compact=True, classes="short")
        if not self.own_issuer:
            yield Input(typed.get(self.box("issuer"), ""), id=self.box("issuer"), compact=True,
                        placeholder="Cơ quan ban hành, ví dụ: UBND huyện Bạch Thông")
        yield Input(typed.get(self.box("subject"), ""), placeholder="Trích yếu: về …",
                    id=self.box("subject"), compact=True)
        if self.own_issuer:
            section = typed.get(self.box("section"), self.first)
            yield Dropdown([(title, key) for key, title in self.places.items()],
                           prompt="Trích dẫn ở mục", value=section, id=self.box("section"),
                           compact=True, classes="wide")
        yield FormButton("Lưu văn bản (Enter)", id=self.box("save"), compact=True)
        yield Label("", id=self.box("error"), classes="error")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.post_message(Draft(event.input.id or "", event.value))

    def on_select_changed(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        self.post_message(Draft(event.select.id or "", value))

    def fill(self, doc: DocRef) -> None:
        """Show a document for editing."""
        self.query_one(f"#{self.box('kind')}", Select).value = doc.kind
        values = {"number": written_number(doc), "date": short_date(doc.date),
                  "issuer": doc.issuer, "subject": doc.subject}
        for field in TEXT_FIELDS:
            for box in self.query(f"#{self.box(field)}").results(Input):
                box.value = values[field]
        for select in self.query(f"#{self.box('section')}").results(Select):
            select.value = doc.section or self.first

    def clear(self) -> None:
        for field in TEXT_FIELDS:
            for box in self.query(f"#{self.box(field)}").results(Input):
                box.value = ""
        self.error("")

    def error(self, message: str) -> None:
        self.query_one(f"#{self.box('error')}", Label).update(message)

    def _text(self, field: str) -> str:
        boxes = list(self.query(f"#{self.box(field)}").results(Input))
        return clean(boxes[0].value) if boxes else ""

    def read(self, editing: DocRef | None) -> DocRef | None:
        """The document the form describes, or ``None`` with the reason shown under it.

        An edited document keeps what the form does not show (its ``extra`` fields)."""
        doc, problem = self._document(editing)
        self.error(problem)
        return None if problem else doc

    def _document(self, editing: DocRef | None) -> tuple[DocRef | None, str]:
        kind = self.query_one(f"#{self.box('kind')}", Select).value
        number, year, symbol = split_number(self._text("number"))
        # The unit's own documents keep their stored issuer; the form does not show it.
        own = editing.issuer if editing else self.own_issuer
        issuer = own if self.own_issuer else self._text("issuer")
        subject = self._text("subject")
        if kind is Select.NULL or not number:
            return None, "Cần chọn loại văn bản và nhập số văn bản"
        try:
            date = parse_date(self._text("date"))
        except ValueError as exc:
            return None, f"Ngày văn bản: {exc}"
        if not issuer:
            return None, "Cần nhập cơ quan ban hành, ví dụ: UBND huyện Bạch Thông"
        if not subject:
            return None, "Cần nhập trích yếu, ví dụ: về việc hướng dẫn báo cáo CCHC"
        sections = list(self.query(f"#{self.box('section')}").results(Select))
        chosen = sections[0].value if sections else Select.NULL
        section = str(chosen) if chosen is not Select.NULL else (
            self.first if self.own_issuer else "")
        doc = dataclasses.replace(editing or DocRef("", "", date), kind=str(kind), number=number,
                                  year=year, symbol=symbol, date=date, issuer=issuer,
                                  subject=subject, section=section)
        if doc.derived_symbol() is None:
            return None, "Cần ghi ký hiệu sau số, ví dụ: 294/UBND-NV"
        return doc, ""
