"""What the official types is where they typed it (issue 28): never dropped into an invisible
widget, never appended to a value they meant to replace, never stored half-typed as a date."""

import asyncio
from pathlib import Path

from textual.widgets import Input, ListView
from tui_pilot import built, demo, make_app, reopen_at


def test_tab_from_a_list_box_never_lands_on_an_empty_invisible_list(tmp_path: Path) -> None:
    """Defect D2: Tab from the Ưu điểm box went to the empty Tồn tại list, which shows
    nothing focused; 112 typed characters and Enter went nowhere."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.lists["shortcomings"] = []
        reopen_at(store, report, "assessment")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await built(pilot)
            screen.query_one("#add-strengths", Input).focus()
            await pilot.press("tab", *"Thiếu cán bộ", "enter")
            await pilot.pause()
            assert pilot.app.focused is screen.query_one("#add-shortcomings", Input)
            assert report.lists["shortcomings"] == [] and \
                screen.editing.report.items("shortcomings") == ["Thiếu cán bộ"]
            # Its one item deleted, the list is empty again: the cursor goes to the box.
            await pilot.press("shift+tab")
            assert isinstance(pilot.app.focused, ListView)
            await pilot.press("delete")
            await pilot.pause()
            await pilot.press(*"Ít")
            await pilot.pause()
            assert screen.query_one("#add-shortcomings", Input).value == "Ít"

    asyncio.run(scenario())
