"""F1 (or ?): every key of the screen the official is on, and a short how-to, in Vietnamese."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from drafter.tui.dialogs.modal import Modal
from drafter.tui.widgets.text import Label, Static

# Keys every screen understands, handled by Textual's widgets rather than our bindings.
COMMON = [("Tab / Shift+Tab", "Sang ô sau / về ô trước"),
          ("↑ / ↓", "Lên / xuống trong danh sách, bảng; cuộn phần xem trước"),
          ("PgUp / PgDn", "Cuộn lên / xuống một trang: phần xem trước, trợ giúp, hộp thoại"),
          ("Enter", "Chọn, mở, hoặc lưu nội dung vừa gõ")]
KEY_NAMES = {"escape": "Esc", "delete": "Delete", "enter": "Enter", "up": "↑", "down": "↓",
             "home": "Home", "end": "End", "question_mark": "?"}


def key_name(key: str) -> str:
    """``ctrl+s`` → ``Ctrl+S``, ``f1`` → ``F1``, ``ctrl+up`` → ``Ctrl+↑``."""
    parts = key.split("+")
    *mods, last = parts
    name = KEY_NAMES.get(last, last.upper() if len(last) <= 3 else last.capitalize())
    return "+".join([*(mod.capitalize() for mod in mods), name])


def _own_bindings(kind: type[DOMNode]) -> list[Binding]:
    """The bindings our classes declare (a Textual base class's are English, and its keys
    are the common ones listed anyway)."""
    return [binding for klass in kind.__mro__ if klass.__module__.startswith("drafter.")
            for _, binding in BindingsMap(klass.__dict__.get("BINDINGS", []))
            if binding.description]


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """(key, what it does) for the screen, our widgets on it or in its panes not yet shown
    (``HELP_WIDGETS``), then the app."""
    kinds: list[type[DOMNode]] = [type(screen), *getattr(screen, "HELP_WIDGETS", ())]
    for widget in screen.walk_children(Widget):
        if type(widget).__module__.startswith("drafter.") and type(widget) not in kinds:
            kinds.append(type(widget))
    found: dict[str, list[str]] = {}
    for kind in [*kinds, type(screen.app)]:
        for binding in _own_bindings(kind):
            texts = found.setdefault(binding.key, [])
            text = binding.tooltip or binding.description
            if text not in texts:
                texts.append(text)
    return [(key_name(key), "; ".join(texts)) for key, texts in found.items()]


class HelpScreen(Modal[None]):
    """Shows ``HELP`` of the screen below (its how-to) and its keys; Esc or F1 closes."""

    BINDINGS = [Binding("escape", "close", "Đóng"), Binding("f1", "close", "Đóng", show=False),
                Binding("question_mark", "close", show=False)]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        how_to = str(getattr(self.below, "HELP", ""))
        with VerticalScroll(id="help", classes="dialog"):
            yield Label(f"Trợ giúp — {getattr(self.below, 'HELP_TITLE', 'drafter')}",
                        classes="title")
            yield Label("Esc hoặc F1 để đóng; ↑/↓ để cuộn.", classes="hint")
            if how_to:
                yield Static(how_to, id="help-how-to")
            yield Label("Phím", classes="subtitle")
            with Vertical(id="help-keys"):
                for key, text in [*screen_keys(self.below), *COMMON]:
                    with Horizontal(classes="help-row"):
                        yield Label(key, classes="help-key")
                        yield Label(text, classes="help-text")

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # ↑/↓ scroll it at once

    def keys(self) -> list[tuple[str, str]]:
        """The keys listed, as shown."""
        return [(str(row.query_one(".help-key", Label).content),
                 str(row.query_one(".help-text", Label).content))
                for row in self.query(".help-row")]

    def action_close(self) -> None:
        self.dismiss(None)
