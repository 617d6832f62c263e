"""The line markup templates emit, parsed into blocks.

One block per non-empty line::

    # I. HEADING            ## 1. Heading          ### a) Heading
    - dash item             + plus item            any other line: a body paragraph
    @title BÁO CÁO          @subject …             @to Kính gửi: …          @closing …
    @header.<field> …       (superior, issuer, number, motto, motto_sub, dateline)
    @sign.<field> …         (recipients_title, recipient, authority, signer)
    @appendix.<field> …     (label, title, note)
    @table.<kind> c1<TAB>c2 (head, group, item, sub; `item:3` gives the indent depth)
    @table.widths 12 48 24 … (relative column widths; default: the five appendix columns)
    @pagebreak              @section landscape     @section portrait (a new section, new page)

Inline ``[b]bold[/b]``, ``[i]italic[/i]`` and ``[fn]a footnote[/fn]`` (a real footnote: the
text goes to the foot of the page, a number stays in the line), and ``[s=ID]a sentence[/s]``:
a generated sentence with a stable id (``[a-z0-9_.-]+``, unique in the document) that a
report can replace or remove; its runs carry ``sid``. Templates emit text, never XML:
escaping is the writer's job. User text reaches templates escaped (:mod:`.escape`), so none
of this syntax can come from what the official typed; the parser maps it back to text.
"""

from __future__ import annotations

import re

from drafter.errors import RenderError
from drafter.narrative.blocks import (
    Block,
    Header,
    Heading,
    Orientation,
    PageBreak,
    Paragraph,
    Role,
    RowKind,
    Run,
    Section,
    Signoff,
    Table,
    TableRow,
)
from drafter.narrative.escape import unescape
from drafter.narrative.filters import MISSING

_INLINE = re.compile(r"\[(/?)([bi])\]")
_FOOTNOTE = re.compile(r"\[fn\](.*?)\[/fn\]")
_SPAN = re.compile(r"\[s=([a-z0-9_.-]+)\](.*?)\[/s\]")
_ROLES = {
    "title": Role.TITLE,
    "subject": Role.SUBJECT,
    "to": Role.TO,
    "closing": Role.CLOSING,
    "appendix.label": Role.APPENDIX_LABEL,
    "appendix.title": Role.APPENDIX_TITLE,
    "appendix.note": Role.APPENDIX_NOTE,
}


def parse_inline(text: str, number: int = 0,
                 seen: set[str] | None = None) -> tuple[Run, ...]:
    """Split ``a [b]b[/b] c[fn]note[/fn]`` into runs; a footnote becomes one ``note`` run and
    the runs of a ``[s=ID]…[/s]`` span carry ``sid``. ``seen`` collects the sentence ids of
    the whole document, so a template that gives one id twice is caught."""
    if "[" not in text:  # most lines: plain text, one run
        return (Run(unescape(text)),) if text else ()
    runs: list[Run] = []
    position = 0
    for match in _SPAN.finditer(text):
        runs.extend(_footnoted(text[position : match.start()], number))
        sid = match.group(1)
        if seen is not None:
            if sid in seen:
                raise RenderError(f"dòng {number} của mẫu: mã câu [s={sid}] dùng hai lần")
            seen.add(sid)
        runs.extend(_footnoted(match.group(2), number, sid))
        position = match.end()
    rest = text[position:]
    if "[s=" in rest or "[/s]" in rest:
        raise RenderError(f"dòng {number} của mẫu: thẻ câu [s=…] và [/s] không thành cặp "
                          "hoặc mã câu không hợp lệ")
    runs.extend(_footnoted(rest, number))
    return tuple(runs)


def _footnoted(text: str, number: int, sid: str = "") -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _FOOTNOTE.finditer(text):
        runs.extend(_formatted(text[position : match.start()], sid))
        note = _formatted(match.group(1).strip())
        if not note:
            raise RenderError(f"dòng {number} của mẫu: chú thích [fn] trống")
        runs.append(Run("", note=note, sid=sid))
        position = match.end()
    rest = text[position:]
    if "[fn]" in rest or "[/fn]" in rest:
        raise RenderError(f"dòng {number} của mẫu: thẻ chú thích [fn] và [/fn] không thành cặp")
    runs.extend(_formatted(rest, sid))
    return runs


def _formatted(text: str, sid: str = "") -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = False
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(unescape(text[position : match.start()]), bold, italic, sid=sid))
        on = match.group(1) == ""
        if match.group(2) == "b":
            bold = on
        else:
            italic = on
        position = match.end()
    if position < len(text):
        runs.append(Run(unescape(text[position:]), bold, italic, sid=sid))
    return tuple(runs)


def parse(markup: str) -> list[Block]:
    """Parse template output into blocks; unknown directives are template bugs."""
    blocks: list[Block] = []
    header: Header | None = None
    signoff: Signoff | None = None
    table: Table | None = None
    seen: set[str] = set()
    for number, raw in enumerate(markup.splitlines(), start=1):
        line = raw.strip()
        if not line or MISSING in line:
            continue
        if not line.startswith("@table.") and table is not None:
            table = None
        if line.startswith("@"):
            name, _, rest = line[1:].partition(" ")
            rest = rest.strip()
            if name.startswith("header."):
                if header is None:
                    header = Header()
                    blocks.append(header)
                _set(header, name[7:], rest, number)
            elif name.startswith("sign."):
                if signoff is None:
                    signoff = Signoff()
                    blocks.append(signoff)
                field_name = name[5:]
                if field_name == "recipient":
                    signoff.recipients.append(unescape(rest))
                elif field_name == "authority":
                    signoff.authority.append(unescape(rest))
                else:
                    _set(signoff, field_name, rest, number)
            elif name.startswith("table."):
                if table is None:
                    table = Table()
                    blocks.append(table)
                kind, _, depth = name[6:].partition(":")
                if kind == "widths":
                    table.widths = _widths(rest, number)
                    continue
                try:
                    row_kind = RowKind(kind)
                except ValueError:
                    raise RenderError(f"dòng {number}: loại dòng bảng không có: {kind}") from None
                # Cells come from the raw line: stripping it would drop leading empty cells.
                raw_cells = raw.lstrip().partition(" ")[2].rstrip("\r\n").split("\t")
                cells = tuple(unescape(cell.strip()) for cell in raw_cells)
                table.rows.append(TableRow(row_kind, cells, int(depth or 1)))
            elif name == "pagebreak":
                blocks.append(PageBreak())
            elif name == "section":
                try:
                    blocks.append(Section(Orientation(rest)))
                except ValueError:
                    raise RenderError(
                        f"dòng {number} của mẫu: hướng trang không có: {rest} "
                        "(dùng portrait hoặc landscape)") from None
            elif name in _ROLES:
                blocks.append(Paragraph(parse_inline(rest, number, seen), _ROLES[name]))
            else:
                raise RenderError(f"dòng {number} của mẫu: lệnh không có: @{name}")
        elif line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            blocks.append(Heading(level, parse_inline(line[level:].strip(), number, seen)))
        elif line.startswith(("- ", "+ ")):
            role = Role.DASH if line[0] == "-" else Role.PLUS
            blocks.append(Paragraph(parse_inline(line, number, seen), role))
        else:
            blocks.append(Paragraph(parse_inline(line, number, seen)))
    return blocks


def _widths(text: str, number: int) -> tuple[float, ...]:
    try:
        widths = tuple(float(part) for part in text.split())
    except ValueError:
        raise RenderError(f"dòng {number} của mẫu: độ rộng cột không hợp lệ: {text}") from None
    if not widths or min(widths) <= 0:
        raise RenderError(f"dòng {number} của mẫu: độ rộng cột không hợp lệ: {text}")
    return widths


def _set(target: Header | Signoff, field_name: str, value: str, number: int) -> None:
    if not hasattr(target, field_name):
        raise RenderError(f"dòng {number} của mẫu: trường không có: {field_name}")
    setattr(target, field_name, unescape(value))
