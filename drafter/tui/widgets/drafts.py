"""Text typed into a box and not yet taken into the report: the editor keeps it as a draft."""

from __future__ import annotations

from textual.message import Message


class Draft(Message):
    """``key`` names the box (its widget id); an empty ``text`` means there is no draft."""

    def __init__(self, key: str, text: str) -> None:
        super().__init__()
        self.key = key
        self.text = text
