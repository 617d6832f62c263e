"""Render 100 commune reports with ``render_all`` on all cores, against the same 100 rendered
one after another in one process (the baseline, measured in the same run). Median over runs.

    python benchmarks/bench_render_all.py [RUNS] [COUNT]
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from drafter.datafile import load_report
from drafter.parallel import Job, render_all
from drafter.resources import demo_dir
from drafter.sample import communes_like


def _seconds(jobs: list[Job], workers: int) -> float:
    start = time.perf_counter()
    outcomes = render_all(jobs, workers=workers)
    elapsed = time.perf_counter() - start
    assert all(outcome.ok for outcome in outcomes), [o.error for o in outcomes if not o.ok]
    return elapsed


def main(runs: int = 3, count: int = 100) -> None:
    report = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
    reports = communes_like(report, count, "huyen-dong-son")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        jobs = [Job(r, Path(folder) / f"{r.unit.code}.docx") for r in reports]
        _seconds(jobs[:2], 1)  # warm this process's caches, as a long-running batch would
        sequential = statistics.median(_seconds(jobs, 1) for _ in range(runs))
        parallel = statistics.median(_seconds(jobs, cores) for _ in range(runs))
    print(f"{count} commune reports, median of {runs} runs, {cores} cores")
    print(f"one after another (baseline): {sequential:6.2f} s  1.00x")
    print(f"render-all on {cores} cores:      {parallel:6.2f} s  "
          f"{sequential / parallel:.2f}x faster")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
