"""render-all's workers end with it, even when it is killed (kill -9), also where the system
does not tell a process its parent has gone: on Windows ``os.getppid()`` never changes and
there is no ``prctl``; both are taken away here in every process (a ``sitecustomize``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from drafter.demo.sample import communes_like
from drafter.domain.report import Report, Status
from drafter.storage import Store, connect

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


# Loaded by every Python process started with it on PYTHONPATH, workers included.
_AS_ON_WINDOWS = """
import ctypes, os
_parent = os.getppid()
os.getppid = lambda: _parent
def _no_libc(*args, **kwargs):
    raise OSError("no prctl on Windows")
ctypes.CDLL = _no_libc
"""
_RUN = "import multiprocessing, sys; multiprocessing.set_start_method(sys.argv[1]); " \
    "from drafter.cli.main import main; sys.exit(main(sys.argv[2:]))"


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_killed_render_all_leaves_no_worker_behind(tmp_path: Path, commune_q1: Report,
                                                   district_q2: Report, method: str) -> None:
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url))
    store.save_unit(district_q2.unit)
    for report in communes_like(replace(commune_q1, status=Status.DRAFT), 12,
                                district_q2.unit.code):
        store.save_report(report)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_AS_ON_WINDOWS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(site), *filter(None, [os.environ.get("PYTHONPATH")])])}
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN, method, "--db", url, "render-all", "--unit",
         district_q2.unit.code, "--period", "2024-Q1", "-o", str(tmp_path / "out"),
         "--jobs", "2"], stderr=subprocess.PIPE, text=True, env=env)
    workers: list[int] = []
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # the first report done: the workers are running
        assert "1/12" in line, line
        workers = _children(process.pid)
        assert len(workers) >= 2, workers
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        deadline = time.monotonic() + 10
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _alive(workers) == []
    finally:
        for pid in _alive(workers + _children(process.pid)):  # left behind: never leak them
            os.kill(pid, signal.SIGKILL)
        process.kill()
