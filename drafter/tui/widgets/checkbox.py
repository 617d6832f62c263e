"""A checkbox that a stray space cannot flip."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Checkbox


class EnterCheckbox(Checkbox):
    """Toggled with Enter or a click, not with Space: officials type a space ahead while Tab
    moves the cursor through a form ("Chủ tịch␣" ran onto "Cấp phó ký thay" and ticked it)."""

    BINDINGS = [Binding("enter", "toggle_button", "Chọn / bỏ chọn", show=False),
                Binding("space", "ignore", show=False)]

    def action_ignore(self) -> None:
        """Space is taken here and does nothing."""
