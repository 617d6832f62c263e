"""A province's 168 communes: ``drafter render-all`` (every commune report, on all cores) and
``drafter aggregate`` (the province's roll-up), each run as a person runs it, a fresh process
on a generated province in a SQLite file (benchmarks/province.py). Median of N runs.
Targets: render-all under 6 s on 2 cores, aggregate under 1 s.

    python benchmarks/bench_province.py [N]

The time inside the process is printed beside them, CPU seconds: ``aggregate()`` itself after
start-up, and render-all's parent reading every commune's reports (``render_jobs``), each
through the ORM-free reader the commands use and through the store.
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

from drafter.office.aggregation import aggregate, render_jobs
from drafter.packs.load import builtin_pack
from drafter.storage import Store, connect
from drafter.storage.reader import Reads, open_reader


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


def _in_process(source: Reads, out: Path) -> tuple[float, float]:
    """CPU seconds of ``aggregate()`` and of render-all's parent read, in this process."""
    start = time.process_time()
    aggregate(source, PROVINCE, PERIOD)
    middle = time.process_time()
    render_jobs(source, PROVINCE, PERIOD, out)
    return middle - start, time.process_time() - middle


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
        times: dict[str, list[float]] = {key: [] for key in (
            "render-all", "aggregate", "render-all CPU", "aggregate CPU", "reader aggregate",
            "reader read", "store aggregate", "store read")}
        store = Store(connect(url))
        reader = open_reader(url, builtin_pack().catalogue)
        assert reader is not None
        for _ in range(runs):
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            times["render-all"].append(_seconds(render_all))
            assert len(list(out.glob("*.docx"))) == COMMUNES
            times["render-all CPU"].append(_cpu_seconds(render_all))
            times["aggregate"].append(_seconds(aggregate_command))
            times["aggregate CPU"].append(_cpu_seconds(aggregate_command))
            for name, source in (("reader", reader), ("store", store)):
                rolled, read = _in_process(source, out)
                times[f"{name} aggregate"].append(rolled)
                times[f"{name} read"].append(read)
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
          f"{measured['aggregate CPU']:.2f} s CPU")
    print("  in this process, CPU, ORM-free reader (the commands') / store:")
    print(f"    aggregate() itself:        {measured['reader aggregate']:.3f} s / "
          f"{measured['store aggregate']:.3f} s")
    print(f"    render-all's parent read:  {measured['reader read']:.3f} s / "
          f"{measured['store read']:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
