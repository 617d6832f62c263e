"""The footer with F1 (help) and Ctrl+Q (quit) first on every screen, then the keys that
matter on that screen. At 80 columns the footer is cut at the right, and Textual's order (the
focused widget's keys first, the app's last) cut off Ctrl+Q, the editor's F8 or a list's
Delete; what is cut is listed by F1.

A screen names its keys in the order they matter (``FOOTER_FIRST``); ``FOCUSED`` there stands
for the keys of the list or table the cursor is on (Delete and Ctrl+Z on a list, Esc on an
open dropdown). While the official types in a box, those keys of the editor around it come
last: they act on the list, not on the text. Keys a screen does not name follow.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Input, Select, TextArea
from textual.widgets._footer import FooterKey

FOCUSED = "*"
EVERYWHERE = ("f1", "ctrl+q")
FIRST = (FOCUSED, "ctrl+s", "escape")


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        order = EVERYWHERE + getattr(self.screen, "FOOTER_FIRST", FIRST)
        owners = {key: node for key, (node, *_) in self.screen.active_bindings.items()}
        typing = isinstance(self.app.focused, Input | TextArea | Select)

        def rank(widget: object) -> int:
            if not isinstance(widget, FooterKey):
                return len(order) + 1
            if widget.key in order:
                return order.index(widget.key)
            if isinstance(owners.get(widget.key), App | Screen) or FOCUSED not in order:
                return len(order)
            return len(order) + 1 if typing else order.index(FOCUSED)

        yield from sorted(super().compose(), key=rank)
