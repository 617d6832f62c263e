"""The aggregating office in the TUI (issue 16, second wave, item 1): a province's Sở Nội vụ
sees who has reported, aggregates, renders every commune and ranks them — on a real SQLite
file, the DOCX files read back."""

import asyncio
import dataclasses
from pathlib import Path

import docx
import pytest
from sqlalchemy import text as sql
from textual.widgets import DataTable, Input
from tui_pilot import PROVINCE_TODAY, make_app, palette_options, province_office

from drafter.domain.periods import Period
from drafter.domain.report import Status
from drafter.tui.screens.editor.screen import EditorScreen
from drafter.tui.screens.office import OfficeScreen
from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.screens.units import UnitsScreen
from drafter.tui.widgets.outcome_log import OutcomeLog
from drafter.tui.widgets.text import Label
from drafter.vi.numbers import format_number

PERIOD = Period.parse("2026-Q1")
# Workers started by spawn, as on Windows.
pytestmark = pytest.mark.usefixtures("spawn")


def _rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[getattr(cell, "plain", str(cell)) for cell in table.get_row_at(i)]
            for i in range(table.row_count)]


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the screen's thread workers, then for the messages they sent."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


async def _open_office(pilot, code: str) -> OfficeScreen:  # type: ignore[no-untyped-def]
    """From the unit list: the cursor on ``code``, then T."""
    screen = pilot.app.screen
    assert isinstance(screen, UnitsScreen)
    table = screen.query_one(DataTable)
    codes = [str(table.coordinate_to_cell_key((row, 0)).row_key.value)
             for row in range(table.row_count)]
    table.move_cursor(row=codes.index(code))
    await pilot.press("t")
    await pilot.pause()
    office = pilot.app.screen
    assert isinstance(office, OfficeScreen)
    return office


def test_the_office_sees_who_has_reported_from_the_unit_list(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, stored = province_office(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # Reached from the Sở Nội vụ's row: it works on its province's communes.
            office = await _open_office(pilot, f"so-noi-vu-{province.code}")
            assert office.unit.code == province.code
            assert office.sub_title == "Báo cáo cấp xã quý I năm 2026"
            summary = str(office.query_one("#office-summary", Label).render())
            assert "12 đơn vị cấp xã: 6 chính thức, 3 dự thảo, 3 chưa gửi" in summary
            rows = _rows(office.query_one(DataTable))
            # Those not sent first, then drafts, then final.
            assert [row[1] for row in rows] == ["chưa gửi"] * 3 + ["dự thảo"] * 3 + [
                "chính thức"] * 6
            sent = {r.unit.label for r in stored}
            assert {row[0] for row in rows[:3]}.isdisjoint(sent)
            await pilot.press("l")  # only those not sent
            await pilot.pause()
            assert [row[1] for row in _rows(office.query_one(DataTable))] == ["chưa gửi"] * 3
            # Enter on a commune that has not sent: said, nothing opened.
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.screen is office
            assert any("chưa gửi báo cáo quý I năm 2026" in n.message
                       for n in pilot.app._notifications)
            # The previous quarter: nobody has reported.
            office.step_period(-1)
            await pilot.pause()
            assert "12 đơn vị cấp xã: 0 chính thức, 0 dự thảo, 12 chưa gửi" in str(
                office.query_one("#office-summary", Label).render())
            await pilot.press("escape")
            await pilot.pause()
            # From the province's report list too, and from the palette.
            pilot.app.screen.action_open()
            await pilot.pause()
            assert isinstance(pilot.app.screen, ReportsScreen)
            assert "Tổng hợp, xếp hạng cấp xã của UBND tỉnh Thái Nguyên (T)" in (
                await palette_options(pilot, "tong hop"))
            await pilot.press("escape", "t")
            await pilot.pause()
            assert isinstance(pilot.app.screen, OfficeScreen)

    asyncio.run(scenario())


def test_the_office_aggregates_and_writes_the_docx(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, stored = province_office(store)
        async with app.run_test(size=(100, 40)) as pilot:
            app.open_office(province)
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("enter")  # the dialog's button has the cursor
            await _settle(pilot)
            said = "\n".join(pilot.app.screen.query_one(OutcomeLog).said)
        assert "đã nhận 9/12 báo cáo của cấp xã" in said
        assert "Chưa gửi: xã" in said and "Còn là dự thảo: xã" in said
        assert "Đã lưu số liệu tổng hợp vào báo cáo quý I năm 2026 của tỉnh Thái Nguyên" in said
        saved = store.find(province.code, PERIOD)
        assert saved is not None
        total = sum(int(r.figures["files_received"]) for r in stored)  # type: ignore[arg-type]
        assert saved.figures["commune_files_received"] == total
        path = tmp_path / "out" / f"{province.code}-{PERIOD.code}.docx"
        text = _docx_text(path)
        assert format_number(total, 0) in text
        for report in stored:
            assert report.unit.name in text  # each commune in the communes' appendix

    asyncio.run(scenario())


def test_render_all_lists_a_failure_and_writes_the_others(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, stored = province_office(store)
        broken = next(r for r in stored if r.status is Status.FINAL)
        figures = dict(broken.figures)
        figures["files_late"] = int(figures["files_late"]) + 1000  # type: ignore[arg-type]
        # Made final under a pack with older checks: the store refuses it today.
        report_id = store.report_id(broken.unit.code, PERIOD)
        assert report_id is not None
        store.save_report(dataclasses.replace(store.reopen(report_id, "cũ"), figures=figures))
        with store.engine.begin() as connection:
            connection.execute(sql("UPDATE reports SET status = 'final' WHERE id = :id"),
                               {"id": report_id})
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_office(province)
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            folder = pilot.app.screen.query_one("#folder", Input).value
            await pilot.press("enter")
            await _settle(pilot)
            said = "\n".join(pilot.app.screen.query_one(OutcomeLog).said)
        written = sorted(Path(folder).glob("*.docx"))
        assert len(written) == len(stored) - 1
        assert f"Đã soạn {len(stored) - 1}/{len(stored)} báo cáo vào {folder}." in said
        assert f"Không soạn được 1 báo cáo:\n  - {broken.unit.label}: " in said
        assert "Chưa có báo cáo quý I năm 2026: xã" in said
        some = next(r for r in stored if r.unit.code != broken.unit.code)
        text = _docx_text(Path(folder) / f"{some.unit.code}-{PERIOD.code}.docx")
        assert f"ỦY BAN NHÂN DÂN\nXÃ {some.unit.name.upper()}" in text or \
            f"XÃ {some.unit.name.upper()}" in text

    asyncio.run(scenario())


def test_a_commune_report_opened_from_the_office_goes_back_to_the_office(
        tmp_path: Path) -> None:
    """Seen driving it: Enter on a commune, then Esc, left the province's clerk on that
    commune's report list instead of the office screen they came from."""
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, _ = province_office(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            office = await _open_office(pilot, province.code)
            await pilot.press("l", "l")  # drafts only: each has a report to open
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is office

    asyncio.run(scenario())
