"""The footer with the keys that matter everywhere first — F1 (help), Ctrl+S (save/write),
Esc (back), Ctrl+Q (quit) — then those of the focused widget and the screen. At 80 columns the
footer is cut at the right, and Textual's order (focused widget first, the app last) cut off
Ctrl+Q; what is cut now is listed by F1."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIRST = ("f1", "ctrl+s", "escape", "ctrl+q")


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        keys.sort(key=lambda widget: FIRST.index(widget.key) if isinstance(widget, FooterKey)
                  and widget.key in FIRST else len(FIRST))
        yield from keys
