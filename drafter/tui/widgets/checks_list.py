"""Every problem of the report; Enter on one jumps to its field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ListItem, ListView

from drafter.checks import Problem
from drafter.tui.widgets.text import Label


class ChecksList(Vertical):
    """Posts :class:`ChecksList.Jump` when Enter is pressed on a problem."""

    class Jump(Message):
        def __init__(self, problem: Problem) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self) -> None:
        super().__init__(id="checks-list")
        self.problems: list[Problem] = []
        self.lines: list[str] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="checks-summary", classes="subtitle")
        yield ListView(id="problems")

    def show(self, problems: list[Problem], lines: list[str]) -> None:
        """``lines`` say each problem as the list shows it."""
        self.problems = problems
        errors = sum(1 for p in problems if p.is_error)
        summary = (f"{errors} lỗi, {len(problems) - errors} cảnh báo. Lỗi chặn bản chính thức; "
                   "cảnh báo thì không. Enter để đến chỗ cần sửa." if problems
                   else "Không phát hiện vấn đề nào.")
        self.query_one("#checks-summary", Label).update(summary)
        if lines == self.lines:
            return  # unchanged: keep the list and the official's place in it
        self.lines = lines
        view = self.query_one(ListView)
        index = view.index
        view.clear()
        view.extend(ListItem(Label(line), classes="-error" if problem.is_error else "-warning")
                    for problem, line in zip(problems, lines, strict=True))
        if index is not None:
            self.call_after_refresh(setattr, view, "index", min(index, len(lines) - 1))

    def focus_first(self) -> None:
        """The cursor on the first problem, so Enter goes to it at once."""
        view = self.query_one(ListView)
        if self.problems:
            view.index = 0
        view.focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        index = event.list_view.index
        if index is not None and index < len(self.problems):
            self.post_message(self.Jump(self.problems[index]))
