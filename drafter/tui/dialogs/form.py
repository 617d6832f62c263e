"""A small form in a dialog: labelled boxes, optional choices, one button that does it.

Enter in any box (or on the button) submits, Esc cancels; what the form refuses is said in
one line under it, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select

from drafter.tui.dialogs.modal import Modal
from drafter.tui.widgets.buttons import FormButton
from drafter.tui.widgets.checkbox import EnterCheckbox
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.text import clean

T = TypeVar("T")


@dataclass(frozen=True)
class Box:
    """A text box: its id, its label, what it starts with and a hint when empty."""

    id: str
    label: str
    value: str = ""
    placeholder: str = ""


@dataclass(frozen=True)
class Choice:
    """A dropdown: its id, label, options (shown, value) and the value chosen at first."""

    id: str
    label: str
    options: Sequence[tuple[str, str]]
    value: str = ""


@dataclass(frozen=True)
class Tick:
    """A checkbox (toggled with Enter or a click): its id, label and first state."""

    id: str
    label: str
    value: bool = False


class FormDialog(Modal[T]):
    """Subclasses implement :meth:`submit`: read the fields, then ``dismiss`` with the result
    or :meth:`refuse` with the reason."""

    BINDINGS = [Binding("escape", "cancel", "Hủy", tooltip="Đóng, không làm gì")]

    def __init__(self, title: str, fields: Sequence[Box | Choice | Tick], action: str,
                 intro: str = "") -> None:
        super().__init__()
        self.heading = title
        self.fields = list(fields)
        self.action = action
        self.intro = intro

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form-dialog"):
            yield Label(self.heading, classes="title")
            if self.intro:
                yield Label(self.intro, classes="hint")
            for field in self.fields:
                yield from self._field(field)
            yield Label("", id="dialog-error", classes="error")
            with Horizontal(classes="buttons"):
                yield FormButton(self.action, id="submit", variant="primary")
                yield Button("Hủy (Esc)", id="cancel")

    def _field(self, field: Box | Choice | Tick) -> ComposeResult:
        if isinstance(field, Tick):
            yield EnterCheckbox(field.label, field.value, id=field.id)
            return
        yield Label(field.label)
        if isinstance(field, Choice):
            yield Dropdown(field.options, value=field.value, allow_blank=False, id=field.id,
                           compact=True)
        else:
            yield Input(field.value, placeholder=field.placeholder, id=field.id, compact=True)

    def on_mount(self) -> None:
        first: Widget = next(iter(self.query(Input)), None) or self.query_one("#submit")
        first.focus()

    def text(self, box: str) -> str:
        return clean(self.query_one(f"#{box}", Input).value)

    def chosen(self, choice: str) -> str:
        value: Any = self.query_one(f"#{choice}", Select).value
        return "" if value is Select.NULL else str(value)

    def ticked(self, tick: str) -> bool:
        return self.query_one(f"#{tick}", Checkbox).value

    def refuse(self, reason: str) -> None:
        label = self.query_one("#dialog-error", Label)
        label.update(reason)
        # Below the fields of a long dialog the refusal may lie off the screen at 80×24, and
        # Enter would seem to do nothing: scrolled to once laid out with its new text.
        self.call_after_refresh(label.scroll_visible, animate=False)

    def submit(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "submit":
            self.submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
