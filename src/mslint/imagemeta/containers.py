"""Walking JPEG segments and PNG chunks without decoding pixels (shared by the
metadata reader and the cleaner)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from mslint.imagemeta.model import MAX_TEXT_BYTES

JPEG_SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXIF_HEADER = b"Exif\x00\x00"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"


@dataclass(frozen=True, slots=True)
class JpegSegment:
    """A marker segment: ``marker`` (0xE1 for APP1...), its byte range in the file
    (``start`` at the 0xFF, ``end`` after the payload) and the payload."""

    marker: int
    start: int
    end: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class JpegLayout:
    segments: list[JpegSegment]
    end_of_image: int  # offset just after EOI (len(data) when EOI is missing)


def _skip_entropy_data(data: bytes, pos: int) -> int:
    """Offset of the next marker after entropy-coded data starting at ``pos``."""
    n = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= n:
            return n
        nxt = data[pos + 1]
        if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
            pos += 1 if nxt == 0xFF else 2
            continue
        return pos


def jpeg_layout(data: bytes) -> JpegLayout:
    """Every marker segment of a JPEG up to EOI, walking over the entropy-coded scans.

    Raises ``ValueError`` when ``data`` is not a JPEG.
    """
    if not data.startswith(JPEG_SOI):
        raise ValueError("not a JPEG")
    segments: list[JpegSegment] = []
    pos, n = 2, len(data)
    while pos + 1 < n:
        if data[pos] != 0xFF:
            pos = _skip_entropy_data(data, pos)
            continue
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xD9:
            return JpegLayout(segments, pos + 2)
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if pos + 4 > n:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = min(n, pos + 2 + length)
        segments.append(JpegSegment(marker, pos, end, data[pos + 4 : end]))
        pos = _skip_entropy_data(data, end) if marker == 0xDA else end
    return JpegLayout(segments, n)


@dataclass(frozen=True, slots=True)
class PngChunk:
    type: bytes
    start: int
    end: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class PngLayout:
    chunks: list[PngChunk]
    end_of_image: int


def png_layout(data: bytes) -> PngLayout:
    """Every chunk of a PNG up to IEND. Raises ``ValueError`` when it is not a PNG."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    chunks: list[PngChunk] = []
    pos, n = len(PNG_SIGNATURE), len(data)
    while pos + 8 <= n:
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > n:
            break
        chunks.append(PngChunk(ctype, pos, end, data[pos + 8 : pos + 8 + length]))
        pos = end
        if ctype == b"IEND":
            break
    return PngLayout(chunks, pos)


def inflate(payload: bytes, limit: int = MAX_TEXT_BYTES) -> bytes:
    """zlib-decompress at most ``limit`` bytes (a zTXt bomb stops there)."""
    return zlib.decompressobj().decompress(payload, limit)


def png_text_chunks(layout: PngLayout) -> Iterator[tuple[str, str]]:
    """``(keyword, text)`` of every tEXt, zTXt and iTXt chunk (inflation bounded)."""
    for chunk in layout.chunks:
        body = chunk.payload
        if chunk.type not in (b"tEXt", b"zTXt", b"iTXt"):
            continue
        keyword, _, rest = body.partition(b"\x00")
        key = keyword.decode("latin-1")
        try:
            if chunk.type == b"tEXt":
                yield key, rest.decode("latin-1")
            elif chunk.type == b"zTXt":
                yield key, inflate(rest[1:]).decode("latin-1")
            else:
                compressed, _method = rest[0], rest[1]
                _lang, _, rest2 = rest[2:].partition(b"\x00")
                _translated, _, text = rest2.partition(b"\x00")
                raw = inflate(text) if compressed else text
                yield key, raw.decode("utf-8", "replace")
        except (IndexError, zlib.error):
            continue
