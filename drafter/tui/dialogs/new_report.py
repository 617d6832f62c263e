"""Pick the kind of report, the period and whether to start from the previous report, from
last period's report made in Word (read and stored as that period's), or empty."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, RadioButton, RadioSet, Select

from drafter.domain.periods import Period, PeriodKind
from drafter.domain.units import Unit
from drafter.errors import DataFileError, DrafterError
from drafter.tui.dialogs.modal import Modal
from drafter.tui.session import Session
from drafter.tui.widgets.checkbox import MarkedRadioButton
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.text import sentence_case

KINDS = [("Quý I", "Q1"), ("Quý II", "Q2"), ("Quý III", "Q3"), ("Quý IV", "Q4"),
         ("6 tháng đầu năm", "H1"), ("9 tháng", "9M"), ("Năm", "")]
CARRY = "Chép từ báo cáo kỳ trước (nên dùng)"
NOTHING_TO_CARRY = "Chép từ kỳ trước: chưa có báo cáo để chép"
FROM_WORD = "Bắt đầu từ báo cáo Word của kỳ trước"


def next_period(periods: list[Period], today: dt.date) -> Period:
    """The quarter after the last period reported, or today's quarter for a first report."""
    if not periods:
        return Period(today.year, PeriodKind.QUARTER, (today.month - 1) // 3 + 1)
    day = max(period.end for period in periods) + dt.timedelta(days=1)
    return Period(day.year, PeriodKind.QUARTER, (day.month - 1) // 3 + 1)


class NewReportScreen(Modal[int | None]):
    """Returns the id of the created report, or ``None`` when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Hủy")]

    def __init__(self, session: Session, unit: Unit) -> None:
        super().__init__()
        self.session = session
        self.unit = unit
        self.today = session.today or dt.date.today()

    def compose(self) -> ComposeResult:
        reported = [summary.period for summary in self.session.reports(self.unit.code)]
        start = next_period(reported, self.today)
        with Vertical(id="new-report", classes="dialog"):
            yield Label("Báo cáo mới", classes="title")
            kinds = self.session.kinds()
            if len(kinds) > 1:  # the kind first: it decides what there is to carry
                yield Label("Loại báo cáo")
                yield Dropdown(kinds, value=self.session.pack.kind, allow_blank=False,
                               id="report-kind")
            yield Label("Kỳ báo cáo")
            with Horizontal(classes="row"):
                yield Dropdown(KINDS, value=start.code.partition("-")[2], allow_blank=False,
                               id="kind")
                yield Input(str(start.year), id="year", restrict=r"\d{0,4}", classes="year")
            with RadioSet(id="source"):
                yield MarkedRadioButton(CARRY, value=True, id="from-previous")
                yield MarkedRadioButton(FROM_WORD, id="from-word")
                yield MarkedRadioButton("Báo cáo trống", id="empty")
            yield Input(placeholder="Tệp Word của kỳ trước (.docx, .doc), ví dụ "
                        "D:\\Bao cao\\quy-1.docx", id="word-file")
            yield Label("", id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Tạo báo cáo", id="create", variant="primary")
                yield Button("Hủy", id="cancel")

    def on_mount(self) -> None:
        # The period is what is chosen most; the kind above it is a Shift+Tab away.
        self.query_one("#kind", Select).focus()
        self._offer_carry()
        self.query_one("#word-file", Input).display = False

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        word = event.pressed.id == "from-word"
        box = self.query_one("#word-file", Input)
        box.display = word
        if word:
            box.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "report-kind":
            self.session.use_kind(str(event.value))
        self._offer_carry()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "word-file":
            self._offer_carry()

    def _period(self) -> Period | None:
        kind = str(self.query_one("#kind", Select).value)
        year = self.query_one("#year", Input).value
        try:
            return Period.parse(f"{year}-{kind}" if kind else year)
        except ValueError:
            return None

    def _offer_carry(self) -> None:
        """Copying from the previous report is offered only when there is one to copy."""
        period = self._period()
        can = period is not None and self.session.can_carry(self.unit.code, period)
        carry = self.query_one("#from-previous", RadioButton)
        if can and carry.disabled:  # offered again: back to the recommended choice
            carry.value = True
        elif not can:
            self.query_one("#empty", RadioButton).value = True
        carry.disabled = not can
        carry.label = CARRY if can else NOTHING_TO_CARRY

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
        period = self._period()
        error = self.query_one("#new-error", Label)
        if period is None:
            error.update(f"Năm không hợp lệ: \"{self.query_one('#year', Input).value}\"")
            return
        empty = self.query_one("#empty", RadioButton).value
        word = self.query_one("#word-file", Input).value.strip().strip('"')
        if self.query_one("#from-word", RadioButton).value and not word:
            error.update("Chưa nhập đường dẫn tệp Word của kỳ trước")
            return
        try:
            if self.query_one("#from-word", RadioButton).value:
                report_id, told = self.session.create_from_word(self.unit.code, period,
                                                                Path(word).expanduser())
            else:
                report_id, told = self.session.create_report(self.unit.code, period, empty)
        except DataFileError as exc:  # the file named as the official chose it, not capitalised
            error.update(f"Tệp {Path(exc.path).name}: {exc.problem}")
            return
        except DrafterError as exc:
            error.update(sentence_case(str(exc)))
            return
        if told:  # what the report was made of and what is left to enter, as the CLI says
            self.app.notify("\n".join(told), title="Đã tạo báo cáo", timeout=20)
        self.dismiss(report_id)
