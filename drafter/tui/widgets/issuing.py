"""Issuing details: number, date, "Kính gửi", the data window, recipients, status."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Select, TextArea

from drafter.domain.report import Report, Status
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.dates import parse_date, short_date
from drafter.vi.text import clean

DATE_FIELDS = {"date": "Ngày báo cáo", "data_from": "Số liệu từ ngày",
               "data_to": "Số liệu đến ngày"}
ISSUING_FIELDS = ("number", *DATE_FIELDS, "recipient", "recipients", "status")


class DigitsInput(Input):
    """The document's number, digits only: a letter refused is said, not dropped unseen."""

    def restricted(self) -> None:
        self.notify("Số văn bản chỉ gồm chữ số, ví dụ 25 (ký hiệu /BC-UBND tự thêm).",
                    title="Không nhận chữ", severity="warning", timeout=5)


class IssuingEditor(Vertical):
    """Posts :class:`IssuingEditor.Changed` with one field's new value once it is valid, and
    :class:`IssuingEditor.Invalid` with the text and the reason while it is not."""

    class Changed(Message):
        def __init__(self, field: str, value: object) -> None:
            super().__init__()
            self.field = field
            self.value = value

    class Invalid(Message):
        def __init__(self, field: str, text: str, message: str) -> None:
            super().__init__()
            self.field = field
            self.text = text
            self.message = message

    def __init__(self, report: Report, drafts: dict[str, str]) -> None:
        super().__init__(id="issuing-editor")
        self.report = report
        self.drafts = drafts
        self.shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        report = self.report
        yield Label("Thông tin ban hành", classes="subtitle")
        yield Label("", id="is-problems", classes="problem")
        yield Label("Số văn bản (để trống nếu văn thư sẽ cấp số)")
        self.shown = {"number": report.number or "", "recipient": report.recipient}
        yield DigitsInput(self.shown["number"], id="is-number", restrict=r"[0-9]*",
                          compact=True)
        for field, label in DATE_FIELDS.items():
            value: dt.date | None = getattr(report, field)
            stored = short_date(value) if value else ""
            self.shown[field] = self.drafts.get(f"is-{field}", stored)
            yield Label(label)
            yield Input(self.shown[field], id=f"is-{field}", compact=True,
                        placeholder="ví dụ 28/02/2024")
        yield Label("Kính gửi (khi gửi một cơ quan)")
        yield Input(self.shown["recipient"], id="is-recipient", compact=True)
        yield Label("Nơi nhận, mỗi dòng một nơi")
        yield TextArea("\n".join(report.recipients), id="is-recipients")
        yield Label("Trạng thái")
        yield Dropdown([("Dự thảo", Status.DRAFT.value), ("Chính thức", Status.FINAL.value)],
                       value=report.status.value, allow_blank=False, id="is-status",
                       compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = (event.input.id or "").removeprefix("is-")
        if self.shown.get(field) == event.value:
            return  # the initial value echoed on mount, not an edit
        self.shown[field] = event.value
        if field in DATE_FIELDS:
            self._date(field, event.value)
        elif field == "number":
            self.post_message(self.Changed("number", event.value or None))
        elif field == "recipient":
            self.post_message(self.Changed("recipient", clean(event.value)))

    def _date(self, field: str, typed: str) -> None:
        text = typed.strip()
        if not text:
            if field == "date":
                self.post_message(self.Invalid(field, typed, "Chưa nhập ngày báo cáo"))
            else:
                self.post_message(self.Changed(field, None))
            return
        try:
            self.post_message(self.Changed(field, parse_date(text)))
        except ValueError as exc:
            self.post_message(self.Invalid(field, typed, f"{DATE_FIELDS[field]}: {exc}"))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        lines = [clean(line) for line in event.text_area.text.splitlines()]
        self.post_message(self.Changed("recipients", [line for line in lines if line]))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value == self.report.status.value:
            return
        self.post_message(self.Changed("status", Status(str(event.value))))

    def show_status(self, status: Status) -> None:
        """Show ``status`` again (making the report final was refused)."""
        self.query_one("#is-status", Select).value = status.value

    def show_problems(self, messages: list[str]) -> None:
        """The checks' messages about the issuing details, at the top of the pane."""
        label = self.query_one("#is-problems", Label)
        label.update("\n".join(messages))
        label.display = bool(messages)
