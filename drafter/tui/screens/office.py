"""The aggregating office (a province's Sở Nội vụ, a district's Phòng Nội vụ before July 2025):
for a period, which communes have reported, which are drafts, which are missing; the roll-up
into the office's report and its DOCX; every commune's report rendered; the ranking.

The work runs in thread workers through :mod:`drafter.office.operations`, the calls the CLI
makes, and answers with the CLI's lines in the log under the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, ProgressBar

from drafter.combine.rollup import Received
from drafter.domain.periods import Period, PeriodKind
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.office import operations
from drafter.office.aggregation import communes_of
from drafter.office.parallel import Outcome
from drafter.tui.desktop import show_folder
from drafter.tui.dialogs.office import (
    AggregateDialog,
    AggregateRequest,
    PeriodDialog,
    RenderAllDialog,
)
from drafter.tui.navigation import OpenRanking, OpenReport
from drafter.tui.session import Session
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.outcome_log import OutcomeLog
from drafter.tui.widgets.text import Label, Table
from drafter.vi.dates import short_date
from drafter.vi.periods import period_name
from drafter.vi.text import sentence_case, sort_key

RECEIVED = {Received.MISSING: "chưa gửi", Received.DRAFT: "dự thảo",
            Received.FINAL: "chính thức"}
ORDER = (Received.MISSING, Received.DRAFT, Received.FINAL)
FILTERS: tuple[Received | None, ...] = (None, *ORDER)


def latest_period(session: Session, unit: Unit) -> Period:
    """The latest period any of ``unit``'s communes has reported, else today's quarter."""
    codes = {commune.code for commune in communes_of(session.store, unit)}
    periods = [s.period for s in session.reports() if s.unit_code in codes]
    if periods:
        return max(periods, key=lambda period: (period.end, period.kind is PeriodKind.QUARTER))
    today = session.today or dt.date.today()
    return Period(today.year, PeriodKind.QUARTER, (today.month - 1) // 3 + 1)


class OfficeScreen(Screen[None]):
    """The communes of ``unit`` (a province or a district) for one period."""

    HELP_TITLE = "Tổng hợp báo cáo cấp xã"
    HELP = ("Bảng các đơn vị cấp xã trực thuộc và báo cáo của từng đơn vị trong kỳ: chưa gửi, "
            "dự thảo, chính thức. A tổng hợp số liệu vào báo cáo của đơn vị và ghi DOCX; R soạn "
            "báo cáo của mọi đơn vị cấp xã (song song, có thanh tiến độ); X điểm và xếp hạng "
            "Chỉ số CCHC; K chọn kỳ khác; L lọc theo trạng thái; Enter mở báo cáo của đơn vị "
            "đang chọn. Kết quả từng lệnh hiện ở khung dưới bảng.")
    BINDINGS = [
        Binding("a", "aggregate", "Tổng hợp", tooltip="Tổng hợp số liệu và ghi DOCX"),
        Binding("r", "render_all", "Soạn tất cả",
                tooltip="Soạn báo cáo của mọi đơn vị cấp xã"),
        Binding("x", "ranking", "Xếp hạng", tooltip="Điểm và xếp hạng Chỉ số CCHC"),
        Binding("k", "period", "Kỳ khác", tooltip="Chọn kỳ báo cáo khác"),
        Binding("l", "filter", "Lọc", tooltip="Lọc: chưa gửi, dự thảo, chính thức, tất cả"),
        Binding("enter", "open", "Mở báo cáo", show=False,
                tooltip="Mở báo cáo của đơn vị đang chọn"),
        Binding("ctrl+o", "open_folder", "Mở thư mục", show=False,
                tooltip="Mở thư mục chứa tệp vừa ghi"),
        Binding("escape", "back", "Quay lại"),
    ]
    FOOTER_FIRST = ("a", "r", "x", "k", "escape", "l")

    def __init__(self, session: Session, unit: Unit, period: Period | None = None) -> None:
        super().__init__()
        self.session = session
        self.unit = unit
        self.period = period
        self.only: Received | None = None
        self.lines: list[operations.Submission] = []
        self.written: Path | None = None
        self.busy = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="office-summary", classes="title")
        yield Table(id="communes", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="office-progress", show_eta=False)
        yield Label("", id="office-progress-label", classes="hint")
        yield OutcomeLog(id="office-log")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.period = self.period or latest_period(self.session, self.unit)
        self.query_one(Table).add_columns("Đơn vị", "Trạng thái", "Sửa lần cuối", "Số")
        self._progress(None)
        self.refresh_communes()

    def on_screen_resume(self) -> None:
        self.refresh_communes()

    # The table

    def refresh_communes(self) -> None:
        assert self.period is not None
        self.title = self.unit.short_body
        self.sub_title = f"Báo cáo cấp xã {period_name(self.period)}"
        try:
            self.lines = operations.submissions(self.session.store, self.unit.code, self.period)
        except DrafterError as exc:
            self.lines = []
            self.query_one(OutcomeLog).fail(str(exc))
        table = self.query_one(Table)
        cursor = table.cursor_row
        table.clear()
        shown = sorted((line for line in self.lines
                        if self.only is None or line.received is self.only),
                       key=lambda line: (ORDER.index(line.received), sort_key(line.unit.name),
                                         line.unit.label))
        for line in shown:
            report = line.report
            table.add_row(line.unit.label, RECEIVED[line.received],
                          short_date(report.updated_at.date()) if report else "—",
                          (report.number or "—") if report else "—", key=line.unit.code)
        table.move_cursor(row=min(cursor, max(len(shown) - 1, 0)))
        self.query_one("#office-summary", Label).update(self._summary(len(shown)))

    def _summary(self, shown: int) -> str:
        counts = {kind: sum(1 for line in self.lines if line.received is kind) for kind in ORDER}
        text = (f"{len(self.lines)} đơn vị cấp xã: {counts[Received.FINAL]} chính thức, "
                f"{counts[Received.DRAFT]} dự thảo, {counts[Received.MISSING]} chưa gửi")
        if self.only is not None:
            text += f" — đang xem {shown} {RECEIVED[self.only]} (L: lọc khác)"
        return text

    def _chosen(self) -> operations.Submission | None:
        table = self.query_one(Table)
        if table.row_count == 0:
            return None
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((line for line in self.lines if line.unit.code == code), None)

    def action_filter(self) -> None:
        self.only = FILTERS[(FILTERS.index(self.only) + 1) % len(FILTERS)]
        self.refresh_communes()

    def action_period(self) -> None:
        assert self.period is not None

        def chosen(period: Period | None) -> None:
            if period is not None:
                self.period = period
                self.refresh_communes()

        self.app.push_screen(PeriodDialog(self.period), chosen)

    def step_period(self, step: int) -> None:
        """The period before (``-1``) or after (``1``) the one shown, of the same kind."""
        assert self.period is not None
        period = self.period
        if period.kind is PeriodKind.QUARTER:
            index = period.year * 4 + period.quarter - 1 + step
            self.period = Period(index // 4, PeriodKind.QUARTER, index % 4 + 1)
        else:
            self.period = Period(period.year + step, period.kind, period.quarter)
        self.refresh_communes()

    def action_open(self) -> None:
        line = self._chosen()
        if line is None:
            return
        if line.report is None:
            assert self.period is not None
            self.notify(f"{sentence_case(line.unit.label)} chưa gửi báo cáo "
                        f"{period_name(self.period)}.", timeout=5)
            return
        self.post_message(OpenReport(line.report.id))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_ranking(self) -> None:
        self.post_message(OpenRanking(self.unit))

    def action_open_folder(self) -> None:
        if self.written is not None:
            show_folder(self, self.written)

    # Work in threads

    def _start(self, what: str) -> bool:
        if self.busy:
            self.notify(f"Đang {self.busy}: chờ xong rồi chạy lệnh khác.", timeout=5)
            return False
        self.busy = what
        return True

    def _finished(self, lines: list[str], error: str = "", folder: Path | None = None) -> None:
        """A command's lines in the log; its error, or its last line, in a toast too."""
        self.busy = ""
        self._progress(None)
        if self.query_one(OutcomeLog).outcome(lines, error, folder):
            self.written = folder
        self.refresh_communes()

    def action_aggregate(self) -> None:
        assert self.period is not None
        period = self.period
        output = self.session.out_dir / f"{self.unit.code}-{period.code}.docx"

        def chosen(request: AggregateRequest | None) -> None:
            if request is not None and self._start("tổng hợp"):
                self.query_one(OutcomeLog).say([f"Đang tổng hợp {period_name(period)}…"])
                self._aggregate(period, request, output)

        self.app.push_screen(AggregateDialog(self.unit.short_body, period, output), chosen)

    @work(thread=True, group="office")
    def _aggregate(self, period: Period, request: AggregateRequest, output: Path) -> None:
        session = self.session
        try:
            done = operations.aggregate_into(session.store, self.unit.code, period,
                                         session.pack, request.files, session.today,
                                         save=request.save, output=output)
        except DrafterError as exc:
            self.app.call_from_thread(self._finished, [], str(exc))
            return
        lines = [*done.lines, f"Đã ghi {output}"]
        self.app.call_from_thread(self._finished, lines, "", output.parent)

    def action_render_all(self) -> None:
        assert self.period is not None
        period = self.period
        count = sum(1 for line in self.lines if line.report is not None)
        folder = self.session.out_dir / f"{self.unit.code}-{period.code}-cap-xa"

        def chosen(target: Path | None) -> None:
            if target is not None and self._start("soạn báo cáo các đơn vị cấp xã"):
                self._progress(count)
                self._render_all(period, target)

        self.app.push_screen(RenderAllDialog(period, count, folder), chosen)

    @work(thread=True, group="office")
    def _render_all(self, period: Period, folder: Path) -> None:
        session = self.session

        def progress(done: int, total: int, outcome: Outcome) -> None:
            self.app.call_from_thread(self._advance, done, total, outcome)

        try:
            batch = operations.render_communes(session.store, self.unit.code, period, folder,
                                           session.pack.path, progress=progress)
        except DrafterError as exc:
            self.app.call_from_thread(self._finished, [], str(exc))
            return
        self.app.call_from_thread(self._finished, batch.lines, "",
                                  folder if batch.outcomes else None)

    def _progress(self, total: int | None) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = total is not None
        self.query_one("#office-progress-label").display = total is not None
        if total is not None:
            bar.update(total=total, progress=0)

    def _advance(self, done: int, total: int, outcome: Outcome) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        mark = "" if outcome.ok else " (lỗi)"
        self.query_one("#office-progress-label", Label).update(
            f"{done}/{total} {outcome.job.report.unit.label}{mark}")

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here: every command of the office, and other periods."""
        yield SystemCommand("Tổng hợp số liệu và ghi DOCX (A)",
                            "Cộng số liệu các báo cáo cấp xã vào báo cáo của đơn vị",
                            self.action_aggregate)
        yield SystemCommand("Soạn báo cáo của mọi đơn vị cấp xã (R)",
                            "Ghi DOCX của từng đơn vị, có thanh tiến độ", self.action_render_all)
        yield SystemCommand("Điểm và xếp hạng Chỉ số CCHC (X)",
                            "Nhập điểm, nhập từ bảng tính, ghi báo cáo xếp hạng",
                            self.action_ranking)
        yield SystemCommand("Chọn kỳ khác (K)", "Xem báo cáo cấp xã của một kỳ khác",
                            self.action_period)
        yield SystemCommand("Kỳ trước", "Xem kỳ liền trước", partial(self.step_period, -1))
        yield SystemCommand("Kỳ sau", "Xem kỳ liền sau", partial(self.step_period, 1))
        yield SystemCommand("Lọc theo trạng thái (L)", "Chưa gửi, dự thảo, chính thức, tất cả",
                            self.action_filter)
        if self.written is not None:
            yield SystemCommand("Mở thư mục (Ctrl+O)", str(self.written),
                                self.action_open_folder)
        yield SystemCommand("Quay lại (Esc)", "Về màn hình trước", self.action_back)
