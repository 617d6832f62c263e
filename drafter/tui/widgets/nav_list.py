"""A ListView that also goes to its first and last item with Home and End (Textual's binds
only ↑, ↓ and Enter; officials pressed Home in the sidebar and nothing happened)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import ListView


class NavList(ListView):
    BINDINGS = [
        Binding("home", "first", "Đầu danh sách", show=False),
        Binding("end", "last", "Cuối danh sách", show=False),
    ]

    def action_first(self) -> None:
        if len(self):
            self.index = 0

    def action_last(self) -> None:
        if len(self):
            self.index = len(self) - 1
