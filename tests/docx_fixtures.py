"""DOCX fixtures built in code: python-docx for what it can write, raw WordprocessingML
injected for what it cannot (tracked deletions, text boxes, crop rectangles, VML and
external images, OLE objects, footnotes, custom properties)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from docx import Document as new_document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Inches
from PIL import Image

NSDECLS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
AFCHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
ATTACHED_TEMPLATE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
)


def png_bytes(
    width: int = 40, height: int = 30, color: tuple[int, int, int] = (200, 30, 30)
) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes(width: int = 64, height: int = 48) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 200)).save(buf, "JPEG")
    return buf.getvalue()


def blank() -> Any:
    """A new python-docx document."""
    return new_document()


def xml(fragment: str) -> Any:
    """A WordprocessingML element from a fragment whose root lacks namespace declarations."""
    tag = re.match(r"<[\w:]+", fragment)
    assert tag is not None
    return parse_xml(fragment[: tag.end()] + " " + NSDECLS + fragment[tag.end() :])


def add_picture(
    doc: Any,
    data: bytes | None = None,
    *,
    width_in: float = 2.0,
    descr: str | None = None,
    title: str | None = None,
    paragraph: Any = None,
) -> Any:
    """An inline picture in its own paragraph (or ``paragraph``); returns the paragraph."""
    para = paragraph if paragraph is not None else doc.add_paragraph()
    run = para.add_run()
    shape = run.add_picture(io.BytesIO(data or png_bytes()), width=Inches(width_in))
    doc_pr = shape._inline.docPr
    if descr is not None:
        doc_pr.set("descr", descr)
    if title is not None:
        doc_pr.set("title", title)
    return para


def crop_last_picture(paragraph: Any, l: int, t: int, r: int, b: int) -> None:  # noqa: E741
    """Give the paragraph's picture an ``a:srcRect`` (values in 1/1000 of a percent)."""
    fill = paragraph._p.xpath(".//pic:blipFill")[0]
    rect = fill.makeelement(
        f"{{{A_NS}}}srcRect", {"l": str(l), "t": str(t), "r": str(r), "b": str(b)}
    )
    fill.insert(1, rect)


def add_run_xml(paragraph: Any, fragment: str) -> None:
    """Append raw run-level XML (``<w:del>``, ``<w:ins>``, ``<w:r>``) to a paragraph."""
    paragraph._p.append(xml(fragment))


def add_floating_rectangle(paragraph: Any, fill: str = "000000", *, behind: bool = False,
                           vml: bool = False) -> None:
    """A filled rectangle shape anchored to ``paragraph`` and floating in front of its text
    (behind it with ``behind``), as Word writes one drawn with Insert > Shapes: DrawingML
    in ``mc:Choice`` with its VML fallback, or VML alone with ``vml``."""
    style = f"position:absolute;width:80pt;height:14pt;z-index:{-1 if behind else 1}"
    rect = f'<v:rect style="{style}" fillcolor="#{fill}" stroked="f"/>'
    if vml:
        add_run_xml(paragraph, f"<w:r><w:pict>{rect}</w:pict></w:r>")
        return
    drawing = (
        f'<w:drawing><wp:anchor behindDoc="{1 if behind else 0}" distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="2" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
        '<wp:posOffset>900000</wp:posOffset></wp:positionH><wp:positionV '
        'relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1016000" cy="177800"/><wp:wrapNone/><wp:docPr id="7" name="Rect 7"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr/><wps:spPr><a:prstGeom prst="rect"/>'
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></wps:spPr><wps:bodyPr/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    add_run_xml(paragraph, (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback><w:pict>{rect}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    ))


def add_deletion(
    paragraph: Any, text: str, author: str = "Dr Reviewer", date: str = "2024-03-01T10:00:00Z"
) -> None:
    add_run_xml(
        paragraph,
        f'<w:del w:id="901" w:author="{author}" w:date="{date}"><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>',
    )


def add_insertion(
    paragraph: Any, text: str, author: str = "Dr Editor", date: str = "2024-03-02T10:00:00Z"
) -> None:
    add_run_xml(
        paragraph,
        f'<w:ins w:id="902" w:author="{author}" w:date="{date}"><w:r>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:ins>',
    )


def add_text_box(paragraph: Any, text: str, *, fallback: bool = True) -> None:
    """A DrawingML text box (with the VML fallback Word writes beside it)."""
    inner = (
        f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        "</w:txbxContent>"
    )
    fallback_xml = (
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback>"
        if fallback
        else ""
    )
    add_run_xml(
        paragraph,
        (
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2000000" cy="400000"/><wp:wrapTopAndBottom/>'
            '<wp:docPr id="77" name="Text Box 77"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            f'<wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>{inner}</wps:txbx><wps:bodyPr/>'
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            f"{fallback_xml}</mc:AlternateContent></w:r>"
        ),
    )


def add_external_picture(doc: Any, uri: str, descr: str = "") -> Any:
    """A picture linked to ``uri`` (``TargetMode="External"``), no bytes in the package."""
    rid = doc.part.relate_to(uri, RT.IMAGE, is_external=True)
    para = doc.add_paragraph()
    add_run_xml(
        para,
        (
            '<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/>'
            f'<wp:docPr id="88" name="Linked picture" descr="{descr}"/><a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
            '<pic:cNvPr id="0" name="linked.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
            f'<a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            "<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        ),
    )
    return para


def add_vml_picture(doc: Any, data: bytes, *, alt: str = "", title: str = "") -> Any:
    """A legacy VML picture (``v:imagedata``) cropped by a tenth on the left."""
    rid, _ = doc.part.get_or_add_image(io.BytesIO(data))
    para = doc.add_paragraph()
    add_run_xml(
        para,
        (
            f'<w:r><w:pict><v:shape style="width:144pt;height:72pt" alt="{alt}">'
            f'<v:imagedata r:id="{rid}" o:title="{title}" cropleft="0.1"/></v:shape></w:pict></w:r>'
        ),
    )
    return para


def add_ole_object(doc: Any, payload: bytes, preview: bytes) -> Any:
    """An OLE object (``o:OLEObject``) with its VML preview picture."""
    part = Part(
        PackURI("/word/embeddings/oleObject1.bin"),
        "application/vnd.openxmlformats-officedocument.oleObject",
        payload,
        doc.part.package,
    )
    ole_rid = doc.part.relate_to(part, RT.OLE_OBJECT)
    img_rid, _ = doc.part.get_or_add_image(io.BytesIO(preview))
    para = doc.add_paragraph()
    add_run_xml(
        para,
        (
            '<w:r><w:object><v:shape style="width:100pt;height:50pt">'
            f'<v:imagedata r:id="{img_rid}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="Excel.Sheet.8" ShapeID="_x0000_i1025" '
            f'DrawAspect="Content" ObjectID="_1" r:id="{ole_rid}"/></w:object></w:r>'
        ),
    )
    return para


def add_note(doc: Any, paragraph: Any, text: str, kind: str = "footnote") -> None:
    """A footnote or endnote cited at the end of ``paragraph`` (python-docx has no API)."""
    w = NSDECLS.split(" ")[0]
    body = (
        f'<w:{kind}s {w}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:{kind}><w:{kind} w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r>'
        f"</w:p></w:{kind}></w:{kind}s>"
    ).encode()
    part = Part(PackURI(f"/word/{kind}s.xml"),
                f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
                body, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    add_run_xml(paragraph, f'<w:r><w:{kind}Reference w:id="1"/></w:r>')


def add_custom_property(doc: Any, name: str, value: str) -> None:
    body = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
    ).encode()
    part = Part(
        PackURI("/docProps/custom.xml"),
        "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        body,
        doc.part.package,
    )
    doc.part.package.relate_to(part, RT.CUSTOM_PROPERTIES)


def add_custom_xml(doc: Any, number: int, body: str) -> None:
    """A custom XML data part (``customXml/item<number>.xml``), related from the document as
    Word relates them."""
    part = Part(PackURI(f"/customXml/item{number}.xml"), "application/xml", body.encode(),
                doc.part.package)
    doc.part.relate_to(part, RT.CUSTOM_XML)


def add_glossary_entry(doc: Any, name: str, text: str) -> None:
    """A glossary document with one building block (AutoText) ``name`` holding ``text``."""
    w = NSDECLS.split(" ")[0]
    body = (
        f'<w:glossaryDocument {w}><w:docParts><w:docPart><w:docPartPr><w:name w:val="{name}"/>'
        f"</w:docPartPr><w:docPartBody><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:docPartBody>"
        "</w:docPart></w:docParts></w:glossaryDocument>"
    ).encode()
    part = Part(PackURI("/word/glossary/document.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document."
                "glossary+xml", body, doc.part.package)
    doc.part.relate_to(part, RT.GLOSSARY_DOCUMENT)


def save(doc: Any, path: Path) -> Path:
    doc.save(str(path))
    return path


def add_hyperlink(paragraph: Any, text: str, uri: str) -> None:
    """An external hyperlink (``w:hyperlink r:id``) around ``text``."""
    rid = paragraph.part.relate_to(uri, RT.HYPERLINK, is_external=True)
    add_run_xml(paragraph, f'<w:hyperlink r:id="{rid}"><w:r><w:t xml:space="preserve">{text}'
                           "</w:t></w:r></w:hyperlink>")


def attach_template(doc: Any, path: str) -> None:
    """The ``attachedTemplate`` relationship Word writes in settings, pointing at a path."""
    rid = doc.part._settings_part.relate_to(path, ATTACHED_TEMPLATE, is_external=True)
    doc.settings.element.append(xml(f'<w:attachedTemplate r:id="{rid}"/>'))


def add_chart(doc: Any, title: str, categories: list[str]) -> Any:
    """A chart part with a title and category labels, drawn inline in a new paragraph."""
    points = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
    body = (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title>'
        f"<c:tx><c:rich><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx></c:title>"
        "<c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache>"
        f"{points}</c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea>"
        "</c:chart></c:chartSpace>"
    ).encode()
    part = Part(PackURI("/word/charts/chart1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.chart+xml", body,
                doc.part.package)
    rid = doc.part.relate_to(part, RT.CHART)
    para = doc.add_paragraph()
    add_run_xml(para, (
        '<w:r><w:drawing><wp:inline><wp:extent cx="4000000" cy="3000000"/>'
        '<wp:docPr id="99" name="Chart 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    ))
    return para


def add_alt_chunk(doc: Any, html: bytes) -> None:
    """An ``altChunk``: an HTML file Word merges into the body when it opens the document."""
    part = Part(PackURI("/word/afchunk1.htm"), "text/html", html, doc.part.package)
    rid = doc.part.relate_to(part, AFCHUNK)
    doc.element.body.append(xml(f'<w:altChunk r:id="{rid}"/>'))
