"""A list of document references (the unit's own, or the basis documents it answers):
a table and a form to add or edit one.

In the table: Enter edits the document, Delete removes it (Ctrl+Z brings it back), Ctrl+↑/↓
move it, Home/End go to the first/last row.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input

from drafter.checks.document_checks import document_name
from drafter.domain.documents import DocRef
from drafter.tui.widgets.doc_form import DocumentForm
from drafter.tui.widgets.drafts import Draft
from drafter.tui.widgets.text import Label, Table
from drafter.vi.dates import short_date

EDITING = "@"  # the draft key suffix holding the index of the document being edited
HINT = "Trên bảng: Enter sửa · Delete xóa (Ctrl+Z hoàn tác) · Ctrl+↑/↓ đổi thứ tự"
CARRIED_DOCUMENTS = ("↻ Lấy từ kỳ trước — xóa văn bản không còn là căn cứ của báo cáo này, "
                     "hoặc F8 để xác nhận cả mục")


class DocTable(Table):
    """The documents' table (Home and End go to the first and last, as in every table)."""


class DocumentsEditor(Vertical):
    """``role`` is ``documents`` (issued by the unit, cited in a section; boxes ``doc-…``) or
    ``basis`` (Văn bản căn cứ, with their issuer; boxes ``basis-…``)."""

    BINDINGS = [
        Binding("delete", "delete", "Xóa văn bản"),
        Binding("ctrl+z", "undo", "Hoàn tác", tooltip="Đưa văn bản vừa xóa trở lại"),
        Binding("ctrl+up", "move(-1)", "Chuyển văn bản lên", show=False),
        Binding("ctrl+down", "move(1)", "Chuyển văn bản xuống", show=False),
    ]

    class Changed(Message):
        def __init__(self, role: str, documents: list[DocRef]) -> None:
            super().__init__()
            self.role = role
            self.documents = documents

    def __init__(self, role: str, title: str, documents: list[DocRef], own_issuer: str,
                 drafts: dict[str, str], places: dict[str, str],
                 carried: bool = False) -> None:
        super().__init__(id=f"{role}-editor", classes="documents-editor")
        # Where a document may be cited: sections and sub-items, "II.1 …" first.
        self.places = places
        self.role = role
        self.prefix = "doc" if role == "documents" else "basis"
        self.title = title
        self.documents = list(documents)
        self.own_issuer = own_issuer
        self.drafts = drafts
        typed = drafts.get(self.prefix + EDITING, "")
        self.editing = int(typed) if typed.isdigit() and int(typed) < len(documents) else None
        self.deleted: tuple[int, DocRef] | None = None
        self.carried = carried

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="subtitle")
        if self.carried:
            yield Label(CARRIED_DOCUMENTS, classes="carried")
        yield DocTable(id=f"{self.prefix}-table", cursor_type="row")
        yield Label("", id=f"{self.prefix}-problems", classes="problem")
        yield Label(HINT, classes="hint")
        yield DocumentForm(self.prefix, self.own_issuer, self.drafts, self.places)

    def on_mount(self) -> None:
        table = self.query_one(DocTable)
        third = "Mục" if self.own_issuer else "Cơ quan ban hành"
        table.add_columns("Văn bản", "Ngày", third, "Trích yếu")
        self._fill()

    def _fill(self, cursor: int | None = None) -> None:
        table = self.query_one(DocTable)
        table.clear()
        for doc in self.documents:
            where = self.places.get(doc.section, "").split(" ")[0] if self.own_issuer \
                else doc.issuer
            table.add_row(document_name(doc), short_date(doc.date), where, doc.subject)
        if cursor is not None and self.documents:
            table.move_cursor(row=max(0, min(cursor, len(self.documents) - 1)))

    def _changed(self, cursor: int | None = None) -> None:
        self._fill(cursor)
        self.confirmed()
        self.post_message(self.Changed(self.role, list(self.documents)))

    def _edit(self, index: int | None) -> None:
        self.editing = index
        self.post_message(Draft(self.prefix + EDITING, "" if index is None else str(index)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._edit(event.cursor_row)
        self.query_one(DocumentForm).fill(self.documents[event.cursor_row])
        self.query_one(f"#{self.prefix}-number", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.save()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        editing = self.documents[self.editing] if self.editing is not None else None
        doc = self.query_one(DocumentForm).read(editing)
        if doc is None:
            return
        if self.editing is not None:
            self.documents[self.editing] = doc
        else:
            self.documents.append(doc)
        self._edit(None)
        self.query_one(DocumentForm).clear()
        # Ready for the next document: its number (the kind stays as last chosen).
        self.query_one(f"#{self.prefix}-number", Input).focus()
        self._changed()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.deleted is not None
        return True

    def action_delete(self) -> None:
        table = self.query_one(DocTable)
        if not table.has_focus or not self.documents:
            return
        index = table.cursor_row
        self.deleted = (index, self.documents.pop(index))
        self._edit(None)
        self._changed(index)
        self.refresh_bindings()
        self.notify(f"Đã xóa {document_name(self.deleted[1])}. Nhấn Ctrl+Z để hoàn tác.",
                    title="Đã xóa văn bản", timeout=10)

    def action_undo(self) -> None:
        if self.deleted is None:
            return
        index, doc = self.deleted
        self.documents.insert(index, doc)
        self.deleted = None
        self._changed(index)
        self.refresh_bindings()
        self.notify(f"Đã khôi phục {document_name(doc)}.", timeout=5)

    def action_move(self, step: int) -> None:
        table = self.query_one(DocTable)
        index = table.cursor_row
        if not table.has_focus or not 0 <= index + step < len(self.documents):
            return
        docs = self.documents
        docs[index], docs[index + step] = docs[index + step], docs[index]
        if self.editing in (index, index + step):  # the form follows the document it shows
            self._edit(index + step if self.editing == index else index)
        self._changed(index + step)

    def confirmed(self) -> None:
        """No longer waiting for review (edited, or confirmed with F8)."""
        self.carried = False
        for label in self.query(".carried"):
            label.remove()

    def show_problems(self, messages: list[str]) -> None:
        """The checks' messages about these documents, under the table."""
        label = self.query_one(f"#{self.prefix}-problems", Label)
        label.update("\n".join(messages))
        label.display = bool(messages)
