"""Snapshots of the main screens at 80×24 and 120×40 (reviewed by eye before committing).

Update with ``pytest tests/test_tui_snapshots.py --snapshot-update`` and look at the SVGs.
"""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from textual.widgets import Input
from tui_pilot import built

from drafter.datafile import load_report
from drafter.domain.periods import Period
from drafter.records.reuse import carry_forward
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.tui import DrafterApp, create_app
from drafter.tui.session import Session
from drafter.tui.themes import LIGHT
from drafter.tui.widgets.causes import CausesEditor

SIZES = [(80, 24), (120, 40)]


async def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    """A blinking cursor would make the pictures differ from run to run; the section shown
    is built to its end (the scrollbar's length depends on it)."""
    await pilot.pause()
    await built(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def _app(tmp_path: Path, section: str | None, with_reports: bool = True,
         final: bool = False) -> DrafterApp:
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    if with_reports:
        for name in ("xa-thanh-mai-2024-Q1", "xa-thanh-mai-2024-Q2"):
            report_id = store.save_report(load_report(demo_dir() / f"{name}.toml"))
        with store.engine.begin() as connection:  # a fixed "last edited" for stable pictures
            connection.execute(text("UPDATE reports SET updated_at = '2024-06-14 09:00:00'"))
        if section:
            if not final:
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


def _units_app(tmp_path: Path) -> DrafterApp:
    """Two units, the commune reporting to the district: the app starts on the unit list."""
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    commune = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml").unit
    district = load_report(demo_dir() / "huyen-dong-son-2024-Q1.toml").unit
    store.save_unit(dataclasses.replace(commune, parent=district.code))
    store.save_unit(district)
    return create_app(session=Session(store, tmp_path / "out", today=dt.date(2024, 6, 14)))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_unit_list(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                   size: tuple[int, int]) -> None:
    assert snap_compare(_units_app(tmp_path), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_unit_form_with_its_parent(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   size: tuple[int, int]) -> None:
    async def edit_commune(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("down", "u")
        await _steady(pilot)

    assert snap_compare(_units_app(tmp_path), terminal_size=size, run_before=edit_commune)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_of_the_editor(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                            size: tuple[int, int]) -> None:
    async def help_(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("f1")
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, "direction"), terminal_size=size, run_before=help_)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_light_theme_with_an_error(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                   size: tuple[int, int]) -> None:
    app = _app(tmp_path, "direction")
    app.session.remember_theme(LIGHT)

    async def mistype(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("tab", "tab", "tab", "backspace", *"200")
        await _steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=mistype)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_documents_and_their_sections(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                      size: tuple[int, int]) -> None:
    async def on_the_table(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.screen.query_one("#doc-table").focus()
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, "documents"), terminal_size=size,
                        run_before=on_the_table)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_basis_documents(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                         size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "basis"), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_figures_carried_from_last_quarter(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           size: tuple[int, int]) -> None:
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    q1 = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
    store.save_report(q1)
    session = Session(store, tmp_path / "out", today=dt.date(2024, 6, 14))
    q2 = carry_forward(q1, q1.unit, Period.parse("2024-Q2"), dt.date(2024, 6, 14),
                       session.pack.catalogue)
    store.set_state("last_report", str(store.save_report(q2)))
    store.set_state("last_section", "procedures")
    assert snap_compare(create_app(session=session), terminal_size=size, run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_new_report_dialog(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                           size: tuple[int, int]) -> None:
    async def new(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("n")
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, None), terminal_size=size, run_before=new)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_causes_of_shortcomings(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                size: tuple[int, int]) -> None:
    async def to_causes(pilot) -> None:  # type: ignore[no-untyped-def]
        box = pilot.app.screen.query_one("#cause-superior_tasks_late", Input)
        box.focus()
        await pilot.press(*"Nhiệm vụ giao sát thời hạn", "enter")
        await pilot.pause()
        pilot.app.screen.query_one(CausesEditor).scroll_visible(animate=False, top=True)
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, "assessment"), terminal_size=size, run_before=to_causes)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_final_report_read_only(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                                size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "procedures", final=True), terminal_size=size,
                        run_before=_steady)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reopen_dialog(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                       size: tuple[int, int]) -> None:
    async def reopen(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("ctrl+e", "enter")  # no reason given: refused, said under the form
        await _steady(pilot)

    assert snap_compare(_app(tmp_path, "procedures", final=True), terminal_size=size,
                        run_before=reopen)
