"""The unit's reports: period, status, last edited, number. New report from here."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header

from drafter.domain.structure import office_of
from drafter.domain.units import Unit
from drafter.tui.navigation import EditUnit, OpenOffice, OpenReport, ShowUnits
from drafter.tui.session import Session
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.text import Label, Table
from drafter.vi.dates import short_date
from drafter.vi.periods import period_name

STATUS = {"draft": "dự thảo", "final": "chính thức"}


class ReportsScreen(Screen[None]):
    """Lists the reports of one unit, newest period first."""

    HELP_TITLE = "Danh sách báo cáo"
    HELP = ("Các báo cáo của đơn vị, kỳ mới nhất ở trên. Enter mở báo cáo đang chọn, N tạo báo "
            "cáo cho kỳ mới (chép từ kỳ trước), U sửa thông tin đơn vị, Esc về danh sách đơn vị.")
    FOOTER_FIRST = ("n", "t", "u", "escape")
    BINDINGS = [
        Binding("n", "new", "Báo cáo mới"),
        Binding("enter", "open", "Mở", show=False),
        Binding("u", "edit_unit", "Sửa đơn vị"),
        Binding("escape", "units", "Các đơn vị"),
        Binding("t", "office", "Tổng hợp cấp xã", tooltip="Báo cáo các đơn vị cấp xã đã gửi, "
                "tổng hợp, soạn tất cả, điểm và xếp hạng"),
    ]

    def __init__(self, session: Session, unit: Unit) -> None:
        super().__init__()
        self.session = session
        self.unit = unit

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"Báo cáo của {self.unit.short_body}", classes="title", id="unit-title")
        yield Table(id="reports", cursor_type="row", zebra_stripes=True)
        yield Label("Chưa có báo cáo nào. Nhấn N để tạo báo cáo mới.", id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Kỳ báo cáo", "Trạng thái", "Sửa lần cuối", "Số")
        self.refresh_reports()

    def on_screen_resume(self) -> None:
        # The unit may have been edited meanwhile.
        self.unit = self.session.unit(self.unit.code) or self.unit
        self.query_one("#unit-title", Label).update(f"Báo cáo của {self.unit.short_body}")
        self.refresh_reports()

    def refresh_reports(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        summaries = sorted(self.session.reports(self.unit.code), key=lambda s: s.period.end,
                           reverse=True)
        for summary in summaries:
            edited = short_date(summary.updated_at.date())
            number = f"{summary.number}/BC-UBND" if summary.number else "—"
            kind = self.session.kind_name(summary.kind)
            table.add_row(period_name(summary.period) + (f" · {kind}" if kind else ""),
                          STATUS.get(summary.status, ""),
                          edited, number, key=str(summary.id))
        self.query_one("#empty").display = not summaries
        table.display = bool(summaries)
        if summaries:
            table.focus()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here: a new report, the unit, and each report by its period."""
        yield SystemCommand("Báo cáo mới (N)", "Tạo báo cáo cho một kỳ mới", self.action_new)
        yield SystemCommand("Sửa thông tin đơn vị (U)", self.unit.short_body,
                            self.action_edit_unit)
        yield SystemCommand("Các đơn vị (Esc)", "Chọn đơn vị khác", self.action_units)
        target = self._office()
        if target is not None:
            yield SystemCommand(f"Tổng hợp, xếp hạng cấp xã của {target.short_body} (T)",
                                "Báo cáo đã gửi, tổng hợp, soạn tất cả, Chỉ số CCHC",
                                self.action_office)
        for summary in self.session.reports(self.unit.code):
            kind = self.session.kind_name(summary.kind)
            yield SystemCommand(f"Mở báo cáo {period_name(summary.period)}"
                                + (f" · {kind}" if kind else ""),
                                STATUS.get(summary.status, ""),
                                partial(self._open, summary.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "office":
            return self._office() is not None
        return True

    def _office(self) -> Unit | None:
        return office_of(self.unit, self.session.unit)

    def action_office(self) -> None:
        target = self._office()
        if target is not None:
            self.post_message(OpenOffice(target))

    def _open(self, report_id: int) -> None:
        self.post_message(OpenReport(report_id))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self._open(int(str(key)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(int(str(event.row_key.value)))

    def action_new(self) -> None:
        from drafter.tui.dialogs.new_report import NewReportScreen

        def created(report_id: int | None) -> None:
            if report_id is not None:
                self._open(report_id)

        self.app.push_screen(NewReportScreen(self.session, self.unit), created)

    def action_units(self) -> None:
        self.post_message(ShowUnits())

    def action_edit_unit(self) -> None:
        self.post_message(EditUnit(self.unit))
