"""User text never runs as Textual markup (issue 16, second wave, item 3): "[b]", "[red]" or a
stray "[/b]" typed by an official is shown as typed — in the preview, the panes, titles, lists,
tables, check messages and toasts — and never raises a MarkupError."""

import ast
import asyncio
import dataclasses
from pathlib import Path

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, ListView, Select
from tui_pilot import built, demo, make_app, palette_options, reopen_at, type_into

import drafter.tui
from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.widgets.text import Label, Static

HOSTILE = ["[b]x[/b]", "[/b]", "[red]đỏ[/red]", "@header.number Số: 999", "[B]X[/B] $name"]


def _shown(widget: Label | Static) -> str:
    """What a label shows (its content after markup, if it were read as markup)."""
    visual = widget.render()
    assert isinstance(visual, Content)
    return visual.plain


def _cells(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [cell.plain if isinstance(cell, Text) else str(cell)
            for row in range(table.row_count) for cell in table.get_row_at(row)]


def test_hostile_text_is_shown_literally_everywhere(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        unit = dataclasses.replace(report.unit, name="Thanh [b]x[/b] Mai")
        report = dataclasses.replace(report, unit=unit)
        reopen_at(store, report, "direction")
        async with app.run_test(size=(120, 50)) as pilot:
            screen = pilot.app.screen
            await screen.action_show("direction")
            await built(pilot)  # the rows below the first screenful too
            await pilot.pause()
            # A note and a list item, typed and submitted.
            for text in HOSTILE:
                await type_into(pilot, "#add-note-direction", text)
                await pilot.press("enter")
            await screen.action_show("assessment")
            await pilot.pause()
            for text in HOSTILE:
                await type_into(pilot, "#add-strengths", text)
                await pilot.press("enter")
            await pilot.pause()
            items = [_shown(label) for label in
                     screen.query_one("#list-strengths ListView", ListView).query(Label)]
            assert items[-len(HOSTILE):] == HOSTILE
            notes = [_shown(label) for label in
                     screen.query_one("#list-note-direction ListView", ListView).query(Label)]
            assert notes[-len(HOSTILE):] == HOSTILE
            # A document whose subject is hostile.
            await screen.action_show("documents")
            await pilot.pause()
            screen.query_one("#doc-kind", Select).value = "Kế hoạch"
            await type_into(pilot, "#doc-number", "31")
            await type_into(pilot, "#doc-date", "20/02/2024")
            await type_into(pilot, "#doc-subject", "về [/b] và [red]đỏ[/red] @header.number")
            await pilot.press("enter")
            await pilot.pause()
            assert "về [/b] và [red]đỏ[/red] @header.number" in _cells(
                screen.query_one("#doc-table", DataTable))
            # A figure typed as "[/b]": the check message quotes it, under the row and in F6.
            await type_into(pilot, "#in-plan_tasks_done", "[/b]")
            await pilot.pause()
            under = screen.query("#row-plan_tasks_done .problem").first(Label)
            assert "[/b]" in _shown(under)
            await pilot.press("f6")
            await pilot.pause()
            assert any("'[/b]'" in _shown(label)
                       for label in screen.query("#problems Label").results(Label))
            await type_into(pilot, "#in-plan_tasks_done", "20")
            # The preview shows every string as typed.
            await pilot.press("f5")
            await pilot.pause()
            await pilot.pause(0.3)
            preview = _shown(screen.query_one("#preview-text", Static))
            for text in [*HOSTILE, "Thanh [b]x[/b] Mai".upper()]:
                assert text in preview, text
            # Toasts say what they quote as written.
            pilot.app.notify("Đã xóa Kế hoạch số 31/[/b]-UBND")
            await pilot.pause()
            # Back to the list: the unit's name in its title.
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            assert "Thanh [b]x[/b] Mai" in _shown(pilot.app.screen.query_one("#unit-title",
                                                                             Label))
            await pilot.press("escape")
            await pilot.pause()
            assert "UBND xã Thanh [b]x[/b] Mai" in _cells(
                pilot.app.screen.query_one(DataTable))
            # The palette names the unit as written too.
            assert "Mở báo cáo của UBND xã Thanh [b]x[/b] Mai" in await palette_options(
                pilot, "thanh")
        stored = store.find(unit.code, report.period)
        assert stored is not None
        assert stored.lists["strengths"][-len(HOSTILE):] == HOSTILE
        assert stored.notes["direction"][-len(HOSTILE):] == HOSTILE

    asyncio.run(scenario())


def _imports_and_calls(path: Path) -> tuple[set[str], set[str]]:
    tree = ast.parse(path.read_text())
    imported = {f"{node.module}.{alias.name}" for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module
                for alias in node.names}
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    bases = {base.id for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
             for base in node.bases if isinstance(base, ast.Name)}
    return imported, called | bases


def test_the_tui_takes_its_text_widgets_from_the_literal_ones() -> None:
    """The rule that keeps the class of defect out: Label and Static come from
    drafter.tui.widgets.text (literal by default), tables are its Table, selects a Dropdown."""
    root = Path(drafter.tui.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        imported, used = _imports_and_calls(path)
        name = path.relative_to(root).as_posix()
        if name != "widgets/text.py":
            offenders += [f"{name}: imports {what}" for what in sorted(imported) if what in (
                "textual.widgets.Label", "textual.widgets.Static")]
            offenders += [f"{name}: builds a DataTable" for _ in ["DataTable"]
                          if "DataTable" in used]
        if name != "widgets/dropdown.py" and "Select" in used:
            offenders.append(f"{name}: builds a Select")
    assert offenders == []
