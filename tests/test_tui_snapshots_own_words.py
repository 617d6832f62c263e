"""Snapshots of issue 14's TUI at 80×24 and 120×40 (reviewed by eye as PNG before committing):
the phrases of a section to tick, and the preview's sentence chosen to be rewritten.

Update with ``pytest tests/test_tui_snapshots_own_words.py --snapshot-update``.
"""

from pathlib import Path

import pytest
from test_tui_snapshots import SIZES, _app, _steady
from textual.widgets import OptionList, SelectionList
from tui_pilot import built


async def _phrases(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    await screen.go_to("procedures")
    await pilot.pause()
    await built(pilot)
    picker = screen.query_one("#phrase-list-procedures", SelectionList)
    picker.focus()
    picker.highlighted = 4
    await pilot.press("space")
    await pilot.pause()
    pane = screen.query_one("#procedures")
    pane.scroll_to_widget(screen.query_one("#phrases-procedures"), animate=False, top=True)
    await _steady(pilot)


async def _override(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f5")
    await pilot.pause()
    await pilot.press("f7")
    await pilot.pause()
    modal = pilot.app.screen
    modal.query_one(OptionList).highlighted = modal.ids.index("procedures.files")
    await pilot.press("enter")
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_phrases_to_tick(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                         size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "procedures"), terminal_size=size, run_before=_phrases)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_sentence_to_rewrite(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                               size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "procedures"), terminal_size=size, run_before=_override)


async def _given(pilot) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    await screen.go_to("procedures")
    await pilot.pause()
    await built(pilot)
    box = screen.query_one("#given-files_digitised_rate")
    box.focus()
    await pilot.press(*"47,1")
    await pilot.pause()
    screen.query_one("#procedures").scroll_to_widget(screen.query_one("#given-procedures"),
                                                     animate=False, top=True)
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_rates_given_directly(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                              size: tuple[int, int]) -> None:
    assert snap_compare(_app(tmp_path, "procedures"), terminal_size=size, run_before=_given)
