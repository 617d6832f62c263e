"""The pack's standard sentences of one pane, ticked with Space (issue 14).

Each sentence is shown with the sub-item it belongs to, its slots written as they will be
filled (``{files_late}`` → ``[số hồ sơ quá hạn]``), and ``↻`` while it was carried from last
period and not yet looked at. Ticking or unticking posts :class:`PhrasePicker.Changed` with
the ids ticked in this pane; the editor stores them.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from drafter.domain.catalogue import Catalogue
from drafter.domain.phrases import SLOT, WORD_SLOTS, Phrase
from drafter.tui.widgets.text import Label
from drafter.vi.text import lower_first

TITLE = "Câu mẫu (Space để chọn; câu đã chọn được đưa vào báo cáo ở tiểu mục của nó)"
CARRIED = "↻ "
# How a slot reads in the list: the unit's words, or the figure it will hold.
WORDS = {"self": "UBND…", "kind": "xã/huyện…", "area": "trên địa bàn…",
         "office": "Bộ phận Một cửa", "superior": "cấp trên", "communes": "các xã",
         "year": "năm", "plan_year": "năm", "period": "kỳ báo cáo"}


def shown(phrase: Phrase, catalogue: Catalogue) -> str:
    """The phrase as the list shows it: its slots named, not filled."""
    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in WORD_SLOTS and not match.group(2):
            return WORDS.get(name, name)
        return f"[{lower_first(catalogue[name].label)}]" if name in catalogue else name
    return SLOT.sub(slot, phrase.text)


class PhrasePicker(Vertical):
    """The phrases of one pane's sub-items; ``picked`` the ids ticked, ``carried`` those
    still marked for review."""

    # Inside a scrolling pane the picker takes the height of its content (a Vertical's
    # default, 1fr, is one row there: the list was invisible).
    DEFAULT_CSS = """
    PhrasePicker { height: auto; margin-top: 1; }
    PhrasePicker SelectionList { height: auto; max-height: 14; }
    PhrasePicker .phrase-detail { width: 1fr; color: $text-muted; padding: 0 1; }
    """

    class Changed(Message):
        def __init__(self, pane: str, picked: list[str], toggled: str) -> None:
            super().__init__()
            self.pane = pane
            self.picked = picked
            self.toggled = toggled

    def __init__(self, pane: str, phrases: list[Phrase], catalogue: Catalogue,
                 picked: list[str], carried: list[str]) -> None:
        super().__init__(classes="phrase-picker", id=f"phrases-{pane}")
        self.pane = pane
        self.phrases = phrases
        self.catalogue = catalogue
        self.picked = [p for p in picked if any(ph.id == p for ph in phrases)]
        self.carried = set(carried)

    def compose(self) -> ComposeResult:
        yield Label(TITLE, classes="subtitle")
        yield SelectionList[str](*self._options(), id=f"phrase-list-{self.pane}")
        # The list cuts long sentences at the pane's width: the one under the cursor is
        # shown here in full, with the sub-item it goes under.
        yield Label("", classes="phrase-detail")

    def _options(self) -> list[Selection[str]]:
        options = []
        for phrase in self.phrases:
            mark = CARRIED if phrase.id in self.carried else ""
            text = f"{mark}{shown(phrase, self.catalogue)}"
            options.append(Selection(Content(text), phrase.id, phrase.id in self.picked))
        return options

    def on_selection_list_selection_highlighted(
            self, event: SelectionList.SelectionHighlighted[str]) -> None:
        event.stop()
        phrase = next(p for p in self.phrases if p.id == event.selection.value)
        item = self.catalogue.item(phrase.item)
        title = item.title.replace("{superior}", "cấp trên") if item else phrase.item
        self.query_one(".phrase-detail", Label).update(
            Content(f"Ở tiểu mục «{title}»: {shown(phrase, self.catalogue)}."))

    def on_selection_list_selection_toggled(
            self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        self.picked = [phrase.id for phrase in self.phrases if phrase.id in selected]
        self.post_message(self.Changed(self.pane, self.picked, event.selection.value))

    def confirmed(self, ids: set[str]) -> None:
        """The carried mark is gone from ``ids`` (the official looked at them)."""
        if not self.carried & ids:
            return
        self.carried -= ids
        options = self.query_one(SelectionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = highlighted
