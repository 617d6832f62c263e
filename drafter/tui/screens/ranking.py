"""The yearly CCHC index of the units an office ranks (a province's communes, its districts
before 2025, or its departments): scores entered one by one or imported from a workbook,
ranks computed, and the ranking report written — through :mod:`drafter.office.operations` and
:func:`drafter.office.index.make_ranking`, as the CLI does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header

from drafter.domain.ranking import Ranked, Score, rank_scores
from drafter.domain.structure import children
from drafter.domain.units import Tier, Unit
from drafter.errors import DrafterError
from drafter.office import operations
from drafter.office.index import make_ranking, ranked_units
from drafter.tui.desktop import show_folder
from drafter.tui.dialogs.ranking import (
    ImportDialog,
    RankingDialog,
    RankingRequest,
    ScoreDialog,
    Workbook,
    YearDialog,
)
from drafter.tui.session import Session
from drafter.tui.widgets.footer import KeyFooter
from drafter.tui.widgets.outcome_log import OutcomeLog
from drafter.tui.widgets.text import Label, Table


def ranking_year(session: Session) -> int:
    """The year an index is usually ranked for: the one before today's."""
    return (session.today or dt.date.today()).year - 1


class RankingScreen(Screen[None]):
    """The units ``scope`` ranks in ``year``, best first; those without a score last."""

    HELP_TITLE = "Điểm và xếp hạng Chỉ số CCHC"
    HELP = ("Điểm Chỉ số CCHC của các đơn vị trực thuộc, xếp từ cao xuống thấp; thứ hạng và xếp "
            "loại được tính từ điểm. Enter (hoặc E) nhập điểm của đơn vị đang chọn; I nhập điểm "
            "từ bảng tính .xlsx/.csv; W ghi báo cáo xếp hạng (DOCX); S chuyển giữa đơn vị hành "
            "chính và sở, ban, ngành; K chọn năm khác.")
    BINDINGS = [
        Binding("e", "score", "Nhập điểm", tooltip="Nhập điểm của đơn vị đang chọn"),
        Binding("enter", "score", "Nhập điểm", show=False),
        Binding("i", "import_scores", "Nhập bảng", tooltip="Nhập điểm từ bảng tính"),
        Binding("w", "write", "Ghi xếp hạng", tooltip="Ghi báo cáo xếp hạng (DOCX)"),
        Binding("s", "switch", "Sở/xã", tooltip="Chuyển giữa đơn vị hành chính và sở, ban, ngành"),
        Binding("k", "year", "Năm khác", tooltip="Chọn năm đánh giá khác"),
        Binding("ctrl+o", "open_folder", "Mở thư mục", show=False,
                tooltip="Mở thư mục chứa tệp vừa ghi"),
        Binding("escape", "back", "Quay lại"),
    ]
    FOOTER_FIRST = ("e", "i", "w", "escape", "k", "s")

    def __init__(self, session: Session, scope: Unit, year: int,
                 departments: bool = False) -> None:
        super().__init__()
        self.session = session
        self.scope = scope
        self.year = year
        self.departments = departments
        self.units: list[Unit] = []
        self.ranked: list[Ranked] = []
        self.unscored: list[Unit] = []
        self.written: Path | None = None
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="ranking-summary", classes="title")
        yield Table(id="ranked", cursor_type="row", zebra_stripes=True)
        yield OutcomeLog(id="ranking-log")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Table).add_columns("Hạng", "Đơn vị", "Tổng điểm", "Xếp loại")
        self.refresh_scores()

    def refresh_scores(self, unit_code: str | None = None) -> None:
        """Reload the scores; the cursor stays on the unit it was on (or goes to one)."""
        what = "sở, ban, ngành" if self.departments else "đơn vị hành chính trực thuộc"
        self.title = self.scope.short_body
        self.sub_title = f"Chỉ số CCHC năm {self.year}"
        store = self.session.store
        try:
            self.units = ranked_units(store, self.scope.code, self.year, self.departments).units
        except DrafterError as exc:
            self.units = []
            self.query_one(OutcomeLog).say([str(exc)])
        rules = self.session.pack.ranking
        scores = store.scores(self.year, self.units) if self.units else []
        self.ranked = rank_scores(scores, rules) if rules else []
        scored = {item.score.unit.code for item in self.ranked}
        self.unscored = [unit for unit in self.units if unit.code not in scored]
        table = self.query_one(Table)
        chosen = unit_code or self._chosen_code()
        table.clear()
        for item in self.ranked:
            table.add_row(str(item.rank), item.score.unit.label,
                          operations.score_text(item.score.total), item.klass,
                          key=item.score.unit.code)
        for unit in self.unscored:
            table.add_row("—", unit.label, "chưa có điểm", "", key=unit.code)
        codes = [item.score.unit.code for item in self.ranked] + [u.code for u in self.unscored]
        if chosen in codes:
            table.move_cursor(row=codes.index(chosen))
        self.query_one("#ranking-summary", Label).update(
            f"{len(self.units)} {what}: {len(self.ranked)} có điểm, {len(self.unscored)} chưa "
            "có điểm")

    def _chosen_code(self) -> str | None:
        table = self.query_one(Table)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_score()

    def action_score(self) -> None:
        code = self._chosen_code()
        unit = next((u for u in self.units if u.code == code), None)
        rules = self.session.pack.ranking
        if unit is None or rules is None:
            return
        score = next((item.score for item in self.ranked if item.score.unit.code == code), None)

        def saved(new: Score | None) -> None:
            if new is not None:
                self.query_one(OutcomeLog).say([operations.score_line(new, self.year)])
                self.refresh_scores(new.unit.code)

        self.app.push_screen(ScoreDialog(self.session.store, unit, self.year, rules,
                                         self.session.pack, score), saved)

    def action_import_scores(self) -> None:
        def chosen(book: Workbook | None) -> None:
            if book is not None and self._start():
                self._import(book)

        self.app.push_screen(ImportDialog(self.year), chosen)

    @work(thread=True, group="ranking")
    def _import(self, book: Workbook) -> None:
        session = self.session
        try:
            done = operations.import_scores(session.store, self.scope.code, self.year, book.path,
                                        session.pack, book.sheet, self.departments)
        except DrafterError as exc:
            self.app.call_from_thread(self._finished, [], str(exc))
            return
        self.app.call_from_thread(self._finished, done.lines)

    def _output(self) -> Path:
        which = "-so-ban-nganh" if self.departments else ""
        return (self.session.out_dir
                / f"xep-hang-chi-so-cchc-{self.year}-{self.scope.code}{which}.docx")

    def action_write(self) -> None:
        issuers = children(self.session.units(), self.scope, tiers=(Tier.DEPARTMENT,))
        today = self.session.today or dt.date.today()

        def chosen(request: RankingRequest | None) -> None:
            if request is not None and self._start():
                self._write(request, self._output())

        self.app.push_screen(RankingDialog(self.year, today, [self.scope, *issuers],
                                           self.unscored, self._output()), chosen)

    @work(thread=True, group="ranking")
    def _write(self, request: RankingRequest, output: Path) -> None:
        from drafter.api import save_document  # the writer loads only when something is written

        session = self.session
        try:
            made = make_ranking(session.store, self.scope.code, self.year, session.pack,
                                request.content, self.departments, request.issuer,
                                request.number, request.date)
            path = save_document(made.document, output)
        except DrafterError as exc:
            self.app.call_from_thread(self._finished, [], str(exc))
            return
        lines = [*operations.ranking_lines(made, self.year), f"Đã ghi {path}"]
        self.app.call_from_thread(self._finished, lines, "", path.parent)

    def _start(self) -> bool:
        if self.busy:
            self.notify("Đang chạy lệnh trước: chờ xong rồi chạy lệnh khác.", timeout=5)
            return False
        self.busy = True
        return True

    def _finished(self, lines: list[str], error: str = "", folder: Path | None = None) -> None:
        self.busy = False
        if self.query_one(OutcomeLog).outcome(lines, error, folder):
            self.written = folder
        self.refresh_scores()

    def action_switch(self) -> None:
        self.departments = not self.departments
        self.refresh_scores()

    def action_year(self) -> None:
        def chosen(year: int | None) -> None:
            if year is not None:
                self.year = year
                self.refresh_scores()

        self.app.push_screen(YearDialog(self.year), chosen)

    def step_year(self, step: int) -> None:
        self.year += step
        self.refresh_scores()

    def action_open_folder(self) -> None:
        if self.written is not None:
            show_folder(self, self.written)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here."""
        yield SystemCommand("Nhập điểm của đơn vị đang chọn (E)", "Tổng điểm và từng lĩnh vực",
                            self.action_score)
        yield SystemCommand("Nhập điểm từ bảng tính (I)", "Tệp .xlsx hoặc .csv",
                            self.action_import_scores)
        yield SystemCommand("Ghi báo cáo xếp hạng (W)", "Báo cáo xếp hạng Chỉ số CCHC (DOCX)",
                            self.action_write)
        other = "đơn vị hành chính" if self.departments else "sở, ban, ngành"
        yield SystemCommand(f"Xếp hạng {other} (S)", "Chuyển nhóm đơn vị được xếp hạng",
                            self.action_switch)
        yield SystemCommand("Chọn năm khác (K)", "Xem điểm của năm khác", self.action_year)
        yield SystemCommand("Năm trước", f"Năm {self.year - 1}", partial(self.step_year, -1))
        yield SystemCommand("Năm sau", f"Năm {self.year + 1}", partial(self.step_year, 1))
        if self.written is not None:
            yield SystemCommand("Mở thư mục (Ctrl+O)", str(self.written),
                                self.action_open_folder)
        yield SystemCommand("Quay lại (Esc)", "Về màn hình trước", self.action_back)
