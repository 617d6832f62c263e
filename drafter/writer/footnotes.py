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
from lxml.etree import SubElement

from drafter.writer import elements
from drafter.writer.elements import Format
from drafter.writer.styles import NOTE_STYLE_ID, REFERENCE_STYLE_ID

EMPTY_FOOTNOTES = (
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

    def add(self, paragraph: Any) -> Any:
        """A footnote reference at the end of the ``w:p`` ``paragraph``; returns the note's own
        ``w:p`` (its number already in place) for the writer to fill like any other."""
        if self.part is None:
            self.part = self._create()
        self.count += 1
        note_id = str(self.count)
        reference = elements.run(paragraph, style=REFERENCE_STYLE_ID)
        SubElement(reference, qn("w:footnoteReference"), {qn("w:id"): note_id})

        footnote = SubElement(self.part.element, qn("w:footnote"), {qn("w:id"): note_id})
        note = elements.paragraph(Format(style=NOTE_STYLE_ID))
        footnote.append(note)
        number = elements.run(note, style=REFERENCE_STYLE_ID)
        SubElement(number, qn("w:footnoteRef"))
        elements.run(note, " ")
        return note

    def _create(self) -> XmlPart:
        document_part = self.docx.part
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(EMPTY_FOOTNOTES),
                       document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        name_separators(self.docx.settings.element)
        return part


def name_separators(settings: Any) -> None:
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
