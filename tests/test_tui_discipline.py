"""Typing discipline (issue 28): on every focusable widget of every editor pane, a letter
typed either lands in a visible box or brings a visible message — it never disappears."""

import asyncio
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input, TextArea
from tui_pilot import built, demo, make_app, reopen_at


def _typed(screen) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(box.value if isinstance(box, Input) else box.text)
            for box in screen.query("Input, TextArea") if isinstance(box, Input | TextArea)]


def test_a_letter_typed_anywhere_in_the_editor_is_never_lost(tmp_path: Path) -> None:
    """Every kind of widget of every pane, the preview too: a letter goes into a box, or
    the official is told why it cannot (a list, a table, a dropdown; issue 28, D2)."""
    async def scenario() -> list[str]:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        lost = []
        told: list[str] = []
        notify = app.notify

        def recorded(message: str, *args: object, **kwargs: object) -> None:
            told.append(message)  # counted here: a notice shown expires meanwhile
            notify(message, *args, **kwargs)  # type: ignore[arg-type]

        app.notify = recorded  # type: ignore[method-assign]
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            for pane in screen.panes.ids:
                await screen.go_to(pane)
                await built(pilot)
                await pilot.pause()
                # Each kind of widget of the pane once: a section has dozens of alike boxes.
                kinds: dict[type, Widget] = {}
                pane_widget = screen.query_one(f"#{pane}")
                for found in screen.focus_chain:  # where Tab goes
                    if pane_widget in found.ancestors_with_self:
                        kinds.setdefault(type(found), found)
                widgets = list(kinds.values())
                for widget in widgets:
                    if not widget.is_mounted or not widget.focusable:
                        continue
                    widget.focus()
                    await pilot.pause()
                    before, said = _typed(screen), len(told)
                    await pilot.press("x")
                    await pilot.pause()
                    if pilot.app.screen is not screen:  # a dialog or an open list took it
                        await pilot.press("escape")
                        await pilot.pause()
                        continue
                    if _typed(screen) != before:
                        await pilot.press("backspace")
                        await pilot.pause()
                    elif len(told) == said:
                        lost.append(f"{pane}: {widget!r}")
        return lost

    lost = asyncio.run(scenario())
    assert lost == [], "\n".join(lost)
