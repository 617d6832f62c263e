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
from drafter.domain.report import WORD_MARK
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


@pytest.mark.slow
def test_the_first_report_from_last_quarters_word_file(tmp_path: Path) -> None:
    """Quarter II started from quarter I's Word file made by hand: the same figures, dates
    and documents as quarter II from drafter's quarter I, the Word file's lists carried (the
    first task, done, deleted), in at most a third of the keys of a first report."""
    keys = asyncio.run(bench_keys.run_from_word(tmp_path))
    assert 0 < keys <= 1885 / 3
    store = Store(connect(f"sqlite:///{tmp_path / 'drafter.sqlite'}"))
    q1 = store.find(bench_keys.CODE, Period.parse("2024-Q1"))
    q2 = store.find(bench_keys.CODE, Period.parse("2024-Q2"))
    assert q1 is not None and q2 is not None
    assert next(key for key in q1.review if key.startswith(WORD_MARK)) == \
        f"{WORD_MARK}tệp quy-I-2024.docx"
    assert {key: show_value(value) for key, value in q2.figures.items()} == bench_keys.Q2
    assert not q2.review  # everything carried, and what the Word file left, confirmed
    assert [_as_typed(doc, want) for doc, want in
            zip(q2.documents, bench_keys.Q2_DOCUMENTS, strict=True)] == bench_keys.Q2_DOCUMENTS
    assert [doc.full_number for doc in q2.basis] == ["294/UBND-NV"]
    assert q2.lists == {"strengths": q1.items("strengths"),
                        "shortcomings": q1.items("shortcomings"),
                        "tasks": [*q1.items("tasks")[1:], bench_keys.Q2_TASK]}
    assert len(q1.items("tasks")) == 9 and len(q1.items("shortcomings")) == 3
    for name, day in {**bench_keys.Q2_ISSUING, "data_from": "25/02/2024"}.items():
        assert getattr(q2, name) == dt.datetime.strptime(day, "%d/%m/%Y").date()
    written = docx.Document(str(tmp_path / "out" / f"{bench_keys.CODE}-2024-Q2.docx"))
    assert "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024" in \
        "\n".join(p.text for p in written.paragraphs)


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
