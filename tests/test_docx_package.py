"""The writer's own saving (drafter.writer.package) writes what python-docx's ``save`` writes.

The parts every report shares are serialised and deflated once per process; a report that
changed one of them (footnotes, a watermark, a landscape section) would otherwise be saved
with a stale copy. Each file is compared part by part, as bytes, with python-docx's saving
of the same document, after other reports were written in the same process.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import pytest

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.narrative.blocks import Document
from drafter.resources import demo_dir
from drafter.writer import package
from drafter.writer.docx_writer import build_docx, to_bytes


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def _demo(name: str, draft: bool = False) -> Document:
    document = render(load_report(demo_dir() / name))
    return replace(document, meta=replace(document.meta, draft=draft))


@pytest.mark.parametrize(("name", "draft"), [
    ("xa-thanh-mai-2024-Q1.toml", False),  # no footnote
    ("huyen-dong-son-2024-Q2.toml", True),  # a footnote, and the watermark
    ("2026/tinh-thai-nguyen-2026-Q1.toml", True),  # a footnote, the communes' table
    ("xa-thanh-mai-2024-Q1.toml", True),
])
def test_saved_as_python_docx_saves_it(name: str, draft: bool) -> None:
    to_bytes(_demo("huyen-dong-son-2024-Q2.toml", draft=True))  # shared parts made, reused
    document = _demo(name, draft)
    built = build_docx(document)
    expected = io.BytesIO()
    built.save(expected)
    ours = _parts(package.to_bytes(built.part.package))
    assert ours == _parts(expected.getvalue())
    assert _parts(to_bytes(document)) == ours
    if draft:
        assert b"PowerPlusWaterMarkObject" in ours["word/header1.xml"]
    reopened = docx.Document(io.BytesIO(to_bytes(document)))
    assert reopened.core_properties.title == document.meta.title
