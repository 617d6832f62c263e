"""Causes of the shortcomings the figures show, picked or typed in the TUI (issue 16, second
wave, item 4; issue 13 stored them only from data files)."""

import asyncio
from pathlib import Path

from textual.widgets import Input, ListView, Select
from tui_pilot import demo, make_app, reopen_at, type_into

from drafter.narrative import render
from drafter.tui.widgets.causes import STALE, CausesEditor
from drafter.tui.widgets.text import Label
from drafter.writer.text import to_text


def _labels(editor: CausesEditor) -> list[str]:
    return [str(label.render()) for label in editor.query(Label)]


def test_a_cause_is_picked_or_typed_for_each_shortcoming(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, demo(), "assessment")
        pack_causes = app.session.pack.assessment.causes
        async with app.run_test(size=(100, 50)) as pilot:
            screen = pilot.app.screen
            editor = screen.query_one(CausesEditor)
            shown = [f.id for f in editor.shown]
            assert shown == ["files_on_time", "files_online", "staff_qualified"]
            assert "Hạn chế: Còn 01 hồ sơ TTHC giải quyết quá hạn" in _labels(editor)
            # A cause from the pack's list, for the late files.
            editor.query_one("#cause-pick-files_on_time", Select).value = "land_verification"
            await pilot.pause()
            # The official's own words, for the files received online.
            await type_into(pilot, "#cause-files_online", "Do người dân vùng cao chưa có "
                            "điện thoại thông minh.")
            await pilot.press("enter")
            await pilot.pause()
            # Taken: the box is empty again, ready for another cause (it kept the text).
            assert editor.query_one("#cause-files_online", Input).value == ""
            assert "cause-files_online" not in app.session.drafts(report_id)
            stored = store.get(report_id)
            assert stored.shortcoming_causes == {
                "files_on_time": ["land_verification"],
                "files_online": ["Do người dân vùng cao chưa có điện thoại thông minh."]}
            assert f"– {pack_causes['land_verification']}" in _labels(editor)
            text = to_text(render(stored), 2000)  # a paragraph per line
            assert (f"Còn 01 hồ sơ TTHC giải quyết quá hạn, do "
                    f"{pack_causes['land_verification']}") in text
            assert "do người dân vùng cao chưa có điện thoại thông minh" in text
            # Delete takes a cause out, Ctrl+Z brings it back.
            view = editor.query_one("#causes-files_online", ListView)
            view.focus()
            view.index = 0
            await pilot.press("delete")
            await pilot.pause()
            assert "files_online" not in store.get(report_id).shortcoming_causes
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert store.get(report_id).shortcoming_causes["files_online"] == [
                "Do người dân vùng cao chưa có điện thoại thông minh."]
            # No file late any more: the shortcoming goes, its cause is kept and said apart.
            await type_into(pilot, "#in-files_late", "0")
            await type_into(pilot, "#in-files_on_time", "138")
            await screen.action_show("assessment")
            await pilot.pause()
            await pilot.pause()
            assert "files_on_time" not in [f.id for f in editor.shown]
            assert STALE in _labels(editor)
            assert store.get(report_id).shortcoming_causes["files_on_time"] == [
                "land_verification"]
            # A cause typed and not yet submitted is kept as a draft.
            await type_into(pilot, "#cause-staff_qualified", "Dở dang")
            await pilot.press("escape")
            await pilot.pause()
        assert app.session.drafts(report_id).get("cause-staff_qualified") == "Dở dang"

    asyncio.run(scenario())


def test_a_draft_cause_comes_back(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        report_id = reopen_at(store, demo(), "assessment")
        app.session.keep(report_id, {"cause-staff_qualified": "Dở dang"})
        async with app.run_test(size=(100, 50)) as pilot:
            box = pilot.app.screen.query_one("#cause-staff_qualified", Input)
            assert box.value == "Dở dang"

    asyncio.run(scenario())
