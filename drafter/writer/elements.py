"""WordprocessingML elements built directly with lxml: the writer's hot path.

python-docx's API re-checks the schema order of every child it adds (about 40 µs a run
property, 1 ms a style looked up by name); the body of a report has thousands of them. Here
paragraphs, runs and tables are built as plain ``lxml`` elements, in the schema's order, with
the same values python-docx would write (its rounding of lengths included), and only a
finished paragraph or table is put into python-docx's tree (:func:`insert`): an element made
inside that tree costs a python-docx proxy object each. Text is only ever set as an
element's text, so escaping stays lxml's: no XML is built from strings here.

Lengths: ``twips_mm``/``twips_pt`` convert as python-docx does; sizes are in points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml.etree import Element, SubElement

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_NSMAP = {"w": _W_NS}
_VAL = f"{_W}val"
_PRESERVE = ("{http://www.w3.org/XML/1998/namespace}space", "preserve")
_EMU_PER_MM, _EMU_PER_PT, _EMU_PER_TWIP = 36000, 12700, 635
_BREAKS = re.compile("[\t\r\n]")
TEXT = f"{_W}t"


def twips_mm(mm: float) -> int:
    """``mm`` in twips, rounded as python-docx rounds ``Mm(mm)``."""
    return round(int(mm * _EMU_PER_MM) / _EMU_PER_TWIP)


def twips_pt(pt: float) -> int:
    """``pt`` in twips, rounded as python-docx rounds ``Pt(pt)``."""
    return round(int(pt * _EMU_PER_PT) / _EMU_PER_TWIP)


@dataclass(frozen=True)
class Format:
    """A paragraph's properties; ``None`` leaves a property to the style.

    Indents are in twips; spaces before and after in points; ``align`` is a
    ``w:jc`` value (``center``, ``left``, ``both``); ``rule`` draws a bottom border and
    ``mark`` sizes the paragraph mark (points), which sets the height of an empty line.
    """

    style: str = ""
    keep_next: bool = False
    keep_lines: bool = False
    page_break: bool = False
    rule: bool = False
    before: float | None = None
    after: float | None = None
    left: int | None = None
    right: int | None = None
    first_line: int | None = None
    align: str = ""
    mark: float | None = None


PLAIN = Format()


def insert(element: Any, before: Any) -> None:
    """Put a finished paragraph or table into the document, just before ``before`` (the
    body's last section properties, or a footnote's end)."""
    before.addprevious(element)


def paragraph(fmt: Format = PLAIN, parent: Any = None) -> Any:
    """A new ``w:p``: at the end of ``parent`` (an element built here, such as a cell), or on
    its own, to :func:`insert` when finished."""
    p = Element(f"{_W}p", nsmap=_NSMAP) if parent is None else SubElement(parent, f"{_W}p")
    if fmt is not PLAIN:
        p.append(_paragraph_properties(fmt).__copy__())
    return p


def run(p: Any, text: str = "", bold: bool | None = None, italic: bool | None = None,
        size: float | None = None, style: str = "") -> Any:
    """A ``w:r`` at the end of ``p``. ``bold``/``italic`` ``False`` is written as an explicit
    off (as python-docx does), ``None`` leaves it to the style. Tabs and line breaks in
    ``text`` become ``w:tab`` and ``w:br``, as python-docx makes them."""
    r = SubElement(p, f"{_W}r")
    if style or bold is not None or italic is not None or size is not None:
        r.append(_run_properties(style, bold, italic, size).__copy__())
    if text:
        _content(r, text)
    return r


# A report repeats a few dozen paragraph and run formats thousands of times: each is built
# once and copied (``__copy__`` is one deep copy inside lxml; building it is a dozen calls).
@cache
def _paragraph_properties(fmt: Format) -> Any:
    ppr = Element(f"{_W}pPr", nsmap=_NSMAP)
    if fmt.style:
        SubElement(ppr, f"{_W}pStyle", {_VAL: fmt.style})
    if fmt.keep_next:
        SubElement(ppr, f"{_W}keepNext")
    if fmt.keep_lines:
        SubElement(ppr, f"{_W}keepLines")
    if fmt.page_break:
        SubElement(ppr, f"{_W}pageBreakBefore")
    if fmt.rule:
        border = SubElement(ppr, f"{_W}pBdr")
        SubElement(border, f"{_W}bottom", {_VAL: "single", f"{_W}sz": "6", f"{_W}space": "1",
                                          f"{_W}color": "000000"})
    spacing = {f"{_W}{name}": str(twips_pt(value)) for name, value in
               (("before", fmt.before), ("after", fmt.after)) if value is not None}
    if spacing:
        SubElement(ppr, f"{_W}spacing", spacing)
    indent = {f"{_W}{name}": str(value) for name, value in
              (("left", fmt.left), ("right", fmt.right), ("firstLine", fmt.first_line))
              if value is not None}
    if indent:
        SubElement(ppr, f"{_W}ind", indent)
    if fmt.align:
        SubElement(ppr, f"{_W}jc", {_VAL: fmt.align})
    if fmt.mark is not None:
        SubElement(SubElement(ppr, f"{_W}rPr"), f"{_W}sz", {_VAL: _half_points(fmt.mark)})
    return ppr


@cache
def _run_properties(style: str, bold: bool | None, italic: bool | None,
                    size: float | None) -> Any:
    rpr = Element(f"{_W}rPr", nsmap=_NSMAP)
    if style:
        SubElement(rpr, f"{_W}rStyle", {_VAL: style})
    if bold is not None:
        SubElement(rpr, f"{_W}b", None if bold else {_VAL: "0"})
    if italic is not None:
        SubElement(rpr, f"{_W}i", None if italic else {_VAL: "0"})
    if size is not None:
        SubElement(rpr, f"{_W}sz", {_VAL: _half_points(size)})
    return rpr


def text_slot(r: Any) -> Any:
    """An empty ``w:t`` at the end of the run ``r``, for :func:`fill` (in a template that is
    copied many times, each copy filled with its own text)."""
    return SubElement(r, TEXT)


def fill(slot: Any, text: str) -> None:
    """Put ``text`` into the ``w:t`` made by :func:`text_slot`, as :func:`run` would have
    written it (no ``w:t`` for no text; tabs and line breaks as elements)."""
    if text and _BREAKS.search(text) is None:
        slot.text = text
        if text != text.strip():
            slot.set(*_PRESERVE)
        return
    r = slot.getparent()
    r.remove(slot)
    _content(r, text)


def _content(r: Any, text: str) -> None:
    if _BREAKS.search(text) is None:
        _text(r, text)
        return
    start = 0
    for found in _BREAKS.finditer(text):
        _text(r, text[start:found.start()])
        SubElement(r, f"{_W}tab" if found.group() == "\t" else f"{_W}br")
        start = found.end()
    _text(r, text[start:])


def _text(r: Any, text: str) -> None:
    if not text:
        return
    t = SubElement(r, f"{_W}t")
    t.text = text
    if text != text.strip():
        t.set(*_PRESERVE)


def _half_points(size: float) -> str:
    return str(int(int(size * _EMU_PER_PT) / _EMU_PER_PT * 2))


def table(widths: Sequence[int], borders: str) -> Any:
    """An empty centred, fixed-layout ``w:tbl`` (widths in twips), every border ``single``
    or ``none``; add rows with :func:`row`, then :func:`insert` it."""
    tbl = Element(f"{_W}tbl", nsmap=_NSMAP)
    pr = SubElement(tbl, f"{_W}tblPr")
    SubElement(pr, f"{_W}tblW", {f"{_W}type": "auto", f"{_W}w": "0"})
    SubElement(pr, f"{_W}jc", {_VAL: "center"})
    edges = SubElement(pr, f"{_W}tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        attributes = {_VAL: borders}
        if borders != "none":
            attributes.update({f"{_W}sz": "4", f"{_W}space": "0", f"{_W}color": "000000"})
        SubElement(edges, f"{_W}{edge}", attributes)
    SubElement(pr, f"{_W}tblLayout", {f"{_W}type": "fixed"})
    SubElement(pr, f"{_W}tblLook", {f"{_W}firstColumn": "1", f"{_W}firstRow": "1",
                                    f"{_W}lastColumn": "0", f"{_W}lastRow": "0",
                                    f"{_W}noHBand": "0", f"{_W}noVBand": "1", _VAL: "04A0"})
    grid = SubElement(tbl, f"{_W}tblGrid")
    for width in widths:
        SubElement(grid, f"{_W}gridCol", {f"{_W}w": str(width)})
    return tbl


def row(tbl: Any, widths: Sequence[int], header: bool = False, whole: bool = True) -> list[Any]:
    """A row that never splits across pages when ``whole`` (repeated on every page when
    ``header``), at the end of ``tbl`` (or on its own: ``None``); its cells, ``widths``
    twips wide, each still without a paragraph."""
    tr = _row(tuple(widths), header, whole).__copy__()
    if tbl is not None:
        tbl.append(tr)
    cells: list[Any] = tr.findall(f"{_W}tc")
    return cells


@cache
def _row(widths: tuple[int, ...], header: bool, whole: bool) -> Any:
    tr = Element(f"{_W}tr", nsmap=_NSMAP)
    if whole or header:
        flags = SubElement(tr, f"{_W}trPr")
        if whole:
            SubElement(flags, f"{_W}cantSplit")
        if header:
            SubElement(flags, f"{_W}tblHeader")
    for width in widths:
        tc = SubElement(tr, f"{_W}tc")
        SubElement(SubElement(tc, f"{_W}tcPr"), f"{_W}tcW", {f"{_W}type": "dxa",
                                                             f"{_W}w": str(width)})
    return tr
