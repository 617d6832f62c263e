"""Documents the unit issued in the period, entered as fields (kind, number, date …)."""

from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select

from drafter.domain.documents import KIND_SYMBOLS, DocRef
from drafter.domain.report import NOTE_SECTIONS
from drafter.vi.dates import parse_date, short_date
from drafter.vi.text import clean


class DocumentsEditor(Vertical):
    """A table of documents and a form to add or edit one; Delete removes the selected."""

    BINDINGS = [Binding("delete", "delete", "Xóa văn bản")]

    class Changed(Message):
        def __init__(self, documents: list[DocRef]) -> None:
            super().__init__()
            self.documents = documents

    def __init__(self, documents: list[DocRef], issuer: str) -> None:
        super().__init__(id="documents-editor")
        self.documents = list(documents)
        self.issuer = issuer
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        yield Label("Văn bản đơn vị đã ban hành trong kỳ", classes="subtitle")
        yield DataTable(id="documents-table", cursor_type="row")
        with Horizontal(classes="row"):
            yield Select([(k, k) for k in KIND_SYMBOLS], prompt="Loại văn bản", id="doc-kind",
                         compact=True)
            yield Input(placeholder="Số", id="doc-number", compact=True, classes="short")
            yield Input(placeholder="Ngày (06/02/2024)", id="doc-date", compact=True,
                        classes="short")
        yield Input(placeholder="Trích yếu: về …", id="doc-subject", compact=True)
        with Horizontal(classes="row"):
            yield Select([(title, key) for key, title in NOTE_SECTIONS.items()],
                         prompt="Trích dẫn ở mục", value="direction", id="doc-section",
                         compact=True)
            yield Button("Lưu văn bản", id="doc-save", compact=True)
        yield Label("", id="doc-error", classes="error")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Văn bản", "Ngày", "Trích yếu")
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for doc in self.documents:
            table.add_row(f"{doc.kind} số {doc.full_number}", short_date(doc.date), doc.subject)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.editing = event.cursor_row
        doc = self.documents[self.editing]
        self.query_one("#doc-kind", Select).value = doc.kind
        self.query_one("#doc-number", Input).value = doc.number
        self.query_one("#doc-date", Input).value = short_date(doc.date)
        self.query_one("#doc-subject", Input).value = doc.subject
        self.query_one("#doc-section", Select).value = doc.section or "direction"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        error = self.query_one("#doc-error", Label)
        kind = self.query_one("#doc-kind", Select).value
        number = clean(self.query_one("#doc-number", Input).value)
        if kind is Select.NULL or not number:
            error.update("Cần chọn loại văn bản và nhập số văn bản")
            return
        try:
            date = parse_date(self.query_one("#doc-date", Input).value)
        except ValueError as exc:
            error.update(f"Ngày văn bản: {exc}")
            return
        section = self.query_one("#doc-section", Select).value
        subject = clean(self.query_one("#doc-subject", Input).value)
        cited = str(section) if section is not Select.NULL else "direction"
        if self.editing is not None:
            # Keep what the form does not show (issuer, year, symbol) of the edited document.
            self.documents[self.editing] = dataclasses.replace(
                self.documents[self.editing], kind=str(kind), number=number, date=date,
                subject=subject, section=cited)
        else:
            self.documents.append(DocRef(kind=str(kind), number=number, date=date,
                                         issuer=self.issuer, subject=subject, section=cited))
        self.editing = None
        error.update("")
        for field_id in ("#doc-number", "#doc-date", "#doc-subject"):
            self.query_one(field_id, Input).value = ""
        self._fill()
        self.post_message(self.Changed(list(self.documents)))

    def action_delete(self) -> None:
        table = self.query_one(DataTable)
        if table.has_focus and self.documents:
            del self.documents[table.cursor_row]
            self.editing = None
            self._fill()
            self.post_message(self.Changed(list(self.documents)))
