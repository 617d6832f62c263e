"""One indicator: label, entry, unit, last period's value and the change; or a computed rate."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Select

from drafter.domain.figures import Figures
from drafter.domain.indicators import Indicator, ValueType
from drafter.domain.report import Value
from drafter.tui.widgets.dropdown import Dropdown
from drafter.tui.widgets.text import Label
from drafter.vi.numbers import format_number
from drafter.vi.rates import format_rate, format_ratio

YES_NO = [("Có", "Có"), ("Không", "Không")]
CARRIED = "↻ Lấy từ kỳ trước — Enter để xác nhận"
ROW_STATES = ("error", "warning", "required")
# Input's compact look set without restyling: ``compact=True`` restyled each new box on its
# own before it was mounted, and validating (there is nothing to validate) restyled it again
# once mounted — much of a row's cost, and a section mounts dozens.
COMPACT = "-textual-compact"


def show_value(value: Value | None) -> str:
    """A stored value as the official types it (``1.234``, ``58,73``, ``Có``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | Decimal):
        return format_number(value)
    return value


def change_text(now: Value | None, before: Value | None) -> str:
    """``Kỳ trước: 114 (+3)``; empty when last period has no value."""
    if before is None:
        return ""
    text = f"Kỳ trước: {show_value(before)}"
    numbers = (int, Decimal)
    if isinstance(now, numbers) and isinstance(before, numbers) and not isinstance(now, bool) \
            and not isinstance(before, bool) and now != before:
        delta = Decimal(now) - Decimal(before)
        text += f" ({'+' if delta > 0 else '−'}{format_number(abs(delta))})"
    return text


class ProblemRow(Vertical):
    """A row that can show the check message about its figure beneath it.

    The message label is mounted with the first message: a section has dozens of rows and
    every widget mounted counts in the editor's start-up time. ``-required`` marks a required
    figure not yet entered whose box the official has not been to: said quietly, not in red.
    """

    indicator: Indicator
    _shown_problem: tuple[str, str] = ("", "")

    def show_problem(self, message: str, kind: str) -> None:
        """Mark the row ``error``, ``warning`` or ``required`` (or nothing: ``""``) and show
        ``message`` under it; a row involved in a problem shown under another row is marked
        with no message of its own."""
        if (message, kind) == self._shown_problem:
            return  # called at every keystroke for every row: most rows do not change
        self._shown_problem = (message, kind)
        for state in ROW_STATES:
            self.set_class(kind == state, f"-{state}")
        labels = self.query(".problem").results(Label)
        label = next(labels, None)
        if label is None:
            if message:
                self.mount(Label(message, classes="problem"))
            return
        label.update(message)
        label.display = bool(message)


class FigureRow(ProblemRow):
    """An entered indicator. Posts :class:`FigureRow.Edited` with the raw text, ``Left`` when
    the cursor leaves it and ``Confirmed`` when Enter confirms a figure carried from the
    previous period."""

    class Edited(Message):
        def __init__(self, row: FigureRow, text: str) -> None:
            super().__init__()
            self.row = row
            self.text = text

    class Left(Message):
        def __init__(self, row: FigureRow) -> None:
            super().__init__()
            self.row = row

    class Confirmed(Message):
        def __init__(self, row: FigureRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, indicator: Indicator, value: Value | None, before: Value | None,
                 typed: str | None = None, carried: bool = False) -> None:
        super().__init__(classes="figure", id=f"row-{indicator.key}")
        self.indicator = indicator
        self.value = value
        self.before = before
        self.shown = show_value(value) if typed is None else typed
        self.carried = carried

    def compose(self) -> ComposeResult:
        ind = self.indicator
        yield Label(ind.label, classes="figure-label")
        with Horizontal(classes="figure-line"):
            if ind.type is ValueType.BOOL or ind.type is ValueType.CHOICE:
                options = YES_NO if ind.type is ValueType.BOOL else [(o, o) for o in ind.options]
                yield Dropdown(options, value=self.shown if self.shown else Select.NULL,
                               prompt="—", id=f"in-{ind.key}", classes="entry", compact=True)
            else:
                # A figure is selected when the cursor comes to it, as an Excel cell: typing
                # replaces it (a carried one by this period's), Enter keeps it.
                box = Input(self.shown, id=f"in-{ind.key}", classes="entry", validate_on=())
                box.set_reactive(Input.compact, True)
                yield box.add_class(COMPACT, update=False)
            yield Label(self._after(self.value), classes="before")
        if self.carried:
            yield Label(CARRIED, classes="carried")

    def _after(self, value: Value | None) -> str:
        # One label for the unit and the comparison keeps the row small: the editor mounts a
        # whole section at once and start-up time counts.
        return f" {self.indicator.unit:<11}{change_text(value, self.before)}"

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.carried:
            self.post_message(self.Confirmed(self))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._edited("" if event.value is Select.NULL else str(event.value))

    def on_descendant_blur(self) -> None:
        self.post_message(self.Left(self))

    def _edited(self, text: str) -> None:
        # Widgets also report their initial value when mounted: that is not an edit.
        if text != self.shown:
            self.shown = text
            self.post_message(self.Edited(self, text))

    def show_change(self, value: Value | None) -> None:
        self.query_one(".before", Label).update(self._after(value))

    def confirmed(self) -> None:
        """No longer waiting for confirmation (typed, or confirmed with Enter)."""
        self.carried = False
        for label in self.query(".carried"):
            label.remove()


class RateRow(ProblemRow):
    """A rate or a sum, computed from its counts and shown read-only."""

    def __init__(self, indicator: Indicator) -> None:
        super().__init__(classes="figure computed", id=f"row-{indicator.key}")
        self.indicator = indicator

    def compose(self) -> ComposeResult:
        yield Label(self.indicator.label, classes="figure-label")
        yield Label("", classes="computed-value")

    def update_from(self, figures: Figures, undefined: str) -> None:
        ind = self.indicator
        if ind.type is ValueType.RATE:
            rate = figures.rate(ind.key)
            text = "chưa đủ số liệu" if rate is None else (
                f"{format_rate(rate, undefined)} ({format_ratio(rate, leading_zero=False)})")
        else:
            value = figures.value(ind.key)
            text = "chưa đủ số liệu" if value is None else f"{show_value(value)} {ind.unit}"
        self.query_one(".computed-value", Label).update(
            Content.assemble(f"{text:<30}", ("tự tính", "dim")))
