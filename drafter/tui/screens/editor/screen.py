"""The report editor: a sidebar of sections, one pane each, checks as you type, autosave.

This module holds the screen: its layout, its start, the way from pane to pane and to the
field a check points at, and its keys and commands. It mixes in the editor's parts, each in a
module of this package and each a subclass of :class:`~.state.EditorState`: how the panes are
built (:mod:`.building`), the edits (:mod:`.edits`), the official's own words
(:mod:`.own_words`) and the actions on the whole report (:mod:`.actions`). Below them lie what
the report shows (:mod:`.panes`), the checks shown (:mod:`.checks_view`) and the report being
edited (:mod:`.editing`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import ContentSwitcher, Header, ListItem, ListView, LoadingIndicator

from drafter.tui.navigation import LeaveReport
from drafter.tui.screens.editor.actions import Actions
from drafter.tui.screens.editor.building import PaneBuilder
from drafter.tui.screens.editor.checks_view import ChecksView
from drafter.tui.screens.editor.editing import Editing
from drafter.tui.screens.editor.edits import Edits
from drafter.tui.screens.editor.own_words import OwnWords
from drafter.tui.screens.editor.panes import BUILT_WHEN_SHOWN, Panes
from drafter.tui.screens.editor.state import READ_ONLY
from drafter.tui.widgets.causes import CausesEditor
from drafter.tui.widgets.checks_list import ChecksList
from drafter.tui.widgets.documents import DocTable, DocumentsEditor
from drafter.tui.widgets.figure_row import FigureRow
from drafter.tui.widgets.footer import FOCUSED, KeyFooter
from drafter.tui.widgets.list_editor import ListEditor
from drafter.tui.widgets.nav_list import NavList
from drafter.tui.widgets.text import Label, Static
from drafter.vi.periods import period_name
from drafter.vi.text import sentence_case


class EditorScreen(Edits, OwnWords, Actions, PaneBuilder):
    """Edits one report; every change is saved at once, and what does not parse is kept."""

    HELP_TITLE = "Soạn báo cáo"
    HELP_WIDGETS = (FigureRow, ListEditor, DocumentsEditor, DocTable, CausesEditor)
    HELP = ("Chọn mục ở danh mục bên trái (↑/↓, Enter) rồi nhập số liệu; Tab sang ô sau. "
            "Mọi thay đổi được lưu ngay, kể cả chữ đang gõ dở. Tỷ lệ tự tính từ số liệu. "
            "Số liệu lấy từ kỳ trước có dấu ↻: Enter để xác nhận, F8 xác nhận cả mục. "
            "F6 xem mọi lỗi, Enter trên một lỗi để đến ô cần sửa. Câu mẫu cuối mỗi mục: "
            "Space để chọn. Ở phần xem trước (F5), ↑/↓, PgUp/PgDn để cuộn, F7 để viết lại "
            "hoặc bỏ một câu. "
            "Ctrl+S ghi tệp DOCX. "
            "Báo cáo chính thức chỉ xem được: Ctrl+E chuyển về dự thảo để sửa (ghi lý do).")
    # At 80 columns about seven keys fit (F1 and Ctrl+Q first, see KeyFooter): those of the
    # list under the cursor, then the editor's; F5 (the sidebar's last entry) is cut first.
    FOOTER_FIRST = ("ctrl+e", FOCUSED, "f7", "f8", "f2", "f6", "ctrl+s", "escape", "f5")
    BINDINGS = [
        Binding("f2", "focus_sidebar", "Mục", tooltip="Về danh mục các mục bên trái"),
        Binding("f5", "preview", "Xem trước",
                tooltip="Xem trước báo cáo như khi in; ↑/↓, PgUp/PgDn để cuộn"),
        Binding("f6", "checks", "Kiểm tra",
                tooltip="Mọi lỗi và cảnh báo; Enter trên một dòng để đến chỗ cần sửa"),
        Binding("f7", "override", "Sửa câu",
                tooltip="Ở phần xem trước: chọn một câu để viết lại hoặc bỏ đi"),
        Binding("f8", "confirm_pane", "Xác nhận",
                tooltip="Xác nhận mọi số liệu, nội dung lấy từ kỳ trước ở mục đang mở"),
        Binding("ctrl+e", "reopen", "Sửa",
                tooltip="Báo cáo chính thức chỉ xem được: chuyển về dự thảo để sửa, ghi lý do"),
        Binding("ctrl+s", "write_docx", "Ghi DOCX", tooltip="Ghi báo cáo ra tệp DOCX"),
        Binding("ctrl+o", "open_folder", "Mở thư mục", show=False,
                tooltip="Mở thư mục chứa tệp DOCX vừa ghi"),
        Binding("escape", "back", "Quay lại", tooltip="Về danh sách báo cáo"),
    ]

    def compose(self) -> ComposeResult:
        self.editing = Editing(self.session, self.report_id)
        self.report = self.editing.report
        self.panes = Panes(self.editing, self.session.pack.catalogue, self.session.pack.phrases)
        self.checks = ChecksView(self, self.editing, self.panes)
        yield Header()
        if self.editing.read_only:
            yield Label(READ_ONLY, id="read-only")
        with Horizontal():
            yield NavList(*[ListItem(Label(self.panes.short(pane)), id=f"nav-{pane}")
                            for pane in self.panes.ids], id="sidebar",
                          initial_index=self.panes.ids.index(self._initial()))
            with ContentSwitcher(initial=self._initial(), id="panes"):
                # Panes are built when first shown (see building).
                for pane in self.panes.ids:
                    if pane not in BUILT_WHEN_SHOWN:
                        yield VerticalScroll(id=pane, classes="pane")
                with VerticalScroll(id="checks", classes="pane"):
                    yield ChecksList()
                with VerticalScroll(id="preview", classes="pane"):
                    yield Static("", id="preview-text")
                    yield LoadingIndicator(id="busy")
        yield KeyFooter()

    def _initial(self) -> str:
        ids = self.panes.ids
        return self.start_section if self.start_section in ids else ids[0]

    async def on_mount(self) -> None:
        self.refresh_checks()  # once: the rows built show the problems already found
        await self.ensure_pane(self._initial())
        # The unit and the period, not the app's name: at 80 columns the period was cut off.
        self.title = self.report.unit.short_body
        self.sub_title = sentence_case(period_name(self.report.period))
        self.query_one("#busy").display = False
        # Written after the first paint: the first write loads the ORM (see Session). While
        # the app starts, Textual runs after-refresh callbacks before the first frame is
        # drawn; one posted from such a callback waits for the frame.
        self.call_after_refresh(self.call_after_refresh, self._remember_open)
        if self._initial() == "preview":  # reopened where the official left off
            self.call_after_refresh(self.show_preview)
        self.focus_pane()

    def _remember_open(self) -> None:
        """Keep the report and the pane shown for the next start."""
        self.session.remember(self.report_id, self.query_one("#panes", ContentSwitcher).current
                              or self._initial())
        self.session.remember_unit(self.report.unit.code)

    def focus_pane(self) -> None:
        """Put the cursor in the first box of the pane shown (the official starts typing);
        in a list or documents pane that is the box to add one, not the list."""
        pane = self.query_one("#panes", ContentSwitcher).current
        boxes = [widget for kinds in (("Input", "Select"), ("ListView",))
                 for widget in self.query(", ".join(f"#{pane} {kind}" for kind in kinds))
                 if widget.focusable]
        if pane == "preview":  # the cursor on the pane itself, so ↑/↓, PgDn scroll it
            boxes = [self.query_one("#preview")]
        if self.held is not None:  # keys typed after Enter on the sidebar go into the box
            self.release_keys(boxes[0] if boxes else None)
        elif boxes:
            boxes[0].focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        if event.list_view.id == "sidebar":
            event.stop()
            self.focus_pane()

    # Navigation

    async def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view.id == "sidebar" and event.item is not None and event.item.id:
            await self.action_show(event.item.id.removeprefix("nav-"))

    async def action_show(self, pane: str) -> None:
        switcher = self.query_one("#panes", ContentSwitcher)
        if switcher.current == pane:
            return
        await self.ensure_pane(pane)
        switcher.current = pane
        self.session.remember(self.report_id, pane)
        if pane == "preview":
            self.call_after_refresh(self.show_preview)
        sidebar = self.query_one("#sidebar", ListView)
        if sidebar.index != self.panes.ids.index(pane):
            sidebar.index = self.panes.ids.index(pane)
        self.refresh_bindings()

    async def go_to(self, pane: str) -> None:
        """Show ``pane`` with the cursor in its first field."""
        await self.action_show(pane)
        self.focus_pane()

    async def action_preview(self) -> None:
        """F5: the report as it will read, the cursor on it so that the keys scroll it."""
        await self.go_to("preview")

    async def action_checks(self) -> None:
        """F6: every problem, the cursor on the first (Enter goes to its field)."""
        await self.action_show("checks")
        self.query_one(ChecksList).focus_first()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here: every section by name, then the editor's actions."""
        for pane in self.panes.ids:
            yield SystemCommand(f"Đến mục {self.panes.title(pane)}", "Mở mục này của báo cáo",
                                partial(self.go_to, pane))
        if self.editing.read_only:
            yield SystemCommand("Chuyển về dự thảo để sửa (Ctrl+E)",
                                "Bản chính thức chỉ xem được; ghi lý do, rồi sửa",
                                self.action_reopen)
        if self.check_action("confirm_pane", ()):
            yield SystemCommand("Xác nhận cả mục (F8)",
                                "Xác nhận mọi số liệu, nội dung lấy từ kỳ trước ở mục này",
                                self.action_confirm_pane)
        yield SystemCommand("Ghi DOCX (Ctrl+S)", "Ghi báo cáo ra tệp DOCX",
                            self.action_write_docx)
        if self.last_written is not None:
            yield SystemCommand("Mở thư mục DOCX (Ctrl+O)", str(self.last_written.parent),
                                self.action_open_folder)
        yield SystemCommand("Về danh sách báo cáo (Esc)", "Đóng báo cáo này (đã được lưu)",
                            self.action_back)

    def action_focus_sidebar(self) -> None:
        self.query_one("#sidebar").focus()

    def action_back(self) -> None:
        """Back to where the report was opened from (the app knows where: see
        ``DrafterApp.on_leave_report``); the next start opens the unit, not this report."""
        self.session.forget()
        self.post_message(LeaveReport(self.report.unit))

    async def on_checks_list_jump(self, message: ChecksList.Jump) -> None:
        """Show the pane holding the field of the problem chosen, the cursor in it, scrolled
        into view."""
        field = self.checks.target(message.problem)
        pane = self.panes.of(field)
        if pane is None:
            return
        await self.ensure_pane(pane, whole=True)  # the field may lie below the first screenful
        await self.action_show(pane)
        entry = self.checks.entry(pane, field)
        if entry is not None:
            # Once the pane is laid out: before, the field has no place to scroll to.
            self.call_after_refresh(entry.focus)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            return self.editing.read_only
        current = self.query_one("#panes", ContentSwitcher).current
        if action == "confirm_pane":
            if self.editing.read_only:
                return False
            return current is not None and self.panes.carried(current)
        if action == "override":
            return current == "preview" and not self.editing.read_only
        return True
