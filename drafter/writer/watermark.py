"""The "DỰ THẢO" watermark of a draft: Word's own VML text watermark, in every page header."""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml

# The shape type Word writes for WordArt text (``o:spt="136"``); Word and LibreOffice both
# recognise a shape named PowerPlusWaterMarkObject as the document's watermark.
_XML = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<w:rPr><w:noProof/></w:rPr><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
 path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>
<v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>
<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
<v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
<v:f eqn="sum @6 0 @5"/></v:formulas>
<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
 o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>
<v:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>
<v:shape id="PowerPlusWaterMarkObject{index}" o:spid="_x0000_s{spid}" type="#_x0000_t136"
 style="position:absolute;margin-left:0;margin-top:0;width:400pt;height:110pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
 o:allowincell="f" fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>
<v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt" string=""/>
</v:shape></w:pict></w:r>"""


_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"


def add_watermark(section: Any, text: str) -> None:
    """Put ``text`` diagonally behind every page of ``section`` (first page included)."""
    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for index, header in enumerate(headers, start=1):
        paragraph = header.paragraphs[0]
        run = parse_xml(_XML.format(index=index, spid=2048 + index))
        # The text is set as an attribute value: lxml escapes it.
        run.find(f".//{_TEXTPATH}[@string]").set("string", text)
        paragraph._p.append(run)
