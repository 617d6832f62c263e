"""TUI start-up as a person sees it: from launching ``drafter`` in a terminal until the report
editor's fields are on the screen.

Each run starts a fresh process on a pseudo-terminal (80×24 is not needed: 120×40) and reads
what it draws; the clock stops when the first figure's label of the section reopened from
last time appears. The baseline is a bare Textual app started and read the same way in the
same run, stopped when its one label appears. The process is then killed: shutting down is
not part of starting; baseline and drafter runs alternate. Target (issue 17): within 4× of
the bare app.

    python benchmarks/bench_tui_startup.py [N]
"""

from __future__ import annotations

import os
import pty
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SECTION = "procedures"
BASELINE_TEXT = "bare-app-ready"
BASELINE = f"""
from textual.app import App
from textual.widgets import Label
class Bare(App[None]):
    def compose(self):
        yield Label("{BASELINE_TEXT}")
Bare().run()
"""


def _prepare(directory: Path) -> tuple[str, str]:
    """A database with the demo report open at SECTION; the text that shows it is drawn."""
    from drafter.datafile import load_report
    from drafter.packs.load import builtin_pack
    from drafter.resources import demo_dir
    from drafter.storage import Store, connect

    url = f"sqlite:///{directory / 'bench.sqlite'}"
    store = Store(connect(url))
    report_id = store.save_report(load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml"))
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", SECTION)
    first = builtin_pack().catalogue.in_section(SECTION)[0]
    return url, first.label


def seconds_until_drawn(command: list[str], text: str, cwd: Path) -> float:
    """Launch ``command`` on a pseudo-terminal; seconds until ``text`` is drawn."""
    master, slave = pty.openpty()
    # Bytecode is written and read, as for an installed package (some shells turn it off).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env |= {"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    output = bytearray()
    seen = threading.Event()
    wanted = text.encode()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)
            if wanted in output:
                seen.set()

    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=cwd, start_new_session=True)
    os.close(slave)
    threading.Thread(target=drain, daemon=True).start()
    try:
        if not seen.wait(60):
            raise RuntimeError(f"{text!r} never appeared: {bytes(output[-500:])!r}")
        return time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        os.close(master)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        url, label = _prepare(directory)
        bare_command = [sys.executable, "-c", BASELINE]
        our_command = [sys.executable, "-m", "drafter", "--db", url, "tui"]
        # A first launch of each, unmeasured, as after a first use: bytecode and caches.
        seconds_until_drawn(bare_command, BASELINE_TEXT, directory)
        seconds_until_drawn(our_command, label, directory)
        # Interleaved, so a change in the machine's load weighs on both alike.
        bare, ours = [], []
        for _ in range(runs):
            bare.append(seconds_until_drawn(bare_command, BASELINE_TEXT, directory))
            ours.append(seconds_until_drawn(our_command, label, directory))
        baseline, drafter = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app, launch to drawn:   {baseline * 1000:6.0f} ms (median of {runs})")
    print(f"drafter, launch to the editor drawn: {drafter * 1000:6.0f} ms "
          f"({drafter / baseline:.1f}× the bare app; target ≤ 4×)")


if __name__ == "__main__":
    main()
