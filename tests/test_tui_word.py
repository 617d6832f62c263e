"""The TUI's new-report dialog starts a report from last period's report made in Word: the
Word file stored as the period before, the new one carried from it, and what the reading left
for the official first among the things to confirm."""

from __future__ import annotations

import asyncio
from pathlib import Path

from test_word_import import APPENDIX, CAM_GIANG
from textual.widgets import Input, RadioButton
from tui_pilot import make_app
from word_files import hand_made_report

from drafter.checks import check_report
from drafter.domain.periods import Period
from drafter.domain.report import WORD_MARK
from drafter.tui.dialogs.new_report import FROM_WORD, NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen


def test_the_dialog_starts_from_last_quarters_word_file(tmp_path: Path) -> None:
    word = hand_made_report(tmp_path / "quy-1.docx", APPENDIX, groups=[0, 3, 12, 15])

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        store.save_unit(CAM_GIANG)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            dialog.query_one("#kind").value = "Q2"
            dialog.query_one("#year", Input).value = "2024"
            await pilot.pause()
            choice = dialog.query_one("#from-word", RadioButton)
            assert str(choice.label) == FROM_WORD
            assert not dialog.query_one("#word-file", Input).display
            await pilot.click("#from-word")
            await pilot.pause()
            box = dialog.query_one("#word-file", Input)
            assert box.display and box.has_focus
            await pilot.press(*str(word))
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
        q1 = store.find("xa-cam-giang", Period.parse("2024-Q1"))
        q2 = store.find("xa-cam-giang", Period.parse("2024-Q2"))
        assert q1 is not None and q2 is not None
        assert q1.figures["files_received"] == 1234 and q1.number == "21"
        assert q2.figures == {"staff_quota": 20}
        assert q2.items("tasks") == q1.items("tasks")
        marks = [key for key in q2.review if key.startswith(WORD_MARK)]
        assert marks == q2.review[:len(marks)] == [key for key in q1.review
                                                   if key.startswith(WORD_MARK)]
        first = next(p for p in check_report(q2, previous=q1) if not p.is_error)
        assert first.message.startswith("Đọc từ báo cáo Word, cần đối chiếu với bản gốc: tệp "
                                        "quy-1.docx; 2.2 Số hồ sơ thủ tục hành chính")

    asyncio.run(scenario())


def test_a_file_that_is_not_a_report_is_said_in_the_dialog(tmp_path: Path) -> None:
    letter = tmp_path / "thu-moi.docx"
    letter.write_bytes(b"not a zip")

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        store.save_unit(CAM_GIANG)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            await pilot.click("#from-word")
            await pilot.pause()
            dialog.query_one("#word-file", Input).value = str(letter)
            await pilot.click("#create")
            await pilot.pause()
            assert pilot.app.screen is dialog
            error = str(dialog.query_one("#new-error").render())
            assert error == "Tệp thu-moi.docx: không phải tệp Word (.docx)"
        assert store.list("xa-cam-giang") == []

    asyncio.run(scenario())
