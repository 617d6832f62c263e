"""The drafter TUI: one app factory shared by the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from drafter.storage import Store, connect
from drafter.tui.palette import ScreenCommands
from drafter.tui.session import Session


class DrafterApp(App[None]):
    """Units → reports → the editor of one report. All labels are Vietnamese."""

    CSS_PATH = "drafter.tcss"
    # Textual's system commands are English; ours come from the screen (see palette.py).
    COMMANDS = {ScreenCommands}
    TITLE = "drafter — soạn báo cáo cải cách hành chính"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Thoát", priority=True),
        # Priority, so keys typed right after Tab go to the next field: Textual's own Tab
        # binding runs only after the key bubbles up from the field, by which time keys that
        # came in the same read are queued to that field ("3⇥18" gave 318 in one box).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        # Declared here so the footer and the palette speak Vietnamese (Textual's own is
        # "palette"); the palette lists the commands of the screen it is opened from.
        Binding("ctrl+p", "command_palette", "Lệnh", show=False, priority=True,
                tooltip="Mở bảng lệnh: gõ vài chữ để tìm"),
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

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder="Gõ để tìm lệnh…",
                                            id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own commands (``palette_commands``), then quitting."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Thoát", "Đóng drafter (mọi thay đổi đã được lưu)", self.exit)

    def open_report(self, report_id: int, section: str | None = None) -> None:
        from drafter.tui.screens.editor import EditorScreen

        self.push_screen(EditorScreen(report_id, section))


def create_app(db_url: str | None = None, out_dir: Path | None = None,
               session: Session | None = None) -> DrafterApp:
    """The app on ``db_url`` (default database), writing DOCX files into ``out_dir``."""
    if session is None:
        session = Session(Store(connect(db_url)), out_dir or Path.cwd() / "out")
    return DrafterApp(session)
