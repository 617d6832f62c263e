"""Textual's Select with a Vietnamese footer hint (its "esc Dismiss menu" was English) and its
options shown as written (a unit's name is never read as markup)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from drafter.tui.widgets.text import literal


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

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _Overlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
