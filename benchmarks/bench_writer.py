"""The DOCX writer against three others on the same blocks (the demo commune report's), in one
run: a bare python-docx writer, docxtpl with a paragraph loop and a row loop, and the floor,
document.xml built as one string and zipped with the package's other parts. Medians of N runs.

    python benchmarks/bench_writer.py [N]

Every writer starts from the same package (drafter's styled empty document), so the
comparison is of the work each does for the content, not of the templates' sizes.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

import docx
from docxtpl import DocxTemplate, RichText

from drafter.datafile import load_report
from drafter.narrative import render
from drafter.narrative.blocks import Document, Header, Heading, Paragraph, Signoff, Table
from drafter.resources import demo_dir
from drafter.writer.docx_writer import new_document, to_bytes

Content = tuple[list[tuple[int, list[tuple[str, bool, bool]]]], list[list[str]]]


def median_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians of wall-clock and CPU time in ms. On a shared machine the CPU time is the
    steadier measure of a single-threaded writer; on an idle one the two agree."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def content(document: Document) -> Content:
    """The blocks as the other writers take them: paragraphs (heading level, runs) and the
    rows of every table; header and signature lines become paragraphs."""
    paragraphs: list[tuple[int, list[tuple[str, bool, bool]]]] = []
    rows: list[list[str]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph | Heading):
            level = block.level if isinstance(block, Heading) else 0
            paragraphs.append((level, [(r.text, r.bold, r.italic) for r in block.runs]))
        elif isinstance(block, Table):
            rows += [list(row.cells) + [""] * (5 - len(row.cells)) for row in block.rows]
        elif isinstance(block, Header | Signoff):
            lines = [v for v in vars(block).values() if isinstance(v, str) and v]
            paragraphs += [(0, [(line, True, False)]) for line in lines]
    return paragraphs, rows


def _base_bytes() -> bytes:
    buffer = io.BytesIO()
    new_document(Document().meta).save(buffer)
    return buffer.getvalue()


def bare_python_docx(base: bytes, data: Content) -> bytes:
    """What a python-docx user writes: add_paragraph/add_run, add_table/add_row."""
    paragraphs, rows = data
    doc = docx.Document(io.BytesIO(base))
    for level, runs in paragraphs:
        paragraph = doc.add_paragraph(style=f"Heading {level}" if level else None)
        for text, bold, italic in runs:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None
    table = doc.add_table(rows=0, cols=5)
    for cells in rows:
        for cell, text in zip(table.add_row().cells, cells, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def docxtpl_template(base: bytes) -> bytes:
    """A docxtpl template: one paragraph in a ``{%p for %}`` loop, one table row in a
    ``{%tr for %}`` loop."""
    doc = docx.Document(io.BytesIO(base))
    doc.add_paragraph("{%p for p in paragraphs %}")
    doc.add_paragraph("{{r p }}")
    doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=3, cols=5)
    table.rows[0].cells[0].text = "{%tr for row in rows %}"
    for index, cell in enumerate(table.rows[1].cells):
        cell.text = f"{{{{ row[{index}] }}}}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def with_docxtpl(template: bytes, data: Content) -> bytes:
    paragraphs, rows = data
    rich = []
    for _, runs in paragraphs:
        text = RichText()
        for run_text, bold, italic in runs:
            text.add(run_text, bold=bold, italic=italic)
        rich.append(text)
    doc = DocxTemplate(io.BytesIO(template))
    doc.render({"paragraphs": rich, "rows": rows})
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _floor_xml(data: Content) -> str:
    paragraphs, rows = data
    body: list[str] = []
    for level, runs in paragraphs:
        style = f'<w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>' if level else ""
        body.append(f"<w:p>{style}")
        for text, bold, italic in runs:
            props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
            body.append(f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">'
                        f"{escape(text)}</w:t></w:r>")
        body.append("</w:p>")
    body.append("<w:tbl><w:tblPr><w:tblW w:type=\"auto\" w:w=\"0\"/></w:tblPr><w:tblGrid>"
                + '<w:gridCol w:w="1870"/>' * 5 + "</w:tblGrid>")
    for cells in rows:
        body.append("<w:tr>")
        body += [f'<w:tc><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
                 "</w:tc>" for text in cells]
        body.append("</w:tr>")
    body.append("</w:tbl>")
    return "".join(body)


def string_and_zip(parts: dict[str, bytes], head: str, tail: str, data: Content) -> bytes:
    """The floor: document.xml as one string, zipped with the package's other parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in parts.items():
            if name == "word/document.xml":
                blob = (head + _floor_xml(data) + tail).encode("utf-8")
            package.writestr(name, blob)
    return buffer.getvalue()


def _package(base: bytes) -> tuple[dict[str, bytes], str, str]:
    with zipfile.ZipFile(io.BytesIO(base)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    cut = xml.index("<w:body>") + len("<w:body>")
    end = xml.index("<w:sectPr")
    return parts, xml[:cut], xml[end:]


def results(runs: int) -> list[tuple[str, tuple[float, float]]]:
    """(writer, (wall, CPU) median ms) for the four writers, in one run."""
    document = render(load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml"))
    data = content(document)
    base = _base_bytes()
    template = docxtpl_template(base)
    parts, head, tail = _package(base)
    work: list[tuple[str, Callable[[], Any]]] = [
        ("drafter writer", lambda: to_bytes(document)),
        ("bare python-docx", lambda: bare_python_docx(base, data)),
        ("docxtpl (paragraph and row loops)", lambda: with_docxtpl(template, data)),
        ("floor: string + zip", lambda: string_and_zip(parts, head, tail, data)),
    ]
    for _, job in work:
        job()  # warm: imports, caches
    return [(name, median_ms(job, runs)) for name, job in work]


def main(runs: int = 30) -> None:
    document = render(load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml"))
    paragraphs, rows = content(document)
    print(f"Writers on the demo commune report's blocks ({len(paragraphs)} paragraphs, "
          f"{len(rows)} table rows), median of {runs} runs:")
    measured = results(runs)
    ours = measured[0][1][1]
    floor = measured[-1][1][1]
    print(f"{'writer':<36}{'wall':>10}{'CPU':>10}{'drafter ÷ it':>14}{'it ÷ floor':>12}"
          "  (ratios of CPU time)")
    for name, (wall, cpu) in measured:
        print(f"{name:<36}{wall:>7.1f} ms{cpu:>7.1f} ms{ours / cpu:>13.2f}×"
              f"{cpu / floor:>11.2f}×")
    wall, cpu = median_ms(lambda: render(load_report(demo_dir() / "xa-thanh-mai-2024-Q1.toml")),
                          runs)
    print(f"{'(narrative: load + render)':<36}{wall:>7.1f} ms{cpu:>7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
