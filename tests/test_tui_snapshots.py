"""Snapshots of the main screens at 80×24 and 120×40 (reviewed by eye before committing).

Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from textual.widgets import Input

from drafter.datafile import load_report
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.tui import DrafterApp, create_app
from drafter.tui.session import Session

SIZES = [(80, 24), (120, 40)]


async def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    """A blinking cursor would make the pictures differ from run to run."""
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def _app(tmp_path: Path, section: str | None, with_reports: bool = True) -> DrafterApp:
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    if with_reports:
        for name in ("xa-thanh-mai-2024-Q1", "xa-thanh-mai-2024-Q2"):
            report_id = store.save_report(load_report(demo_dir() / f"{name}.toml"))
        with store.engine.begin() as connection:  # a fixed "last edited" for stable pictures
            connection.execute(text("UPDATE reports SET updated_at = '2024-06-14 09:00:00'"))
        if section:
            store.reopen(report_id, "sửa số liệu")  # a final report is read-only
            store.set_state("last_report", str(report_id))
            store.set_state("last_section", section)
    session = Session(store, tmp_path / "out", today=dt.date(2024, 6, 14))
    return create_app(session=session)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_first_start_unit_form(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                               size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, None, with_reports=False), terminal_size=size,
                        run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_report_list(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                     size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, None), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_editor_procedures(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                           size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "procedures"), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_editor_with_an_error(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                              size: tuple[int, int]) -> None:
    async def mistype(pilot) -> None:  # type: ignore[no-untyped-def]
        # From "Số văn bản chỉ đạo" to "Số nhiệm vụ đã hoàn thành": 3 → 200 (of 32 planned).
        await pilot.press("tab", "tab", "tab", "backspace", *"200")
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, "direction"), terminal_size=size, run_before=mistype)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checks_summary(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                        size: tuple[int, int]) -> None:
    async def mistype_then_check(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("tab", "tab", "tab", "backspace", *"200", "f6")
        await _steady(pilot)

    # Each message wraps in the pane at 80 columns instead of being cut off.
    assert snap_compare(_app(tmp_path, "direction"), terminal_size=size,
                        run_before=mistype_then_check)
