"""Document styles: fonts in all four slots, Vietnamese language, Decree 30 body format."""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from drafter.writer import layout
from drafter.writer.ooxml import set_color_black, set_fonts

TABLE_STYLE = "Bảng số liệu"
COMPACT_STYLE = "Dòng gọn"
# Word's built-in footnote styles, under the ids Word itself gives them.
NOTE_STYLE_ID = "FootnoteText"
REFERENCE_STYLE_ID = "FootnoteReference"


def setup_styles(document: Any) -> None:
    """Set document defaults, Normal, the headings, two compact styles and the footnotes'."""
    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default)

    normal = styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(layout.BODY_SIZE)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(layout.FIRST_LINE_INDENT_CM)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(layout.SPACE_AFTER)
    fmt.line_spacing = layout.LINE_SPACING
    fmt.widow_control = True

    for level in (1, 2, 3):
        heading = styles[f"Heading {level}"]
        rpr = heading.element.get_or_add_rPr()
        set_fonts(rpr)
        set_color_black(rpr)
        heading.font.size = Pt(layout.BODY_SIZE)
        heading.font.bold = level < 3
        heading.font.italic = level == 3
        heading_fmt = heading.paragraph_format
        heading_fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading_fmt.first_line_indent = Cm(layout.FIRST_LINE_INDENT_CM)
        heading_fmt.left_indent = Cm(0)
        heading_fmt.space_before = Pt(layout.SPACE_AFTER)
        heading_fmt.space_after = Pt(layout.SPACE_AFTER)
        heading_fmt.line_spacing = layout.LINE_SPACING
        heading_fmt.keep_with_next = True

    for name, size in ((COMPACT_STYLE, layout.BODY_SIZE), (TABLE_STYLE, layout.TABLE_SIZE)):
        _compact(styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH), normal, size,
                 WD_ALIGN_PARAGRAPH.CENTER)
    note = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH, builtin=True)
    note.element.styleId = NOTE_STYLE_ID
    _compact(note, normal, layout.FOOTNOTE_SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY)
    reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True)
    reference.element.styleId = REFERENCE_STYLE_ID
    reference.font.superscript = True
    _drop_table_styles(styles.element)


def _drop_table_styles(styles: Any) -> None:
    """Keep only the default table style: python-docx's template defines a hundred table
    styles (97 % of styles.xml) that no report uses, read, written and compressed with every
    document. Word still offers all of them, from its own list of built-in styles."""
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)


def _compact(style: Any, normal: Any, size: float, alignment: Any) -> None:
    """Single-spaced, no indent, no space around: lines in cells, tables and footnotes."""
    style.base_style = normal
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.alignment = alignment
