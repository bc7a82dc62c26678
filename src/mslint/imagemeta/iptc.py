"""IPTC-IIM datasets and the Photoshop image resources (``8BIM``) that carry them,
with Photoshop thumbnails and embedded EXIF/XMP."""

from __future__ import annotations

import struct
from collections.abc import Iterator

from mslint.imagemeta.exif import exif_fields
from mslint.imagemeta.model import FieldKind, MetaField, clean_text
from mslint.imagemeta.xmp import xmp_fields

_IPTC_DATASETS: dict[int, tuple[str, FieldKind]] = {
    5: ("ObjectName", FieldKind.FREE_TEXT),
    25: ("Keywords", FieldKind.FREE_TEXT),
    40: ("SpecialInstructions", FieldKind.FREE_TEXT),
    55: ("DateCreated", FieldKind.CAPTURE_DATE),
    62: ("DigitalCreationDate", FieldKind.CAPTURE_DATE),
    65: ("OriginatingProgram", FieldKind.DEVICE),
    80: ("By-line", FieldKind.PERSON),
    90: ("City", FieldKind.LOCATION),
    92: ("Sub-location", FieldKind.LOCATION),
    103: ("OriginalTransmissionReference", FieldKind.OTHER_ID),
    105: ("Headline", FieldKind.FREE_TEXT),
    110: ("Credit", FieldKind.FREE_TEXT),
    115: ("Source", FieldKind.DEVICE),
    116: ("CopyrightNotice", FieldKind.FREE_TEXT),
    118: ("Contact", FieldKind.PERSON),
    120: ("Caption-Abstract", FieldKind.FREE_TEXT),
    122: ("Writer-Editor", FieldKind.PERSON),
}


def iptc_fields(raw: bytes) -> list[MetaField]:
    """Record-2 datasets of an IPTC-IIM block that can identify."""
    values: dict[int, list[str]] = {}
    pos, n = 0, len(raw)
    while pos + 5 <= n and raw[pos] == 0x1C:
        record, dataset = raw[pos + 1], raw[pos + 2]
        (size,) = struct.unpack(">H", raw[pos + 3 : pos + 5])
        pos += 5
        if size & 0x8000:  # extended length: not used for text datasets
            break
        if record == 2 and dataset in _IPTC_DATASETS:
            text = clean_text(raw[pos : pos + size])
            if text:
                values.setdefault(dataset, []).append(text)
        pos += size
    return [MetaField("iptc", _IPTC_DATASETS[ds][0], "; ".join(vals), _IPTC_DATASETS[ds][1])
            for ds, vals in values.items()]


def photoshop_resources(raw: bytes) -> Iterator[tuple[int, bytes]]:
    """``(resource id, data)`` of Photoshop image resources (``8BIM`` blocks)."""
    pos, n = 0, len(raw)
    while pos + 12 <= n and raw[pos : pos + 4] == b"8BIM":
        (rid,) = struct.unpack(">H", raw[pos + 4 : pos + 6])
        name_len = raw[pos + 6]
        pos += 7 + name_len + ((name_len + 1) % 2)
        if pos + 4 > n:
            return
        (size,) = struct.unpack(">I", raw[pos : pos + 4])
        pos += 4
        yield rid, raw[pos : pos + size]
        pos += size + (size % 2)


def photoshop_fields(raw: bytes) -> list[MetaField]:
    out: list[MetaField] = []
    for rid, body in photoshop_resources(raw):
        if rid == 0x0404:
            out.extend(iptc_fields(body))
        elif rid in (0x0409, 0x040C):
            out.append(MetaField("photoshop", "Thumbnail", f"{len(body)} bytes",
                                 FieldKind.HIDDEN_IMAGE))
        elif rid == 0x0422:
            out.extend(exif_fields(body))
        elif rid == 0x0424:
            out.extend(xmp_fields(body))
    return out
