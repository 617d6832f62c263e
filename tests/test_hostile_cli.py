"""Hostile command lines: absurd numbers, a closed or full output, end in one Vietnamese line
(or, for a reader that has gone, in silence), never in a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.resources import demo_dir
from tests.hostile_run import ROOT

COMMUNE = demo_dir() / "xa-thanh-mai-2024-Q2.toml"


@pytest.mark.parametrize("argv", [
    ["report", "render", "99999999999999999999999", "-o", "x.docx"],
    ["export", "99999999999999999999999", "-o", "x.toml"], ["check", "--report", "-1"],
    ["report", "history", "0"], ["report", "reopen", "1e30", "--reason", "x"],
    ["table", "export", "--report", "99999999999999999999", "-o", "x.csv"],
    ["score", "import", "x.csv", "--unit", "huyen-dong-son", "--year", "99999"],
    ["ranking", "--unit", "huyen-dong-son", "--year", "0", "-o", "x.docx"],
    ["score", "set", "--unit", "xa-a", "--year", "-2025", "--total", "80"],
    ["render-all", "--unit", "huyen-dong-son", "--period", "2024-Q2", "-o", "out",
     "--jobs", "-3"],
    ["render-all", "--unit", "huyen-dong-son", "--period", "2024-Q2", "-o", "out",
     "--jobs", "0"],
])
def test_a_number_out_of_range_is_refused_by_name(
        argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_code:
        main(["--db", f"sqlite:///{tmp_path / 'd.sqlite'}", *argv])
    err = capsys.readouterr().err
    assert exit_code.value.code == 2 and err.startswith("Lỗi: tham số ") and \
        "phải là số nguyên từ" in err, err


@pytest.mark.slow
def test_a_full_output_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "drafter", "check", str(COMMUNE)],
                              cwd=ROOT, text=True, stdout=full, stderr=subprocess.PIPE,
                              timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == "Lỗi: không ghi được ra đầu ra của lệnh: hết chỗ trống trên đĩa\n"


@pytest.mark.slow
def test_a_reader_that_has_gone_is_no_error(tmp_path: Path) -> None:
    """``drafter … | head -0``: the pipe is closed before drafter writes."""
    process = subprocess.Popen([sys.executable, "-m", "drafter", "check", str(COMMUNE)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 141 and err == ""
