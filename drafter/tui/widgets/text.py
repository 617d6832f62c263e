"""Text shown as written: user text never runs as Textual markup.

Textual reads ``[b]``, ``[red]`` or ``[/b]`` in a Label's or a Static's content, a DataTable's
string cells and a Select's options as markup (a stray ``[/b]`` even raises a MarkupError),
and officials' words (a note, a list item, a document's subject, a unit's name, a check
message quoting them) may hold any of these. So the TUI's widgets come from here: Label and
Static show their content literally (markup only where a caller asks for it with
``markup=True``), a :class:`Table` shows its string cells literally. ``tests/test_tui_markup``
holds the TUI to it: no module of ``drafter.tui`` takes Label, Static or DataTable from
Textual, or builds a Select other than :class:`drafter.tui.widgets.dropdown.Dropdown`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import widgets
from textual.binding import Binding
from textual.widgets.data_table import RowKey


class Label(widgets.Label):
    """Textual's Label, its content literal unless ``markup=True``."""

    def __init__(self, content: Any = "", *, markup: bool = False, **options: Any) -> None:
        super().__init__(content, markup=markup, **options)


class Static(widgets.Static):
    """Textual's Static, its content literal unless ``markup=True``."""

    def __init__(self, content: Any = "", *, markup: bool = False, **options: Any) -> None:
        super().__init__(content, markup=markup, **options)


def literal(value: Any) -> Any:
    """A string as a Rich Text (shown as written); anything else unchanged."""
    return Text(value) if isinstance(value, str) else value


class Table(widgets.DataTable[Any]):
    """Textual's DataTable with string cells shown as written; Home and End go to the first
    and last row (Textual's only scroll, the cursor left where it was)."""

    BINDINGS = [Binding("home", "first", "Dòng đầu", show=False),
                Binding("end", "last", "Dòng cuối", show=False)]

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=max(self.row_count - 1, 0))

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        return super().add_row(*(literal(cell) for cell in cells), height=height, key=key,
                               label=literal(label))
