"""Last period's report read from Word (``drafter report import-word``): drafter's own DOCX
read back figure for figure, document for document; Word files laid out as provinces make
them by hand (built here with python-docx); files that are not reports refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.api import render_to_file
from drafter.datafile import load_report
from drafter.domain.report import Report
from drafter.exchange.word import read_word_report
from drafter.packs.load import builtin_pack
from drafter.resources import demo_dir
from drafter.vi.text import label_key

PACK = builtin_pack()
REFERENCE = Path(__file__).parent / "data" / "reference"
REPORTS = sorted([*demo_dir().rglob("*-[0-9][0-9][0-9][0-9]-*.toml"), *REFERENCE.glob("*.toml")])


def _printed(report: Report) -> dict[str, object]:
    """The figures the unit's appendix prints: those its layout lists and that are given."""
    keys = {row.key for row in PACK.catalogue.layout(report.unit.tier).rows if row.key}
    return {key: value for key, value in report.figures.items()
            if key in keys and not PACK.catalogue[key].derived}


def _same_text(items: list[str]) -> list[str]:
    return [label_key(item, PACK.abbreviations) for item in items]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_own_docx_round_trip(path: Path, tmp_path: Path) -> None:
    report = load_report(path)
    docx_path = render_to_file(report, tmp_path / "r.docx")
    read = read_word_report(docx_path, report.unit)
    got = read.report
    assert got.period == report.period
    assert got.date == report.date
    assert {k: got.figures.get(k) for k in _printed(report)} == _printed(report)
    assert got.basis == report.basis
    for doc in report.documents:
        # The subject is read up to the end of the sentence citing it: the words the
        # narrative adds after it ("… để chỉ đạo, điều hành") cannot be told from it.
        same = [read for read in got.documents if (read.kind, read.number, read.date,
                                                   read.section) ==
                (doc.kind, doc.number, doc.date, doc.section)]
        assert same, doc
        assert same[0].subject.startswith(doc.subject)
        assert same[0].full_number == doc.full_number
    assert _same_text(got.items("tasks")) == _same_text(report.items("tasks"))
    assert got.recipients == report.recipients
    assert not [line for line in read.review if "tính từ số liệu" in line]
