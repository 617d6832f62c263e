"""The keystroke benchmark (benchmarks/bench_keys.py) leaves the reports it says it types:
quarter I of xã Cẩm Giàng as the reference report's appendix, basis documents, documents
issued, shortcomings, causes and tasks, quarter II from it, each checked item by item. Without
this the script could drift (a box renamed, a key that no longer does what it did) and go on
printing counts of keys that enter nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import docx
import pytest

from drafter.domain.documents import DocRef, written_number
from drafter.domain.periods import Period
from drafter.packs.load import builtin_pack
from drafter.storage import Store, connect
from drafter.tui.widgets.figure_row import show_value
from drafter.vi.dates import short_date

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_keys


def _as_typed(doc: DocRef, typed: bench_keys.Doc) -> bench_keys.Doc:
    """A stored document written back as the script types it. ``where`` is a basis document's
    issuer; for a document the commune issued, the words typed to find the place it is cited
    in, kept only when that place's title holds them."""
    labelled = builtin_pack().catalogue.labelled()  # the section names the pack gives
    places = {item.id: labelled.get(item.id) or item.title
              for section in builtin_pack().catalogue.sections for item in section.items}
    where = doc.issuer if doc.section == "" else (
        typed.where if typed.where.lower() in places[doc.section].lower() else doc.section)
    return bench_keys.Doc(doc.kind, written_number(doc), short_date(doc.date), doc.subject,
                          where)


@pytest.mark.slow
def test_the_keystroke_benchmark_types_the_reports_it_counts(tmp_path: Path) -> None:
    first, second = asyncio.run(bench_keys.run(tmp_path))
    _check_reports(tmp_path)
    # The counts the README quotes: the next quarter takes far fewer keys than the first.
    assert 0 < second < first / 1.5


def _check_reports(tmp_path: Path) -> None:
    """Both reports hold, item by item, what the script typed, and their DOCX says it."""
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    unit = store.unit(bench_keys.CODE)
    assert unit is not None and unit.label == "xã Cẩm Giàng"
    assert unit.signer.name == "Vũ Văn Thành" and list(unit.recipients) == bench_keys.RECIPIENTS
    for code, figures, dates, said, texts in (
            ("2024-Q1", bench_keys.Q1, bench_keys.Q1_ISSUING, "quý I năm 2024",
             (bench_keys.BASIS, bench_keys.DOCUMENTS, bench_keys.Q1_LISTS)),
            ("2024-Q2", bench_keys.Q2, bench_keys.Q2_ISSUING, "quý II năm 2024",
             (bench_keys.BASIS, bench_keys.Q2_DOCUMENTS, bench_keys.Q2_LISTS))):
        report_id = store.report_id(bench_keys.CODE, Period.parse(code))
        assert report_id is not None, code
        report = store.get(report_id)
        assert {key: show_value(value) for key, value in report.figures.items()} == figures
        assert not report.review, code  # everything carried was confirmed
        typed_basis, typed_documents, typed_lists = texts
        for stored, typed in ((report.basis, typed_basis),
                              (report.documents, typed_documents)):
            assert [_as_typed(doc, want) for doc, want in zip(stored, typed, strict=True)] \
                == typed, code
        assert report.lists == typed_lists, code
        for name, day in dates.items():
            assert getattr(report, name) == dt.datetime.strptime(day, "%d/%m/%Y").date()
        written = docx.Document(str(tmp_path / "out" / f"{bench_keys.CODE}-{code}.docx"))
        text = "\n".join(p.text for p in written.paragraphs)
        assert f"Kết quả thực hiện công tác cải cách hành chính {said}" in text
        assert "của UBND xã Cẩm Giàng)" in text
        for doc in [*report.basis, *report.documents]:
            assert f"{doc.kind} số {doc.full_number} ngày {short_date(doc.date)}" in text
        for item in (item for items in report.lists.values() for item in items):
            assert item[:40] in text  # the narrative may abbreviate further on (DVCTT)
