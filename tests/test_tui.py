"""The real TUI driven with Pilot against a real SQLite file: the whole workflow."""

import asyncio
from pathlib import Path

import docx
from textual import events
from textual.widgets import ContentSwitcher, Input, Label, Static
from tui_pilot import (
    create_unit,
    make_app,
    new_report,
    palette_options,
    problem_under,
    show_field,
    type_into,
)

from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.tui.dialogs.new_report import NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen


def test_first_start_to_docx_then_next_quarter(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            assert store.units()[0].code == "xa-thanh-mai"
            await new_report(pilot, "Q1")
            for key, value in (("directive_docs", "2"), ("plan_tasks", "32"),
                               ("plan_tasks_done", "3"), ("procedures_total", "114"),
                               ("files_received", "29"), ("files_online", "7"),
                               ("files_in_person", "22"), ("files_carried_over", "0"),
                               ("files_pending", "0"), ("files_solved", "29"),
                               ("files_late", "0")):
                await type_into(pilot, f"#in-{key}", value)
            await type_into(pilot, "#in-files_on_time", "30")
            assert problem_under(pilot, "files_on_time") == (
                "Tổng số hồ sơ TTHC giải quyết đúng hạn và số hồ sơ TTHC giải quyết quá hạn "
                "(30) lớn hơn tổng số hồ sơ TTHC đã giải quyết xong (29)")
            await type_into(pilot, "#in-files_on_time", "29")
            assert problem_under(pilot, "files_on_time") == ""
            rate = pilot.app.screen.query_one("#row-files_on_time_rate .computed-value", Label)
            assert str(rate.content).startswith("100% (29/29) ")
            await type_into(pilot, "#in-files_late", "x")
            assert "phải là số" in problem_under(pilot, "files_late")
            await type_into(pilot, "#in-files_late", "0")

            await pilot.press("f5")
            await pilot.pause()
            preview = str(pilot.app.screen.query_one("#preview-text", Static).content)
            assert "Tiếp nhận 29 hồ sơ" in preview
            assert "Đã giải quyết xong 29 hồ sơ, 100% đúng hạn" in preview

            await pilot.press("ctrl+s")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            written = tmp_path / "out" / "xa-thanh-mai-2024-Q1.docx"
            text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
            assert "Tiếp nhận 29 hồ sơ" in text

            await pilot.press("escape")
            await pilot.pause()
            await new_report(pilot, "Q2")
            await show_field(pilot, "procedures_total")
            carried = pilot.app.screen.query_one("#in-procedures_total", Input)
            assert carried.value == "114"
            assert pilot.app.screen.query_one("#in-files_received", Input).value == ""
            before = pilot.app.screen.query_one("#row-procedures_total .before", Label)
            assert str(before.content) == " Thủ tục    Kỳ trước: 114"
        q2 = store.find("xa-thanh-mai", Period.parse("2024-Q2"))
        assert q2 is not None and q2.figures["procedures_total"] == 114
        assert "procedures_total" in q2.review

    asyncio.run(scenario())


def test_reopening_returns_to_the_same_report_and_section(tmp_path: Path) -> None:
    async def first() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            await pilot.press("f6")
            await pilot.pause()

    async def second() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, EditorScreen)
            assert screen.query_one("#panes").current == "checks"

    asyncio.run(first())
    asyncio.run(second())


def test_editing_a_document_keeps_what_the_form_does_not_show(tmp_path: Path) -> None:
    from drafter.datafile import load_report
    from drafter.resources import demo_dir

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
        report.status = Status.DRAFT  # a final report is read-only until reopened
        report_id = store.save_report(report)
        store.set_state("last_report", str(report_id))
        store.set_state("last_section", "documents")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            pilot.app.screen.query_one("#doc-table").focus()
            await pilot.press("enter")
            await type_into(pilot, "#doc-subject", "về cải cách hành chính")
            await pilot.press("enter")
            await pilot.pause()
        saved = store.get(report_id).documents[0]
        original = report.documents[0]
        assert saved.subject == "về cải cách hành chính"
        assert (saved.issuer, saved.symbol, saved.number) == (
            original.issuer, original.symbol, original.number)
        assert len(store.get(report_id).documents) == len(report.documents)

    asyncio.run(scenario())


def test_command_palette_speaks_vietnamese_and_jumps_to_sections(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            # Officials often search without tone marks.
            assert (await palette_options(pilot, "bao cao moi"))[0] == "Báo cáo mới (N)"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, NewReportScreen)
            await pilot.click("#create")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen)
            offered = await palette_options(pilot, "chinh quyen so")
            assert offered[0] == ("Đến mục II.6 Xây dựng và phát triển chính quyền điện tử, "
                                  "chính quyền số")
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert pilot.app.screen is editor
            assert editor.query_one("#panes", ContentSwitcher).current == "e_government"
            first = editor.session.pack.catalogue.in_section("e_government")[0].key
            assert pilot.app.focused is not None and pilot.app.focused.id == f"in-{first}"
            assert (await palette_options(pilot, "ghi docx"))[0] == "Ghi DOCX (Ctrl+S)"
            await pilot.press("escape")
            # Nothing matches: said in Vietnamese, not Textual's "No matches found".
            assert await palette_options(pilot, "xyzw") == ["Không có lệnh nào khớp với “xyzw”"]
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.screen is editor

    asyncio.run(scenario())


def test_footer_names_the_palette_in_vietnamese(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            # The footer shows the palette key with this binding's description.
            assert pilot.app.active_bindings["ctrl+p"].binding.description == "Lệnh"
            assert not [c for c in pilot.app.get_system_commands(pilot.app.screen)
                        if c.title in ("Theme", "Quit", "Keys", "Screenshot")]

    asyncio.run(scenario())


def test_keys_typed_ahead_of_tab_land_in_the_next_field(tmp_path: Path) -> None:
    """A fast typist's "3⇥18" arrives in one read: 3 in this field, 18 in the next."""
    async def scenario() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            first, second = pilot.app.screen.session.pack.catalogue.in_section("direction")[:2]
            assert pilot.app.focused is not None and pilot.app.focused.id == f"in-{first.key}"
            # What the terminal driver does with one read of "3\t18": post the keys at once.
            for key, char in (("3", "3"), ("tab", "\t"), ("1", "1"), ("8", "8")):
                pilot.app.post_message(events.Key(key, char))
            await pilot.pause()
            screen = pilot.app.screen
            assert screen.query_one(f"#in-{first.key}", Input).value == "3"
            assert screen.query_one(f"#in-{second.key}", Input).value == "18"

    asyncio.run(scenario())


def test_reopened_at_the_preview_it_shows_the_narrative(tmp_path: Path) -> None:
    async def first() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await create_unit(pilot)
            await new_report(pilot, "Q1")
            await pilot.press("f5")
            await pilot.pause()

    async def second() -> None:
        app, _ = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            text = str(pilot.app.screen.query_one("#preview-text", Static).content)
            # Laid out for the 80-column pane: the header's columns one after the other.
            assert text.startswith("UBND HUYỆN ĐÔNG SƠN\nỦY BAN NHÂN DÂN XÃ THANH MAI\n")
            assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" in text

    asyncio.run(first())
    asyncio.run(second())


def test_started_on_a_report_esc_builds_the_unit_reports_then_the_units(tmp_path: Path) -> None:
    """The app opens the report left open without building the report list first; leaving
    the editor builds it then, and Esc there goes on to the units."""
    from tui_pilot import demo, reopen_at

    from drafter.tui.screens.reports import ReportsScreen
    from drafter.tui.screens.units import UnitsScreen

    app, store = make_app(tmp_path)
    report = demo()
    store.save_unit(report.unit)
    reopen_at(store, report, "procedures")

    async def scenario() -> None:
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
            assert not any(isinstance(s, ReportsScreen) for s in pilot.app.screen_stack)
            await pilot.press("escape")
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, ReportsScreen)
            assert screen.unit.code == report.unit.code
            assert screen.query_one("#reports").row_count == 1
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitsScreen)

    asyncio.run(scenario())
