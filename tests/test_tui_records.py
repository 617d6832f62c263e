"""The TUI under the records' rules: a save that would undo another's work, or change a
final report, is refused and the official is told; a unit profile that breaks a limit is
refused in the form."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from textual.widgets import Input, Label
from tui_pilot import built

from drafter.domain.report import Report, Status
from drafter.records import workflow
from drafter.storage import Store, connect
from drafter.tui import DrafterApp, create_app
from drafter.tui.screens.unit import UnitScreen
from drafter.tui.session import Session


def _app(tmp_path: Path) -> tuple[DrafterApp, Store]:
    """The app as ``drafter tui`` opens it: the report read without the ORM, the store
    opened at the first write."""
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url))
    return create_app(session=Session.at(url, tmp_path / "out", dt.date(2024, 3, 14))), store


def _draft_open_at_procedures(tmp_path: Path,
                               report: Report) -> tuple[DrafterApp, Store, int]:
    """The app over a store holding ``report`` as a draft, reopened at II.2 on start."""
    app, store = _app(tmp_path)
    report.status = Status.DRAFT
    report_id = store.save_report(report)
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", "procedures")
    return app, store, report_id


def _messages(app: DrafterApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def _type_into(pilot, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    await screen.action_show(screen.session.pack.catalogue[key].section)
    await built(pilot)  # the rows below the first screenful too
    await pilot.pause()
    field = screen.query_one(f"#in-{key}", Input)
    field.focus()
    await pilot.press("end", *text)
    await pilot.pause()


def test_an_autosave_over_a_cli_import_is_refused_and_said(tmp_path: Path,
                                                           commune_q1: Report) -> None:
    async def scenario() -> None:
        app, store, report_id = _draft_open_at_procedures(tmp_path, commune_q1)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            other = store.get(report_id)  # meanwhile: drafter table import --report …
            other.figures["files_received"] = 999
            store.save_report(other)
            await _type_into(pilot, "procedures_simplified", "7")
            assert any("vừa được lưu ở nơi khác" in message for message in _messages(app))
        stored = store.get(report_id)
        assert stored.figures["files_received"] == 999  # the import was not undone

    asyncio.run(scenario())


def test_editing_a_report_made_final_elsewhere_is_refused_and_said(
        tmp_path: Path, commune_q1: Report) -> None:
    """The TUI opens a final report read-only (tests/test_tui_final.py); a draft open in the
    editor while another process makes it final takes no more edits, and says why."""
    async def scenario() -> None:
        app, store, report_id = _draft_open_at_procedures(tmp_path, commune_q1)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            final = workflow.mark_final(store, report_id)  # meanwhile, from the CLI
            await _type_into(pilot, "procedures_simplified", "7")
            assert any("vừa được lưu ở nơi khác" in m for m in _messages(app))
        assert store.get(report_id) == final

    asyncio.run(scenario())


def test_a_unit_name_beyond_the_limit_is_refused_in_the_form(tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = _app(tmp_path)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitScreen)
            for field, text in (("#name", "Thanh Mai " * 15), ("#province", "Bắc Hà"),
                                ("#superior", "UBND huyện Đông Sơn"), ("#place", "Thanh Mai"),
                                ("#signer_name", "Nguyễn Văn Thành")):
                widget = pilot.app.screen.query_one(field, Input)
                widget.value = text
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(pilot.app.screen, UnitScreen)
            error = str(pilot.app.screen.query_one("#unit-error", Label).content)
            assert error == "hồ sơ đơn vị: tên đơn vị dài 149 ký tự, quá giới hạn 100 ký tự"
        assert store.units() == []

    asyncio.run(scenario())
