"""What the office's commands did, line by line, as the CLI prints it: wrapped to the screen's
width (a list of 20 communes is one long line) and shown as written, never as markup."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual.widgets import RichLog


class OutcomeLog(RichLog):
    """The lines of each command run, newest at the bottom, a blank line between runs; hidden
    until there is something to say."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, auto_scroll=True, id=id,
                         classes="outcome-log")
        self.said: list[str] = []
        self.display = False

    def say(self, lines: Iterable[str]) -> None:
        """Add one command's lines."""
        lines = list(lines)
        if self.said:
            self.write(Text(""))
        for line in lines:
            self.write(Text(line))
        self.said += lines
        self.display = True

    def fail(self, message: str) -> None:
        self.say([f"Lỗi: {message}"])

    def outcome(self, lines: list[str], error: str = "", folder: Path | None = None) -> bool:
        """A command's lines; its error said in a toast too; a folder it wrote offered with
        Ctrl+O. Returns whether the command wrote ``folder``."""
        self.say(lines)
        if error:
            self.fail(error)
            self.notify(error, title="Không thực hiện được", severity="error", timeout=10)
            return False
        if folder is None:
            return False
        self.notify(f"{lines[-1]}\nNhấn Ctrl+O để mở thư mục.", timeout=10)
        return True
