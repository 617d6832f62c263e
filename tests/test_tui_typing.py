"""What the official types is where they typed it (issue 28): never dropped into an invisible
widget, never appended to a value they meant to replace, never stored half-typed as a date."""

import asyncio
import datetime as dt
from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, Label, ListView
from tui_pilot import built, demo, make_app, problem_under, reopen_at, type_into

from drafter.domain.report import Status


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


def test_typing_into_a_filled_figure_replaces_it_as_in_excel(tmp_path: Path) -> None:
    """Defect D3: coming back into a box that holds a value and typing appended to it,
    14 → 14145145, stored as a valid figure; carried figures came selected, others not."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.figures.update(directive_docs=14, plan_targets=9)
        reopen_at(store, report, "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await built(pilot)
            first = screen.query_one("#in-directive_docs", Input)
            assert pilot.app.focused is first  # entering the section
            await pilot.press(*"145")
            assert first.value == "145"
            await pilot.press("tab")
            second = pilot.app.focused
            assert isinstance(second, Input) and second.id == "in-plan_targets"
            await pilot.press(*"12")
            assert second.value == "12"
            await pilot.press("shift+tab", *"16")  # back into a box typed in a moment ago
            await pilot.pause()
            assert first.value == "16"
            assert screen.editing.report.figures["directive_docs"] == 16

    asyncio.run(scenario())


def test_a_date_with_a_short_year_stays_a_draft_entry(tmp_path: Path) -> None:
    """Defect D9: "16/3/2" (the terminal closed mid-typing) was stored as year 2 and the
    report read "ngày 16 tháng 3 năm 2"."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        reopen_at(store, report, "issuing")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await built(pilot)
            for typed in ("16/3/2", "16/3/20", "16/3/202"):
                await type_into(pilot, "#is-date", typed)
                assert screen.editing.report.date == report.date, typed
                assert "năm phải có 4 chữ số" in str(
                    screen.query_one("#is-problems", Label).content)
            await type_into(pilot, "#is-date", "16/3/2026")
            assert screen.editing.report.date == dt.date(2026, 3, 16)

    asyncio.run(scenario())


def test_the_preview_scrolls_by_keyboard(tmp_path: Path) -> None:
    """Defect D1: after F5 no key scrolled the preview (PageDown, ↓, Tab), only the mouse
    wheel; F1 named no key for it."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await built(pilot)
            await pilot.press("f5")
            await pilot.pause()
            preview = screen.query_one("#preview")
            assert preview.max_scroll_y > 20
            await pilot.press("pagedown", "down")
            await pilot.pause()
            assert preview.scroll_y > 10
            await pilot.press("f1")
            await pilot.pause()
            keys = dict(pilot.app.screen.keys())
            assert "PgUp / PgDn" in keys and "cuộn" in keys["F5"]

    asyncio.run(scenario())


def test_the_history_keeps_one_entry_per_finished_edit(tmp_path: Path) -> None:
    """Defect D8: every key was an entry, ``report.date: 2026-12-07 → 0002-03-16 →
    0020-03-16 → 0202-03-16 → 2026-03-16``; autosave stays per key."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.figures.update(directive_docs=14, plan_targets=9)
        report_id = reopen_at(store, report, "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await built(pilot)
            await pilot.press(*"145")
            assert store.get(report_id).figures["directive_docs"] == 145  # saved at each key
            await pilot.press("tab", *"12", "shift+tab", *"16")
            await pilot.pause()
            await screen.go_to("issuing")
            await pilot.pause()
            await type_into(pilot, "#is-date", "16/3/2026")
        edits = [(c.field, c.old, c.new) for c in store.history(report_id) if c.action == "update"]
        assert edits == [("figures.directive_docs", "14", "145"),
                         ("figures.plan_targets", "9", "12"),
                         ("figures.directive_docs", "145", "16"),
                         ("report.date", "2024-03-14", "2026-03-16")]

    asyncio.run(scenario())


def test_keys_typed_into_a_final_report_are_answered(tmp_path: Path) -> None:
    """Defect D17: "99" typed into a figure of a final report was swallowed without a word;
    the CLI says the report is final and how to change it."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, replace(demo(), status=Status.FINAL), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await built(pilot)
            await pilot.press(*"99")
            await pilot.pause()
            said = [n.message for n in pilot.app._notifications]
            assert said == ["Bản chính thức: chỉ xem. Ctrl+E để chuyển về dự thảo và sửa."]

    asyncio.run(scenario())


def test_a_count_typed_with_a_point_is_asked_for_a_whole_number(tmp_path: Path) -> None:
    """D21: "phải là số, không phải '2.5' (dùng dấu phẩy: 2,5)" suggested 2,5 documents."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await built(pilot)
            await type_into(pilot, "#in-directive_docs", "2.5")
            message = problem_under(pilot, "directive_docs")
            assert "phải là số nguyên, không phải '2.5'" in message and "phẩy" not in message

    asyncio.run(scenario())

