"""Textual's Select with a Vietnamese footer hint (its "esc Dismiss menu" was English)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay


class _Overlay(SelectOverlay):
    BINDINGS = [Binding("escape", "dismiss", "Đóng danh sách",
                        tooltip="Đóng danh sách chọn đang mở")]


class Dropdown(Select[Any]):
    """A Select whose open list says how to close it in Vietnamese."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield _Overlay(type_to_search=self._type_to_search).data_bind(compact=Select.compact)
