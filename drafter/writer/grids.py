"""The borderless grids of a Decree 30 document: the two-column header (issuing body,
number; national motto, dateline) and the signature block beside ``Nơi nhận``."""

from __future__ import annotations

from typing import Any

from drafter.narrative.blocks import Header, Signoff
from drafter.writer import elements, layout
from drafter.writer.elements import Format, twips_mm


def rule(container_mm: float, rule_mm: float, style_id: str, space_after: float = 0,
         parent: Any = None) -> Any:
    """A solid rule of ``rule_mm``, centred in a container ``container_mm`` wide (at the end
    of ``parent`` when given)."""
    side = twips_mm(max((container_mm - rule_mm) / 2, 0))
    # A small gap keeps the rule clear of the descenders of the line above it.
    return elements.paragraph(Format(style=style_id, rule=True, before=2, after=space_after,
                                     left=side, right=side, mark=1), parent)


def _line(cell: Any, text: str, size: float, style_id: str, bold: bool = False,
          italic: bool = False, align: str = "center", keep: bool = False,
          space_before: float | None = None) -> None:
    """A compact line in a header or signature cell."""
    fmt = Format(style=style_id, keep_next=keep, keep_lines=keep, before=space_before,
                 first_line=0, align=align)
    elements.run(elements.paragraph(fmt, cell), text, bold=bold or None, italic=italic or None,
                 size=size)


def header(end: Any, block: Header, style_id: str) -> None:
    """The header grid, placed before ``end``."""
    tbl = elements.table([twips_mm(w) for w in layout.HEADER_COLUMNS], "none")
    left, right = elements.row(tbl, [twips_mm(w) for w in layout.HEADER_COLUMNS], whole=False)
    left_width = layout.HEADER_COLUMNS[0] - layout.CELL_MARGINS
    right_width = layout.HEADER_COLUMNS[1] - layout.CELL_MARGINS
    if block.superior:
        _line(left, block.superior, layout.SUPERIOR_SIZE, style_id)
    issuer = layout.header_lines(block.issuer, left_width, layout.ISSUER_SIZE, True)
    for line in issuer:
        _line(left, line, layout.ISSUER_SIZE, style_id, bold=True)
    issuer_mm = min(max(layout.text_width_mm(line, layout.ISSUER_SIZE, True)
                        for line in issuer), left_width)
    rule(left_width, issuer_mm * 0.4, style_id, space_after=6, parent=left)
    _line(left, block.number, layout.NUMBER_SIZE, style_id)
    _line(right, block.motto, layout.MOTTO_SIZE, style_id, bold=True)
    _line(right, block.motto_sub, layout.MOTTO_SUB_SIZE, style_id, bold=True)
    motto_mm = min(layout.text_width_mm(block.motto_sub, layout.MOTTO_SUB_SIZE, True),
                   right_width)
    rule(right_width, motto_mm, style_id, space_after=6, parent=right)
    _line(right, block.dateline, layout.DATELINE_SIZE, style_id, italic=True)
    elements.insert(tbl, end)


def signoff(end: Any, block: Signoff, style_id: str) -> None:
    """``Nơi nhận`` and the signature block, placed before ``end``; kept on one page."""
    tbl = elements.table([twips_mm(w) for w in layout.SIGNOFF_COLUMNS], "none")
    left, right = elements.row(tbl, [twips_mm(w) for w in layout.SIGNOFF_COLUMNS])
    _line(left, block.recipients_title, layout.RECIPIENTS_TITLE_SIZE, style_id, bold=True,
          italic=True, align="left", keep=True, space_before=6)
    for item in block.recipients:
        _line(left, item, layout.RECIPIENTS_SIZE, style_id, align="left", keep=True)
    for index, line in enumerate(block.authority):
        _line(right, line, layout.AUTHORITY_SIZE, style_id, bold=True, keep=True,
              space_before=6 if index == 0 else None)
    _line(right, block.signer, layout.AUTHORITY_SIZE, style_id, bold=True, keep=True,
          space_before=layout.SIGN_SPACE)
    elements.insert(tbl, end)
