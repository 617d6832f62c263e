"""The official's own words on the preview (issue 14): pick a generated sentence, replace it,
leave it out, or go back to the generated one.

:class:`OverrideScreen` lists every sentence of the rendered report by its id, with the
official's replacements (``✎``) and removed sentences (``(đã bỏ)``); Enter on one opens it in
a box. In the box Enter keeps what is written (an empty box leaves the sentence out) and
Ctrl+R goes back to the generated sentence. The screen returns ``(sentence id, text)``, text
``None`` meaning "no override".
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from drafter.tui.dialogs.modal import Modal
from drafter.tui.session import OWN
from drafter.tui.widgets.text import Label

HINT = ("Enter: chọn câu để sửa · Esc: đóng. Trong ô sửa: Enter lưu câu của mình "
        "(để trống là bỏ câu), Ctrl+R dùng lại câu tự sinh")
REMOVED = "(đã bỏ)"

Choice = tuple[str, str | None]


class OverrideScreen(Modal[Choice | None]):
    """Choose a sentence and write the official's own words for it."""

    BINDINGS = [Binding("escape", "close", "Đóng"),
                Binding("ctrl+r", "restore", "Dùng lại câu tự sinh")]
    # The list takes what the hint and the box leave, so the box is always on screen.
    DEFAULT_CSS = """
    #override { height: 100%; padding: 0 1; background: $surface; }
    #override Label { width: 1fr; }
    #override #sentences { height: 1fr; }
    """

    def __init__(self, generated: dict[str, str], overrides: dict[str, str]) -> None:
        super().__init__()
        self.generated = generated
        self.overrides = overrides
        self.ids = list(generated) + [sid for sid in overrides if sid not in generated]
        self.chosen = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="override"):
            yield Label("Sửa câu của báo cáo", classes="subtitle")
            yield Label(Content(HINT))
            # A rule after each sentence: wrapped sentences would run into one another.
            lines: list[Option | None] = []
            for sid in self.ids:
                lines += [Option(Content(self._line(sid)), sid), None]
            yield OptionList(*lines[:-1], id="sentences")
            yield Input(id="own-words", placeholder="Câu của mình (để trống để bỏ câu này)")

    def _line(self, sid: str) -> str:
        if sid in self.overrides:
            text = self.overrides[sid]
            return f"{OWN} {text}" if text else f"{REMOVED} {self.generated.get(sid, sid)}"
        return self.generated.get(sid, "")

    def on_mount(self) -> None:
        self.query_one("#own-words", Input).display = False
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.chosen = str(event.option.id)
        box = self.query_one("#own-words", Input)
        box.value = self.overrides.get(self.chosen, self.generated.get(self.chosen, ""))
        box.display = True
        box.focus()
        box.cursor_position = len(box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.chosen:
            self.dismiss((self.chosen, event.value.strip()))

    def action_restore(self) -> None:
        if self.chosen:
            self.dismiss((self.chosen, None))

    def action_close(self) -> None:
        self.dismiss(None)
