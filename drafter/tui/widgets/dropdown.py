"""Textual's Select with a Vietnamese footer hint (its "esc Dismiss menu" was English) and its
options shown as written (a unit's name is never read as markup)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import RenderableType
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from drafter.tui.widgets.text import literal

OPENING = ("enter", "space", "down", "up")  # Textual's keys that open a dropdown
MOVES = {"down": "cursor_down", "up": "cursor_up", "escape": "dismiss"}


class _Overlay(SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "Đóng danh sách",
                        tooltip="Đóng danh sách chọn đang mở")]


def _literal(options: Iterable[tuple[RenderableType, Any]]) -> list[tuple[Any, Any]]:
    return [(literal(prompt), value) for prompt, value in options]


class Dropdown(Select[Any]):
    """A Select whose open list says how to close it in Vietnamese."""

    def __init__(self, options: Iterable[tuple[RenderableType, Any]], **settings: Any) -> None:
        super().__init__(_literal(options), **settings)

    def set_options(self, options: Iterable[tuple[RenderableType, Any]]) -> None:
        super().set_options(_literal(options))

    def _watch_expanded(self, expanded: bool) -> None:
        """Textual's, but the cursor moves into the open list (and back) at once: Textual
        moves it later (``focus`` is deferred), so keys typed in a burst after Enter went to
        the closed dropdown, and those after the choice to the hidden list."""
        overlays = self.query(SelectOverlay)
        if not overlays or not self.is_attached:
            return
        overlay = overlays.first()
        self.set_class(expanded, "-expanded")
        if not expanded:
            if self.screen.focused is overlay:
                self.screen.set_focus(self, scroll_visible=False)
            return
        self.screen.set_focus(overlay, scroll_visible=False)
        chosen = [i for i, (_, value) in enumerate(self._options) if value == self.value]
        overlay.select(chosen[0] if chosen and self.value is not self.NULL else None)
        self.query_one(SelectCurrent).has_value = self.value is not self.NULL

    async def _on_key(self, event: events.Key) -> None:
        """Keys sent here in a burst, before the open list had the cursor: Textual sends each
        key to the widget that has the cursor when it arrives, and runs Enter's binding (open
        the list) only later, so what was typed next came here and was lost."""
        overlay = self.query_one(SelectOverlay)
        if not self.expanded:
            if event.key in OPENING:
                self._take(event)
                self.action_show_overlay()
        elif event.key == "enter":
            self._take(event)
            if overlay.highlighted is not None:
                self.value = self._options[overlay.highlighted][1]
            self.expanded = False
        elif event.key in MOVES:
            self._take(event)
            await overlay.run_action(MOVES[event.key])
        elif event.is_printable:
            await overlay._on_key(event)  # type to search, as in the open list

    @staticmethod
    def _take(event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _Overlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
