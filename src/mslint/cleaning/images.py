"""Lossless metadata stripping for image files: segments and chunks are dropped, the coded
pixel data is copied byte for byte (nothing is decoded or re-encoded)."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from mslint.imagemeta import (
    EXIF_HEADER,
    JPEG_SOI,
    PNG_SIGNATURE,
    XMP_EXTENSION_HEADER,
    XMP_HEADER,
    jpeg_layout,
    png_layout,
)


class UnsupportedImage(ValueError):
    """The image format cannot be stripped without re-encoding its pixels."""


@dataclass(slots=True)
class StrippedImage:
    data: bytes
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.removed)


_JFIF = b"JFIF\x00"
_KEEP_APP2 = b"ICC_PROFILE\x00"
_KEEP_APP14 = b"Adobe"


def _jpeg_segment_name(marker: int, payload: bytes) -> str:
    if marker == 0xFE:
        return "JPEG comment"
    if marker == 0xE1 and payload.startswith(EXIF_HEADER):
        return "EXIF"
    if marker == 0xE1 and payload.startswith((XMP_HEADER, XMP_EXTENSION_HEADER)):
        return "XMP"
    if marker == 0xED:
        return "Photoshop/IPTC"
    if marker == 0xE2 and payload.startswith(b"MPF\x00"):
        return "MPF preview index"
    return f"APP{marker - 0xE0} segment"


def _jfif_without_thumbnail(segment: bytes) -> bytes | None:
    """The JFIF APP0 segment with its thumbnail dropped; None when it has none."""
    payload = segment[4:]
    if len(payload) < 14 or (payload[12] == 0 and payload[13] == 0 and len(payload) == 14):
        return None
    body = payload[:12] + b"\x00\x00"
    return b"\xff\xe0" + struct.pack(">H", len(body) + 2) + body


def strip_jpeg(data: bytes) -> StrippedImage:
    """Drop EXIF, XMP, IPTC, comments, JFIF thumbnails, MPF previews and data after the end
    of the image; keep the ICC profile and Adobe colour-transform segments pixels need."""
    layout = jpeg_layout(data)
    out = bytearray(JPEG_SOI)
    removed: list[str] = []
    pos = 2
    for seg in layout.segments:
        out += data[pos : seg.start]
        pos = seg.end
        raw = data[seg.start : seg.end]
        marker, payload = seg.marker, seg.payload
        if marker == 0xE0 and payload.startswith(_JFIF):
            slim = _jfif_without_thumbnail(raw)
            if slim is not None:
                removed.append("JFIF thumbnail")
                raw = slim
            out += raw
        elif marker == 0xE0 or (0xE1 <= marker <= 0xEF or marker == 0xFE):
            keep = (marker == 0xE2 and payload.startswith(_KEEP_APP2)) or (
                marker == 0xEE and payload.startswith(_KEEP_APP14))
            if keep:
                out += raw
            else:
                removed.append(_jpeg_segment_name(marker, payload))
        else:
            out += raw
    out += data[pos : layout.end_of_image]
    if data[layout.end_of_image :].strip(b"\x00"):
        removed.append("data after the end of the image")
    return StrippedImage(bytes(out), _unique(removed))


#: Ancillary PNG chunks that describe how to show the pixels; every other ancillary chunk
#: (text, EXIF, timestamps, private data) is dropped.
_PNG_KEEP_ANCILLARY = frozenset({b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB", b"bKGD", b"hIST",
                                 b"tRNS", b"pHYs", b"sPLT", b"cICP", b"mDCV", b"cLLI", b"acTL",
                                 b"fcTL", b"fdAT"})
_PNG_NAMES = {b"tEXt": "PNG text", b"zTXt": "PNG text", b"iTXt": "PNG text",
              b"eXIf": "EXIF", b"tIME": "PNG timestamp"}


def strip_png(data: bytes) -> StrippedImage:
    """Drop text, EXIF, time and private chunks and anything after IEND."""
    layout = png_layout(data)
    out = bytearray(PNG_SIGNATURE)
    removed: list[str] = []
    for chunk in layout.chunks:
        critical = not (chunk.type[0] & 0x20)
        if critical or chunk.type in _PNG_KEEP_ANCILLARY:
            out += data[chunk.start : chunk.end]
        else:
            removed.append(_PNG_NAMES.get(chunk.type, f"{chunk.type.decode('latin-1')} chunk"))
    if data[layout.end_of_image :].strip(b"\x00"):
        removed.append("data after the end of the image")
    return StrippedImage(bytes(out), _unique(removed))


def strip_webp(data: bytes) -> StrippedImage:
    """Drop the EXIF and XMP chunks of a WebP file and clear their VP8X flags."""
    chunks: list[tuple[bytes, bytes]] = []
    pos, end = 12, min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    while pos + 8 <= end:
        fourcc, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        chunks.append((fourcc, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    removed = [{b"EXIF": "EXIF", b"XMP ": "XMP"}[f] for f, _ in chunks if f in (b"EXIF", b"XMP ")]
    body = bytearray()
    for fourcc, payload in chunks:
        if fourcc in (b"EXIF", b"XMP "):
            continue
        if fourcc == b"VP8X" and payload:
            payload = bytes([payload[0] & ~0x0C]) + payload[1:]
        body += fourcc + struct.pack("<I", len(payload)) + payload + (b"\x00" * (len(payload) & 1))
    out = b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + bytes(body)
    return StrippedImage(out, _unique(removed))


def strip_image(data: bytes) -> StrippedImage:
    """Strip a JPEG, PNG or WebP file; raise `UnsupportedImage` for other formats."""
    if data.startswith(JPEG_SOI):
        return strip_jpeg(data)
    if data.startswith(PNG_SIGNATURE):
        return strip_png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return strip_webp(data)
    raise UnsupportedImage("only JPEG, PNG and WebP images can be stripped without re-encoding")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
