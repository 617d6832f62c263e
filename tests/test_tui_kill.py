"""Kill the real app (SIGKILL, no clean exit) mid-edit: what was typed is in the database."""

import os
import pty
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from drafter.domain.periods import Period
from drafter.domain.report import Report, Status
from drafter.storage import Store, connect


def _wait_for(output: bytearray, text: bytes, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in output:
            return True
        time.sleep(0.05)
    return False


def _typed(url: str) -> object:
    report = Store(connect(url)).find("xa-thanh-mai", Period.parse("2024-Q1"))
    return report.figures.get("procedures_simplified") if report else None


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_killed_mid_edit_loses_nothing(tmp_path: Path, commune_q1: Report) -> None:
    url = f"sqlite:///{tmp_path / 'drafter.sqlite'}"
    store = Store(connect(url))
    commune_q1.figures.pop("procedures_simplified", None)
    commune_q1.status = Status.DRAFT  # a final report is read-only until reopened
    report_id = store.save_report(commune_q1)
    store.set_state("last_report", str(report_id))
    store.set_state("last_section", "procedures")

    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"}
    process = subprocess.Popen([sys.executable, "-m", "drafter", "--db", url, "tui"],
                               stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=tmp_path, start_new_session=True)
    os.close(slave)
    output = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    try:
        assert _wait_for(output, "Thủ tục hành chính".encode(), 30), output[-2000:]
        time.sleep(0.5)
        os.write(master, b"1234")  # the editor opens with the cursor in the first figure
        # The app saves as it handles each key; give a slow machine time to handle four.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and _typed(url) != 1234:
            time.sleep(0.1)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        os.close(master)
    saved = Store(connect(url)).find("xa-thanh-mai", Period.parse("2024-Q1"))
    assert saved is not None
    assert saved.figures["procedures_simplified"] == 1234
    assert saved.figures["files_received"] == commune_q1.figures["files_received"]
