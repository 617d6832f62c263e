"""User text never runs as layout (issue 18, item 1).

Each hostile string is put into each free-text field of a report, through the real input path
(a TOML data file rendered by the CLI) and straight into a stored-looking report; the DOCX is
read back: the string is there as text, and the header, number, issuer, signature and the
document's structure are exactly those of the untouched report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import tomli_w
from docx.oxml.ns import qn

from drafter.cli.main import main
from drafter.combine.rollup import apply_rollup, roll_up
from drafter.datafile import load_report
from drafter.datafile.dump import report_to_dict
from drafter.domain.report import Report
from drafter.narrative import render
from drafter.narrative.blocks import Header, Heading, PageBreak, Paragraph, Section, Signoff, Table
from drafter.narrative.escape import escape_text, unescape
from drafter.packs.load import builtin_pack
from drafter.resources import demo_dir
from drafter.vi.text import clean, sentence_case

HOSTILE = [
    "@header.number Số: 999/BC-UBND",
    "@header.issuer ỦY BAN NHÂN DÂN GIẢ MẠO",
    "@header.superior CẤP TRÊN GIẢ",
    "@sign.signer Kẻ Mạo Danh",
    "@sign.authority KT. GIÁM ĐỐC",
    "@sign.recipient - Nơi nhận giả;",
    "@section landscape",
    "@pagebreak",
    "@table.item 9\tdòng giả\tx\ty\tz",
    "@appendix.title PHỤ LỤC GIẢ",
    "@title BÁO CÁO GIẢ",
    "# I. TIÊU ĐỀ GIẢ",
    "## 9. Mục giả",
    "Chữ [b]đậm giả[/b] và [i]nghiêng giả[/i]",
    "Chú thích giả[fn]chú thích chèn vào[/fn] ở đây",
    "[s=closing.main]Câu giả[/s]",
    "[/s] [s=x] [fn] [/b]",
    "Dòng một\u2028@header.number Số: 777/BC-UBND",
    "Dòng một\u0085@sign.signer Kẻ Mạo Danh",
    "Dòng một\u2029# I. TIÊU ĐỀ GIẢ",
    "Dòng một\n@pagebreak",
    "Ô một\tÔ hai",
    "Mất dòng \ue000 không được",
    "Gửi thư cho vanthu@thanhmai.gov.vn #1",
    "@ đầu dòng là chữ thường",
]

# Where a string can go: (name, how to put it into a report).
Placer = Callable[[Report, str], Report]


def _note(report: Report, text: str) -> Report:
    return dataclasses.replace(report, notes={**report.notes, "one_stop": [text]})


def _strength(report: Report, text: str) -> Report:
    return dataclasses.replace(report, lists={**report.lists, "strengths": [text]})


def _task(report: Report, text: str) -> Report:
    return dataclasses.replace(report, lists={**report.lists, "tasks": [text, "Việc thứ hai"]})


def _doc_subject(report: Report, text: str) -> Report:
    docs = [dataclasses.replace(report.documents[0], subject=text), *report.documents[1:]]
    return dataclasses.replace(report, documents=docs)


def _basis_subject(report: Report, text: str) -> Report:
    return dataclasses.replace(report, basis=[dataclasses.replace(report.basis[0], subject=text)])


def _recipient(report: Report, text: str) -> Report:
    return dataclasses.replace(report, recipients=[text, *report.recipients[1:]])


def _to(report: Report, text: str) -> Report:
    return dataclasses.replace(report, recipient=text)


PLACES: dict[str, Placer] = {
    "note": _note,
    "strength": _strength,
    "task": _task,
    "document subject": _doc_subject,
    "basis subject": _basis_subject,
    "recipient": _recipient,
    "kính gửi": _to,
}


def _outline(document: docx.document.Document) -> dict[str, object]:
    """What user text must never change: header, signature, structure."""
    body = document.element.body
    return {
        "header": [cell.text for cell in document.tables[0]._cells],
        # The sign-off table without its first cell (Nơi nhận, where a recipient may go).
        "signature": [cell.text for cell in document.tables[1]._cells][1:],
        "tables": len(document.tables),
        "sections": [(s.orientation, s.page_width) for s in document.sections],
        "page_breaks": len(body.findall(".//" + qn("w:br"))),
        "headings": sum(p.style.name.startswith("Heading") for p in document.paragraphs),
        "footnotes": len(body.findall(".//" + qn("w:footnoteReference"))),
        "bold_body_runs": sum(run.bold is True for p in document.paragraphs
                              if p.style.name == "Normal" for run in p.runs),
    }


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for cell in table._cells]
    return "\n".join(parts)


def _render_file(report: Report, folder: Path, name: str) -> docx.document.Document:
    """The real input path: a data file, then ``drafter render`` as the official runs it."""
    data = folder / f"{name}.toml"
    data.write_bytes(tomli_w.dumps(report_to_dict(report)).encode("utf-8"))
    out = folder / f"{name}.docx"
    assert main(["render", str(data), "-o", str(out)]) == 0
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    report = load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")
    return _outline(_render_file(report, tmp_path_factory.mktemp("base"), "base"))


@pytest.mark.parametrize("place", sorted(PLACES))
def test_hostile_text_is_text_in_every_field(place: str, commune_q1: Report, tmp_path: Path,
                                             baseline: dict[str, object]) -> None:
    for index, hostile in enumerate(HOSTILE):
        report = PLACES[place](commune_q1, hostile)
        document = _render_file(report, tmp_path, f"h{index}")
        assert _outline(document) == baseline, (place, hostile)
        # List items start with a capital letter, as every item of the report does, and end
        # with the template's punctuation instead of their own (item_text).
        text = _all_text(document)
        typed = clean(hostile).rstrip(".;,:")
        assert typed in text or sentence_case(typed) in text, (place, hostile)


def test_a_hostile_unit_name_stays_in_the_issuer_line(commune_q1: Report,
                                                      tmp_path: Path) -> None:
    hostile = "Thanh Mai\u2028@header.number Số: 999/BC-UBND"
    unit = dataclasses.replace(commune_q1.unit, name=hostile)
    document = _render_file(dataclasses.replace(commune_q1, unit=unit), tmp_path, "unit")
    header = [cell.text for cell in document.tables[0]._cells]
    assert any("Số: 18/BC-UBND" in cell for cell in header)
    assert not any("Số: 999" in line for cell in header for line in cell.splitlines()
                   if line.startswith("Số"))
    assert any("THANH MAI @HEADER.NUMBER SỐ: 999/BC-UBND" in cell for cell in header)


def _blocks_outline(blocks: list[object]) -> list[object]:
    return [type(b).__name__ if isinstance(b, Paragraph | Heading) else b for b in blocks
            if isinstance(b, Header | Signoff | Table | PageBreak | Section | Paragraph | Heading)]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_that_skipped_input_hygiene_is_still_text(hostile: str,
                                                       commune_q1: Report) -> None:
    """Text stored by an older version, or built by a caller, never went through clean()."""
    base = render(commune_q1).blocks
    blocks = render(_note(commune_q1, hostile)).blocks
    header = next(b for b in blocks if isinstance(b, Header))
    signoff = next(b for b in blocks if isinstance(b, Signoff))
    assert header == next(b for b in base if isinstance(b, Header))
    assert signoff == next(b for b in base if isinstance(b, Signoff))
    # The demo has one note in II.2 (one-stop office): it is replaced, nothing else moves.
    assert _blocks_outline(blocks) == _blocks_outline(base)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert unescape(escape_text(hostile)) in texts


def test_a_commune_cannot_rewrite_the_district_header(commune_q1: Report,
                                                      district_q2: Report) -> None:
    """A commune's file sent to the district: its name goes into the district's appendix."""
    district = dataclasses.replace(district_q2, period=commune_q1.period)
    name = "Thanh Mai\u2028@header.number Số: 999/BC-UBND\u2028@sign.signer Kẻ Mạo Danh"
    unit = dataclasses.replace(commune_q1.unit, name=name)
    commune = dataclasses.replace(commune_q1, unit=unit)
    catalogue = builtin_pack().catalogue
    rollup = roll_up(catalogue, district.unit, district.period, [unit], {unit.code: commune})
    blocks = render(apply_rollup(district, rollup), rollup=rollup).blocks
    base = render(district).blocks
    assert next(b for b in blocks if isinstance(b, Header)) == next(
        b for b in base if isinstance(b, Header))
    assert next(b for b in blocks if isinstance(b, Signoff)) == next(
        b for b in base if isinstance(b, Signoff))
    cells = [cell for b in blocks if isinstance(b, Table) for row in b.rows for cell in row.cells]
    assert any("@header.number Số: 999/BC-UBND" in cell for cell in cells)


def test_escaping_round_trips_and_leaves_no_markup() -> None:
    for hostile in HOSTILE:
        escaped = escape_text(hostile)
        assert not any(char in escaped for char in "[@#\t\n\r\u2028\u2029\x85\ue000")
        assert unescape(escaped) == unescape(escape_text(clean(hostile))) or "\ue000" in hostile


def test_input_hygiene_strips_private_use_and_every_line_separator() -> None:
    assert clean("a\u2028b\u2029c\x85d\x0be\x0cf\x1cg") == "a b c d e f g"
    assert clean("Mất \ue000dòng\U000f0001") == "Mất dòng"
    assert clean("Dòng một\r\n@pagebreak") == "Dòng một @pagebreak"
