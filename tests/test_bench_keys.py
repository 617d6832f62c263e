"""The keystroke benchmark (benchmarks/bench_keys.py) leaves the reports it says it types:
quarter I of xã Cẩm Giàng as the reference report's appendix, quarter II from it. Without
this the script could drift (a box renamed, a key that no longer does what it did) and go on
printing counts of keys that enter nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import docx
import pytest

from drafter.domain.periods import Period
from drafter.storage import Store, connect
from drafter.tui.widgets.figure_row import show_value

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_keys


@pytest.mark.slow
def test_the_keystroke_benchmark_types_the_reports_it_counts(tmp_path: Path) -> None:
    first, second = asyncio.run(bench_keys.run(tmp_path))
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    unit = store.unit(bench_keys.CODE)
    assert unit is not None and unit.label == "xã Cẩm Giàng"
    assert unit.signer.name == "Vũ Văn Thành" and list(unit.recipients) == bench_keys.RECIPIENTS
    for code, figures, dates, said in (
            ("2024-Q1", bench_keys.Q1, bench_keys.Q1_ISSUING, "quý I năm 2024"),
            ("2024-Q2", bench_keys.Q2, bench_keys.Q2_ISSUING, "quý II năm 2024")):
        report_id = store.report_id(bench_keys.CODE, Period.parse(code))
        assert report_id is not None, code
        report = store.get(report_id)
        assert {key: show_value(value) for key, value in report.figures.items()} == figures
        assert not report.review, code  # everything carried was confirmed
        for name, typed in dates.items():
            assert getattr(report, name) == dt.datetime.strptime(typed, "%d/%m/%Y").date()
        written = docx.Document(str(tmp_path / "out" / f"{bench_keys.CODE}-{code}.docx"))
        text = "\n".join(p.text for p in written.paragraphs)
        assert f"Kết quả thực hiện công tác cải cách hành chính {said}" in text
        assert "của UBND xã Cẩm Giàng)" in text
    # The counts the README quotes: the next quarter takes far fewer keys than the first.
    assert 0 < second < first / 1.5
