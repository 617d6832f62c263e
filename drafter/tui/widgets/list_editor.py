"""A qualitative list (strengths, tasks …): add, edit, reorder, delete items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, ListItem, ListView

from drafter.vi.text import clean


class ListEditor(Vertical):
    """Enter in the box adds an item (or saves the one being edited); on the list, Enter
    edits, Delete removes, Ctrl+↑/↓ moves the item."""

    BINDINGS = [
        Binding("delete", "delete", "Xóa ý"),
        Binding("ctrl+up", "move(-1)", "Lên"),
        Binding("ctrl+down", "move(1)", "Xuống"),
    ]

    class Changed(Message):
        def __init__(self, name: str, items: list[str]) -> None:
            super().__init__()
            self.name = name
            self.items = items

    def __init__(self, name: str, title: str, items: list[str]) -> None:
        super().__init__(classes="list-editor", id=f"list-{name.replace(':', '-')}")
        self.list_name = name
        self.heading = title
        self.items = list(items)
        self.editing: int | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.heading, classes="subtitle")
        yield ListView(*[ListItem(Label(item)) for item in self.items])
        yield Input(placeholder="Gõ nội dung rồi nhấn Enter để thêm",
                    id=f"add-{self.list_name.replace(':', '-')}")

    def _rebuild(self, index: int | None = None) -> None:
        view = self.query_one(ListView)
        view.clear()
        view.extend(ListItem(Label(item)) for item in self.items)
        if index is not None and self.items:
            view.index = max(0, min(index, len(self.items) - 1))
        self.post_message(self.Changed(self.list_name, list(self.items)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value)
        if not text:
            return
        if self.editing is not None and self.editing < len(self.items):
            self.items[self.editing] = text
        else:
            self.items.append(text)
        self.editing = None
        event.input.value = ""
        event.input.placeholder = "Gõ nội dung rồi nhấn Enter để thêm"
        self._rebuild()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        index = event.list_view.index
        if index is None:
            return
        self.editing = index
        box = self.query_one(Input)
        box.value = self.items[index]
        box.placeholder = f"Đang sửa ý {index + 1}"
        box.focus()

    def action_delete(self) -> None:
        index = self.query_one(ListView).index
        if index is not None and index < len(self.items):
            del self.items[index]
            self._rebuild(index)

    def action_move(self, step: int) -> None:
        index = self.query_one(ListView).index
        if index is None or not 0 <= index + step < len(self.items):
            return
        self.items[index], self.items[index + step] = self.items[index + step], self.items[index]
        self._rebuild(index + step)
