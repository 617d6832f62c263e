"""What the editor does with the whole report: write it as a DOCX file (in a thread, the one
slow step) and open its folder, and turn a final report back into a draft, with a reason."""

from __future__ import annotations

from pathlib import Path

from textual import work

from drafter.errors import DrafterError
from drafter.tui.desktop import show_folder
from drafter.tui.dialogs.reopen import ReopenDialog
from drafter.tui.screens.editor.state import EditorState
from drafter.vi.periods import period_name


class Actions(EditorState):
    """Mixed into the editor screen."""

    # A final report: read-only until reopened, with a reason, through the records' API.

    def action_reopen(self) -> None:
        def reopened(reason: str | None) -> None:
            if reason:
                self.notify(f"Lý do đã ghi vào lịch sử báo cáo: {reason}",
                            title="Đã chuyển về dự thảo")
                self._reload()

        dialog = ReopenDialog(self.session, self.report_id, self._report_name())
        self.app.push_screen(dialog, reopened)

    def _report_name(self) -> str:
        """``Báo cáo quý I năm 2024``: the report as the official says it."""
        return f"Báo cáo {period_name(self.report.period)}"

    # Writing the DOCX

    def action_write_docx(self) -> None:
        unparsed = list(self.editing.unparsed.values())
        if unparsed:
            self.notify("\n".join(p.message for p in unparsed), severity="error", timeout=10,
                        title="Chưa ghi DOCX: còn ô nhập chưa đúng")
            return
        self.query_one("#busy").display = True
        self.notify("Đang ghi tệp DOCX…", timeout=2)
        self._write()

    @work(thread=True, exclusive=True)
    def _write(self) -> None:
        editing = self.editing
        try:
            path = self.session.write_docx(editing.report, editing.previous, editing.last_year)
        except DrafterError as exc:
            self.app.call_from_thread(self._written, None, str(exc))
            return
        self.app.call_from_thread(self._written, path, "")

    def _written(self, path: Path | None, error: str) -> None:
        self.query_one("#busy").display = False
        if path is None:
            self.notify(error, title="Chưa ghi được DOCX", severity="error", timeout=10)
            return
        self.last_written = path
        self.notify(f"Đã ghi {path}\nNhấn Ctrl+O để mở thư mục.", title="Đã ghi DOCX",
                    timeout=10)

    def action_open_folder(self) -> None:
        if self.last_written is not None:
            show_folder(self, self.last_written.parent)
