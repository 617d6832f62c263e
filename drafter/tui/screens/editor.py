"""The report editor: a sidebar of sections, one pane each, checks as you type, autosave."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    ContentSwitcher,
    Footer,
    Header,
    Label,
    ListItem,
    ListView,
    LoadingIndicator,
    Static,
)

from drafter.checks import Problem
from drafter.datafile import fields
from drafter.domain.figures import Figures
from drafter.domain.report import LISTS, NOTE_SECTIONS
from drafter.errors import DrafterError
from drafter.tui.session import Session
from drafter.tui.widgets.checks_list import ChecksList
from drafter.tui.widgets.documents import DocumentsEditor
from drafter.tui.widgets.figure_row import FigureRow, ProblemRow, RateRow
from drafter.tui.widgets.issuing import IssuingEditor
from drafter.tui.widgets.list_editor import ListEditor
from drafter.vi.periods import period_name

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

NUMBERS = {"direction": "I.", "institutions": "II.1", "procedures": "II.2",
           "organisation": "II.3", "civil_service": "II.4", "finance": "II.5",
           "e_government": "II.6"}
# Short names that fit the sidebar at 80 columns; the pane shows the full title.
SHORT = {"direction": "I. Chỉ đạo, điều hành", "institutions": "II.1 Thể chế",
         "procedures": "II.2 Thủ tục hành chính", "organisation": "II.3 Tổ chức bộ máy",
         "civil_service": "II.4 Chế độ công vụ", "finance": "II.5 Tài chính công",
         "e_government": "II.6 Chính quyền số"}
OTHER_PANES = {"documents": "Văn bản đã ban hành", "assessment": "III. Đánh giá chung",
               "tasks": "IV. Nhiệm vụ trọng tâm", "proposals": "V. Kiến nghị, đề xuất",
               "issuing": "Thông tin ban hành", "checks": "Kiểm tra số liệu",
               "preview": "Xem trước"}
PANE_LISTS = {"assessment": ("strengths", "shortcomings", "causes"), "tasks": ("tasks",),
              "proposals": ("proposals",)}


class EditorScreen(Screen[None]):
    """Edits one report; every valid change is saved at once."""

    BINDINGS = [
        Binding("ctrl+s", "write_docx", "Ghi DOCX"),
        Binding("f5", "show('preview')", "Xem trước"),
        Binding("f6", "show('checks')", "Kiểm tra"),
        Binding("f2", "focus_sidebar", "Danh mục"),
        Binding("ctrl+o", "open_folder", "Mở thư mục", show=False),
        Binding("escape", "back", "Danh sách báo cáo"),
    ]

    def __init__(self, report_id: int, section: str | None = None) -> None:
        super().__init__()
        self.report_id = report_id
        self.start_section = section
        self.last_written: Path | None = None
        self.filled: set[str] = set()

    @property
    def session(self) -> Session:
        return cast("DrafterApp", self.app).session

    def compose(self) -> ComposeResult:
        self.report, self.previous, self.last_year = self.session.open(self.report_id)
        catalogue = self.session.pack.catalogue
        self.pane_ids = [s.id for s in catalogue.sections] + list(OTHER_PANES)
        yield Header()
        with Horizontal():
            yield ListView(*[ListItem(Label(self._title(pane)), id=f"nav-{pane}")
                             for pane in self.pane_ids], id="sidebar",
                           initial_index=self.pane_ids.index(self._initial()))
            with ContentSwitcher(initial=self._initial(), id="panes"):
                # Panes are filled when first shown: composing all ~130 figures up front
                # would triple the start-up time.
                for pane in self.pane_ids:
                    if pane not in ("checks", "preview"):
                        yield VerticalScroll(id=pane, classes="pane")
                with VerticalScroll(id="checks", classes="pane"):
                    yield ChecksList()
                with VerticalScroll(id="preview", classes="pane"):
                    yield Static("", id="preview-text")
                    yield LoadingIndicator(id="busy")
        yield Footer()

    def _pane_widgets(self, pane: str) -> list[Widget]:
        """The content of one pane, built from the report."""
        catalogue = self.session.pack.catalogue
        report = self.report
        if pane == "documents":
            return [DocumentsEditor(report.documents, report.unit.short_body)]
        if pane in PANE_LISTS:
            return [ListEditor(name, LISTS[name], report.items(name)) for name in PANE_LISTS[pane]]
        if pane == "issuing":
            return [IssuingEditor(report)]
        prev = self.previous.figures if self.previous else {}
        widgets: list[Widget] = [Label(self._full_title(pane), classes="subtitle")]
        for ind in catalogue.in_section(pane):
            widgets.append(RateRow(ind) if ind.derived else
                           FigureRow(ind, report.figures.get(ind.key), prev.get(ind.key)))
        if pane in NOTE_SECTIONS:
            widgets.append(ListEditor(f"note:{pane}", "Đoạn văn bổ sung ở mục này",
                                      report.notes.get(pane, [])))
        return widgets

    async def ensure_pane(self, pane: str) -> None:
        """Fill a pane the first time it is shown."""
        if pane in self.filled or pane in ("checks", "preview"):
            return
        self.filled.add(pane)
        await self.query_one(f"#{pane}", VerticalScroll).mount_all(self._pane_widgets(pane))
        self.refresh_checks()

    def _title(self, pane: str) -> str:
        return SHORT.get(pane) or OTHER_PANES.get(pane) or pane

    def _full_title(self, pane: str) -> str:
        """``II.2 Cải cách thủ tục hành chính``: a catalogue section numbered, or the pane."""
        for section in self.session.pack.catalogue.sections:
            if section.id == pane:
                return f"{NUMBERS[pane]} {section.title}"
        return OTHER_PANES[pane]

    def _initial(self) -> str:
        return self.start_section if self.start_section in self.pane_ids else self.pane_ids[0]

    async def on_mount(self) -> None:
        await self.ensure_pane(self._initial())
        self.sub_title = f"{self.report.unit.short_body} — {period_name(self.report.period)}"
        self.query_one("#busy").display = False
        self.session.remember(self.report_id, self._initial())
        if self._initial() == "preview":  # reopened where the official left off
            self.call_after_refresh(self.show_preview)
        self.refresh_checks()
        self.focus_pane()

    def focus_pane(self) -> None:
        """Put the cursor in the first field of the pane shown (the official starts typing)."""
        pane = self.query_one("#panes", ContentSwitcher).current
        for widget in self.query(f"#{pane} Input, #{pane} Select, #{pane} ListView"):
            if widget.focusable:
                widget.focus()
                return

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
        if sidebar.index != self.pane_ids.index(pane):
            sidebar.index = self.pane_ids.index(pane)

    async def go_to(self, pane: str) -> None:
        """Show ``pane`` with the cursor in its first field."""
        await self.action_show(pane)
        self.focus_pane()

    def palette_commands(self) -> Iterator[SystemCommand]:
        """What Ctrl+P offers here: every section by name, then the editor's actions."""
        for pane in self.pane_ids:
            yield SystemCommand(f"Đến mục {self._full_title(pane)}", "Mở mục này của báo cáo",
                                partial(self.go_to, pane))
        yield SystemCommand("Ghi DOCX (Ctrl+S)", "Ghi báo cáo ra tệp DOCX",
                            self.action_write_docx)
        if self.last_written is not None:
            yield SystemCommand("Mở thư mục DOCX (Ctrl+O)", str(self.last_written.parent),
                                self.action_open_folder)
        yield SystemCommand("Về danh sách báo cáo (Esc)", "Đóng báo cáo này (đã được lưu)",
                            self.action_back)

    def show_preview(self) -> None:
        """The narrative as it will read, laid out for the pane's width (known once shown)."""
        width = self.query_one("#preview", VerticalScroll).scrollable_content_region.width
        self.query_one("#preview-text", Static).update(
            self.session.preview(self.report, self.previous, self.last_year,
                                 max(width - 1, 40)))

    def action_focus_sidebar(self) -> None:
        self.query_one("#sidebar").focus()

    def action_back(self) -> None:
        self.session.forget()
        self.app.pop_screen()

    async def jump_to(self, problem: Problem) -> None:
        """Show the pane holding the problem's field and put the cursor in it."""
        key = problem.field
        catalogue = self.session.pack.catalogue
        if key in catalogue:
            await self.action_show(catalogue[key].section)
            row = self.query_one(f"#row-{key}")
            row.scroll_visible()
            for entry in self.query(f"#in-{key}"):
                entry.focus()
        elif key in LISTS:
            await self.action_show(next(p for p, names in PANE_LISTS.items() if key in names))
        elif key in ("basis", "documents"):
            await self.action_show("documents")
        else:
            await self.action_show("issuing")

    # Edits: each one is validated, applied to the report, saved, and re-checked.

    async def on_checks_list_jump(self, message: ChecksList.Jump) -> None:
        await self.jump_to(message.problem)

    def on_figure_row_edited(self, message: FigureRow.Edited) -> None:
        key = message.row.indicator.key
        text = message.text.strip()
        if not text:
            self.report.figures.pop(key, None)
        else:
            try:
                self.report.figures[key] = fields.figure(message.row.indicator, text)
            except ValueError as exc:
                message.row.show_problem(f"{message.row.indicator.label} {exc}", error=True)
                return
        if key in self.report.review:
            self.report.review.remove(key)  # typing the figure confirms it
        message.row.show_change(self.report.figures.get(key))
        self._changed()

    def on_list_editor_changed(self, message: ListEditor.Changed) -> None:
        if message.name.startswith("note:"):
            self.report.notes[message.name.removeprefix("note:")] = message.items
        else:
            self.report.lists[message.name] = message.items
            if message.name in self.report.review:
                self.report.review.remove(message.name)
        self._changed()

    def on_documents_editor_changed(self, message: DocumentsEditor.Changed) -> None:
        self.report.documents = message.documents
        self._changed()

    def on_issuing_editor_changed(self, message: IssuingEditor.Changed) -> None:
        setattr(self.report, message.field, message.value)
        self._changed()

    def _changed(self) -> None:
        error = self.session.save(self.report)
        if error:
            self.notify(error, title="Chưa lưu được thay đổi", severity="error", timeout=15)
        self.refresh_checks()

    def refresh_checks(self) -> None:
        problems = self.session.problems(self.report, self.previous)
        figures = Figures(self.session.pack.catalogue, self.report.figures)
        undefined = str(self.session.pack.settings.get("rate_undefined", ""))
        for rate_row in self.query(RateRow):
            rate_row.update_from(figures, undefined)
        by_key: dict[str, Problem] = {}
        for problem in problems:
            for key in problem.keys:
                by_key.setdefault(key, problem)
        for row in self.query(ProblemRow):
            found = by_key.get(row.indicator.key)
            row.show_problem(found.message if found else "", found.is_error if found else False)
        self.query_one(ChecksList).show(problems)
        errors = sum(1 for p in problems if p.is_error)
        title = OTHER_PANES["checks"] + (f" ({errors} lỗi)" if errors else "")
        self.query_one("#nav-checks Label", Label).update(title)

    # Writing the DOCX

    def action_write_docx(self) -> None:
        self.query_one("#busy").display = True
        self.notify("Đang ghi tệp DOCX…", timeout=2)
        self._write()

    @work(thread=True, exclusive=True)
    def _write(self) -> None:
        try:
            path = self.session.write_docx(self.report, self.previous, self.last_year)
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
            self.app.open_url(self.last_written.parent.as_uri())
