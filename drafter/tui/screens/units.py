"""Every unit in the database: open one's reports, add one, edit one. With several units (a
district's or province's shared database) this is where each of them is reached."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label

from drafter.domain.units import Unit
from drafter.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp
    from drafter.tui.session import Session


class UnitsScreen(Screen[None]):
    """The units, with their level, the unit they report to and how many reports they have."""

    HELP_TITLE = "Danh sách đơn vị"
    HELP = ("Chọn đơn vị bằng ↑/↓ rồi Enter để xem các báo cáo của đơn vị. N thêm đơn vị mới, "
            "U sửa thông tin đơn vị đang chọn (kể cả đơn vị cấp trên).")
    BINDINGS = [
        Binding("enter", "open", "Mở", show=False),
        Binding("n", "new_unit", "Đơn vị mới"),
        Binding("u", "edit_unit", "Sửa đơn vị"),
    ]

    @property
    def session(self) -> Session:
        return cast("DrafterApp", self.app).session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Các đơn vị báo cáo", classes="title")
        yield DataTable(id="units", cursor_type="row", zebra_stripes=True)
        yield Label("Chưa có đơn vị nào. Nhấn N để thêm đơn vị.", id="no-units")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Đơn vị", "Đơn vị cấp trên", "Số báo cáo")
        self.refresh_units()

    def on_screen_resume(self) -> None:
        self.refresh_units()

    def units(self) -> list[Unit]:
        return sorted(self.session.units(), key=lambda unit: unit.label)

    def refresh_units(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        units = self.units()
        names = {unit.code: unit.short_body for unit in units}
        counts = Counter(summary.unit_code for summary in self.session.reports())
        for unit in units:
            parent = names.get(unit.parent, unit.parent) or "—"
            table.add_row(unit.short_body, parent, str(counts[unit.code]), key=unit.code)
        table.move_cursor(row=min(cursor, max(len(units) - 1, 0)))
        self.query_one("#no-units").display = not units
        table.display = bool(units)
        if units:
            table.focus()

    def _chosen(self) -> Unit | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((unit for unit in self.units() if unit.code == code), None)

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here: a new unit, then each unit's reports."""
        yield SystemCommand("Đơn vị mới (N)", "Thêm một đơn vị báo cáo", self.action_new_unit)
        for unit in self.units():
            yield SystemCommand(f"Mở báo cáo của {unit.short_body}", unit.province,
                                partial(self._open, unit))

    def _open(self, unit: Unit) -> None:
        cast("DrafterApp", self.app).open_unit(unit)

    def action_open(self) -> None:
        unit = self._chosen()
        if unit is not None:
            self._open(unit)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new_unit(self) -> None:
        from drafter.tui.screens.unit import UnitScreen

        self.app.push_screen(UnitScreen())

    def action_edit_unit(self) -> None:
        from drafter.tui.screens.unit import UnitScreen

        unit = self._chosen()
        if unit is not None:
            self.app.push_screen(UnitScreen(unit))
