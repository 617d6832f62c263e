"""Decree 30/2020/NĐ-CP, Appendix I: the measures the DOCX writer lays out with.

Sizes are in points, lengths in millimetres. Each value sits inside the decree's range.
"""

from __future__ import annotations

PAGE_WIDTH = 210
PAGE_HEIGHT = 297
MARGIN_TOP = 20  # 20–25
MARGIN_BOTTOM = 20  # 20–25
MARGIN_LEFT = 30  # 30–35
MARGIN_RIGHT = 15  # 15–20
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 14  # 13–14
FIRST_LINE_INDENT_CM = 1.27  # 1–1.27 cm
SPACE_AFTER = 6  # at least 6 pt between paragraphs
LINE_SPACING = 1.15  # single to 1.5

SUPERIOR_SIZE = 13  # 12–13, regular
ISSUER_SIZE = 13  # 12–13, bold
NUMBER_SIZE = 13
MOTTO_SIZE = 12  # 12–13, bold
MOTTO_SUB_SIZE = 13  # 13–14, bold
DATELINE_SIZE = 14  # 13–14, italic
TITLE_SIZE = 14  # 13–14, bold
RECIPIENTS_TITLE_SIZE = 12  # bold italic
RECIPIENTS_SIZE = 11
AUTHORITY_SIZE = 14  # 13–14, bold
PAGE_NUMBER_SIZE = 14  # 13–14
TABLE_SIZE = 12
FOOTNOTE_SIZE = 12  # the decree sets none; a size below the body's, as Word's own style
SIGN_SPACE = 72  # points left blank to sign and seal

HEADER_COLUMNS = (70, TEXT_WIDTH - 70)
SIGNOFF_COLUMNS = (80, TEXT_WIDTH - 80)
APPENDIX_COLUMNS = (13, 84, 21, 20, TEXT_WIDTH - 13 - 84 - 21 - 20)
CELL_MARGINS = 3.8  # left + right default cell margins


def text_width(landscape: bool = False) -> float:
    """Width between the margins; a landscape page keeps the portrait margins."""
    return (PAGE_HEIGHT if landscape else PAGE_WIDTH) - MARGIN_LEFT - MARGIN_RIGHT


def column_widths(relative: tuple[float, ...], width: float = TEXT_WIDTH) -> tuple[float, ...]:
    """Relative widths scaled to fill ``width`` (the text width), in millimetres."""
    total = sum(relative)
    return tuple(width * part / total for part in relative)


# Words that start the name of a unit in a header line ("ỦY BAN NHÂN DÂN / XÃ THANH MAI").
_UNIT_WORDS = ("XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU", "HUYỆN", "QUẬN", "THỊ XÃ", "THÀNH PHỐ",
               "TỈNH")


def header_lines(text: str, width_mm: float, size_pt: float, bold: bool = False) -> list[str]:
    """An issuer line that does not fit its column, broken after the body and before the
    unit's name (``ỦY BAN NHÂN DÂN`` / ``XÃ THANH MAI``), never inside a name."""
    if text_width_mm(text, size_pt, bold) <= width_mm:
        return [text]
    starts = [text.find(f" {word} ") for word in _UNIT_WORDS]
    cut = min((index for index in starts if index > 0), default=-1)
    if cut < 0:
        return [text]
    return [text[:cut], text[cut + 1:]]


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """A rough width of ``text`` in Times New Roman, to size the rules drawn under lines."""
    em = 0.0
    for char in text:
        if char == " ":
            em += 0.25
        elif char.isupper():
            em += 0.68
        elif char.isalpha():
            em += 0.47
        else:
            em += 0.4
    if bold:
        em *= 1.04
    return em * size_pt * 0.3528
