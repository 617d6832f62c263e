"""The editor as an official reads it: the figures of their level, where the cursor is, where
the checks lead, and what was carried from last period (issue 16, defects 4, 5, 6 and 7)."""

import asyncio
from pathlib import Path

from textual.color import Color
from textual.widgets import Input, Label, ListView, Select
from tui_pilot import built, demo, make_app, problem_under, reopen_at, type_into

from drafter.domain.periods import Period
from drafter.records.reuse import carry_forward
from drafter.tui.screens.editor.screen import EditorScreen
from drafter.tui.widgets.figure_row import CARRIED
from drafter.tui.widgets.list_editor import CARRIED_LIST

DISTRICT_ONLY = ("procedures_district_level", "commune_files_received", "commune_files_late")


def test_a_commune_is_not_asked_for_the_district_figures(tmp_path: Path) -> None:
    """Defect 4: a commune saw "Số phòng chuyên môn", "Số TTHC cấp huyện" and the "cấp xã"
    files block; filling them double-counted."""
    async def scenario(report_name: str, section: str) -> set[str]:
        app, store = make_app(tmp_path / report_name)
        report = demo(report_name)
        if report.unit.tier == "commune":
            report.figures["departments"] = 3  # entered before: shown, never hidden
        reopen_at(store, report, section)
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            rows = set()
            for pane in ("procedures", "organisation", "direction"):
                await screen.action_show(pane)
                await built(pilot)  # the rows below the first screenful too
                await pilot.pause()
                rows |= {row.id.removeprefix("row-") for row in screen.query(".figure")}
            return rows

    commune = asyncio.run(scenario("xa-thanh-mai-2024-Q1", "procedures"))
    district = asyncio.run(scenario("huyen-dong-son-2024-Q1", "procedures"))
    assert not commune & set(DISTRICT_ONLY)
    assert "public_units" not in commune and "inspected_communes" not in commune
    assert {"files_received", "files_in_person", "staff_quota", "comms_radio"} <= commune
    assert "departments" in commune  # it holds a value
    assert set(DISTRICT_ONLY) | {"departments", "staff_quota", "inspected_communes"} <= district


def _background(widget) -> Color:  # type: ignore[no-untyped-def]
    return widget.styles.background


def test_the_focused_row_stands_out_and_errors_look_different(tmp_path: Path) -> None:
    """Defect 5: borderless inputs, a one-cell cursor like the red error bar, a focused
    dropdown showing nothing."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await pilot.pause()
            first = screen.query_one("#row-directive_docs")
            other = screen.query_one("#row-plan_targets")
            assert pilot.app.focused is screen.query_one("#in-directive_docs")
            assert _background(first) != _background(other)
            focused_label = first.query_one(".figure-label", Label)
            other_label = other.query_one(".figure-label", Label)
            assert focused_label.styles.color != other_label.styles.color
            assert focused_label.styles.text_style.bold
            box = screen.query_one("#in-directive_docs", Input)
            assert _background(box) != _background(other.query_one(Input))
            # An error: the label turns red, the box keeps no red bar beside it.
            await type_into(pilot, "#in-plan_tasks_done", "200")
            row = screen.query_one("#row-plan_tasks_done")
            assert row.has_class("-error")
            assert row.query_one(".entry").styles.border_left[0] == ""
            error_colour = screen.query_one("#row-plan_tasks_done .problem", Label).styles.color
            assert row.query_one(".figure-label", Label).styles.color == error_colour
            # A focused dropdown shows it.
            await screen.action_show("direction")
            await built(pilot)  # the rows below the first screenful too
            dropdown = screen.query_one("#in-dialogue_held", Select)
            current = dropdown.query_one("SelectCurrent")
            before = _background(current)
            dropdown.focus()
            await pilot.pause()
            assert _background(current) != before

    asyncio.run(scenario())


def test_f6_then_enter_lands_on_the_part_that_is_wrong_in_view(tmp_path: Path) -> None:
    """Defect 6: F6 then Enter did nothing; the jump landed off screen, on the total."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.figures["files_in_person"] = 7  # 7 + 7 + 0 ≠ 29 received: the reference's slip
        reopen_at(store, report, "direction")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = pilot.app.screen
            await pilot.pause()
            await pilot.press("f6")
            await pilot.pause()
            problems = screen.query_one("#problems", ListView)
            assert pilot.app.focused is problems and problems.index == 0
            assert "khác tổng" in screen.problems[0].message
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            focused = pilot.app.focused
            # Not the whole (files_received): its first part, since nothing was typed yet.
            assert focused is not None and focused.id == "in-files_online"
            assert screen.query_one("#procedures").region.contains_region(focused.region)
            # Having typed one of the parts, the jump goes to the one just typed.
            await type_into(pilot, "#in-files_in_person", "8")
            await pilot.press("f6")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            focused = pilot.app.focused
            assert focused is not None and focused.id == "in-files_in_person"
            assert screen.query_one("#procedures").region.contains_region(focused.region)

    asyncio.run(scenario())


def test_carried_figures_are_marked_on_their_row_and_confirmed_there(tmp_path: Path) -> None:
    """Defect 7: one warning listed all carried items, repeated under every carried field."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        q1 = demo()
        store.save_report(q1)
        q2 = carry_forward(q1, q1.unit, Period.parse("2024-Q2"), q1.date.replace(month=6),
                           app.session.pack.catalogue)
        report_id = reopen_at(store, q2, "procedures")
        carried = len(q2.review)
        assert carried > 10 and "procedures_total" in q2.review
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            assert isinstance(screen, EditorScreen)
            await pilot.pause()
            marker = screen.query_one("#row-procedures_total .carried", Label)
            assert str(marker.content) == CARRIED == "↻ Lấy từ kỳ trước — Enter để xác nhận"
            assert problem_under(pilot, "procedures_total") == ""
            assert str(screen.query_one("#nav-procedures Label", Label).content).endswith("↻")
            review = [p for p in screen.problems if p.rule == "review"]
            lines = [str(item.query_one(Label).content)
                     for item in screen.query("#problems ListItem")]
            assert f"Còn {carried} số liệu, nội dung lấy từ kỳ trước chưa được xác nhận" in \
                " ".join(lines) and len(review) == 1
            assert all(len(line) < 140 for line in lines)
            # Enter in a carried box confirms it.
            screen.query_one("#in-procedures_total", Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert not screen.query("#row-procedures_total .carried")
            assert "procedures_total" not in store.get(report_id).review
            # F8 confirms the whole section; its mark leaves the sidebar.
            await pilot.press("f8")
            await pilot.pause()
            assert not screen.query("#procedures .carried")
            assert not str(screen.query_one("#nav-procedures Label", Label).content).endswith("↻")
            stored = store.get(report_id).review
            assert not [key for key in stored if key in screen.panes.indicators("procedures")]
            # Carried lists are marked too.
            await screen.action_show("tasks")
            await pilot.pause()
            assert str(screen.query_one("#list-tasks .carried", Label).content) == CARRIED_LIST

    asyncio.run(scenario())

