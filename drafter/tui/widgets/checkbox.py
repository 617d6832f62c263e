"""A checkbox that a stray space cannot flip; check boxes and radio buttons marked only when on."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox, RadioButton


class Marked:
    """Textual draws ▐X▌ (▐●▌) on and off alike, only the colour differs: on a terminal of
    few colours both radio buttons of a dialog looked chosen. Off, the box is empty."""

    value: bool
    MARK = "X"

    @property
    def BUTTON_INNER(self) -> str:  # the name Textual's ToggleButton reads
        return self.MARK if self.value else " "

    @BUTTON_INNER.setter
    def BUTTON_INNER(self, mark: str) -> None:
        self.MARK = mark


class MarkedRadioButton(Marked, RadioButton):
    MARK = "●"


class EnterCheckbox(Marked, Checkbox):
    """Toggled with Enter or a click, not with Space: officials type a space ahead while Tab
    moves the cursor through a form ("Chủ tịch␣" ran onto "Cấp phó ký thay" and ticked it)."""

    BINDINGS = [Binding("enter", "toggle_button", "Chọn / bỏ chọn", show=False),
                Binding("space", "ignore", show=False)]

    def action_ignore(self) -> None:
        """Space is taken here and does nothing."""
