"""How the editor shows the checks: under each field, in each pane, in the sidebar and the
checks list — and which field a problem chosen there leads to."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget

from drafter.checks import Problem
from drafter.domain.figures import Figures
from drafter.tui.screens.editor.editing import Editing
from drafter.tui.screens.editor.panes import CAUSES, Panes
from drafter.tui.widgets.checks_list import ChecksList
from drafter.tui.widgets.documents import DocumentsEditor
from drafter.tui.widgets.figure_row import ProblemRow, RateRow
from drafter.tui.widgets.issuing import ISSUING_FIELDS, IssuingEditor
from drafter.tui.widgets.list_editor import ListEditor
from drafter.tui.widgets.text import Label

REQUIRED = "Bắt buộc"
CARRIED_MARK = " ↻"
REVIEW = ("Còn {count} số liệu, nội dung lấy từ kỳ trước chưa được xác nhận "
          "(ở các mục có dấu ↻ trong danh mục)")


class ChecksView:
    """Runs at every keystroke: the widgets it updates are gathered once per pane filled
    (querying the whole screen each time cost more than the checks themselves). It queries
    the editor as a plain screen and reads the report from its editing and panes: it needs
    none of the editor's parts."""

    def __init__(self, screen: Screen[None], editing: Editing, panes: Panes) -> None:
        self.screen = screen
        self.editing = editing
        self.panes = panes
        self.rates: list[RateRow] = []
        self.rows: list[ProblemRow] = []
        self.documents: list[DocumentsEditor] = []
        self.issuing: list[IssuingEditor] = []
        self.shown: dict[str, str] = {}  # the sidebar's labels as shown

    def gather(self, widgets: list[Widget], problems: list[Problem]) -> None:
        """Take in the widgets just built into a pane, showing them the ``problems`` already
        found (the checks are not run again for them)."""
        nodes = [node for widget in widgets for node in widget.walk_children(with_self=True)]
        rates = [node for node in nodes if isinstance(node, RateRow)]
        rows = [node for node in nodes if isinstance(node, ProblemRow)]
        documents = [node for node in nodes if isinstance(node, DocumentsEditor)]
        issuing = [node for node in nodes if isinstance(node, IssuingEditor)]
        self.rates += rates
        self.rows += rows
        self.documents += documents
        self.issuing += issuing
        self._fields(problems, rates, rows, documents, issuing)

    def show(self, problems: list[Problem], errors: int) -> None:
        """``problems`` everywhere, ``errors`` of them counted in the sidebar."""
        screen = self.screen
        self._fields(problems, self.rates, self.rows, self.documents, self.issuing)
        quiet = {i for i, problem in enumerate(problems) if not self.editing.due(problem)}
        lines = [self._line(p, i in quiet) for i, p in enumerate(problems)]
        screen.query_one(ChecksList).show(problems, lines, quiet)
        self._sidebar(errors)
        screen.refresh_bindings()

    def _fields(self, problems: list[Problem], rates: list[RateRow], rows: list[ProblemRow],
                documents: list[DocumentsEditor], issuing: list[IssuingEditor]) -> None:
        """The problems under the fields of the widgets given, and the rates computed."""
        editing = self.editing
        pack = editing.session.pack
        figures = Figures(pack.catalogue, editing.report.figures)
        undefined = str(pack.settings.get("rate_undefined", ""))
        for rate_row in rates:
            rate_row.update_from(figures, undefined)
        by_key: dict[str, Problem] = {}
        for problem in problems:
            if problem.rule != "review":  # shown as ↻ on each carried row instead
                for key in problem.keys:
                    by_key.setdefault(key, problem)
        told = {id(problem): self._told(problem) for problem in by_key.values()}
        for row in rows:
            key = row.indicator.key
            found = by_key.get(key)
            if found is None:
                row.show_problem("", "")
            elif not editing.due(found):
                row.show_problem(REQUIRED, "required")  # until the official has been there
            else:
                # The message once per pane, under the field to fix; the others are marked.
                shown = found.message if key in told[id(found)] else ""
                row.show_problem(shown, "error" if found.is_error else "warning")
        for table in documents:
            table.show_problems([p.message for p in problems if table.role in p.keys])
        for form in issuing:
            form.show_problems([p.message for p in problems if p.field in ISSUING_FIELDS])

    def _sidebar(self, errors: int) -> None:
        """Sections still to review marked ↻; the checks with their count of errors."""
        panes = self.panes
        carried = {panes.of(field) for field in self.editing.report.review}
        for pane in panes.ids:
            text = panes.short(pane) + (CARRIED_MARK if pane in carried else "")
            if pane == "checks" and errors:
                text += f" ({errors} lỗi)"
            if self.shown.get(pane) != text:
                self.shown[pane] = text
                self.screen.query_one(f"#nav-{pane} Label", Label).update(text)

    def _told(self, problem: Problem) -> set[str]:
        """The rows that say a problem's message: the field to fix, and in each other pane
        the problem reaches, its first field there."""
        panes = self.panes
        target = self.target(problem)
        rows, reached = {target}, {panes.of(target)}
        for key in problem.keys:
            if panes.of(key) not in reached:
                rows.add(key)
                reached.add(panes.of(key))
        return rows

    def _line(self, problem: Problem, quiet: bool) -> str:
        if quiet:
            return f"{REQUIRED}: {problem.located}"
        if problem.rule == "review":
            return f"{problem.severity.label}: " + REVIEW.format(count=len(problem.keys))
        return f"{problem.severity.label}: {problem.located}"

    def target(self, problem: Problem) -> str:
        """The field to fix: of those the problem names, the one typed last (when the parts of
        a sum disagree, the one just typed is the likeliest slip), else the first entered
        part — a total is the last guess."""
        pack = self.editing.session.pack
        keys = [key for key in problem.keys if self.panes.of(key) is not None]
        if problem.rule == "review":
            return keys[0] if keys else problem.field
        entered = [key for key in keys
                   if key not in pack.catalogue or not pack.catalogue[key].derived]
        recent = [key for key in self.editing.recent if key in entered]
        if recent:
            return recent[-1]
        wholes = {rule.whole for rule in pack.checks.parts}
        entered.sort(key=lambda key: key in wholes)
        return (entered or keys or [problem.field])[0]

    def entry(self, pane: str, field: str) -> Widget | None:
        """The box of ``field`` in ``pane`` (built), where the cursor goes to fix it."""
        screen = self.screen
        if field in self.editing.session.pack.catalogue:
            found = screen.query(f"#in-{field}")
            return found.first() if found else None
        for editor in screen.query(ListEditor):
            if editor.list_name == field:
                return editor.query_one(f"#{editor.box_id}")
        for documents in screen.query(DocumentsEditor):
            if documents.role == field:
                return documents.query_one("DataTable")
        if pane == "issuing":
            found = screen.query(f"#is-{field}")
            return found.first() if found else None
        if field == CAUSES:  # causes kept for a shortcoming no longer shown: their list
            found = screen.query(".causes-list")
            return found.last() if found else None
        return None
