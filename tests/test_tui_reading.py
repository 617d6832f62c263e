"""What the TUI shows can be read at 80×24 with the keyboard alone (issue 28)."""

import asyncio
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input, RadioButton
from tui_pilot import PROVINCE_TODAY, create_unit, make_app, province_office

from drafter.tui.dialogs.ranking import ScoreDialog
from drafter.tui.widgets.text import Label


def test_the_score_dialogs_refusal_is_on_the_screen(tmp_path: Path) -> None:
    """Defect D6: at 80×24 the refusal "tổng điểm (105) phải từ 0 đến 100" sat below the
    screen; Enter seemed to do nothing."""
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, _ = province_office(store)
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_office(province)
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, ScoreDialog)
            dialog.query_one("#total", Input).focus()
            await pilot.press(*"105", "enter")
            await pilot.pause()
            await pilot.pause()
            error = dialog.query_one("#dialog-error", Label)
            assert "phải từ 0 đến 100" in str(error.content)
            scroll = dialog.query_one(VerticalScroll)
            shown = scroll.content_region
            assert error.region.height and shown.contains_region(error.region), \
                (error.region, shown)

    asyncio.run(scenario())


def test_radio_buttons_are_marked_only_when_on(tmp_path: Path) -> None:
    """Defect D15: ▐●▌ drawn on and off alike; both radio buttons of "Báo cáo mới" looked
    chosen."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await pilot.press("n")
            await pilot.pause()
            buttons = list(pilot.app.screen.query(RadioButton))
            # Copy from last period (nothing to copy yet), from its Word report, empty.
            assert [button.value for button in buttons] == [False, False, True]
            assert ["●" in str(button.render()) for button in buttons] == [False, False, True]

    asyncio.run(scenario())
