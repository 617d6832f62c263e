"""Batch rendering: every commune in parallel, failures listed without stopping the rest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document as open_docx
from sqlalchemy import text

from drafter.cli.main import main
from drafter.demo.sample import communes_like
from drafter.domain.report import Report, Status
from drafter.office.parallel import Job, render_all
from drafter.storage import Store, connect


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
