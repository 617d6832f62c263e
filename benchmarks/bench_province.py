"""A province's 168 communes: ``drafter render-all`` (every commune report, on all cores) and
``drafter aggregate`` (the province's roll-up), each run as a person runs it, a fresh process
on a generated province in a SQLite file (benchmarks/province.py). Median of N runs.
Targets: render-all under 6 s on 2 cores, aggregate under 1 s.

    python benchmarks/bench_province.py [N]

The time inside the process (``aggregate()`` itself, after start-up) is printed beside it.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from province import COMMUNES, PERIOD, PROVINCE, province_db

from drafter.aggregation import aggregate
from drafter.storage import Store, connect


def _seconds(command: list[str]) -> float:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def _cpu_seconds(command: list[str]) -> float:
    """CPU time (user + system) of ``command`` and every process it started: what the work
    costs whatever else shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _seconds(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(runs: int) -> dict[str, float]:
    """Median seconds of render-all, aggregate (both from the prompt) and aggregate() in
    this process."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = province_db(folder)
        out = folder / "out"
        drafter = [sys.executable, "-m", "drafter", "--db", url]
        unit = ["--unit", PROVINCE, "--period", PERIOD.code]
        aggregate_command = [*drafter, "aggregate", *unit, "--no-save"]
        render_all = [*drafter, "render-all", *unit, "-o", str(out)]
        _seconds(aggregate_command)  # bytecode and compiled-template caches, as after a first use
        times: dict[str, list[float]] = {"render-all": [], "aggregate": [], "in process": [],
                                          "render-all CPU": [], "aggregate CPU": []}
        store = Store(connect(url))
        for _ in range(runs):
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            times["render-all"].append(_seconds(render_all))
            assert len(list(out.glob("*.docx"))) == COMMUNES
            times["render-all CPU"].append(_cpu_seconds(render_all))
            times["aggregate"].append(_seconds(aggregate_command))
            times["aggregate CPU"].append(_cpu_seconds(aggregate_command))
            start = time.perf_counter()
            aggregate(store, PROVINCE, PERIOD)
            times["in process"].append(time.perf_counter() - start)
        store.engine.dispose()
    return {key: statistics.median(values) for key, values in times.items()}


def main(runs: int = 3) -> None:
    measured = measure(runs)
    print(f"A province of {COMMUNES} communes, {os.cpu_count()} cores, median of {runs} runs:")
    cores = os.cpu_count() or 1
    print(f"  drafter render-all: {measured['render-all']:6.2f} s wall (target < 6 s); "
          f"{measured['render-all CPU']:.2f} s CPU in all its processes, "
          f"{measured['render-all CPU'] / cores:.2f} s per core")
    print(f"  drafter aggregate:  {measured['aggregate']:6.2f} s wall (target < 1 s); "
          f"{measured['aggregate CPU']:.2f} s CPU; aggregate() itself "
          f"{measured['in process']:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
