"""What every part of the editor shares: the report open, its panes and the problems found
last, and the moves each part makes after a change (check again, lay out the preview, reload).

The parts (:mod:`.building`, :mod:`.edits`, :mod:`.own_words`, :mod:`.actions`) each subclass
:class:`EditorState` and are typed against it, never against one another or the screen that
mixes them (:mod:`.screen`): what one part needs of the others lives here.
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher

from drafter.checks import Problem
from drafter.domain.report import Report
from drafter.tui.screens.editor.checks_view import ChecksView
from drafter.tui.screens.editor.editing import Editing
from drafter.tui.screens.editor.panes import Panes
from drafter.tui.session import Session
from drafter.tui.widgets.text import Static

READ_ONLY = "Bản chính thức: chỉ xem. Ctrl+E để chuyển về dự thảo và sửa."


class EditorState(Screen[None]):
    """One report open in the editor; what is built from it is set when the screen composes."""

    editing: Editing
    report: Report
    panes: Panes
    checks: ChecksView

    def __init__(self, session: Session, report_id: int, section: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.report_id = report_id
        self.start_section = section
        self.last_written: Path | None = None
        self.problems: list[Problem] = []

    @property
    def error_count(self) -> int:
        """The errors the sidebar counts: a required figure not entered only once it is due."""
        return sum(1 for problem in self.problems if problem.is_error and self.editing.due(problem))

    def refresh_checks(self) -> None:
        self.problems = self.editing.problems()
        self.checks.show(self.problems, self.error_count)

    def show_preview(self) -> None:
        """The narrative as it will read, laid out for the pane's width (known once shown)."""
        width = self.query_one("#preview", VerticalScroll).scrollable_content_region.width
        editing = self.editing
        self.query_one("#preview-text", Static).update(self.session.preview(
            editing.report, editing.previous, editing.last_year, max(width - 1, 40)))

    def _reload(self) -> None:
        """The report again as stored, at the same pane: editable or read-only as it is now."""
        pane = self.query_one("#panes", ContentSwitcher).current
        self.app.switch_screen(type(self)(self.session, self.report_id, pane))
