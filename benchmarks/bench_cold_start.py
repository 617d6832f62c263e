"""``drafter render FILE -o X.docx`` from the prompt against a Python process that imports
python-docx and Jinja2, formats one number with Babel's Vietnamese locale and saves an empty
DOCX: each a fresh process, interleaved, median of N runs. Target: drafter within 2×.

    python benchmarks/bench_cold_start.py [N]

Both run with bytecode caches as an installed drafter has them (the first, untimed run of
each writes them where the environment allows), and drafter's compiled-template cache warm,
as after its first use.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.resources import demo_dir

BASELINE = """
import io, docx, jinja2
from babel.numbers import format_decimal
format_decimal(1234.5, locale="vi_VN")
docx.Document().save(io.BytesIO())
"""


def _seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def measure(runs: int) -> tuple[float, float]:
    """Median seconds of the baseline process and of ``drafter render``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as folder:
        render = [sys.executable, "-m", "drafter", "render",
                  str(demo_dir() / "xa-thanh-mai-2024-Q1.toml"), "-o",
                  str(Path(folder) / "x.docx")]
        baseline = [sys.executable, "-c", BASELINE]
        _seconds(baseline, env)
        _seconds(render, env)
        base, ours = [], []
        for _ in range(runs):
            base.append(_seconds(baseline, env))
            ours.append(_seconds(render, env))
    return statistics.median(base), statistics.median(ours)


def main(runs: int = 9) -> None:
    base, ours = measure(runs)
    print(f"Cold start, median of {runs} runs:")
    print(f"  python-docx + Jinja2 + Babel, empty DOCX: {base * 1000:6.0f} ms")
    print(f"  drafter render FILE -o X.docx:            {ours * 1000:6.0f} ms  "
          f"{ours / base:.2f}× (target ≤ 2×)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
