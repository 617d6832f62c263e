"""Leftovers of the first wave (issue 16, second wave, item 5): a deleted list item comes back
with Ctrl+Z; a stray space does not tick "Cấp phó ký thay"; letters typed on a Save button
reach the box before it."""

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input, TextArea
from tui_pilot import demo, make_app, reopen_at

from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.screens.unit import UnitScreen


def test_a_deleted_list_item_comes_back_with_ctrl_z(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        tasks = list(report.lists["tasks"])
        assert len(tasks) >= 3
        report_id = reopen_at(store, report, "tasks")
        async with app.run_test(size=(100, 40)) as pilot:
            view = pilot.app.screen.query_one("#list-tasks ListView")
            view.focus()
            view.index = 1
            await pilot.press("delete")
            await pilot.pause()
            assert store.get(report_id).lists["tasks"] == [tasks[0], *tasks[2:]]
            assert any("Ctrl+Z để hoàn tác" in n.message for n in pilot.app._notifications)
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert store.get(report_id).lists["tasks"] == tasks
            # Only the last deletion is undone, once.
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert store.get(report_id).lists["tasks"] == tasks

    asyncio.run(scenario())


def test_stray_spaces_and_text_typed_on_save_are_not_lost(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        store.set_state("last_report", "")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            await pilot.press("u")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, UnitScreen)
            title = form.query_one("#signer_title", Input)
            title.focus()
            title.value = "Chủ"
            # "Chủ tịch" typed on, with a Tab slipped in before " tịch": the checkbox is not
            # ticked by the space, nor the letters lost.
            await pilot.press("tab", "space")
            await pilot.pause()
            assert form.query_one("#deputy", Checkbox).value is False
            await pilot.press("enter")  # Enter ticks it, as the label says
            assert form.query_one("#deputy", Checkbox).value is True
            await pilot.press("enter")
            assert form.query_one("#deputy", Checkbox).value is False
            # On the Save button, what is typed goes to the box before it (the recipients).
            recipients = form.query_one("#recipients", TextArea)
            before = recipients.text
            form.query_one("#save").focus()
            await pilot.press(*"Lưu: VP")
            await pilot.pause()
            assert recipients.text == before + "Lưu: VP"
            assert pilot.app.focused is recipients

    asyncio.run(scenario())
