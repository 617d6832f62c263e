"""The TUI's new-report dialog makes a 6-month report the way `drafter report new` does: from
the quarters filed, by the catalogue's rules, the figures it could not combine marked ↻."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from textual.widgets import Input, RadioButton
from tui_pilot import demo, make_app

from drafter.domain.periods import Period
from drafter.tui.dialogs.new_report import NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen


def test_the_dialog_makes_six_months_from_the_quarters(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        q1 = demo("xa-thanh-mai-2024-Q1")
        store.save_report(q1)
        store.save_report(replace(demo("xa-thanh-mai-2024-Q2"), unit=q1.unit))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, NewReportScreen)
            dialog.query_one("#kind").value = "H1"
            dialog.query_one("#year", Input).value = "2024"
            await pilot.pause()
            carry = dialog.query_one("#from-previous", RadioButton)
            assert not carry.disabled and carry.value  # the quarters are there to use
            await pilot.click("#create")
            await pilot.pause()
            assert isinstance(pilot.app.screen, EditorScreen)
            # The official is told, as `drafter report new` tells, what it was made of.
            told = [n.message for n in pilot.app._notifications]
            assert len(told) == 1
            assert told[0].splitlines() == [
                "Số liệu tổng hợp từ báo cáo quý I, quý II năm 2024 của xã Thanh Mai.",
                "Không cộng được từ các kỳ, cần nhập cho cả kỳ: Điểm đánh giá chất lượng "
                "giải quyết TTHC; Số TTHC đang cung cấp trực tuyến một phần có phát sinh hồ sơ "
                "nộp trực tuyến; Số TTHC đang cung cấp trực tuyến toàn trình có phát sinh hồ "
                "sơ nộp trực tuyến.",
                "Có 8 số liệu, nội dung cần xem lại."]
        half = store.find("xa-thanh-mai", Period.parse("2024-H1"))
        assert half is not None
        # 142 + 167 less the 4 files carried into quarter II, counted in quarter I already.
        assert half.figures["files_received"] == 305
        assert half.figures["files_pending"] == 4 and half.figures["files_carried_over"] == 3
        assert "dvc_full_with_files" not in half.figures and "dvc_full_with_files" in half.review

    asyncio.run(scenario())
