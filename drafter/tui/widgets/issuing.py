"""Issuing details: number, date, "Kính gửi", the data window, recipients, status."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select, TextArea

from drafter.domain.report import Report, Status
from drafter.vi.dates import parse_date, short_date
from drafter.vi.text import clean

DATE_FIELDS = {"date": "Ngày báo cáo", "data_from": "Số liệu từ ngày",
               "data_to": "Số liệu đến ngày"}


class IssuingEditor(Vertical):
    """Posts :class:`IssuingEditor.Changed` with one field's new value once it is valid."""

    class Changed(Message):
        def __init__(self, field: str, value: object) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, report: Report) -> None:
        super().__init__(id="issuing-editor")
        self.report = report
        self.shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        report = self.report
        yield Label("Thông tin ban hành", classes="subtitle")
        yield Label("Số văn bản (để trống nếu văn thư sẽ cấp số)")
        self.shown = {"number": report.number or "", "recipient": report.recipient}
        yield Input(self.shown["number"], id="is-number", restrict=r"[0-9]*", compact=True)
        for field, label in DATE_FIELDS.items():
            value: dt.date | None = getattr(report, field)
            self.shown[field] = short_date(value) if value else ""
            yield Label(label)
            yield Input(self.shown[field], id=f"is-{field}", compact=True,
                        placeholder="ví dụ 28/02/2024")
        yield Label("Kính gửi (khi gửi một cơ quan)")
        yield Input(self.shown["recipient"], id="is-recipient", compact=True)
        yield Label("Nơi nhận, mỗi dòng một nơi")
        yield TextArea("\n".join(report.recipients), id="is-recipients")
        yield Label("Trạng thái")
        yield Select([("Dự thảo", Status.DRAFT.value), ("Chính thức", Status.FINAL.value)],
                     value=report.status.value, allow_blank=False, id="is-status",
                     compact=True)
        yield Label("", id="is-error", classes="error")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = (event.input.id or "").removeprefix("is-")
        if self.shown.get(field) == event.value:
            return  # the initial value echoed on mount, not an edit
        self.shown[field] = event.value
        error = self.query_one("#is-error", Label)
        error.update("")
        if field in DATE_FIELDS:
            text = event.value.strip()
            if not text:
                if field != "date":
                    self.post_message(self.Changed(field, None))
                return
            try:
                self.post_message(self.Changed(field, parse_date(text)))
            except ValueError as exc:
                error.update(f"{DATE_FIELDS[field]}: {exc}")
            return
        if field == "number":
            self.post_message(self.Changed("number", event.value or None))
        elif field == "recipient":
            self.post_message(self.Changed("recipient", clean(event.value)))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        lines = [clean(line) for line in event.text_area.text.splitlines()]
        self.post_message(self.Changed("recipients", [line for line in lines if line]))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value == self.report.status.value:
            return
        self.post_message(self.Changed("status", Status(str(event.value))))

    def show_error(self, message: str) -> None:
        self.query_one("#is-error", Label).update(message)
