"""Render the demo commune report N times; print the median per report and the ratio to a
baseline (an empty python-docx document saved to bytes) measured in the same run.

    python benchmarks/bench_render.py [N]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable

import docx

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.resources import demo_dir
from drafter.writer.docx_writer import to_bytes


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _empty_docx() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def main(runs: int = 30) -> None:
    report = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
    to_bytes(render(report))  # warm caches (templates compiled once per process)
    baseline = median_seconds(_empty_docx, runs)
    narrative = median_seconds(lambda: render(report), runs)
    full = median_seconds(lambda: to_bytes(render(report)), runs)
    print(f"runs: {runs}")
    print(f"baseline (empty DOCX saved):       {baseline * 1000:7.1f} ms  1.0x")
    print(f"narrative only (render):           {narrative * 1000:7.1f} ms  "
          f"{narrative / baseline:.1f}x")
    print(f"demo commune report (render+DOCX): {full * 1000:7.1f} ms  {full / baseline:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
