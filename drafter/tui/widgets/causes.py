"""Causes of the shortcomings the figures show (III. Đánh giá chung): for each, the official
picks causes from the pack's list or types their own, stored as issue 13 stores them
(``Report.shortcoming_causes``: by the rule's id, a pack key or the official's words).

The shortcomings follow the figures, so they are worked out again each time the pane is
shown. Causes given for a shortcoming the figures no longer show are listed apart (the report
would not print them) until the official deletes them or the figures show it again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, ListItem, ListView, Select

from drafter.narrative.assessment import Finding
from drafter.tui.widgets.drafts import Draft
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.text import clean, sentence_case

TITLE = "Nguyên nhân của từng hạn chế số liệu cho thấy"
NONE_SHOWN = "Số liệu kỳ này không cho thấy hạn chế nào cần nêu nguyên nhân."
STALE = ("Nguyên nhân đã ghi cho hạn chế số liệu không còn cho thấy (sẽ không được nêu; "
         "Delete để xóa)")
PICK = "Chọn nguyên nhân…"
TYPE = "hoặc gõ nguyên nhân khác rồi Enter"


class CausesEditor(Vertical):
    """``findings`` works out the shortcomings now; ``causes`` are the report's, by rule id;
    ``pack_causes`` the pack's list (key → words). Posts :class:`CausesEditor.Changed` with
    every cause after each change."""

    BINDINGS = [
        Binding("delete", "delete", "Xóa nguyên nhân"),
        Binding("ctrl+z", "undo", "Hoàn tác", tooltip="Đưa nguyên nhân vừa xóa trở lại"),
    ]

    class Changed(Message):
        def __init__(self, causes: dict[str, list[str]]) -> None:
            super().__init__()
            self.causes = causes

    def __init__(self, findings: Callable[[], tuple[Finding, ...]],
                 causes: Mapping[str, list[str]], pack_causes: Mapping[str, str],
                 drafts: dict[str, str]) -> None:
        super().__init__(id="causes-editor", classes="causes-editor")
        self.findings = findings
        self.causes = {rule: list(given) for rule, given in causes.items()}
        self.pack_causes = pack_causes
        self.drafts = drafts
        self.shown: tuple[Finding, ...] = findings()
        self.deleted: tuple[str, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label(TITLE, classes="subtitle")
        if not self.shown:
            yield Label(NONE_SHOWN, classes="hint")
        options = [(words, key) for key, words in self.pack_causes.items()]
        for finding in self.shown:
            with Vertical(classes="finding", id=f"finding-{finding.id}"):
                yield Label(f"Hạn chế: {sentence_case(finding.text)}", classes="finding-text")
                yield self._list(finding.id)
                with Horizontal(classes="row"):
                    yield Dropdown(options, prompt=PICK, id=f"cause-pick-{finding.id}",
                                   compact=True)
                    box = f"cause-{finding.id}"
                    yield Input(self.drafts.get(box, ""), placeholder=TYPE, id=box,
                                compact=True)
        stale = [rule for rule in self.causes if rule not in {f.id for f in self.shown}]
        if stale:
            yield Label(STALE, classes="hint")
            for rule in stale:
                yield self._list(rule)

    def _list(self, rule: str) -> ListView:
        return ListView(*[ListItem(Label(f"– {self.words(cause)}"))
                          for cause in self.causes.get(rule, [])],
                        id=f"causes-{rule}", classes="causes-list")

    def words(self, cause: str) -> str:
        """A cause as the official reads it: the pack's words for its key, else as typed."""
        return self.pack_causes.get(cause, cause)

    async def on_show(self) -> None:
        """The figures may have changed since the pane was last shown."""
        now = self.findings()
        if [(f.id, f.text) for f in now] != [(f.id, f.text) for f in self.shown]:
            self.shown = now
            await self.recompose()

    async def _changed(self) -> None:
        self.causes = {rule: given for rule, given in self.causes.items() if given}
        self.post_message(self.Changed({rule: list(g) for rule, g in self.causes.items()}))
        focused = self.app.focused
        where = focused.id if focused is not None else None
        await self.recompose()
        if where:
            for widget in self.query(f"#{where}"):
                widget.focus()

    async def _add(self, rule: str, cause: str) -> None:
        given = self.causes.setdefault(rule, [])
        if cause and cause not in given:
            given.append(cause)
            await self._changed()

    async def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        rule = (event.select.id or "").removeprefix("cause-pick-")
        if event.value is not Select.NULL:
            await self._add(rule, str(event.value))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(Draft(event.input.id or "", event.value))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value)
        if text:
            # The box is built again at once, from the drafts: this one is taken, not a draft.
            self.drafts.pop(event.input.id or "", None)
            self.post_message(Draft(event.input.id or "", ""))
            await self._add((event.input.id or "").removeprefix("cause-"), text)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()  # causes are deleted, not edited: the sidebar must not take Enter

    async def action_delete(self) -> None:
        view = self.app.focused
        if not isinstance(view, ListView) or view.index is None:
            return
        rule = (view.id or "").removeprefix("causes-")
        given = self.causes.get(rule, [])
        if view.index < len(given):
            self.deleted = (rule, view.index, given.pop(view.index))
            self.notify(f"Đã xóa nguyên nhân: {self.words(self.deleted[2])}. Nhấn Ctrl+Z để "
                        "hoàn tác.", title="Đã xóa", timeout=10)
            await self._changed()

    async def action_undo(self) -> None:
        if self.deleted is None:
            return
        rule, index, cause = self.deleted
        self.deleted = None
        self.causes.setdefault(rule, []).insert(index, cause)
        await self._changed()
