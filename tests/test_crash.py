"""A crash never shows a traceback to an official: one Vietnamese line naming the crash file
in the user's data folder, the traceback in that file; in the TUI, what was typed is saved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tui_pilot import demo, make_app, reopen_at, type_into

from drafter.cli.main import main
from drafter.domain.periods import Period
from drafter.resources import demo_dir
from drafter.tui.app import Crashed


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (platformdirs reads XDG_DATA_HOME on Linux)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "drafter" / "crash"


def _the_crash_file(folder: Path, line: str) -> str:
    files = list(folder.iterdir())
    assert len(files) == 1 and str(files[0]) in line
    return files[0].read_text(encoding="utf-8")


def test_a_bug_in_a_command_is_one_line_naming_the_crash_file(
        data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import tomllib

    def broken(text: str) -> object:
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(tomllib, "loads", broken)
    code = main(["render", str(demo_dir() / "xa-thanh-mai-2024-Q1.toml"),
                 "-o", str(tmp_path / "o.docx")])
    err = capsys.readouterr().err
    assert code == 70
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("Lỗi không mong đợi (RuntimeError): chi tiết đã ghi vào tệp ")
    details = _the_crash_file(data_home, err)
    assert "Traceback" in details and "a bug in the reader" in details


def test_a_crash_in_the_tui_is_one_line_and_what_was_typed_is_kept(
        data_home: Path, tmp_path: Path) -> None:
    async def scenario() -> None:
        app, store = make_app(tmp_path)
        reopen_at(store, demo(), "tthc")
        with pytest.raises(Crashed) as crashed:
            async with app.run_test(size=(100, 40)) as pilot:
                await type_into(pilot, "#in-files_received", "321")
                await pilot.press("tab")
                await pilot.pause()
                app.call_later(lambda: 1 / 0)
                await pilot.pause()
        line = str(crashed.value)
        assert line.startswith("Lỗi không mong đợi (ZeroDivisionError): chi tiết đã ghi vào")
        assert "ZeroDivisionError" in _the_crash_file(data_home, line)
        assert app.return_code == 1
        report = store.find("xa-thanh-mai", Period.parse("2024-Q1"))
        assert report is not None and report.figures["files_received"] == 321

    asyncio.run(scenario())


@pytest.mark.slow
def test_the_tui_command_ends_with_the_line_and_an_exit_code(data_home: Path,
                                                             tmp_path: Path) -> None:
    """``drafter tui`` as an official starts it (headless here): a crash ends it with exit
    code 1 and the line on standard error, no traceback."""
    import os
    import subprocess
    import sys

    script = ("import sys\n"
              "from drafter.tui.app import DrafterApp\n"
              "DrafterApp.on_mount = lambda self: 1 / 0\n"
              "real_run = DrafterApp.run\n"
              "DrafterApp.run = lambda self, **kw: real_run(self, headless=True)\n"
              "from drafter.cli.main import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", script, "--db",
                           f"sqlite:///{tmp_path / 'd.sqlite'}", "tui", "-o", str(tmp_path)],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "Lỗi không mong đợi (ZeroDivisionError): chi tiết đã ghi vào tệp" in \
        done.stderr + done.stdout
