"""The editor builds a section's first screenful at once and the rest after the screen is
drawn (issue 17): nothing an official does may notice it — keys typed while a section builds
land in its boxes, and the checks list and its jumps cover the fields not built yet."""

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import Input, ListView
from tui_pilot import demo, make_app, reopen_at

from drafter.tui.screens.editor.screen import EditorScreen


def test_a_digit_typed_right_after_enter_on_the_sidebar_lands_in_the_first_box(
        tmp_path: Path) -> None:
    """Defect: ↓ then Enter on the sidebar and a digit at once, while the section was being
    built: the digit went to the sidebar and was lost."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f2")
            await pilot.pause()
            # As a quick typist's keys arrive: the next three before the section is built.
            app.post_message(events.Key("down", None))
            for _ in range(3):
                await asyncio.sleep(0)
            app.post_message(events.Key("enter", "\r"))
            app.post_message(events.Key("5", "5"))
            await pilot.pause()
            await pilot.pause()
            screen = app.screen
            assert screen.query_one("#panes").current == "institutions"
            first = screen.query("#institutions Input").first(Input)
            assert app.focused is first
            assert first.value.endswith("5")

    asyncio.run(scenario())


def test_tab_past_the_rows_built_waits_for_the_next_row(tmp_path: Path) -> None:
    """Tab from the last box built while the rest of the section is still to come: the cursor
    goes to the next row's box once it is built, and what is typed meanwhile goes there."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, EditorScreen)
            await screen.action_show("procedures")
            assert not screen.built("procedures")  # the first screenful only, so far
            boxes = list(screen.query("#procedures Input").results(Input))
            last, typed = boxes[-1], boxes[-1].value
            last.focus()
            app.post_message(events.Key("tab", "\t"))
            app.post_message(events.Key("7", "7"))
            await pilot.pause()
            await pilot.pause()
            assert screen.built("procedures")
            boxes = list(screen.query("#procedures Input").results(Input))
            after = boxes[boxes.index(last) + 1]
            # The keys held are typed again as new events once the row is built: under load
            # the last of them may still be in the queue here; it must arrive, never be lost.
            for _ in range(50):
                if after.value.endswith("7"):
                    break
                await pilot.pause()
            assert app.focused is after
            assert after.value.endswith("7")
            assert last.value == typed

    asyncio.run(scenario())


def test_an_error_in_a_section_never_opened_is_listed_and_enter_reaches_it(
        tmp_path: Path) -> None:
    """The checks run on the whole report, not on the boxes built: an error far down a section
    never shown is listed, and Enter on it builds the section and brings its box into view."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.figures["pakn_resolved"] = report.figures.get("pakn_received", 0) + 5
        reopen_at(store, report, "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, EditorScreen)
            assert not screen.query("#procedures Input")  # never shown: nothing built
            await pilot.press("f6")
            await pilot.pause()
            wrong = [i for i, p in enumerate(screen.problems) if "pakn_resolved" in p.keys]
            assert wrong and screen.problems[wrong[0]].is_error
            problems = screen.query_one("#problems", ListView)
            problems.index = wrong[0]
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            focused = app.focused
            assert focused is not None and focused.id == "in-pakn_resolved"
            assert screen.query_one("#procedures").region.contains_region(focused.region)
            assert "lớn hơn" in str(screen.query_one("#row-pakn_resolved .problem").render())

    asyncio.run(scenario())
