"""Ctrl+O shows the folder of the DOCX just written in the system's file manager (Explorer,
Finder, the desktop's), not through a web browser."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest
from tui_pilot import demo, make_app, reopen_at

from drafter.tui.desktop import open_folder


@pytest.fixture
def opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in ``xdg-open`` first on PATH, which writes down what it was asked to open."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "opened.txt"
    script = bin_dir / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{record}"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return record


def _wait_for(record: Path) -> list[str]:
    for _ in range(100):
        if record.exists():
            return record.read_text(encoding="utf-8").splitlines()
        time.sleep(0.05)
    return []


@pytest.mark.skipif(sys.platform != "linux", reason="a stand-in xdg-open")
def test_ctrl_o_opens_the_folder_of_the_docx_written(tmp_path: Path, opened: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "tthc")
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()

    asyncio.run(scenario())
    assert _wait_for(opened) == [str((tmp_path / "out").resolve())]


def test_on_windows_explorer_opens_the_folder(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Path] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "startfile", started.append, raising=False)
    assert open_folder(tmp_path) == ""
    assert started == [tmp_path]


def test_a_folder_that_cannot_be_shown_is_named(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no file manager at all
    said = open_folder(tmp_path)
    assert said.startswith(f"Không mở được thư mục {tmp_path}") and "bằng tay" in said
