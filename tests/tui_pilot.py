"""What the TUI tests share: the app on a real SQLite file and the official's moves with Pilot."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.widgets import Input, Label

from drafter.datafile import load_report
from drafter.domain.report import Report, Status
from drafter.domain.units import Signer, Unit
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.tui import DrafterApp, create_app
from drafter.tui.dialogs.new_report import NewReportScreen
from drafter.tui.screens.editor.screen import EditorScreen
from drafter.tui.screens.reports import ReportsScreen
from drafter.tui.screens.unit import UnitScreen
from drafter.tui.session import Session

TODAY = dt.date(2024, 3, 14)
Pilot = Any  # textual.pilot.Pilot[None]; the tests are not type-checked


def make_app(tmp_path: Path, today: dt.date = TODAY) -> tuple[DrafterApp, Store]:
    """The app as ``drafter tui`` opens it (the store opened at its first write), and a store
    of the same file to set the scene with."""
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url))
    return create_app(session=Session.at(url, tmp_path / "out", today)), store


def demo(name: str = "xa-thanh-mai-2024-Q1") -> Report:
    """A demo report as a draft: a final report is read-only until it is reopened."""
    return replace(load_report(demo_dir() / f"{name}.toml"), status=Status.DRAFT)


def reopen_at(store: Store, report: Report, section: str) -> int:
    """Store ``report`` and make the app open it at ``section``; returns its id."""
    report_id = store.save_report(report)
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", section)
    return report_id


async def built(pilot: Pilot) -> None:
    """Wait until the editor's section shown is built to its end: the rows below the first
    screenful come a batch at a time after it is drawn, as an official sees them appear."""
    screen = pilot.app.screen
    if isinstance(screen, EditorScreen):
        pane = screen.query_one("#panes").current
        for _ in range(100):
            if screen.built(pane):
                return
            await pilot.pause()
        raise AssertionError(f"{pane} never finished building")


async def show_field(pilot: Pilot, key: str) -> None:
    """Open the section holding a figure, as the official does from the sidebar."""
    screen = pilot.app.screen
    await screen.action_show(screen.session.pack.catalogue[key].section)
    await pilot.pause()
    await built(pilot)


async def type_into(pilot: Pilot, selector: str, text: str) -> None:
    """Clear a box and type ``text`` into it key by key."""
    if selector.startswith("#in-"):
        await show_field(pilot, selector.removeprefix("#in-"))
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)
    await pilot.pause()


async def create_unit(pilot: Pilot) -> None:
    assert isinstance(pilot.app.screen, UnitScreen)
    await type_into(pilot, "#name", "Thanh Mai")
    await type_into(pilot, "#province", "Bắc Hà")
    await type_into(pilot, "#superior", "UBND HUYỆN ĐÔNG SƠN")
    await type_into(pilot, "#place", "Thanh Mai")
    await type_into(pilot, "#signer_name", "Nguyễn Văn Thành")
    await pilot.press("ctrl+s")
    await pilot.pause()


async def new_report(pilot: Pilot, quarter: str, year: str | None = None) -> None:
    assert isinstance(pilot.app.screen, ReportsScreen)
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NewReportScreen)
    screen.query_one("#kind").value = quarter
    if year is not None:
        screen.query_one("#year", Input).value = year
    await pilot.click("#create")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EditorScreen)


def problem_under(pilot: Pilot, key: str) -> str:
    """The check message shown under a figure's row ('' when none)."""
    labels = pilot.app.screen.query(f"#row-{key} .problem")
    return str(labels.first(Label).content) if labels and labels.first().display else ""


async def palette_options(pilot: Pilot, query: str) -> list[str]:
    """Open Ctrl+P, type ``query``, wait for the search; the options offered, best first."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    assert palette.query_one(Input).placeholder == "Gõ để tìm lệnh…"
    await pilot.press(*query)
    for _ in range(50):  # the search runs in a worker
        await pilot.pause(0.05)
        options = palette.query_one(CommandList)
        if options.option_count and options.highlighted is not None:
            break
    return [str(options.get_option_at_index(i).prompt).split("\n")[0]
            for i in range(options.option_count)]


PROVINCE_TODAY = dt.date(2026, 4, 6)
# Communes' reports by index modulo 4: final, final, draft, not sent.
STATUSES = ("final", "final", "draft", None)


def province_office(store: Store, count: int = 12) -> tuple[Unit, list[Report]]:
    """tỉnh Thái Nguyên of the demo with its Sở Nội vụ and ``count`` generated communes for
    quarter I of 2026: by index modulo 4 final, final, draft, not sent. Returns the province
    and the communes' stored reports."""
    from drafter.demo.sample import NAMES, commune_unit, reports_for

    files = demo_dir() / "2026"
    province = load_report(files / "tinh-thai-nguyen-2026-Q1.toml").unit
    commune = load_report(files / "xa-bach-thong-2026-Q1.toml")
    store.save_unit(province)
    store.save_unit(Unit(f"so-noi-vu-{province.code}", "Sở", "Nội vụ", province.province,
                         province.place, Signer("Đỗ Thị Lan", "Giám đốc"), parent=province.code,
                         level="department"))
    units = [dataclasses.replace(commune_unit(commune.unit, name, province.code),
                                 predecessors=(), formed=None) for name in NAMES[:count]]
    store.save_units(units)
    stored = []
    for index, report in enumerate(reports_for(dataclasses.replace(commune, basis=[],
                                                                   documents=[]), units)):
        status = STATUSES[index % 4]
        if status is not None:
            report = dataclasses.replace(report, status=Status(status))
            store.save_report(report)
            stored.append(report)
    return province, stored
