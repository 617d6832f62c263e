"""A final report in the TUI (issue 16, defect 3): it opens read-only, and "Chuyển về dự thảo
để sửa" is an explicit command, with a reason, that the report's history records."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, Select
from textual.widgets._footer import FooterKey
from tui_pilot import make_app, reopen_at, show_field

from drafter.cli.main import main
from drafter.domain.report import Report, Status
from drafter.tui.dialogs.reopen import ReopenDialog
from drafter.tui.screens.editor.screen import EditorScreen
from drafter.tui.widgets.text import Label


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [notification.message for notification in app._notifications]


def test_a_final_report_is_read_only_until_reopened_with_a_reason(
        tmp_path: Path, commune_q1: Report, capsys: pytest.CaptureFixture[str]) -> None:
    assert commune_q1.status is Status.FINAL
    before = commune_q1.figures["procedures_simplified"]

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, commune_q1, "procedures")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen)
            banner = str(editor.query_one("#read-only", Label).content)
            assert banner.startswith("Bản chính thức: chỉ xem")
            shown = {key.key for key in editor.query(FooterKey) if key.region.right <= 80}
            assert {"f1", "ctrl+q", "ctrl+e", "f2", "f6", "ctrl+s", "escape"} <= shown
            assert "f8" not in shown  # nothing to confirm in a report that cannot change
            # The official tries to type a figure: the box takes no cursor and nothing.
            await show_field(pilot, "procedures_simplified")
            box = editor.query_one("#in-procedures_simplified", Input)
            box.focus()
            await pilot.press("end", "7", "tab")
            await pilot.pause()
            assert box.is_disabled and box.value == str(before)
            assert store.get(report_id).figures["procedures_simplified"] == before
            assert store.get(report_id).status is Status.FINAL
            # Ctrl+E asks why; no reason, no reopening.
            await pilot.press("ctrl+e")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, ReopenDialog)
            await pilot.press("enter")
            await pilot.pause()
            refusal = str(dialog.query_one("#dialog-error", Label).content)
            assert refusal == "Cần ghi lý do chuyển báo cáo chính thức về dự thảo"
            assert store.get(report_id).status is Status.FINAL
            await pilot.press(*"sửa số TTHC đơn giản hóa", "enter")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen) and not editor.query("#read-only")
            assert "Lý do đã ghi vào lịch sử báo cáo: sửa số TTHC đơn giản hóa" \
                in _messages(pilot.app)
            assert store.get(report_id).status is Status.DRAFT
            # Now the figure typed is saved.
            await show_field(pilot, "procedures_simplified")
            box = editor.query_one("#in-procedures_simplified", Input)
            box.focus()
            await pilot.press("end", "7", "tab")
            await pilot.pause()
            assert store.get(report_id).figures["procedures_simplified"] == before * 10 + 7
        return report_id

    report_id = asyncio.run(scenario())
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{tmp_path / 'drafter.sqlite'}", "report", "history",
                 str(report_id)]) == 0
    history = capsys.readouterr().out
    assert "chuyển về dự thảo — lý do: sửa số TTHC đơn giản hóa" in history
    assert f"figures.procedures_simplified (Số TTHC đã được phê duyệt phương án đơn giản " \
           f"hóa): {before} → {before * 10 + 7}" in history


def test_making_the_report_final_turns_it_read_only(tmp_path: Path,
                                                    commune_q1: Report) -> None:
    """From the issuing pane: "Chính thức" locks the report at once (when the checks pass)."""
    commune_q1.status = Status.DRAFT

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, commune_q1, "issuing")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            pilot.app.screen.query_one("#is-status", Select).value = Status.FINAL.value
            await pilot.pause()
            await pilot.pause()  # the editor is built again, read-only
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen) and editor.query("#read-only")
            assert editor.query_one("#is-status", Select).is_disabled
            assert store.get(report_id).status is Status.FINAL

    asyncio.run(scenario())


def test_making_a_report_with_errors_final_is_refused_and_it_stays_editable(
        tmp_path: Path, commune_q1: Report) -> None:
    commune_q1.status = Status.DRAFT
    commune_q1.figures["files_on_time"] = commune_q1.figures["files_solved"] + 5  # type: ignore[operator]

    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, commune_q1, "issuing")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            status = pilot.app.screen.query_one("#is-status", Select)
            status.value = Status.FINAL.value
            await pilot.pause()
            editor = pilot.app.screen
            assert not editor.query("#read-only")
            assert status.value == Status.DRAFT.value and editor.report.status is Status.DRAFT
            assert any("Chưa lưu được" in (n.title or "") for n in pilot.app._notifications)
            # Still a draft: the next edit is saved.
            await show_field(pilot, "procedures_new")
            box = editor.query_one("#in-procedures_new", Input)
            box.focus()
            await pilot.press("end", "9")
            await pilot.pause()
            stored = store.get(report_id)
            assert stored.status is Status.DRAFT
            assert stored.figures["procedures_new"] == commune_q1.figures["procedures_new"] * 10 + 9  # type: ignore[operator]

    asyncio.run(scenario())


def test_a_province_report_over_drafts_is_made_final_only_when_confirmed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As ``report final --confirm-drafts``: the official is asked, may keep the draft, and
    a confirmation is recorded in the report's history."""
    from dataclasses import replace

    from scenarios import SCENARIOS

    from drafter.tui.dialogs.over_drafts import OverDraftsScreen

    scenario = next(make() for make in SCENARIOS if make.__name__ == "province_over_drafts")
    assert scenario.rollup is not None

    async def run() -> int:
        app, store = make_app(tmp_path)
        for line in scenario.rollup.lines:
            store.save_unit(line.unit)
            if line.report is not None:
                store.save_report(line.report)
        province = replace(scenario.report, status=Status.DRAFT)
        store.save_unit(province.unit)
        report_id = reopen_at(store, province, "issuing")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            status = pilot.app.screen.query_one("#is-status", Select)
            status.value = Status.FINAL.value
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, OverDraftsScreen)
            said = " ".join(str(label.content) for label in dialog.query(Label))
            assert "3/12 báo cáo của cấp xã kỳ này còn là dự thảo (xã Đồng Hỷ, xã Phú " \
                "Lương, xã Vô Tranh)" in said
            assert "--confirm-drafts" not in said
            await pilot.press("escape")  # kept a draft
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, EditorScreen) and not editor.query("#read-only")
            assert status.value == Status.DRAFT.value
            assert store.get(report_id).status is Status.DRAFT
            status.value = Status.FINAL.value
            await pilot.pause()
            await pilot.click("#confirm")
            await pilot.pause()
            await pilot.pause()  # the editor is built again, read-only
            assert pilot.app.screen.query("#read-only")
            assert store.get(report_id).status is Status.FINAL
        return report_id

    report_id = asyncio.run(run())
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{tmp_path / 'drafter.sqlite'}", "report", "history",
                 str(report_id)]) == 0
    assert "lý do: xác nhận ban hành chính thức khi 3/12 báo cáo của cấp xã kỳ này còn là " \
        "dự thảo" in capsys.readouterr().out
