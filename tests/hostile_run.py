"""Run the real ``drafter`` command in a subprocess, under a time bound, as a hostile tester
does: a hang fails the test instead of stopping the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int | None  # None: still running at the time bound
    out: str
    err: str


def run(*args: str | Path, timeout: float = 30, cwd: Path | None = None,
        stdin: str | None = None) -> Run:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_DB_WAIT": "2"}
    try:
        done = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=cwd,
                              env=env, capture_output=True, text=True, timeout=timeout,
                              input=stdin)
    except subprocess.TimeoutExpired as exc:
        return Run(None, str(exc.stdout or ""), str(exc.stderr or ""))
    return Run(done.returncode, done.stdout, done.stderr)
