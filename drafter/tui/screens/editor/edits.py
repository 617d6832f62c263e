"""The editor's edits: each change a pane's widgets report is applied to the report, saved at
once and checked again; F8 confirms what was carried from last period; making the report final
turns the editor read-only (or is refused by the checks)."""

from __future__ import annotations

from textual import events
from textual.widgets import ContentSwitcher

from drafter.domain.report import PHRASE_MARK, Status
from drafter.errors import DraftsBelowError
from drafter.tui.screens.editor.state import EditorState
from drafter.tui.widgets.causes import CausesEditor
from drafter.tui.widgets.documents import DocumentsEditor
from drafter.tui.widgets.drafts import Draft
from drafter.tui.widgets.figure_row import FigureRow
from drafter.tui.widgets.issuing import IssuingEditor
from drafter.tui.widgets.list_editor import ListEditor
from drafter.tui.widgets.phrases import PhrasePicker


class Edits(EditorState):
    """Mixed into the editor screen."""

    def on_figure_row_edited(self, message: FigureRow.Edited) -> None:
        self.editing.enter_figure(message.row.indicator.key, message.text)
        message.row.show_change(self.report.figures.get(message.row.indicator.key))
        message.row.confirmed()
        self.refresh_checks()

    def on_figure_row_left(self, message: FigureRow.Left) -> None:
        key = message.row.indicator.key
        if key not in self.editing.visited:
            self.editing.visited.add(key)
            self.refresh_checks()

    def on_figure_row_confirmed(self, message: FigureRow.Confirmed) -> None:
        self._confirm([message.row.indicator.key])

    def action_confirm_pane(self) -> None:
        """F8: confirm every figure and list of this pane carried from last period."""
        pane = self.query_one("#panes", ContentSwitcher).current
        self._confirm([key for key in self.report.review if self.panes.of(key) == pane])

    def _confirm(self, keys: list[str]) -> None:
        for key in keys:
            self.report.review.remove(key)
        for row in self.query(FigureRow):
            if row.indicator.key in keys:
                row.confirmed()
        for editor in self.query(ListEditor):
            if editor.list_name in keys:
                editor.confirmed()
        for documents in self.query(DocumentsEditor):
            if documents.role in keys:
                documents.confirmed()
        self._confirm_phrases(keys)
        self.editing.save()
        self.refresh_checks()

    def _confirm_phrases(self, keys: list[str]) -> None:
        """F8 on a pane confirms its carried phrases too."""
        ids = {key.removeprefix(PHRASE_MARK) for key in keys if key.startswith(PHRASE_MARK)}
        for picker in self.query(PhrasePicker):
            picker.confirmed(ids)

    def on_list_editor_changed(self, message: ListEditor.Changed) -> None:
        report = self.report
        if message.name.startswith("note:"):
            report.notes[message.name.removeprefix("note:")] = message.items
        else:
            report.lists[message.name] = message.items
            if message.name in report.review:
                report.review.remove(message.name)
        self.editing.save()
        self.refresh_checks()

    def on_causes_editor_changed(self, message: CausesEditor.Changed) -> None:
        self.report.shortcoming_causes = message.causes
        self.editing.save()
        self.refresh_checks()

    def on_documents_editor_changed(self, message: DocumentsEditor.Changed) -> None:
        setattr(self.report, message.role, message.documents)
        if message.role in self.report.review:
            self.report.review.remove(message.role)
        self.editing.save()
        self.refresh_checks()

    def on_issuing_editor_changed(self, message: IssuingEditor.Changed) -> None:
        self._set_issuing(message.field, message.value)

    def _set_issuing(self, field: str, value: object, over_drafts: bool = False) -> None:
        try:
            refused = self.editing.set_field(field, f"is-{field}", value, over_drafts)
        except DraftsBelowError as exc:  # a province's report over its communes' drafts
            self._ask_over_drafts(exc.drafts)
            return
        if field == "status" and value is Status.FINAL:
            if refused:  # the checks keep it a draft (the app has said why)
                self.editing.all_due(self.problems)
                self._still_draft()
            else:
                self.notify("Báo cáo đã là bản chính thức: chỉ xem được. "
                            "Ctrl+E để chuyển về dự thảo nếu cần sửa.", title="Đã ban hành")
                self._reload()
                return
        self.refresh_checks()

    def _ask_over_drafts(self, drafts: str) -> None:
        from drafter.tui.dialogs.over_drafts import OverDraftsScreen

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._set_issuing("status", Status.FINAL, over_drafts=True)
                return
            self._still_draft()
            self.refresh_checks()

        self.app.push_screen(OverDraftsScreen(drafts, self.report.unit.short_body), answered)

    def _still_draft(self) -> None:
        """Making it final was refused or not confirmed: the report and its box say draft."""
        self.report.status = Status.DRAFT
        self.query_one(IssuingEditor).show_status(Status.DRAFT)

    def on_issuing_editor_invalid(self, message: IssuingEditor.Invalid) -> None:
        self.editing.invalid(message.field, f"is-{message.field}", message.text, message.message)
        self.refresh_checks()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.editing.finished()  # the edit in that box is over: the history's next entry

    def on_draft(self, message: Draft) -> None:
        self.editing.draft(message.key, message.text)
