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

    def show(self, problems: list[Problem], lines: list[str], quiet: set[int]) -> None:
        """``lines`` say each problem as the list shows it; ``quiet`` are the indexes of the
        required figures not entered that do not count yet (said, not counted as errors)."""
        self.problems = problems
        errors = sum(1 for i, p in enumerate(problems) if p.is_error and i not in quiet)
        warnings = sum(1 for p in problems if not p.is_error)
        summary = (f"{errors} lỗi, {warnings} cảnh báo. Lỗi chặn bản chính thức; "
                   "cảnh báo thì không. Enter để đến chỗ cần sửa." if problems
                   else "Không phát hiện vấn đề nào.")
        if quiet:
            summary += f" Còn {len(quiet)} số liệu bắt buộc chưa nhập."
        self.query_one("#checks-summary", Label).update(summary)
        if lines == self.lines:
            return  # unchanged: keep the list and the official's place in it
        self.lines = lines
        view = self.query_one(ListView)
        index = view.index
        view.clear()
        view.extend(ListItem(Label(line), classes=self._kind(problem, i in quiet))
                    for i, (problem, line) in enumerate(zip(problems, lines, strict=True)))
        if index is not None:
            self.call_after_refresh(setattr, view, "index", min(index, len(lines) - 1))

    @staticmethod
    def _kind(problem: Problem, quiet: bool) -> str:
        if quiet:
            return "-required"
        return "-error" if problem.is_error else "-warning"

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
