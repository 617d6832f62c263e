"""TUI start-up: a fresh process from launch until the report editor is on screen.

The baseline is a fresh process that starts a bare Textual app the same way, measured in the
same run; the target is under 1,5 s on the development machine.

    python benchmarks/bench_tui_startup.py [N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import asyncio
from textual.app import App
async def main():
    async with App().run_test() as pilot:
        await pilot.pause()
asyncio.run(main())
"""

DRAFTER = """
import asyncio, sys
from drafter.tui import create_app
from drafter.tui.screens.editor import EditorScreen
async def main():
    app = create_app(sys.argv[1])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen), app.screen
asyncio.run(main())
"""


def _prepare(directory: Path) -> str:
    from drafter.datafile import load_report
    from drafter.resources import demo_dir
    from drafter.storage import Store, connect

    url = f"sqlite:///{directory / 'bench.sqlite'}"
    store = Store(connect(url))
    report_id = store.save_report(load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml"))
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", "procedures")
    return url


def median_seconds(code: str, args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as directory:
        url = _prepare(Path(directory))
        baseline = median_seconds(BASELINE, [], runs)
        drafter = median_seconds(DRAFTER, [url], runs)
    print(f"bare Textual app start-up:        {baseline * 1000:7.0f} ms (median of {runs})")
    print(f"drafter start-up to the editor:   {drafter * 1000:7.0f} ms "
          f"({drafter / baseline:.1f}× the bare app; target < 1500 ms)")


if __name__ == "__main__":
    main()
