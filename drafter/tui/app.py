"""The drafter TUI: one app factory shared by the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen

from drafter.domain.units import Unit
from drafter.errors import crash_report
from drafter.resources import documents_dir
from drafter.storage.location import network_note
from drafter.tui.navigation import (
    EditUnit,
    LeaveReport,
    OpenOffice,
    OpenRanking,
    OpenReport,
    OpenUnit,
    ShowUnits,
    UnitSaved,
)
from drafter.tui.palette import ScreenCommands
from drafter.tui.session import Session
from drafter.tui.themes import DARK, LIGHT_THEME, THEMES


class Crashed(Exception):
    """An unexpected error, shown on exit as its one line (Textual renders ``__rich__``)."""

    def __rich__(self) -> Text:
        # Unwrapped: the crash file's path stays whole, to be copied.
        return Text(str(self), no_wrap=True, overflow="ignore")


class DrafterApp(App[None]):
    """Units → reports → the editor of one report. All labels are Vietnamese.

    The app alone pushes, switches and pops the screens, each given the session: a screen
    asks to move on by posting a message of :mod:`drafter.tui.navigation`. A screen's module
    is imported where the screen is first built, not at start-up: some load much (the office
    the narrative engine, the ranking SQLAlchemy, which the start does without, see Session).
    """

    CSS_PATH = "drafter.tcss"
    # Textual's system commands are English; ours come from the screen (see palette.py).
    COMMANDS = {ScreenCommands}
    TITLE = "drafter — soạn báo cáo cải cách hành chính"
    BINDINGS = [
        Binding("f1", "help", "Trợ giúp"),
        Binding("question_mark", "help", show=False),
        Binding("ctrl+q", "quit", "Thoát", priority=True),
        # Priority, so keys typed right after Tab go to the next field: Textual's own Tab
        # binding runs only after the key bubbles up from the field, by which time keys that
        # came in the same read are queued to that field ("3⇥18" gave 318 in one box).
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        # Declared here so the footer and the palette speak Vietnamese (Textual's own is
        # "palette"); the palette lists the commands of the screen it is opened from.
        Binding("ctrl+p", "command_palette", "Lệnh", show=False, priority=True,
                tooltip="Bảng lệnh: gõ vài chữ để tìm lệnh (có dấu hay không dấu đều được)"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # Shown once the first screen is up: a SQLite database on a network drive.
        self.warning = ""
        session.refused = self._refused
        self.register_theme(LIGHT_THEME)

    def on_mount(self) -> None:
        from drafter.tui.screens.unit import UnitScreen
        from drafter.tui.screens.units import UnitsScreen

        if self.warning:
            self.notify(self.warning, title="Cơ sở dữ liệu trên ổ mạng", severity="warning",
                        timeout=20)
        saved = self.session.theme()
        self.theme = saved if saved in THEMES else DARK
        units = self.session.units()
        last = self.session.last_unit()
        unit = next((u for u in units if u.code == last), units[0] if len(units) == 1 else None)
        if unit is None:
            # First start (then the unit profile), or several units: the official picks one.
            # Otherwise the unit list is built only when asked for (Esc), not at start-up.
            self.push_screen(UnitsScreen(self.session))
            if not units:
                self.push_screen(UnitScreen(self.session))
            return
        report_id, section = self.session.last_opened()
        if report_id is not None and self.session.exists(report_id):
            # Straight to the report left open; the unit's report list is built when the
            # editor is left (on_leave_report), not before the editor is drawn.
            self.open_report(report_id, section)
            return
        self.open_unit(unit)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an exception nothing caught, which would print its traceback,
        local variables and all, on exit: the official gets one line naming the crash file
        instead. What was typed is already saved (every change is, at once)."""
        crash = Crashed(crash_report(error))
        crash.__cause__ = error
        super()._handle_exception(crash)

    def _refused(self, message: str) -> None:
        """An autosave the store refused (a final report, a newer version saved elsewhere)."""
        self.notify(message, title="Chưa lưu được thay đổi", severity="error", timeout=15)

    def get_key_display(self, binding: Binding) -> str:
        """Function keys as printed on the keyboard: ``F1``, not ``f1``."""
        display = super().get_key_display(binding)
        return display.upper() if display[:1] == "f" and display[1:].isdigit() else display

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder="Gõ để tìm lệnh…",
                                            id="--command-palette"))

    def action_help(self) -> None:
        from drafter.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | CommandPalette):
            self.push_screen(HelpScreen(self.screen))

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast, its message shown as written: messages quote officials' words (a
        document's number, an error naming a unit), never markup (``markup`` is ignored)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def use_theme(self, name: str) -> None:
        """Switch the look and remember it for the next start."""
        self.theme = name
        self.session.remember_theme(name)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own commands (``palette_commands``), then help, the look, quitting."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Trợ giúp (F1)", "Các phím của màn hình này và cách dùng",
                            self.action_help)
        for name, title in THEMES.items():
            if name != self.theme:
                yield SystemCommand(title, "Đổi giao diện (được nhớ cho lần sau)",
                                    partial(self.use_theme, name))
        yield SystemCommand("Thoát", "Đóng drafter (mọi thay đổi đã được lưu)", self.exit)

    def open_unit(self, unit: Unit) -> None:
        from drafter.tui.screens.reports import ReportsScreen

        self.session.remember_unit(unit.code)
        self.push_screen(ReportsScreen(self.session, unit))

    def on_open_unit(self, message: OpenUnit) -> None:
        self.open_unit(message.unit)

    def on_edit_unit(self, message: EditUnit) -> None:
        from drafter.tui.screens.unit import UnitScreen

        self.push_screen(UnitScreen(self.session, message.unit))

    def on_unit_saved(self, message: UnitSaved) -> None:
        """After the unit form: a new unit opens its (empty) report list."""
        if message.new:
            from drafter.tui.screens.reports import ReportsScreen

            self.session.remember_unit(message.unit.code)
            self.switch_screen(ReportsScreen(self.session, message.unit))
        else:
            self.pop_screen()

    def on_show_units(self, message: ShowUnits) -> None:
        """Back to the unit list (built now if the app started on a unit's reports)."""
        from drafter.tui.screens.units import UnitsScreen

        if any(isinstance(screen, UnitsScreen) for screen in self.screen_stack):
            self.pop_screen()
        else:
            self.switch_screen(UnitsScreen(self.session))

    def open_office(self, unit: Unit) -> None:
        """The office's screen of the province or district ``unit``."""
        from drafter.tui.screens.office import OfficeScreen

        self.push_screen(OfficeScreen(self.session, unit))

    def on_open_office(self, message: OpenOffice) -> None:
        self.open_office(message.unit)

    def on_open_ranking(self, message: OpenRanking) -> None:
        from drafter.tui.screens.ranking import RankingScreen, ranking_year

        self.push_screen(RankingScreen(self.session, message.unit, ranking_year(self.session)))

    def open_report(self, report_id: int, section: str | None = None) -> None:
        from drafter.tui.screens.editor.screen import EditorScreen

        self.push_screen(EditorScreen(self.session, report_id, section))

    def on_open_report(self, message: OpenReport) -> None:
        self.open_report(message.report_id)

    def on_leave_report(self, message: LeaveReport) -> None:
        """Back to where the report was opened from: the unit's reports or the office's
        communes (the unit's reports, built now, if the app started on the report)."""
        from drafter.tui.screens.office import OfficeScreen
        from drafter.tui.screens.reports import ReportsScreen

        if any(isinstance(screen, ReportsScreen | OfficeScreen) for screen in self.screen_stack):
            self.pop_screen()
        else:
            unit = self.session.unit(message.unit.code) or message.unit
            self.switch_screen(ReportsScreen(self.session, unit))


def create_app(db_url: str | None = None, out_dir: Path | None = None,
               session: Session | None = None) -> DrafterApp:
    """The app on ``db_url`` (default database), writing DOCX files into ``out_dir``."""
    if session is None:
        session = Session.at(db_url, out_dir or documents_dir())
    app = DrafterApp(session)
    app.warning = network_note(db_url)
    return app
