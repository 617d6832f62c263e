"""Real Word footnotes: a ``footnotes.xml`` part, which python-docx does not create.

The part holds Word's two separator notes (ids -1 and 0, named in the settings as Word
itself writes them) and one ``w:footnote`` per note; the body gets a ``w:footnoteReference``
run that Word and LibreOffice number 1, 2, 3… in superscript.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter.narrative.blocks import Run
from drafter.writer.styles import NOTE_STYLE_ID, REFERENCE_STYLE_ID

_EMPTY = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class Footnotes:
    """The document's footnotes part, created on the first note."""

    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.part: XmlPart | None = None
        self.count = 0

    def add(self, paragraph: Any, note: tuple[Run, ...]) -> None:
        """A footnote reference at the end of ``paragraph`` and the note at the foot."""
        if self.part is None:
            self.part = self._create()
        self.count += 1
        note_id = str(self.count)
        reference = paragraph.add_run()._r
        reference.append(_run_style(REFERENCE_STYLE_ID))
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), note_id)
        reference.append(mark)

        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), note_id)
        body = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), NOTE_STYLE_ID)
        ppr.append(style)
        body.append(ppr)
        own = OxmlElement("w:r")
        own.append(_run_style(REFERENCE_STYLE_ID))
        own.append(OxmlElement("w:footnoteRef"))
        body.append(own)
        for index, run in enumerate(note):
            body.append(_text_run((" " if index == 0 else "") + run.text, run))
        footnote.append(body)
        self.part.element.append(footnote)

    def _create(self) -> XmlPart:
        document_part = self.docx.part
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_EMPTY),
                       document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        _name_separators(self.docx.settings.element)
        return part


def _run_style(style_id: str) -> Any:
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    rpr.append(style)
    return rpr


def _text_run(text: str, run: Run) -> Any:
    element = OxmlElement("w:r")
    if run.bold or run.italic:
        rpr = OxmlElement("w:rPr")
        for flag, tag in ((run.bold, "w:b"), (run.italic, "w:i")):
            if flag:
                rpr.append(OxmlElement(tag))
        element.append(rpr)
    value = OxmlElement("w:t")
    value.set(qn("xml:space"), "preserve")
    value.text = text
    element.append(value)
    return element


def _name_separators(settings: Any) -> None:
    """``w:footnotePr`` in the settings, before ``w:compat`` as the schema orders it."""
    properties = OxmlElement("w:footnotePr")
    for note_id in ("-1", "0"):
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        properties.append(note)
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(properties)
    else:
        settings.append(properties)
