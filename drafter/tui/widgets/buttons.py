"""A form's button that keeps what is typed on it: an official typing ahead as Tab moves the
cursor lands on "Lưu" with the rest of a name still to type, and those letters were lost."""

from __future__ import annotations

from textual import events
from textual.widgets import Button, Input, TextArea


class FormButton(Button):
    """Enter (or a click) presses it; a letter, digit or space typed on it goes, with the
    cursor, to the text box before it in the form."""

    def on_key(self, event: events.Key) -> None:
        if not event.is_printable or event.character is None:
            return
        box = self._previous_box()
        if box is None:
            return
        event.stop()
        event.prevent_default()
        box.focus()
        if isinstance(box, Input):
            box.cursor_position = len(box.value)
            box.insert_text_at_cursor(event.character)
        else:
            box.move_cursor(box.document.end)
            box.insert(event.character)

    def _previous_box(self) -> Input | TextArea | None:
        chain = self.screen.focus_chain
        if self not in chain:
            return None
        before = chain[:chain.index(self)]
        return next((w for w in reversed(before) if isinstance(w, Input | TextArea)), None)
