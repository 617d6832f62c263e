"""The real TUI driven with Pilot against a real SQLite file: the whole workflow."""

import asyncio
import datetime as dt
from pathlib import Path

import docx
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import ContentSwitcher, Input, Label, Static

from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.storage import Store, connect
from drafter.tui import DrafterApp, create_app
from drafter.tui.screens.editor import EditorScreen
from drafter.tui.screens.new_report import NewReportScreen
from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.screens.unit import UnitScreen
from drafter.tui.session import Session

TODAY = dt.date(2024, 3, 14)


def _app(tmp_path: Path, today: dt.date = TODAY) -> tuple[DrafterApp, Store]:
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    return create_app(session=Session(store, tmp_path / "out", today=today)), store


async def _show_field(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    """Open the section holding a figure, as the official does from the sidebar."""
    screen = pilot.app.screen
    await screen.action_show(screen.session.pack.catalogue[key].section)
    await pilot.pause()


async def _type(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    if selector.startswith("#in-"):
        await _show_field(pilot, selector.removeprefix("#in-"))
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def _create_unit(pilot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, UnitScreen)
    await _type(pilot, "#name", "Thanh Mai")
    await _type(pilot, "#province", "Bắc Hà")
    await _type(pilot, "#superior", "UBND HUYỆN ĐÔNG SƠN")
    await _type(pilot, "#place", "Thanh Mai")
    await _type(pilot, "#signer_name", "Nguyễn Văn Thành")
    await pilot.press("ctrl+s")
    await pilot.pause()


async def _new_report(pilot, quarter: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, ReportsScreen)
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NewReportScreen)
    screen.query_one("#kind").value = quarter
    await pilot.click("#create")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EditorScreen)


def _problem(pilot, key: str) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one(f"#row-{key} .problem", Label).content)


def test_first_start_to_docx_then_next_quarter(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await _create_unit(pilot)
            assert store.units()[0].code == "xa-thanh-mai"
            await _new_report(pilot, "Q1")
            for key, value in (("directive_docs", "2"), ("plan_tasks", "32"),
                               ("plan_tasks_done", "3"), ("procedures_total", "114"),
                               ("files_received", "29"), ("files_online", "7"),
                               ("files_in_person", "22"), ("files_carried_over", "0"),
                               ("files_pending", "0"), ("files_solved", "29"),
                               ("files_late", "0")):
                await _type(pilot, f"#in-{key}", value)
            await _type(pilot, "#in-files_on_time", "30")
            assert _problem(pilot, "files_on_time") == (
                "Tổng số hồ sơ TTHC giải quyết đúng hạn và số hồ sơ TTHC giải quyết quá hạn "
                "(30) lớn hơn tổng số hồ sơ TTHC đã giải quyết xong (29)")
            await _type(pilot, "#in-files_on_time", "29")
            assert _problem(pilot, "files_on_time") == ""
            rate = pilot.app.screen.query_one("#row-files_on_time_rate .computed-value", Label)
            assert str(rate.content).startswith("100% (29/29) ")
            await _type(pilot, "#in-files_late", "x")
            assert "phải là số" in _problem(pilot, "files_late")
            await _type(pilot, "#in-files_late", "0")

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
            await _new_report(pilot, "Q2")
            await _show_field(pilot, "procedures_total")
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
        app, _ = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await _create_unit(pilot)
            await _new_report(pilot, "Q1")
            await pilot.press("f6")
            await pilot.pause()

    async def second() -> None:
        app, _ = _app(tmp_path)
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
        app, store = _app(tmp_path)
        report = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
        report.status = Status.DRAFT  # a final report is read-only until reopened
        report_id = store.save_report(report)
        store.set_state("last_report", str(report_id))
        store.set_state("last_section", "documents")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            pilot.app.screen.query_one("#documents-table").focus()
            await pilot.press("enter")
            await _type(pilot, "#doc-subject", "về cải cách hành chính")
            await pilot.press("enter")
            await pilot.pause()
        saved = store.get(report_id).documents[0]
        original = report.documents[0]
        assert saved.subject == "về cải cách hành chính"
        assert (saved.issuer, saved.symbol, saved.number) == (
            original.issuer, original.symbol, original.number)
        assert len(store.get(report_id).documents) == len(report.documents)

    asyncio.run(scenario())


async def _palette(pilot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open Ctrl+P, type ``query``, wait for the search; the options offered, best first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    assert palette.query_one(Input).placeholder == "Gõ để tìm lệnh…"
    await pilot.press(*query)
    for _ in range(50):  # the search runs in a worker
        await pilot.pause(0.05)
        options = palette.query_one(CommandList)
        if options.option_count and options.highlighted is not None:
            break
    return [str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)]


def test_command_palette_speaks_vietnamese_and_jumps_to_sections(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, _ = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await _create_unit(pilot)
            # Officials often search without tone marks.
            assert (await _palette(pilot, "bao cao moi"))[0] == "Báo cáo mới (N)"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, NewReportScreen)
            await pilot.click("#create")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen)
            offered = await _palette(pilot, "chinh quyen so")
            assert offered[0] == ("Đến mục II.6 Xây dựng và phát triển chính quyền điện tử, "
                                  "chính quyền số")
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert pilot.app.screen is editor
            assert editor.query_one("#panes", ContentSwitcher).current == "e_government"
            first = editor.session.pack.catalogue.in_section("e_government")[0].key
            assert pilot.app.focused is not None and pilot.app.focused.id == f"in-{first}"
            assert (await _palette(pilot, "ghi docx"))[0] == "Ghi DOCX (Ctrl+S)"
            await pilot.press("escape")
            # Nothing matches: said in Vietnamese, not Textual's "No matches found".
            assert await _palette(pilot, "xyzw") == ["Không có lệnh nào khớp với “xyzw”"]
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.screen is editor

    asyncio.run(scenario())


def test_footer_names_the_palette_in_vietnamese(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, _ = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await _create_unit(pilot)
            # The footer shows the palette key with this binding's description.
            assert pilot.app.active_bindings["ctrl+p"].binding.description == "Lệnh"
            assert not [c for c in pilot.app.get_system_commands(pilot.app.screen)
                        if c.title in ("Theme", "Quit", "Keys", "Screenshot")]

    asyncio.run(scenario())


def test_keys_typed_ahead_of_tab_land_in_the_next_field(tmp_path: Path) -> None:
    """A fast typist's "3⇥18" arrives in one read: 3 in this field, 18 in the next."""
    async def scenario() -> None:
        app, _ = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await _create_unit(pilot)
            await _new_report(pilot, "Q1")
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
        app, _ = _app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await _create_unit(pilot)
            await _new_report(pilot, "Q1")
            await pilot.press("f5")
            await pilot.pause()

    async def second() -> None:
        app, _ = _app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            text = str(pilot.app.screen.query_one("#preview-text", Static).content)
            # Laid out for the 80-column pane: the header's columns one after the other.
            assert text.startswith("UBND HUYỆN ĐÔNG SƠN\nỦY BAN NHÂN DÂN XÃ THANH MAI\n")
            assert "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" in text

    asyncio.run(first())
    asyncio.run(second())
