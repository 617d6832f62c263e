"""Batch rendering: every commune in parallel, failures listed without stopping the rest.
Workers are started by spawn, as on Windows, unless a test says otherwise."""

from __future__ import annotations

import io
import multiprocessing
import os
import signal
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document as open_docx
from sqlalchemy import text

from drafter.cli.main import main
from drafter.demo.sample import communes_like
from drafter.domain.report import Report, Status
from drafter.office.parallel import MAX_WORKERS, Job, Outcome, pool_size, render_all
from drafter.storage import Store, connect

pytestmark = pytest.mark.usefixtures("spawn")


def _texts(path: Path) -> list[str]:
    return [p.text for p in open_docx(str(path)).paragraphs]


def test_render_all_lists_failures_and_keeps_good_files(
        db_url: str, tmp_path: Path, commune_q1: Report, district_q2: Report,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(connect(db_url))
    store.save_unit(district_q2.unit)
    communes = communes_like(replace(commune_q1, status=Status.FINAL), 5,
                             district_q2.unit.code)
    broken = communes[1]
    broken.figures = {**broken.figures, "files_on_time": 10_000}  # more than files solved
    broken.status = Status.DRAFT  # the store refuses a final report that fails its checks
    for report in communes[:4]:
        store.save_report(report)
    with store.engine.begin() as connection:  # made final under a pack with older checks
        connection.execute(text("UPDATE reports SET status = 'final'"))
    store.save_unit(communes[4].unit)  # a commune that has not reported
    out = tmp_path / "out"
    out.mkdir()
    kept = out / f"{broken.unit.code}-2024-Q1.docx"
    kept.write_bytes(b"the good file from yesterday")

    code = main(["--db", db_url, "render-all", "--unit", district_q2.unit.code,
                 "--period", "2024-Q1", "-o", str(out), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"Chưa có báo cáo quý I năm 2024: xã {communes[4].unit.name}" in captured.out
    assert "Đã soạn 3/4 báo cáo" in captured.out
    assert f"  - xã {broken.unit.name}: " in captured.out
    assert "lớn hơn" in captured.out  # the failing check is named
    assert "4/4" in captured.err  # the progress bar reached the end
    written = sorted(path.name for path in out.glob("*.docx"))
    assert written == sorted(f"{c.unit.code}-2024-Q1.docx" for c in communes[:4])
    assert kept.read_bytes() == b"the good file from yesterday"
    good = out / f"{communes[0].unit.code}-2024-Q1.docx"
    assert any(f"xã {communes[0].unit.name}" in text for text in _texts(good))


def test_parallel_and_sequential_write_the_same_reports(tmp_path: Path,
                                                        commune_q1: Report) -> None:
    reports = communes_like(commune_q1, 4, "huyen-dong-son")
    outcomes = {}
    for workers in (1, 2):
        folder = tmp_path / str(workers)
        jobs = [Job(r, folder / f"{r.unit.code}.docx") for r in reports]
        outcomes[workers] = render_all(jobs, workers=workers)
        assert all(outcome.ok for outcome in outcomes[workers])
    for report in reports:
        name = f"{report.unit.code}.docx"
        assert _texts(tmp_path / "1" / name) == _texts(tmp_path / "2" / name)


@pytest.mark.parametrize("method", ["spawn", "fork", "forkserver"])
def test_a_worker_that_dies_costs_no_report(tmp_path: Path, commune_q1: Report,
                                            method: str) -> None:
    """A worker killed mid-batch (by the system, an antivirus, lack of memory) breaks the
    pool; the reports it had not written are written all the same."""
    multiprocessing.set_start_method(method, force=True)
    reports = communes_like(commune_q1, 8, "huyen-dong-son")
    jobs = [Job(r, tmp_path / f"{r.unit.code}.docx") for r in reports]
    killed: list[int] = []

    def kill_a_worker(done: int, total: int, outcome: Outcome) -> None:
        if done == 2 and not killed:
            victim = multiprocessing.active_children()[0]
            killed.append(victim.pid or 0)
            os.kill(victim.pid or 0, signal.SIGKILL)

    outcomes = render_all(jobs, workers=2, progress=kill_a_worker)
    assert killed
    assert [o.error for o in outcomes] == [""] * len(jobs)
    assert all(_texts(job.path) for job in jobs)


def test_the_pool_is_never_larger_than_windows_allows() -> None:
    assert MAX_WORKERS == 61
    assert pool_size(200, 500) == 61
    assert pool_size(None, 500) == min(os.cpu_count() or 1, 61)
    assert pool_size(8, 3) == 3
    assert pool_size(4, 0) == 1


@pytest.mark.parametrize("jobs", ["-1", "0", "hai"])
def test_a_number_of_jobs_that_is_not_positive_is_one_line(
        jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["render-all", "--unit", "huyen-dong-son", "--period", "2024-Q1",
              "-o", str(tmp_path), "--jobs", jobs])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and err.count("\n") == 1 and "--jobs" in err, err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_on_a_terminal_is_richs(commune_q1: Report, tmp_path: Path) -> None:
    """Drawn by Rich (which uses the console's own calls on an old cmd.exe), not by hand."""
    from drafter.cli.progress import ProgressBar

    reports = communes_like(commune_q1, 3, "huyen-dong-son")
    screen = _Terminal()
    with ProgressBar(screen) as progress:
        for done, report in enumerate(reports, 1):
            progress(done, len(reports), Outcome(Job(report, tmp_path / "x.docx")))
    drawn = screen.getvalue()
    assert "━" in drawn and "3/3" in drawn and reports[-1].unit.label in drawn
    assert "\r\x1b[2K[" not in drawn  # the hand-drawn bar's way
