"""Entering figures and text in the TUI: nothing typed is ever lost, kept stale or hidden.

Issue 16, defects 1, 2, 9, 14 and 15, driven with Pilot against a real SQLite file.
"""

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import Input, Label, RadioButton, Select
from tui_pilot import (
    built,
    create_unit,
    demo,
    make_app,
    new_report,
    problem_under,
    reopen_at,
    type_into,
)

from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.tui.dialogs.new_report import NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen


def test_the_note_editor_of_every_section_can_be_seen_and_typed_in(tmp_path: Path) -> None:
    """Defect 1: "Đoạn văn bổ sung ở mục này" was laid out one row high, its box invisible."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, demo(), "direction")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            catalogue = screen.session.pack.catalogue
            sections = [s.id for s in catalogue.sections if s.id in catalogue.labelled()]
            assert len(sections) == 7
            for section in sections:
                await screen.action_show(section)
                await built(pilot)  # the rows below the first screenful too
                await pilot.pause()
                box = screen.query_one(f"#add-note-{section}", Input)
                box.focus()
                await pilot.pause()
                box.scroll_visible(animate=False)
                await pilot.pause()
                pane = screen.query_one(f"#{section}").region
                assert box.region.height >= 1, section
                assert pane.contains_region(box.region), section
                await pilot.press(*"Bộ phận Một cửa được kiện toàn", "enter")
                await pilot.pause()
                items = screen.query_one(f"#list-note-{section}").query(Label)
                assert "Bộ phận Một cửa được kiện toàn" in [str(i.content) for i in items]
        assert store.get(report_id).notes["finance"] == ["Bộ phận Một cửa được kiện toàn"]

    asyncio.run(scenario())


def test_an_entry_that_does_not_parse_is_an_error_until_fixed(tmp_path: Path) -> None:
    """Defect 2: "2.5" showed a red line but 2 stayed stored, printed and uncounted."""
    async def first() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.figures["budget_revenue"] = 2
        report_id = reopen_at(store, report, "finance")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            errors_before = screen.error_count
            await type_into(pilot, "#in-budget_revenue", "2.5")
            message = problem_under(pilot, "budget_revenue")
            assert "không phải '2.5'" in message and "dùng dấu phẩy: 2,5" in message
            assert screen.error_count == errors_before + 1
            title = str(screen.query_one("#nav-checks Label", Label).content)
            assert f"({errors_before + 1} lỗi)" in title
            checks = [p.message for p in screen.problems]
            assert any("dùng dấu phẩy: 2,5" in text for text in checks)
            # The stale 2 is neither stored nor printed.
            assert "budget_revenue" not in store.get(report_id).figures
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not (tmp_path / "out" / "xa-thanh-mai-2024-Q1.docx").exists()

    async def second() -> None:
        # Reopened: the unparsed text is back in its box, still an error.
        app, store = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            assert screen.query_one("#in-budget_revenue", Input).value == "2.5"
            assert "dùng dấu phẩy: 2,5" in problem_under(pilot, "budget_revenue")
            await type_into(pilot, "#in-budget_revenue", "2,5")
            assert problem_under(pilot, "budget_revenue") == ""
            assert not any("2.5" in p.message for p in screen.problems)
        report = store.find("xa-thanh-mai", Period.parse("2024-Q1"))
        assert report is not None and str(report.figures["budget_revenue"]) == "2.5"

    asyncio.run(first())
    asyncio.run(second())


def test_text_typed_but_not_submitted_survives_leaving_and_quitting(tmp_path: Path) -> None:
    """Defect 9: a list item or a document form not yet saved with Enter was lost."""
    async def first() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "tasks")
        async with app.run_test(size=(100, 40)) as pilot:
            await type_into(pilot, "#add-tasks", "Dở dang")
            await pilot.app.screen.action_show("documents")
            await pilot.pause()
            await type_into(pilot, "#doc-subject", "về kiểm tra CCHC")
            await type_into(pilot, "#doc-number", "21")
            await pilot.press("ctrl+q")

    async def second() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, EditorScreen)
            assert screen.query_one("#doc-subject", Input).value == "về kiểm tra CCHC"
            assert screen.query_one("#doc-number", Input).value == "21"
            await screen.action_show("tasks")
            await pilot.pause()
            box = screen.query_one("#add-tasks", Input)
            assert box.value == "Dở dang"
            box.focus()
            await pilot.press("enter")
            await pilot.pause()

    async def third() -> None:
        # Once submitted, the draft is gone: reopening shows an empty box.
        app, store = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.app.screen.action_show("tasks")
            await pilot.pause()
            assert pilot.app.screen.query_one("#add-tasks", Input).value == ""
        report = store.find("xa-thanh-mai", Period.parse("2024-Q1"))
        assert report is not None and report.items("tasks")[-1] == "Dở dang"

    asyncio.run(first())
    asyncio.run(second())
    asyncio.run(third())


def test_dropdown_hint_and_duplicate_period_speak_as_people_do(tmp_path: Path) -> None:
    """Defect 14: "esc Dismiss menu" in the footer; "xa-thanh-mai … kỳ 2024-Q1" as a message."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            kind = dialog.query_one("#kind", Select)
            kind.focus()
            await pilot.press("enter")  # the dropdown opens
            await pilot.pause()
            shown = {b.binding.description for b in pilot.app.active_bindings.values()
                     if b.binding.show}
            assert "Dismiss menu" not in shown and "Đóng danh sách" in shown
            await pilot.press("escape")
            await pilot.pause()
            kind.value = "Q1"
            dialog.query_one("#year", Input).value = "2024"
            await pilot.click("#create")
            await pilot.pause()
            error = str(dialog.query_one("#new-error", Label).content)
            assert error == ("UBND xã Thanh Mai đã có báo cáo quý I năm 2024. "
                             "Mở báo cáo đó từ danh sách để sửa.")

    asyncio.run(scenario())


def test_new_report_dialog_follows_the_last_report(tmp_path: Path) -> None:
    """Defect 15: it offered the current quarter and "Chép từ báo cáo kỳ trước" for a first
    report."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            # The first report: nothing to copy from.
            carry = dialog.query_one("#from-previous", RadioButton)
            assert carry.disabled and not carry.value
            assert dialog.query_one("#empty", RadioButton).value
            dialog.query_one("#kind", Select).value = "Q3"
            dialog.query_one("#year", Input).value = "2023"
            await pilot.click("#create")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            # Today is in 2024-Q1, but the last report is 2023-Q3: next comes 2023-Q4.
            assert dialog.query_one("#kind", Select).value == "Q4"
            assert dialog.query_one("#year", Input).value == "2023"
            carry = dialog.query_one("#from-previous", RadioButton)
            assert not carry.disabled and carry.value
            dialog.query_one("#year", Input).value = "2022"  # no 2022-Q3 to copy from
            await pilot.pause()
            assert carry.disabled and dialog.query_one("#empty", RadioButton).value

    asyncio.run(scenario())


def test_a_fresh_report_shows_required_quietly_until_visited(tmp_path: Path) -> None:
    """Defect 15: a new report opened with six red messages before anything was typed."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            screen = pilot.app.screen
            rows = [row for row in screen.query(".figure") if row.has_class("-error")]
            assert rows == []
            quiet = screen.query_one("#row-plan_tasks .problem", Label)
            assert str(quiet.content) == "Bắt buộc"
            assert screen.query_one("#row-plan_tasks").has_class("-required")
            # Tab through the field without typing: now it is an error.
            first = screen.query_one("#in-directive_docs", Input)
            assert pilot.app.focused is first
            await pilot.press("tab", "tab", "tab")
            await pilot.pause()
            assert screen.query_one("#row-directive_docs").has_class("-error")
            assert "Chưa nhập" in problem_under(pilot, "directive_docs")

    asyncio.run(scenario())


def test_the_sidebar_counts_a_required_field_only_once_it_is_due(tmp_path: Path) -> None:
    """Seen driving it: a fresh report's sidebar said "Kiểm tra số liệu (6 lỗi)" before
    anything was typed, while the fields themselves said "Bắt buộc" quietly. A required
    field counts once the official has been there, or once making the report final was
    tried (and refused)."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            screen = pilot.app.screen
            required = [p for p in screen.problems if p.rule == "required"]
            assert len(required) >= 2

            def badge() -> str:
                return str(screen.query_one("#nav-checks Label", Label).content)

            assert "lỗi" not in badge()
            await pilot.press("tab")  # through the first box, typing nothing
            await pilot.pause()
            passed = [p for p in screen.problems
                      if p.rule == "required" and "directive_docs" in p.keys]
            assert passed and badge().endswith("(1 lỗi)")
            await screen.action_show("issuing")
            await pilot.pause()
            screen.query_one("#is-status", Select).value = Status.FINAL.value
            await pilot.pause()
            assert store.get(screen.report_id).status is Status.DRAFT  # refused
            assert badge().endswith(f"({screen.error_count} lỗi)")
            assert screen.query_one("#row-plan_tasks").has_class("-error")

    asyncio.run(scenario())


def test_the_checks_list_says_required_fields_quietly_like_the_sidebar(tmp_path: Path) -> None:
    """Seen after the sidebar's fix: the checks list (F6) still said "3 lỗi" for required
    figures the official had not reached, while the sidebar showed none."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            screen = pilot.app.screen
            required = [p for p in screen.problems if p.rule == "required"]
            await screen.action_show("checks")
            await pilot.pause()
            summary = str(screen.query_one("#checks-summary", Label).content)
            waiting = [p for p in required if not screen.editing.due(p)]
            assert len(waiting) >= 2  # the first box, left for the checks, is due
            errors = sum(1 for p in screen.problems if p.is_error) - len(waiting)
            assert errors == screen.error_count  # the sidebar's count
            assert summary.startswith(f"{errors} lỗi,")
            assert f"Còn {len(waiting)} số liệu bắt buộc chưa nhập." in summary
            items = list(screen.query("#problems ListItem"))
            quiet = [item for item in items if item.has_class("-required")]
            assert len(quiet) == len(waiting)
            assert all(str(item.query_one(Label).content).startswith("Bắt buộc: ")
                       for item in quiet)

    asyncio.run(scenario())


def test_choosing_a_list_pane_puts_the_cursor_in_its_box(tmp_path: Path) -> None:
    """Seen driving it in tmux: Enter on "IV. Nhiệm vụ trọng tâm" focused the empty list, so
    what was typed next went nowhere; likewise the empty documents table."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.lists["tasks"] = []
        report.documents = []
        report_id = reopen_at(store, report, "direction")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            for pane, box in (("tasks", "add-tasks"), ("documents", "doc-kind")):
                await pilot.press("f2")
                await screen.action_show(pane)
                await built(pilot)  # the rows below the first screenful too
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                assert pilot.app.focused is not None and pilot.app.focused.id == box, pane
            await screen.action_show("tasks")
            await pilot.press("f2", "enter", *"Rà soát TTHC", "enter")
            await pilot.pause()
        assert store.get(report_id).items("tasks") == ["Rà soát TTHC"]

    asyncio.run(scenario())


def test_keys_typed_in_a_burst_into_the_period_dropdown_are_not_lost(tmp_path: Path) -> None:
    """Reported, unreproduced until keys were sent as a burst (all queued before the app
    takes the first, as on a busy office PC): Enter opens the list, but Textual sent the keys
    typed after it to the closed dropdown, and they were lost."""
    async def choose(keys: list[str]) -> tuple[object, str]:
        app, store = make_app(tmp_path / str(len(keys)))
        store.save_report(demo())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            assert pilot.app.focused is dialog.query_one("#kind", Select)
            for key in keys:  # as the terminal delivers them, without waiting for the app
                character = key if len(key) == 1 else None
                event = events.Key(key if key != " " else "space", character)
                event.set_sender(pilot.app)
                pilot.app._driver.send_message(event)
            await pilot.pause(0.5)
            return (dialog.query_one("#kind", Select).value,
                    dialog.query_one("#year", Input).value)

    # "6 th" finds "6 tháng đầu năm"; ↓↓ from quý II is quý IV.
    assert asyncio.run(choose(["enter", *"6 th", "enter"])) == ("H1", "2024")
    assert asyncio.run(choose(["enter", "down", "down", "enter"])) == ("Q4", "2024")
    assert asyncio.run(choose(["enter", *"năm", "enter", "tab", "backspace", *"2025"])) \
        == ("", "2025")
