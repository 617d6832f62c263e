"""The drafter TUI: one app factory shared by the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from drafter.storage import Store, connect
from drafter.tui.session import Session


class DrafterApp(App[None]):
    """Units → reports → the editor of one report. All labels are Vietnamese."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter — soạn báo cáo cải cách hành chính"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Thoát", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        from drafter.tui.screens.reports import ReportsScreen
        from drafter.tui.screens.unit import UnitScreen

        units = self.session.units()
        if not units:
            self.push_screen(UnitScreen())
            return
        self.push_screen(ReportsScreen(units[0]))
        report_id, section = self.session.last_opened()
        if report_id is not None and self.session.exists(report_id):
            self.open_report(report_id, section)

    def open_report(self, report_id: int, section: str | None = None) -> None:
        from drafter.tui.screens.editor import EditorScreen

        self.push_screen(EditorScreen(report_id, section))


def create_app(db_url: str | None = None, out_dir: Path | None = None,
               session: Session | None = None) -> DrafterApp:
    """The app on ``db_url`` (default database), writing DOCX files into ``out_dir``."""
    if session is None:
        session = Session(Store(connect(db_url)), out_dir or Path.cwd() / "out")
    return DrafterApp(session)
