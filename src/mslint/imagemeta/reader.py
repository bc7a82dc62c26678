"""`read_image_metadata`: every identifying field of an image file, by format."""

from __future__ import annotations

import re
import struct
import warnings

from mslint.imagemeta.containers import (
    EXIF_HEADER,
    JPEG_SOI,
    PHOTOSHOP_HEADER,
    PNG_SIGNATURE,
    XMP_EXTENSION_HEADER,
    XMP_HEADER,
    jpeg_layout,
    png_layout,
    png_text_chunks,
)
from mslint.imagemeta.exif import exif_fields, fields_of_exif
from mslint.imagemeta.iptc import iptc_fields, photoshop_fields
from mslint.imagemeta.model import (
    MAX_SCAN_BYTES,
    FieldKind,
    ImageMetadata,
    MetaField,
    clean_text,
    dedupe,
    text_kind,
)
from mslint.imagemeta.xmp import xmp_fields

_PNG_KEYWORDS: dict[str, FieldKind] = {
    "author": FieldKind.PERSON,
    "copyright": FieldKind.FREE_TEXT,
    "creation time": FieldKind.CAPTURE_DATE,
    "software": FieldKind.DEVICE,
    "source": FieldKind.DEVICE,
    "date:create": FieldKind.DATE,
    "date:modify": FieldKind.DATE,
    "date:timestamp": FieldKind.DATE,
}


def _png_text_field(keyword: str, text: str) -> list[MetaField]:
    key = keyword.lower()
    if key == "xml:com.adobe.xmp":
        return xmp_fields(text)
    if key.startswith("raw profile type ") and key.endswith(("exif", "app1")):
        hex_digits = "".join(text.split("\n", 3)[-1].split()) if "\n" in text else ""
        try:
            blob = bytes.fromhex(re.sub(r"[^0-9a-fA-F]", "", hex_digits or text))
        except ValueError:
            return []
        start = blob.find(EXIF_HEADER)
        return exif_fields(blob[start:] if start >= 0 else blob)
    if key.startswith("raw profile type"):
        return []
    kind = _PNG_KEYWORDS.get(key) or text_kind(text)
    clean = clean_text(text)
    return [MetaField("png-text", keyword, clean, kind)] if clean else []


#: Padding some writers leave after the end of an image is not worth a finding.
MIN_TRAILER_BYTES = 256


def _significant_trailer(trailing: bytes) -> bool:
    body = trailing.strip(b"\x00\r\n \xff")
    return len(body) >= MIN_TRAILER_BYTES or JPEG_SOI + b"\xff" in body or PNG_SIGNATURE in body


def _jpeg_metadata(data: bytes, meta: ImageMetadata) -> None:
    layout = jpeg_layout(data)
    for seg in layout.segments:
        body = seg.payload
        try:
            if seg.marker == 0xE1 and body.startswith(EXIF_HEADER):
                meta.fields.extend(exif_fields(body))
            elif seg.marker == 0xE1 and body.startswith(XMP_HEADER):
                meta.fields.extend(xmp_fields(body[len(XMP_HEADER):]))
            elif seg.marker == 0xE1 and body.startswith(XMP_EXTENSION_HEADER):
                meta.fields.append(MetaField("xmp", "ExtendedXMP", f"{len(body)} bytes",
                                             FieldKind.OPAQUE))
            elif seg.marker == 0xED and body.startswith(PHOTOSHOP_HEADER):
                meta.fields.extend(photoshop_fields(body[len(PHOTOSHOP_HEADER):]))
            elif seg.marker == 0xFE:
                text = clean_text(body)
                if text:
                    meta.fields.append(MetaField("jpeg-com", "Comment", text, text_kind(text)))
        except Exception as exc:  # one corrupt segment must not hide the others
            meta.problems.append(f"unreadable APP{seg.marker - 0xE0} segment: {exc}")
    trailing = data[layout.end_of_image:]
    if _significant_trailer(trailing):
        what = "another JPEG image" if JPEG_SOI + b"\xff" in trailing else "data"
        meta.fields.append(MetaField("jpeg", "TrailingData",
                                     f"{len(trailing)} bytes after the end of the image "
                                     f"({what})", FieldKind.HIDDEN_IMAGE))


def _png_metadata(data: bytes, meta: ImageMetadata) -> None:
    layout = png_layout(data)
    for key, text in png_text_chunks(layout):
        try:
            meta.fields.extend(_png_text_field(key, text))
        except Exception as exc:
            meta.problems.append(f"unreadable PNG text chunk {key!r}: {exc}")
    for chunk in layout.chunks:
        try:
            if chunk.type == b"eXIf":
                meta.fields.extend(exif_fields(chunk.payload))
            elif chunk.type == b"tIME" and len(chunk.payload) == 7:
                y, mo, d, h, mi, s = struct.unpack(">HBBBBB", chunk.payload)
                meta.fields.append(MetaField("png", "tIME", f"{y:04d}-{mo:02d}-{d:02d} "
                                             f"{h:02d}:{mi:02d}:{s:02d}", FieldKind.DATE))
        except Exception as exc:
            meta.problems.append(f"unreadable PNG {chunk.type.decode('latin-1')} chunk: {exc}")
    trailing = data[layout.end_of_image:]
    if _significant_trailer(trailing):
        meta.fields.append(MetaField("png", "TrailingData",
                                     f"{len(trailing)} bytes after the end of the image",
                                     FieldKind.HIDDEN_IMAGE))


def _pillow_metadata(data: bytes, meta: ImageMetadata) -> None:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        info = img.info
        exif_raw = info.get("exif")
        if isinstance(exif_raw, bytes) and exif_raw:
            meta.fields.extend(exif_fields(exif_raw))
        elif img.format in ("TIFF", "MPO"):
            meta.fields.extend(fields_of_exif(img.getexif(), "exif"))
        tags = getattr(img, "tag_v2", None)
        xmp = info.get("xmp") or info.get("XML:com.adobe.xmp") or (tags.get(700) if tags else None)
        if xmp:
            meta.fields.extend(xmp_fields(xmp if isinstance(xmp, (bytes, str)) else bytes(xmp)))
        if tags is not None:
            iptc = tags.get(33723)
            if iptc:
                meta.fields.extend(iptc_fields(bytes(iptc) if not isinstance(iptc, bytes)
                                               else iptc))
            ps = tags.get(34377)
            if ps:
                meta.fields.extend(photoshop_fields(bytes(ps) if not isinstance(ps, bytes)
                                                     else ps))
        comment = info.get("comment")
        if comment:
            text = clean_text(comment)
            if text:
                meta.fields.append(MetaField(f"{img.format.lower()}-comment", "Comment", text,
                                             text_kind(text)))


def _scan_metadata(data: bytes, meta: ImageMetadata) -> None:
    """Containers Pillow cannot open (HEIC): find an EXIF block and an XMP packet."""
    window = data[:MAX_SCAN_BYTES]
    for header in (EXIF_HEADER + b"MM\x00*", EXIF_HEADER + b"II*\x00"):
        pos = window.find(header)
        if pos >= 0:
            meta.fields.extend(exif_fields(window[pos:]))
            break
    start = window.find(b"<x:xmpmeta")
    if start >= 0:
        meta.fields.extend(xmp_fields(window[start:]))


def read_image_metadata(data: bytes) -> ImageMetadata:
    """Every identifying metadata field of an image file's bytes; pixels are not decoded.

    Never raises for bad input: what could not be read is listed in ``problems``.
    """
    meta = ImageMetadata()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns on corrupt EXIF; we report problems
        _read_into(data, meta)
    meta.fields = dedupe(meta.fields)
    return meta


def _read_into(data: bytes, meta: ImageMetadata) -> None:
    try:
        if data.startswith(JPEG_SOI):
            _jpeg_metadata(data, meta)
        elif data.startswith(PNG_SIGNATURE):
            _png_metadata(data, meta)
        else:
            try:
                _pillow_metadata(data, meta)
            except Exception as exc:
                before = len(meta.fields)
                _scan_metadata(data, meta)
                if len(meta.fields) == before and not _is_metadata_free_format(data):
                    meta.problems.append(f"image not readable for metadata ({exc})")
    except Exception as exc:  # defensive: a hostile file must give a problem, not a crash
        meta.problems.append(f"metadata not readable ({type(exc).__name__}: {exc})")


def _is_metadata_free_format(data: bytes) -> bool:
    """Vector and raw formats Pillow does not open and that carry no EXIF/XMP."""
    return data[:4] in (b"\x01\x00\x00\x00", b"\xd7\xcd\xc6\x9a") or data[:2] == b"BM"
