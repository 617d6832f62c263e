"""A province's report made final while communes' reports of the period are still drafts:
the official confirms it (as ``drafter report final --confirm-drafts`` does) or keeps it a
draft; the confirmation is recorded in the report's history by the store."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from drafter.tui.dialogs.modal import Modal
from drafter.tui.widgets.text import Label
from drafter.vi.text import sentence_case

CONFIRM = "Vẫn ban hành chính thức"
KEEP = "Để dự thảo"


class OverDraftsScreen(Modal[bool]):
    """Returns whether the official confirmed the final report over the drafts."""

    BINDINGS = [Binding("escape", "keep", KEEP)]

    def __init__(self, drafts: str, body: str) -> None:
        super().__init__()
        self.drafts = drafts
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="over-drafts", classes="dialog"):
            yield Label("Ban hành khi cấp xã còn dự thảo", classes="title")
            yield Label(f"{sentence_case(self.drafts)}. Báo cáo tổng hợp của {self.body} sẽ "
                        "dùng số liệu của các dự thảo này. Nếu vẫn ban hành bản chính thức, "
                        "việc xác nhận được ghi vào lịch sử báo cáo.")
            with Horizontal(classes="buttons"):
                yield Button(KEEP, id="keep", variant="primary")
                yield Button(CONFIRM, id="confirm", variant="warning")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_keep(self) -> None:
        self.dismiss(False)
