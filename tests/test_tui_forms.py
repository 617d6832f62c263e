"""Leftovers of the first wave (issue 16, second wave, item 5): a deleted list item comes back
with Ctrl+Z; a stray space does not tick "Cấp phó ký thay"; letters typed on a Save button
reach the box before it; basis documents carried into the next quarter are marked for
review."""

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input, TextArea
from textual.widgets._footer import FooterKey
from tui_pilot import PROVINCE_TODAY, demo, make_app, province_office, reopen_at

from drafter.domain.periods import Period
from drafter.records.workflow import start_report
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


def test_basis_documents_carried_into_the_next_quarter_are_marked_for_review(
        tmp_path: Path) -> None:
    """The superior's guidance for the year recurs in Q2, marked ↻ until the official has
    looked at it (F8, or editing the list)."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        q1 = demo()
        store.save_report(q1)
        q2 = start_report(store, q1.unit.code, Period.parse("2024-Q2"), pack=app.session.pack)
        assert q2.basis == q1.basis and "basis" in q2.review
        report_id = reopen_at(store, q2, "basis")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            editor = screen.query_one("#basis-editor")
            assert editor.query(".carried")
            sidebar = str(screen.query_one("#nav-basis Label").render())
            assert sidebar.endswith("↻")
            assert any("Văn bản căn cứ" in p.message for p in screen.problems
                       if p.rule == "review")
            await pilot.press("f8")
            await pilot.pause()
            assert not editor.query(".carried")
            assert "basis" not in store.get(report_id).review

    asyncio.run(scenario())


def _visible(screen) -> set[str]:  # type: ignore[no-untyped-def]
    """The keys of the footer shown whole within 80 columns."""
    return {key.key for key in screen.query(FooterKey) if key.region.right <= 80
            and key.region.width > 0}


async def _shows(pilot, wanted: set[str]) -> None:  # type: ignore[no-untyped-def]
    """The footer shows every key of ``wanted`` whole within 80 columns, once laid out again:
    it is rebuilt when the focus moves, and under load one pause can see it half done."""
    for _ in range(50):
        await pilot.pause()
        shown = _visible(pilot.app.screen)
        if wanted <= shown:
            return
    assert wanted <= shown, f"not shown: {sorted(wanted - shown)}"


def test_at_80_columns_each_screen_keeps_the_keys_that_matter_there(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        q1 = demo()
        store.save_report(q1)
        q2 = start_report(store, q1.unit.code, Period.parse("2024-Q2"), pack=app.session.pack)
        reopen_at(store, q2, "direction")  # figures carried: F8 matters
        province, _ = province_office(store, 4)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = pilot.app.screen
            await _shows(pilot, {"f1", "ctrl+q", "f8", "f2", "f6", "ctrl+s", "escape"})
            # On a list, its Delete (and after one, Ctrl+Z) come before the editor's keys.
            await editor.action_show("tasks")
            await pilot.pause()
            view = editor.query_one("#list-tasks ListView")
            view.focus()
            await _shows(pilot, {"f1", "ctrl+q", "delete", "ctrl+s"})
            await pilot.press("delete")
            await _shows(pilot, {"f1", "ctrl+q", "delete", "ctrl+z", "ctrl+s"})
            # Typing in its box, Delete is the box's: the list's keys give way.
            editor.query_one("#add-tasks").focus()
            await _shows(pilot, {"f1", "ctrl+s", "escape", "ctrl+q"})
            app.open_office(province)
            await _shows(pilot, {"f1", "a", "r", "x", "k", "escape", "ctrl+q"})
            await pilot.press("x")
            await _shows(pilot, {"f1", "ctrl+q", "e", "i", "w", "escape"})

    asyncio.run(scenario())


def test_home_and_end_in_the_sidebar_go_to_the_first_and_last_section(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "issuing")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = pilot.app.screen
            await pilot.press("f2", "home")
            await pilot.pause()
            assert editor.query_one("#panes").current == "direction"
            await pilot.press("end")
            await pilot.pause()
            assert editor.query_one("#panes").current == "preview"

    asyncio.run(scenario())


def test_a_carried_figure_is_typed_over_not_appended_to(tmp_path: Path) -> None:
    """Quarter II from quarter I: the cursor comes to 114 procedures selected, typing 116
    replaces it (it gave 114116); once confirmed or typed, a box is edited as usual."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        q1 = demo()
        store.save_report(q1)
        q2 = start_report(store, q1.unit.code, Period.parse("2024-Q2"), pack=app.session.pack)
        report_id = reopen_at(store, q2, "procedures")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = pilot.app.screen
            box = editor.query_one("#in-procedures_total", Input)
            assert box.value == "114"
            editor.query_one("#in-procedures_between_levels", Input).focus()
            await pilot.pause()
            await pilot.press("shift+tab", "shift+tab")  # back up to the total, as by hand
            await pilot.pause()
            assert pilot.app.focused is box
            await pilot.press(*"116", "tab", "shift+tab", "end", "0")
            await pilot.pause()
        assert store.get(report_id).figures["procedures_total"] == 1160

    asyncio.run(scenario())
