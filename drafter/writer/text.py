"""Plain-text rendering of a document, for previews and golden tests."""

from __future__ import annotations

from drafter.narrative.blocks import (
    Document,
    Header,
    Heading,
    PageBreak,
    Paragraph,
    Role,
    RowKind,
    Run,
    Section,
    Signoff,
    Table,
)

_CENTRED = (Role.TITLE, Role.SUBJECT, Role.TO, Role.APPENDIX_LABEL, Role.APPENDIX_TITLE)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def to_text(document: Document, width: int = 96) -> str:
    """One line per paragraph; header and signature block as two labelled columns.

    A footnote shows as a superscript number in its line, its text on the lines after the
    paragraph (as the reference reports are typed when copied out of Word).
    """
    lines: list[str] = []
    notes: list[str] = []

    def text_of(runs: tuple[Run, ...]) -> str:
        parts = []
        for run in runs:
            if run.note:
                notes.append("".join(part.text for part in run.note))
                parts.append(str(len(notes)).translate(_SUPERSCRIPT))
            else:
                parts.append(run.text)
        return "".join(parts)

    for block in document.blocks:
        first_note = len(notes)
        if isinstance(block, Header):
            left = [block.superior, block.issuer, block.number]
            right = [block.motto, block.motto_sub, block.dateline]
            half = width // 2
            if max(map(len, left)) < half and max(map(len, right)) <= width - half:
                for l_text, r_text in zip(left, right, strict=True):
                    lines.append(f"{l_text:<{half}}{r_text}".rstrip())
            else:  # too narrow for two columns (a preview pane): one after the other
                lines.extend([*left, "", *right])
            lines.append("")
        elif isinstance(block, Heading):
            lines.append(text_of(block.runs))
        elif isinstance(block, Paragraph):
            text = text_of(block.runs)
            lines.append(text.center(width).rstrip() if block.role in _CENTRED else text)
        elif isinstance(block, Signoff):
            lines.append("")
            lines.append(block.recipients_title)
            lines.extend(f"  {item}" for item in block.recipients)
            lines.extend(f"{'':<{width // 2}}{line}" for line in block.authority)
            lines.append(f"{'':<{width // 2}}(đã ký)")
            lines.append(f"{'':<{width // 2}}{block.signer}")
        elif isinstance(block, PageBreak | Section):
            lines.append("")
            lines.append("-" * width)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = list(row.cells)
                if row.kind is RowKind.SUB:
                    cells[1] = "    " + cells[1]
                lines.append(" | ".join(cells).rstrip())
        for index, note in enumerate(notes[first_note:], start=first_note + 1):
            lines.append(f"{str(index).translate(_SUPERSCRIPT)} {note}")
    return "\n".join(lines).rstrip() + "\n"
