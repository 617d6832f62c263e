"""Scores and the ranking in the TUI (issue 16, second wave, item 1): entered one by one with
the CLI's refusals, imported from a workbook, and the ranking report written and read back."""

import asyncio
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
from textual.widgets import DataTable, Input
from tui_pilot import PROVINCE_TODAY, make_app, province_office

from drafter.domain.ranking import Score
from drafter.tui.dialogs.form import FormDialog
from drafter.tui.screens.ranking import RankingScreen
from drafter.tui.widgets.checkbox import EnterCheckbox
from drafter.tui.widgets.outcome_log import OutcomeLog
from drafter.tui.widgets.text import Label

YEAR = 2025


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def _fill(pilot, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog)
    for box, text in values.items():
        dialog.query_one(f"#{box}", Input).value = text
    await pilot.pause()


def _refusal(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#dialog-error", Label).render())


def _said(pilot) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(pilot.app.screen.query_one(OutcomeLog).said)


def test_scores_are_entered_imported_and_ranked(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, _ = province_office(store)
        communes = sorted((u for u in store.units() if u.parent == province.code
                           and u.kind == "xã"), key=lambda u: u.code)
        assert len(communes) == 12
        async with app.run_test(size=(100, 40)) as pilot:
            app.open_office(province)
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            ranking = pilot.app.screen
            assert isinstance(ranking, RankingScreen) and ranking.year == YEAR
            # No scores yet: writing the ranking is refused as the CLI refuses it.
            await pilot.press("w")
            await pilot.pause()
            await pilot.click(EnterCheckbox)  # "Vẫn ban hành…": there are unscored units
            await pilot.click("#submit")
            await _settle(pilot)
            assert "không có gì để xếp hạng" in _said(pilot)
            # One unit's score: a field above its maximum is refused, then a right one kept.
            first = ranking.query_one(DataTable).coordinate_to_cell_key((0, 0)).row_key.value
            await pilot.press("enter")
            await pilot.pause()
            await _fill(pilot, {"total": "85,125", "field-direction": "15"})
            await pilot.press("enter")
            await pilot.pause()
            assert "phải từ 0 đến 14" in _refusal(pilot)
            await _fill(pilot, {"field-direction": "12,5"})
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.screen is ranking
            assert "Đã lưu điểm Chỉ số CCHC năm 2025" in _said(pilot)
            assert "85,125 điểm" in _said(pilot)
            saved = {s.unit.code: s for s in store.scores(YEAR, communes)}
            assert saved[str(first)].total == Decimal("85.125")
            assert saved[str(first)].fields == {"direction": Decimal("12.5")}
            # A workbook for the others, with a typed rank column that is wrong on one row.
            book = tmp_path / "diem.xlsx"
            sheet = openpyxl.Workbook()
            rows = sheet.active
            rows.append(["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"])
            others = [u for u in communes if u.code != first][:-2]  # two are left unscored
            assert first not in {u.code for u in communes[-2:]}
            for index, unit in enumerate(others):
                rows.append([index + 1, unit.label, 90 - index, index + 1])
            rows.cell(row=2, column=4, value=7)
            sheet.save(book)
            await pilot.press("i")
            await pilot.pause()
            await _fill(pilot, {"book": str(book)})
            await pilot.press("enter")
            await _settle(pilot)
            said = _said(pilot)
            assert f"Đã nhập điểm Chỉ số CCHC năm 2025 của {len(others)} đơn vị." in said
            assert f"dòng 2, {others[0].label}: bảng ghi 7, tính ra 1" in said
            table = ranking.query_one(DataTable)
            assert [table.get_row_at(0)[i].plain for i in (0, 1, 2)] == [
                "1", others[0].label, "90"]
            # The ranking: two have no score; refused until "Vẫn ban hành…" is ticked.
            unscored = len(ranking.unscored)
            assert unscored == 2
            await pilot.press("w")
            await pilot.pause()
            await _fill(pilot, {"number": "45"})
            await pilot.press("enter")
            await pilot.pause()
            assert f"Còn {unscored} đơn vị chưa có điểm" in _refusal(pilot)
            await pilot.click(EnterCheckbox)
            await pilot.click("#submit")
            await _settle(pilot)
            assert "báo cáo của Sở Nội vụ" in _said(pilot)
        path = tmp_path / "out" / f"xep-hang-chi-so-cchc-{YEAR}-{province.code}.docx"
        document = docx.Document(str(path))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = [cell.text for t in document.tables for row in t.rows for cell in row.cells]
        assert "Số: 45/BC-SNV" in "\n".join([text, *cells])
        assert "85,125" in cells and "90,000" in cells
        for unit in communes[-2:]:  # named in the report as having no score
            assert unit.name in text, unit.name

    asyncio.run(scenario())


def test_the_ranking_screen_writes_scores_as_vietnamese_numbers(tmp_path: Path) -> None:
    """Seen driving it: the screen showed 78,5 as "78,500" because another score had three
    decimals; each score reads as a number is written, "78,5", "85,125", "90"."""
    async def scenario() -> None:
        app, store = make_app(tmp_path, today=PROVINCE_TODAY)
        province, _ = province_office(store)
        communes = sorted((u for u in store.units() if u.parent == province.code
                           and u.kind == "xã"), key=lambda u: u.code)
        totals = [Decimal("85.125"), Decimal("78.500"), Decimal("90")]
        store.save_scores(YEAR, [Score(unit, total) for unit, total in zip(communes, totals,
                                                                           strict=False)])
        async with app.run_test(size=(100, 40)) as pilot:
            app.open_office(province)
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            table = pilot.app.screen.query_one(DataTable)
            shown = [table.get_row_at(row)[2].plain for row in range(3)]
            assert shown == ["90", "85,125", "78,5"]

    asyncio.run(scenario())
