"""Pick the period and whether to start from the previous report or empty."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select

from drafter.domain.periods import Period
from drafter.domain.units import Unit
from drafter.errors import DrafterError
from drafter.vi.text import sentence_case

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

KINDS = [("Quý I", "Q1"), ("Quý II", "Q2"), ("Quý III", "Q3"), ("Quý IV", "Q4"),
         ("6 tháng đầu năm", "H1"), ("9 tháng", "9M"), ("Năm", "")]


class NewReportScreen(ModalScreen[int | None]):
    """Returns the id of the created report, or ``None`` when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Hủy")]

    def __init__(self, unit: Unit, today: dt.date | None = None) -> None:
        super().__init__()
        self.unit = unit
        self.today = today or dt.date.today()

    def compose(self) -> ComposeResult:
        quarter = f"Q{(self.today.month - 1) // 3 + 1}"
        with Vertical(id="new-report", classes="dialog"):
            yield Label("Báo cáo mới", classes="title")
            yield Label("Kỳ báo cáo")
            with Horizontal(classes="row"):
                yield Select(KINDS, value=quarter, allow_blank=False, id="kind")
                yield Input(str(self.today.year), id="year", restrict=r"\d{0,4}",
                            classes="year")
            with RadioSet(id="source"):
                yield RadioButton("Chép từ báo cáo kỳ trước (nên dùng)", value=True,
                                  id="from-previous")
                yield RadioButton("Báo cáo trống", id="empty")
            yield Label("", id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Tạo báo cáo", id="create", variant="primary")
                yield Button("Hủy", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self.create()
        else:
            self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.create()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def create(self) -> None:
        kind = str(self.query_one("#kind", Select).value)
        year = self.query_one("#year", Input).value
        error = self.query_one("#new-error", Label)
        try:
            period = Period.parse(f"{year}-{kind}" if kind else year)
        except ValueError:
            error.update(f"Năm không hợp lệ: \"{year}\"")
            return
        empty = self.query_one("#empty", RadioButton).value
        app = cast("DrafterApp", self.app)
        try:
            report_id = app.session.create_report(self.unit.code, period, empty)
        except DrafterError as exc:
            error.update(sentence_case(str(exc)))
            return
        self.dismiss(report_id)
