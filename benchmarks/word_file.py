"""Quarter I of xã Cẩm Giàng as a Word file its clerk made by hand (not by drafter), for the
keystroke benchmark's first report started from Word and for the tests reading the reference
reports: built with python-docx from the reference's text (tests/data/reference/*.txt)."""

from __future__ import annotations

from pathlib import Path

import docx

REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "data" / "reference"


def from_reference_text(text: str, path: Path) -> Path:
    """A Word file of a reference report's text (tests/data/reference/*.txt) as its clerk
    typed it: each line a paragraph, each run of tab-separated lines a table (ragged rows
    padded), the conversion's marks dropped (``<i>``, a heading's ``#`` and ``**``: in Word a
    heading is only bold), footnotes as the paragraphs they are in the text."""
    document = docx.Document()
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            width = max(len(row) for row in block)
            rows = [row + [""] * (width - len(row)) for row in block]
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            block.clear()

    for line in text.replace("<i>", "").replace("</i>", "").splitlines():
        if "\t" in line:
            block.append(line.split("\t"))
            continue
        flush()
        heading = line.lstrip("#").strip()
        if heading.startswith("**") and heading.endswith("**"):
            document.add_paragraph().add_run(heading.strip("*")).bold = True
        elif line.strip():
            document.add_paragraph(line)
    flush()
    document.save(str(path))
    return path
