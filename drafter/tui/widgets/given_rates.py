"""Rates entered directly where their counts are unknown (issue 16, item 12): a reference
may state only "90,4%". One box per rate of the pane whose counts are not both entered; a
rate given here is quoted on its own, never beside counts, and marked in the appendix."""

from __future__ import annotations

from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from drafter.datafile import fields
from drafter.domain.indicators import Indicator
from drafter.tui.widgets.text import Label

TITLE = "Tỷ lệ ghi trực tiếp (chỉ khi không có số đếm; có số đếm thì tỷ lệ tự tính)"
RULE = fields.GIVEN_RATE_RULE


class GivenRates(Vertical):
    """Posts :class:`GivenRates.Changed` with a rate's new value: ``None`` when the box is
    cleared or holds what is not a percentage (the error is shown under it)."""

    DEFAULT_CSS = """
    GivenRates { height: auto; margin-top: 1; }
    GivenRates .given-row { height: auto; }
    GivenRates .given-label { width: 1fr; }
    GivenRates Input { width: 14; }
    """

    class Changed(Message):
        def __init__(self, key: str, value: Decimal | None) -> None:
            super().__init__()
            self.key = key
            self.value = value

    def __init__(self, pane: str, rates: list[Indicator], given: dict[str, Decimal]) -> None:
        super().__init__(id=f"given-{pane}", classes="given-rates")
        self.rates = rates
        self.given = given

    def compose(self) -> ComposeResult:
        yield Label(TITLE, classes="subtitle")
        for indicator in self.rates:
            value = self.given.get(indicator.key)
            shown = "" if value is None else f"{value:f}".replace(".", ",")
            with Horizontal(classes="given-row"):
                yield Label(Content(indicator.label), classes="given-label")
                yield Input(shown, placeholder="%", id=f"given-{indicator.key}",
                            compact=True)
            yield Label("", id=f"given-error-{indicator.key}", classes="error")

    def on_input_changed(self, event: Input.Changed) -> None:
        if not (event.input.id or "").startswith("given-"):
            return
        event.stop()
        key = (event.input.id or "").removeprefix("given-")
        error = self.query_one(f"#given-error-{key}", Label)
        text = event.value.strip()
        try:
            value = fields.given_rate(text) if text else None
        except ValueError as exc:
            error.update(Content(f"{exc} ({RULE})" if str(exc) != RULE else RULE))
            # What does not parse is no value: the one stored before is never printed.
            self.post_message(self.Changed(key, None))
            return
        error.update("")
        self.post_message(self.Changed(key, value))
