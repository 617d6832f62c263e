"""Every unit in the database: open one's reports, add one, edit one. With several units (a
district's or province's shared database) this is where each of them is reached."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header

from drafter.domain.structure import office_of
from drafter.domain.units import Unit
from drafter.tui.navigation import EditUnit, OpenOffice, OpenUnit
from drafter.tui.session import Session
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.text import Label, Table
from drafter.vi.text import sort_key


class UnitsScreen(Screen[None]):
    """The units, with their level, the unit they report to and how many reports they have."""

    HELP_TITLE = "Danh sách đơn vị"
    HELP = ("Chọn đơn vị bằng ↑/↓ rồi Enter để xem các báo cáo của đơn vị. N thêm đơn vị mới, "
            "U sửa thông tin đơn vị đang chọn (kể cả đơn vị cấp trên). Với tỉnh (huyện, trước "
            "01/7/2025) hay Sở Nội vụ của tỉnh, T mở phần tổng hợp: đơn vị cấp xã nào đã báo "
            "cáo, tổng hợp số liệu, soạn báo cáo của tất cả, điểm và xếp hạng Chỉ số CCHC.")
    FOOTER_FIRST = ("n", "u", "t")
    BINDINGS = [
        Binding("enter", "open", "Mở", show=False),
        Binding("n", "new_unit", "Đơn vị mới"),
        Binding("u", "edit_unit", "Sửa đơn vị"),
        Binding("t", "office", "Tổng hợp", tooltip="Tổng hợp, soạn và xếp hạng các đơn vị cấp "
                "xã của tỉnh (huyện) đang chọn"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Các đơn vị báo cáo", classes="title")
        yield Table(id="units", cursor_type="row", zebra_stripes=True)
        yield Label("Chưa có đơn vị nào. Nhấn N để thêm đơn vị.", id="no-units")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Đơn vị", "Đơn vị cấp trên", "Số báo cáo")
        self.refresh_units()

    def on_screen_resume(self) -> None:
        self.refresh_units()

    def units(self) -> list[Unit]:
        return sorted(self.session.units(), key=lambda unit: sort_key(unit.label))

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
        """What Ctrl+P offers here: a new unit, then each unit's reports, then each office."""
        yield SystemCommand("Đơn vị mới (N)", "Thêm một đơn vị báo cáo", self.action_new_unit)
        units = self.units()
        for unit in units:
            yield SystemCommand(f"Mở báo cáo của {unit.short_body}", unit.province,
                                partial(self._open, unit))
        for unit in units:
            if unit.aggregates:
                yield SystemCommand(f"Tổng hợp, xếp hạng cấp xã của {unit.short_body}",
                                    "Báo cáo đã gửi, tổng hợp, soạn tất cả, Chỉ số CCHC",
                                    partial(self._open_office, unit))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "office":
            return self._office() is not None
        return True

    def _office(self) -> Unit | None:
        """The province or district the chosen unit works on as an office, if any."""
        unit = self._chosen()
        return office_of(unit, self.session.unit) if unit else None

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

    def action_office(self) -> None:
        target = self._office()
        if target is not None:
            self._open_office(target)

    def _open_office(self, unit: Unit) -> None:
        self.post_message(OpenOffice(unit))

    def _open(self, unit: Unit) -> None:
        self.post_message(OpenUnit(unit))

    def action_open(self) -> None:
        unit = self._chosen()
        if unit is not None:
            self._open(unit)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_new_unit(self) -> None:
        self.post_message(EditUnit())

    def action_edit_unit(self) -> None:
        unit = self._chosen()
        if unit is not None:
            self.post_message(EditUnit(unit))
