"""Documents in the TUI: the unit's own (deleted with undo, reordered, their section shown) and
the basis documents with their issuer (issue 16, defects 8 and 10)."""

import asyncio
import datetime as dt
from pathlib import Path

from textual.widgets import DataTable, Input, Select
from tui_pilot import demo, make_app, reopen_at, type_into

from drafter.domain.documents import split_number, written_number


def _rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def test_deleting_a_document_can_be_undone_and_the_table_moves_as_expected(
        tmp_path: Path) -> None:
    """Defect 8: End did not move, Delete removed the wrong row for good, no reordering, and
    the section each document is cited in was not shown."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        names = [f"{d.kind} số {d.full_number}" for d in report.documents]
        assert len(names) >= 3
        report_id = reopen_at(store, report, "documents")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            table = screen.query_one("#doc-table", DataTable)
            assert [str(c.label) for c in table.columns.values()] == [
                "Văn bản", "Ngày", "Mục", "Trích yếu"]
            sections = [row[2] for row in _rows(table)]
            assert sections[0] == {"direction": "I.1", "institutions": "II.1",
                                   "e_government": "II.6"}[report.documents[0].section]
            table.focus()
            await pilot.press("end")
            assert table.cursor_row == len(names) - 1
            await pilot.press("home")
            assert table.cursor_row == 0
            await pilot.press("end", "delete")
            await pilot.pause()
            assert [d.kind + " số " + d.full_number
                    for d in store.get(report_id).documents] == names[:-1]
            assert any("Ctrl+Z để hoàn tác" in str(n.message) for n in pilot.app._notifications)
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert [f"{d.kind} số {d.full_number}"
                    for d in store.get(report_id).documents] == names
            # Ctrl+↑ moves the last document up one place.
            await pilot.press("end", "ctrl+up")
            await pilot.pause()
            stored = [f"{d.kind} số {d.full_number}" for d in store.get(report_id).documents]
            assert stored == [*names[:-2], names[-1], names[-2]]
            assert table.cursor_row == len(names) - 2

    asyncio.run(scenario())


def test_basis_documents_are_entered_with_their_issuer(tmp_path: Path) -> None:
    """Defect 10: nowhere to enter "Thực hiện Văn bản số 294/UBND-NV … của UBND huyện"."""
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report = demo()
        report.basis = []
        report_id = reopen_at(store, report, "basis")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            screen.query_one("#basis-kind", Select).value = "Văn bản"
            await type_into(pilot, "#basis-number", "294/UBND-NV")
            await type_into(pilot, "#basis-date", "08/02/2024")
            await type_into(pilot, "#basis-subject",
                            "về việc hướng dẫn thực hiện báo cáo công tác CCHC định kỳ")
            await pilot.press("enter")
            await pilot.pause()
            # The issuer is asked for: nothing saved without it.
            assert store.get(report_id).basis == []
            assert "cơ quan ban hành" in str(screen.query_one("#basis-error").content)
            await type_into(pilot, "#basis-issuer", "UBND huyện Bạch Thông")
            await pilot.press("enter")
            await pilot.pause()
            table = screen.query_one("#basis-table", DataTable)
            assert _rows(table)[0][:3] == ["Văn bản số 294/UBND-NV", "08/02/2024",
                                           "UBND huyện Bạch Thông"]
            # Issue 28, D14: the cursor stayed in Trích yếu; it is ready for the next number.
            assert pilot.app.focused is screen.query_one("#basis-number", Input)
            await pilot.press("f5")
            await pilot.pause()
            preview = str(screen.query_one("#preview-text").content).replace("\n", " ")
            assert ("Thực hiện Văn bản số 294/UBND-NV ngày 08/02/2024 của Ủy ban nhân dân "
                    "(UBND) huyện Bạch Thông về việc hướng dẫn") in preview
        saved = store.get(report_id).basis
        assert [(d.kind, d.number, d.symbol, d.issuer, d.date) for d in saved] == [
            ("Văn bản", "294", "UBND-NV", "UBND huyện Bạch Thông", dt.date(2024, 2, 8))]

    asyncio.run(scenario())


def test_document_numbers_are_split_as_officials_write_them() -> None:
    cases = {
        "294/UBND-NV": ("294", None, "UBND-NV"),
        "30/2020/NĐ-CP": ("30", 2020, "NĐ-CP"),
        "17": ("17", None, ""),
        "04/KH – UBND": ("04", None, "KH-UBND"),
        "1814 /QĐ-UBND": ("1814", None, "QĐ-UBND"),
        "08-NQ/TU": ("08-NQ", None, "TU"),
    }
    for text, parts in cases.items():
        assert split_number(text) == parts, text
    for doc in demo().documents + demo().basis:
        assert split_number(written_number(doc)) == (doc.number, doc.year, doc.symbol)


def test_the_checks_on_documents_and_dates_show_in_their_pane(tmp_path: Path) -> None:
    """Defect 11: a document dated a year before the period with no trích yếu, and a report
    dated today for a 2024 quarter, were accepted without a word in the TUI."""
    import dataclasses

    async def scenario() -> None:
        app, store = make_app(tmp_path, today=dt.date(2026, 11, 23))
        report = demo()
        report.documents[0] = dataclasses.replace(report.documents[0], subject="",
                                                  date=dt.date(2023, 3, 15))
        report.date = dt.date(2026, 11, 23)
        reopen_at(store, report, "documents")
        async with app.run_test(size=(100, 40)) as pilot:
            screen = pilot.app.screen
            await pilot.pause()
            shown = str(screen.query_one("#doc-problems").content)
            assert "đề ngày 15/3/2023, trước kỳ báo cáo" in shown
            assert "chưa có trích yếu" in shown
            await screen.action_show("issuing")
            await pilot.pause()
            shown = str(screen.query_one("#is-problems").content)
            assert "Ngày báo cáo (23/11/2026) sau ngày kết thúc quý I năm 2024" in shown

    asyncio.run(scenario())
