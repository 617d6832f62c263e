"""Races between real processes on one database (a SQLite file; PostgreSQL with --pg):
no traceback, no lost update, no duplicate unit, migrations applied once."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from drafter.domain.report import Report, Status
from drafter.resources import demo_dir
from drafter.storage import Store, connect
from drafter.storage.db import MIGRATIONS

pytestmark = pytest.mark.slow

# Each worker imports drafter first, then waits at the gate, so all start together.
_IMPORT = """
import pathlib, sys, time
from drafter.cli.main import main
gate = pathlib.Path(sys.argv[2])
while not gate.exists():
    time.sleep(0.005)
sys.exit(main(["--db", sys.argv[1], "report", "import", sys.argv[3]]))
"""

_INCREMENT = """
import pathlib, sys, time
from drafter.errors import StaleReportError
from drafter.storage import Store, connect
url, gate = sys.argv[1], pathlib.Path(sys.argv[2])
report_id, count = int(sys.argv[3]), int(sys.argv[4])
store = Store(connect(url))
while not gate.exists():
    time.sleep(0.005)
done = conflicts = 0
while done < count:
    report = store.get(report_id)  # read, change, write back: the TUI's autosave pattern
    report.figures["directive_docs"] += 1
    time.sleep(0.02)  # the official types; the other process saves meanwhile
    try:
        store.save_report(report)
    except StaleReportError:
        conflicts += 1
        continue
    done += 1
print(conflicts)
"""


def _run_together(scripts: list[list[str]], gate: Path) -> list[subprocess.CompletedProcess[str]]:
    processes = [subprocess.Popen([sys.executable, "-c", *script], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for script in scripts]
    time.sleep(0.5)
    gate.touch()
    results = []
    for process, script in zip(processes, scripts, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(script, process.returncode, out, err))
    return results


def test_first_imports_of_one_unit_into_a_fresh_database(tmp_path: Path,
                                                         any_db_url: str) -> None:
    files = [demo_dir() / "xa-thanh-mai-2024-Q1.toml", demo_dir() / "xa-thanh-mai-2024-Q2.toml",
             demo_dir() / "xa-thanh-mai-2024-Q2.toml"]
    gate = tmp_path / "go"
    results = _run_together([[_IMPORT, any_db_url, str(gate), str(path)] for path in files],
                            gate)
    for result in results:
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 0, result.stderr
    store = Store(connect(any_db_url))
    assert [unit.code for unit in store.units()] == ["xa-thanh-mai"]
    assert [s.period.code for s in store.list()] == ["2024-Q1", "2024-Q2"]
    with store.engine.connect() as connection:
        names = [row[0] for row in connection.execute(text("SELECT name FROM migrations"))]
    assert sorted(names) == sorted(name for name, _ in MIGRATIONS)


def test_read_modify_write_from_two_processes_loses_nothing(tmp_path: Path, any_db_url: str,
                                                            commune_q1: Report) -> None:
    commune_q1.status = Status.DRAFT
    store = Store(connect(any_db_url))
    report_id = store.save_report(commune_q1)
    start = store.get(report_id).figures["directive_docs"]
    assert isinstance(start, int)
    gate, count = tmp_path / "go", 8
    results = _run_together([[_INCREMENT, any_db_url, str(gate), str(report_id), str(count)]
                             for _ in range(2)], gate)
    for result in results:
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert store.get(report_id).figures["directive_docs"] == start + 2 * count
    updates = [c for c in store.history(report_id) if c.field == "figures.directive_docs"]
    assert len(updates) == 2 * count
    assert [c.new for c in updates] == [str(start + i) for i in range(1, 2 * count + 1)]
