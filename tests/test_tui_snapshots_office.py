"""Snapshots of the aggregating office's screens at 80×24 and 120×40 (issue 16, second wave),
reviewed by eye before committing; see tests/test_tui_snapshots.py."""

from pathlib import Path

import pytest
from sqlalchemy import text
from test_tui_snapshots import SIZES, _steady
from tui_pilot import PROVINCE_TODAY, make_app, province_office

from drafter.office.operations import set_score
from drafter.tui import DrafterApp


def _office(tmp_path: Path) -> DrafterApp:
    """tỉnh Thái Nguyên with eight communes (final, final, draft, not sent, …), its office open;
    three communes have their 2025 CCHC index score, two of them equal."""
    app, store = make_app(tmp_path, today=PROVINCE_TODAY)
    province, reports = province_office(store, 8)
    for report, total in zip(reports, ("85,125", "78,5", "85,125"), strict=False):
        set_score(store, report.unit.code, 2025, total, {}, app.session.pack)
    with store.engine.begin() as connection:  # a fixed "last edited" for stable pictures
        connection.execute(text("UPDATE reports SET updated_at = '2026-04-03 09:00:00'"))
    app.call_later(app.open_office, province)
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_office_communes_of_a_period(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                     size: tuple[int, int]) -> None:
    assert snap_compare(_office(tmp_path), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_office_ranking(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                        size: tuple[int, int]) -> None:
    async def ranking(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        await pilot.press("x")
        await _steady(pilot)

    assert snap_compare(_office(tmp_path), terminal_size=size, run_before=ranking)
