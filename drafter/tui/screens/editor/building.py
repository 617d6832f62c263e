"""How the editor builds its panes: each the first time it is shown, a section's first
screenful before the screen is drawn and the rest in small batches after, between keys.

Mounting, styling and laying out the rows is most of the editor's start-up time (a section
has up to forty rows of five widgets; a screen shows a dozen). Keys typed while the cursor is
on its way to a field not built yet are held and typed into it once it is there: Enter on the
sidebar while the section builds lost the digit typed next, and Tab past the last row built
would have left the section.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.containers import VerticalScroll
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher

from drafter.tui.screens.editor.panes import BUILT_WHEN_SHOWN
from drafter.tui.screens.editor.state import READ_ONLY, EditorState
from drafter.tui.session import Session

BATCH = 6  # rows mounted at a time after the first screenful: a few hundredths of a second
ROW_LINES = 3  # a figure's row with its margin
HELD = ("backspace", "delete", "enter")  # besides printable keys: what a box takes
NOT_A_BOX = "Ở đây chỉ chọn (↑/↓, Enter), không gõ chữ được. Nhấn Tab để đến ô nhập."


class PaneBuilder(EditorState):
    """The editor's panes, built when first shown; the keys held meanwhile."""

    def __init__(self, session: Session, report_id: int, section: str | None = None) -> None:
        super().__init__(session, report_id, section)
        self.filled: set[str] = set()
        self.waiting: dict[str, list[Callable[[], list[Widget]]]] = {}
        self.mounting: dict[str, list[AwaitMount]] = {}
        self.held: list[events.Key] | None = None
        self.resume: Widget | None = None  # the field left by a Tab held
        self.told_read_only = False
        self.told_not_a_box: Widget | None = None

    def built(self, pane: str) -> bool:
        """Whether every widget of ``pane`` is mounted."""
        return pane in BUILT_WHEN_SHOWN or (pane in self.filled and pane not in self.waiting)

    async def ensure_pane(self, pane: str, whole: bool = False) -> None:
        """Build a pane the first time it is shown: what fills the screen now, the rest once
        the screen is drawn; ``whole``: all of it now (to go to a field further down)."""
        if pane in BUILT_WHEN_SHOWN:
            return
        if pane not in self.filled:
            self.filled.add(pane)
            self.waiting[pane] = self.panes.builders(pane)
            screenful = 1 + self.app.size.height // ROW_LINES  # the title, then the rows
            await self._build(pane, len(self.waiting[pane]) if whole else screenful)
            if pane in self.waiting:
                self.call_after_refresh(self._build_more, pane)
        elif whole and pane in self.waiting:
            await self._build(pane, len(self.waiting[pane]))
        if whole:  # batches started earlier may still be composing
            for mounting in self.mounting.pop(pane, []):
                await mounting

    async def _build(self, pane: str, count: int) -> None:
        todo = self.waiting[pane]
        widgets = [widget for build in todo[:count] for widget in build()]
        del todo[:count]
        if not todo:
            del self.waiting[pane]
        if self.editing.read_only:  # a final report is read, not edited: no cursor in it
            for widget in widgets:  # not mounted yet: its styles are computed at mounting
                widget.set_reactive(Widget.disabled, True)
        mounting = self.query_one(f"#{pane}", VerticalScroll).mount_all(widgets)
        self.mounting.setdefault(pane, []).append(mounting)
        await mounting
        if not all(widget.is_mounted for widget in widgets):
            return  # the editor closed meanwhile
        self.checks.gather(widgets, self.problems)
        if pane not in self.waiting and self.resume is not None:  # a Tab waited for a row
            resume, self.resume = self.resume, None
            self.release_keys(resume)

    async def _build_more(self, pane: str) -> None:
        """The next batch of a pane, after the screen is drawn (keys are taken between)."""
        if pane in self.waiting:
            await self._build(pane, BATCH)
        if pane in self.waiting:
            self.call_after_refresh(self._build_more, pane)
        else:
            self.mounting.pop(pane, None)

    # Keys typed while the cursor is on its way

    def hold_keys(self, blur: bool) -> None:
        """Keep the keys typed from now on (``blur``: take the cursor out of its field)."""
        if self.held is None:
            self.held = []
        if blur:
            self.set_focus(None)

    def release_keys(self, field: Widget | None) -> None:
        """The cursor in ``field`` (or back on the sidebar), then the keys held, in order."""
        held, self.held = self.held, None
        (field or self.query_one("#sidebar")).focus()
        for key in held or []:
            self.app.post_message(events.Key(key.key, key.character))

    def on_key(self, event: events.Key) -> None:
        if self.editing.read_only and event.is_printable and event.character != "?":
            # Typed into a final report: said once, not swallowed silently (as the CLI does).
            if not self.told_read_only:
                self.told_read_only = True
                self.notify(READ_ONLY, title="Không sửa được", severity="warning")
            return
        if self.held is not None and (event.is_printable or event.key in HELD):
            event.stop()
            event.prevent_default()
            self.held.append(event)
        elif event.key == "enter" and self.focused is self.query_one("#sidebar"):
            # Enter on the sidebar goes into the section (EditorScreen.focus_pane): what is
            # typed next is for its first box, which may not be built yet.
            self.hold_keys(blur=False)
        elif event.is_printable and event.character != "?" \
                and event.key not in self.active_bindings \
                and self.focused is not None and self.focused is not self.told_not_a_box:
            # A letter typed on a list, a table or the preview lands nowhere: said, once
            # for the widget, so that nothing typed disappears without a word.
            self.told_not_a_box = self.focused
            self.notify(NOT_A_BOX, title="Chữ gõ không vào ô nào", severity="warning",
                        timeout=6)

    def focus_next(self, selector: str | type[Widget] = "*") -> Widget | None:
        """Tab; past the last row built of a section still building, the cursor waits for
        the next row (the keys typed meanwhile are held, not typed into the field left)."""
        if self.held is not None:
            self.held.append(events.Key("tab", "\t"))
            return None
        left = self.focused
        pane = self.query_one("#panes", ContentSwitcher).current
        moved = super().focus_next(selector)
        if pane in self.waiting and left is not None and self._inside(left, pane) \
                and (moved is None or not self._inside(moved, pane)):
            self.resume = left
            self.hold_keys(blur=True)
            self.held = [events.Key("tab", "\t")]
        return moved

    def focus_previous(self, selector: str | type[Widget] = "*") -> Widget | None:
        if self.held is not None:
            self.held.append(events.Key("shift+tab", None))
            return None
        return super().focus_previous(selector)

    def _inside(self, widget: Widget, pane: str) -> bool:
        return any(node.id == pane for node in widget.ancestors)

