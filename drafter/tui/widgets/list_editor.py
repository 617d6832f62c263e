"""A qualitative list (strengths, tasks …): add, edit, reorder, delete items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ListItem, ListView

from drafter.tui.widgets.drafts import Draft
from drafter.tui.widgets.text import Label
from drafter.vi.text import clean

ADD = "Gõ nội dung rồi nhấn Enter để thêm"
CARRIED_LIST = "↻ Lấy từ kỳ trước — sửa một ý, hoặc F8 để xác nhận cả mục"
EDITING = "@"  # the draft key suffix holding the index of the item being edited


class ListEditor(Vertical):
    """Enter in the box adds an item (or saves the one being edited); on the list, Enter
    edits, Delete removes (Ctrl+Z brings it back), Ctrl+↑/↓ moves the item. What is typed in
    the box and not yet submitted is posted as a :class:`Draft`."""

    BINDINGS = [
        Binding("delete", "delete", "Xóa ý"),
        Binding("ctrl+z", "undo", "Hoàn tác", tooltip="Đưa ý vừa xóa trở lại"),
        Binding("ctrl+up", "move(-1)", "Chuyển ý lên", show=False),
        Binding("ctrl+down", "move(1)", "Chuyển ý xuống", show=False),
    ]

    class Changed(Message):
        def __init__(self, name: str, items: list[str]) -> None:
            super().__init__()
            self.name = name
            self.items = items

    def __init__(self, name: str, title: str, items: list[str], typed: str = "",
                 editing: int | None = None, carried: bool = False) -> None:
        super().__init__(classes="list-editor", id=f"list-{name.replace(':', '-')}")
        self.list_name = name
        self.box_id = f"add-{name.replace(':', '-')}"
        self.heading = title
        self.items = list(items)
        self.typed = typed
        self.editing = editing if editing is not None and editing < len(self.items) else None
        self.carried = carried
        self.deleted: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.heading, classes="subtitle")
        if self.carried:
            yield Label(CARRIED_LIST, classes="carried")
        view = ListView(*[ListItem(Label(item)) for item in self.items])
        view.can_focus = bool(self.items)
        yield view
        yield Input(self.typed, placeholder=self._placeholder(), id=self.box_id)

    def _placeholder(self) -> str:
        return ADD if self.editing is None else f"Đang sửa ý {self.editing + 1}"

    def confirmed(self) -> None:
        self.carried = False
        for label in self.query(".carried"):
            label.remove()

    def _rebuild(self, index: int | None = None) -> None:
        view = self.query_one(ListView)
        kept = view.index if index is None else index
        view.clear()
        view.extend(ListItem(Label(item)) for item in self.items)
        if self.items:  # always a cursor on the list: Delete and Enter act where it is shown
            view.index = max(0, min(kept or 0, len(self.items) - 1))
        # An empty list shows no cursor: focused, it would swallow what is typed unseen.
        view.can_focus = bool(self.items)
        if not self.items and view.has_focus:
            self.query_one(Input).focus()
        self.confirmed()
        self.post_message(self.Changed(self.list_name, list(self.items)))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(Draft(self.box_id, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value)
        if not text:
            return
        if self.editing is not None and self.editing < len(self.items):
            self.items[self.editing] = text
        else:
            self.items.append(text)
        self._edit(None)
        event.input.value = ""
        self._rebuild()

    def _edit(self, index: int | None) -> None:
        self.editing = index
        self.query_one(Input).placeholder = self._placeholder()
        self.post_message(Draft(self.box_id + EDITING, "" if index is None else str(index)))

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        index = event.list_view.index
        if index is None:
            return
        self._edit(index)
        box = self.query_one(Input)
        box.value = self.items[index]
        box.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.deleted is not None
        return True

    def action_delete(self) -> None:
        index = self.query_one(ListView).index
        if index is not None and index < len(self.items):
            self.deleted = (index, self.items.pop(index))
            if self.editing is not None:
                self._edit(None)
            self._rebuild(index)
            self.refresh_bindings()
            self.notify(f"Đã xóa ý {index + 1}: {self.deleted[1]}\nNhấn Ctrl+Z để hoàn tác.",
                        title="Đã xóa", timeout=10)

    def action_undo(self) -> None:
        """Ctrl+Z: the item deleted last comes back where it was."""
        if self.deleted is None:
            return
        index, item = self.deleted
        self.deleted = None
        self.items.insert(min(index, len(self.items)), item)
        self._rebuild(index)
        self.refresh_bindings()
        self.notify(f"Đã khôi phục ý {index + 1}.", timeout=5)

    def action_move(self, step: int) -> None:
        index = self.query_one(ListView).index
        if index is None or not 0 <= index + step < len(self.items):
            return
        self.items[index], self.items[index + step] = self.items[index + step], self.items[index]
        self._rebuild(index + step)
