"""Low-level WordprocessingML helpers the python-docx API does not cover."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FONT = "Times New Roman"
LANG = "vi-VN"


def set_fonts(rpr: Any, font: str = FONT, lang: str = LANG) -> None:
    """All four font slots and the language on an ``w:rPr``; theme fonts removed.

    ``font.name`` in python-docx sets only ascii/hAnsi, and a theme attribute outranks an
    explicit one, so Vietnamese letters could fall back to another font in Word.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    for slot in ("val", "eastAsia", "bidi"):
        language.set(qn(f"w:{slot}"), lang)


def set_color_black(rpr: Any) -> None:
    color = rpr.find(qn("w:color"))
    if color is None:
        color = OxmlElement("w:color")
        rpr.append(color)
    for attr in list(color.attrib):
        del color.attrib[attr]
    color.set(qn("w:val"), "000000")


def page_field(paragraph: Any) -> Any:
    """A ``PAGE`` field run (the page number)."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(separate)
    number = OxmlElement("w:t")
    number.text = "2"
    run._r.append(number)
    run._r.append(end)
    return run
