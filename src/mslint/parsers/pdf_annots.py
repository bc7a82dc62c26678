"""Annotations, form fields and attached files of a PDF.

Sticky notes (``Text``) are reviewer comments: COMMENT blocks. Every other annotation with
text (FreeText, Square, Highlight, Redact, FileAttachment ...) is an ANNOTATION block.
Redaction annotations not yet applied, highlights and filled box annotations are also
`Shape`s, so a rule can tell what they cover. File attachments, whether in the document's
EmbeddedFiles tree or as FileAttachment annotations, are `EmbeddedFile`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mslint.model import BlockKind, EmbeddedFile, Location, Shape, TextBlock

_COMMENT_SUBTYPES = frozenset({"Text"})
_BOX_SUBTYPES = frozenset({"Square", "Circle", "Polygon"})
_SHAPE_KINDS = {"Redact": "redact-annotation", "Highlight": "highlight"}


def _rect(rect: Any) -> tuple[float, float, float, float]:
    return (round(rect.x0, 2), round(rect.y0, 2), round(rect.x1, 2), round(rect.y1, 2))


def _colour(values: Any) -> tuple[float, float, float] | None:
    if not values:
        return None
    if len(values) == 1:
        return (values[0], values[0], values[0])
    if len(values) == 4:  # CMYK
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return (values[0], values[1], values[2])


def _span(text: str, rect: tuple[float, float, float, float]) -> dict[str, Any]:
    """The one span of an annotation's text: its box is the annotation's rectangle."""
    return {"start": 0, "end": len(text), "bbox": rect}


@dataclass(slots=True)
class PageAnnotations:
    blocks: list[TextBlock] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    files: list[EmbeddedFile] = field(default_factory=list)


def read_annotations(page: Any, page_obj: Any, section: tuple[str, ...] = ()
                     ) -> PageAnnotations:
    """Annotation and form-field text, annotation shapes and attachments of ``page``
    (``page_obj``: its dictionary, from `page_object`)."""
    import pymupdf

    out = PageAnnotations()
    mupdf = pymupdf.mupdf
    annots = mupdf.pdf_dict_get(page_obj, mupdf.PDF_ENUM_NAME_Annots)
    if not annots.m_internal or mupdf.pdf_is_null(annots):
        return out  # the common page: no annotations and no form fields to look up
    number = page.number + 1
    for annot in page.annots():
        subtype = annot.type[1]
        if subtype == "Popup":
            continue  # shows its parent's text, which is read from the parent
        info = annot.info
        rect = _rect(annot.rect)
        location = Location(page=number, bbox=rect, xref=annot.xref)
        colours = annot.colors
        opacity = annot.opacity if annot.opacity >= 0 else 1.0
        if subtype in _SHAPE_KINDS:
            fill = _colour(colours.get("fill")) or _colour(colours.get("stroke"))
            out.shapes.append(Shape(number, rect, fill, opacity, _SHAPE_KINDS[subtype]))
        elif subtype in _BOX_SUBTYPES and colours.get("fill"):
            out.shapes.append(Shape(number, rect, _colour(colours["fill"]), opacity, "drawing"))
        text = (info.get("content") or "").strip()
        if annot.type[0] == pymupdf.PDF_ANNOT_FILE_ATTACHMENT:
            meta = annot.file_info
            out.files.append(EmbeddedFile(meta.get("filename") or info.get("content") or "",
                                          "attachment", location, meta.get("size")))
        if subtype == "Redact":
            kind, overlay = page.parent.xref_get_key(annot.xref, "OverlayText")
            if kind == "string":
                text = " ".join(t for t in (text, overlay.strip()) if t)
        if not text:
            continue
        attrs = {"subtype": subtype, "author": info.get("title", ""),
                 "date": info.get("modDate") or info.get("creationDate", ""),
                 "subject": info.get("subject", ""), "spans": [_span(text, rect)]}
        kind = BlockKind.COMMENT if subtype in _COMMENT_SUBTYPES else BlockKind.ANNOTATION
        out.blocks.append(TextBlock(text, kind, location, section, boxes=((0, rect),),
                                    attrs=attrs))
    for widget in page.widgets():
        value = widget.field_value
        if not isinstance(value, str) or not value.strip() or value in ("Off", "Yes"):
            continue
        rect = _rect(widget.rect)
        out.blocks.append(TextBlock(
            value.strip(), BlockKind.ANNOTATION,
            Location(page=number, bbox=rect, xref=widget.xref), section, boxes=((0, rect),),
            attrs={"subtype": "Widget", "field": widget.field_name or "", "author": "",
                   "spans": [_span(value.strip(), rect)]}))
    return out


def read_embedded_files(doc: Any) -> list[EmbeddedFile]:
    """Files in the document-level EmbeddedFiles name tree."""
    files: list[EmbeddedFile] = []
    for index in range(doc.embfile_count()):
        meta = doc.embfile_info(index)
        files.append(EmbeddedFile(
            name=meta.get("filename") or meta.get("name") or f"attachment {index + 1}",
            kind="attachment",
            location=Location(part="EmbeddedFiles", xref=meta.get("xref") or None),
            size=meta.get("size"),
            content_type=None,
        ))
    return files
