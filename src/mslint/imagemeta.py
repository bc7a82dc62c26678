"""Metadata carried inside image files, read from their bytes without decoding pixels.

`read_image_metadata` returns every field that can say something about a person, a place,
a time or a device: EXIF (with GPS and the MakerNote's presence), XMP, IPTC, PNG text
chunks, JPEG COM segments, GIF comments, and hidden extra images (EXIF/Photoshop thumbnails,
data after the end of the image). Each field has a `FieldKind` saying what it holds; the
rule (MS301) decides the severity, the cleaner (`mslint.cleaning`) reuses the container
walkers here to drop the same segments losslessly.

JPEG and PNG are walked here segment by segment (microseconds); other formats (TIFF, WebP,
GIF, AVIF) are opened lazily with Pillow, which reads headers but not pixels. Containers
Pillow cannot open (HEIC) are scanned for an embedded EXIF block or XMP packet.
"""

from __future__ import annotations

import re
import struct
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: Upper bounds that keep hostile files cheap to read.
MAX_TEXT_BYTES = 1 << 20
MAX_XMP_BYTES = 4 << 20
MAX_SCAN_BYTES = 64 << 20

JPEG_SOI = b"\xff\xd8"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXIF_HEADER = b"Exif\x00\x00"
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_EXTENSION_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"


class FieldKind(StrEnum):
    """What a metadata field holds, which decides how much it matters."""

    LOCATION = "location"  # GPS coordinates, city, sub-location, address
    CAPTURE_DATE = "capture-date"  # when the picture was taken: the date of the study
    PERSON = "person"  # a person's name or contact: artist, owner, creator, by-line
    SERIAL = "serial"  # camera body / lens serial numbers, patient or person IDs
    FREE_TEXT = "free-text"  # description, comment, title, keywords, file names
    OTHER_ID = "other-id"  # identifiers of unclear owner (dc:identifier, transmission refs)
    HIDDEN_IMAGE = "hidden-image"  # thumbnails and trailing data: a second picture
    OPAQUE = "opaque"  # MakerNote: vendor data that may hold serials and owner names
    DATE = "date"  # modification and metadata timestamps
    DEVICE = "device"  # camera make/model, lens, software
    TRACKING_ID = "tracking-id"  # software-made document/instance IDs


@dataclass(frozen=True, slots=True)
class MetaField:
    """One field: where it sits (``exif``, ``gps``, ``xmp``, ``iptc``, ``png-text``,
    ``jpeg-com``...), its name (``GPSLatitude``, ``dc:creator``) and its value as text."""

    source: str
    name: str
    value: str
    kind: FieldKind

    @property
    def label(self) -> str:
        return f"{self.source.upper()} {self.name}"


@dataclass(slots=True)
class ImageMetadata:
    fields: list[MetaField] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def of_kind(self, *kinds: FieldKind) -> list[MetaField]:
        wanted = set(kinds)
        return [f for f in self.fields if f.kind in wanted]


# --------------------------------------------------------------------------------------
# Container walkers (shared with the cleaner)


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


# --------------------------------------------------------------------------------------
# Text helpers


def _clean_text(raw: Any) -> str:
    if isinstance(raw, bytes):
        raw = raw[:MAX_TEXT_BYTES]
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = raw.decode("latin-1")
    elif isinstance(raw, tuple):
        raw = " ".join(_clean_text(x) for x in raw)
    text = str(raw).replace("\x00", " ")
    return " ".join(text.split())


def _inflate(payload: bytes, limit: int = MAX_TEXT_BYTES) -> bytes:
    """zlib-decompress at most ``limit`` bytes (a zTXt bomb stops there)."""
    return zlib.decompressobj().decompress(payload, limit)


# --------------------------------------------------------------------------------------
# EXIF

_IFD0_TAGS: dict[int, tuple[str, FieldKind]] = {
    0x010E: ("ImageDescription", FieldKind.FREE_TEXT),
    0x010F: ("Make", FieldKind.DEVICE),
    0x0110: ("Model", FieldKind.DEVICE),
    0x0131: ("Software", FieldKind.DEVICE),
    0x0132: ("DateTime", FieldKind.DATE),
    0x013B: ("Artist", FieldKind.PERSON),
    0x013C: ("HostComputer", FieldKind.DEVICE),
    0x8298: ("Copyright", FieldKind.FREE_TEXT),
    0x9C9B: ("XPTitle", FieldKind.FREE_TEXT),
    0x9C9C: ("XPComment", FieldKind.FREE_TEXT),
    0x9C9D: ("XPAuthor", FieldKind.PERSON),
    0x9C9E: ("XPKeywords", FieldKind.FREE_TEXT),
    0x9C9F: ("XPSubject", FieldKind.FREE_TEXT),
    0xA430: ("CameraOwnerName", FieldKind.PERSON),
    0xA431: ("BodySerialNumber", FieldKind.SERIAL),
}
_EXIF_IFD_TAGS: dict[int, tuple[str, FieldKind]] = {
    0x9003: ("DateTimeOriginal", FieldKind.CAPTURE_DATE),
    0x9004: ("DateTimeDigitized", FieldKind.CAPTURE_DATE),
    0x9286: ("UserComment", FieldKind.FREE_TEXT),
    0xA420: ("ImageUniqueID", FieldKind.TRACKING_ID),
    0xA430: ("CameraOwnerName", FieldKind.PERSON),
    0xA431: ("BodySerialNumber", FieldKind.SERIAL),
    0xA433: ("LensMake", FieldKind.DEVICE),
    0xA434: ("LensModel", FieldKind.DEVICE),
    0xA435: ("LensSerialNumber", FieldKind.SERIAL),
}
_MAKERNOTE = 0x927C
_IFD_EXIF, _IFD_GPS, _IFD_IFD1 = 0x8769, 0x8825, -1
_XP_TAGS = frozenset({0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F})
_USER_COMMENT_PREFIXES = (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"JIS\x00\x00\x00\x00\x00",
                          b"\x00" * 8)


def _exif_text(tag: int, raw: Any) -> str:
    if tag in _XP_TAGS and isinstance(raw, (bytes, tuple)):
        buf = bytes(raw) if isinstance(raw, tuple) else raw
        return _clean_text(buf.decode("utf-16-le", "replace"))
    if tag == 0x9286 and isinstance(raw, bytes):
        head, body = raw[:8], raw[8:]
        if head == b"UNICODE\x00":
            order = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
            return _clean_text(body.decode(order, "replace"))
        if head in _USER_COMMENT_PREFIXES:
            return _clean_text(body)
    return _clean_text(raw)


def _dms(value: Any) -> float | None:
    try:
        d, m, s = (float(x) for x in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return d + m / 60 + s / 3600


def _gps_fields(gps: dict[int, Any]) -> list[MetaField]:
    out: list[MetaField] = []
    for lat_tag, lon_tag, name in ((2, 4, "GPSLatitude/GPSLongitude"),
                                   (20, 22, "GPSDestLatitude/GPSDestLongitude")):
        lat, lon = _dms(gps.get(lat_tag)), _dms(gps.get(lon_tag))
        if lat is None and lon is None:
            continue
        if not lat and not lon:
            continue  # 0/0 is what receivers write without a fix
        lat_ref = _clean_text(gps.get(lat_tag - 1, "N")) or "N"
        lon_ref = _clean_text(gps.get(lon_tag - 1, "E")) or "E"
        bits = []
        if lat is not None:
            bits.append(f"{lat:.5f}° {lat_ref}")
        if lon is not None:
            bits.append(f"{lon:.5f}° {lon_ref}")
        out.append(MetaField("gps", name, ", ".join(bits), FieldKind.LOCATION))
    area = _exif_text(0x9286, gps.get(0x1C)) if 0x1C in gps else ""
    if area:
        out.append(MetaField("gps", "GPSAreaInformation", area, FieldKind.LOCATION))
    stamp = _clean_text(gps.get(0x1D, ""))
    if stamp:
        out.append(MetaField("gps", "GPSDateStamp", stamp, FieldKind.CAPTURE_DATE))
    return out


def exif_fields(raw: bytes, *, source: str = "exif") -> list[MetaField]:
    """Fields of an EXIF block (TIFF structure, with or without the ``Exif\\0\\0`` header)."""
    from PIL import Image

    exif = Image.Exif()
    exif.load(raw if raw.startswith(EXIF_HEADER) else EXIF_HEADER + raw)
    return _fields_of_exif(exif, source)


def _fields_of_exif(exif: Any, source: str) -> list[MetaField]:
    out: list[MetaField] = []
    for table, tags in ((_IFD0_TAGS, dict(exif)), (_EXIF_IFD_TAGS, _safe_ifd(exif, _IFD_EXIF))):
        for tag, (name, kind) in table.items():
            if tag in tags:
                text = _exif_text(tag, tags[tag])
                if kind is FieldKind.FREE_TEXT and is_boilerplate(text):
                    kind = FieldKind.DEVICE
                if text and not (kind is FieldKind.CAPTURE_DATE and set(text) <= set("0: ")):
                    out.append(MetaField(source, name, text, kind))
    exif_ifd = _safe_ifd(exif, _IFD_EXIF)
    if _MAKERNOTE in exif_ifd or _MAKERNOTE in exif:
        note = exif_ifd.get(_MAKERNOTE, exif.get(_MAKERNOTE))
        size = len(note) if isinstance(note, (bytes, tuple)) else 0
        out.append(MetaField(source, "MakerNote", f"{size} bytes", FieldKind.OPAQUE))
    out.extend(_gps_fields(_safe_ifd(exif, _IFD_GPS)))
    ifd1 = _safe_ifd(exif, _IFD_IFD1)
    if ifd1.get(0x0202) or ifd1.get(0x0111):
        size = int(ifd1.get(0x0202) or 0)
        out.append(MetaField(source, "Thumbnail", f"{size} bytes", FieldKind.HIDDEN_IMAGE))
    return _dedupe(out)


def _safe_ifd(exif: Any, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # a corrupt sub-IFD must not hide the rest
        return {}


def _dedupe(fields: list[MetaField]) -> list[MetaField]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in fields:
        key = (f.source, f.name, f.value)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# --------------------------------------------------------------------------------------
# XMP

_XMP_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.microsoft.com/photo/1.0/": "MicrosoftPhoto",
    "http://www.gimp.org/xmp/": "GIMP",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKIP_NS = frozenset({_RDF, "adobe:ns:meta/", "http://www.w3.org/XML/1998/namespace"})

_XMP_RULES: tuple[tuple[re.Pattern[str], FieldKind], ...] = (
    (re.compile(r"^(gps(dest)?(latitude|longitude)|gpsareainformation|city|sublocation|location"
                r"(name|created|shown)?|ciadr(extadr|city|pcode)|locationid)$"),
     FieldKind.LOCATION),
    (re.compile(r"^(datecreated|datetimeoriginal|datetimedigitized|createdate|gpsdatestamp|"
                r"gpstimestamp|digitalcreationdate)$"), FieldKind.CAPTURE_DATE),
    (re.compile(r"serialnumber|patient|^(mrn|personid|subjectid|ownerid|personinimageid)$"),
     FieldKind.SERIAL),
    (re.compile(r"^(description|title|subject|usercomment|headline|instructions|keywords|"
                r"caption|comment|label|imagedescription|event|parameters|rights|copyright|credit|"
                r"usageterms)$|filename$|filepath$"), FieldKind.FREE_TEXT),
    (re.compile(r"^(creator|contributor|artist|author|owner|cameraownername|captionwriter|"
                r"personinimage|ci(emailwork|telwork|urlwork))$|"
                r"(person|owner|contact|artist|author|creator)name$"), FieldKind.PERSON),
    (re.compile(r"^(documentid|instanceid|originaldocumentid|imageuniqueid|digimageguid)$"),
     FieldKind.TRACKING_ID),
    (re.compile(r"^(identifier|transmissionreference|registryid|imagesupplierimageid|"
                r"modelreleaseid|propertyreleaseid)$"), FieldKind.OTHER_ID),
    (re.compile(r"^(modifydate|metadatadate|when|datetime)$"), FieldKind.DATE),
    (re.compile(r"^(make|model|lens|lensmodel|lensinfo|creatortool|software|softwareagent|"
                r"platform|firmware|api|version)$"), FieldKind.DEVICE),
)


def classify_xmp(prefix: str, local: str) -> FieldKind | None:
    """What an XMP property holds, from its name; None for technical fields."""
    name = local.lower()
    if prefix == "xmpMM" and name in ("history", "derivedfrom", "manifest"):
        return None
    for pattern, kind in _XMP_RULES:
        if pattern.search(name):
            return kind
    return None


def _qname(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return _XMP_PREFIXES.get(ns, ns.rstrip("/#").rsplit("/", 1)[-1] or "ns"), local
    return "", tag


def xmp_properties(packet: bytes | str) -> list[tuple[str, str, str]]:
    """``(prefix, local name, text)`` for every leaf property of an XMP packet.

    Parsed with defusedxml: no entities, no DTDs, no network; bounded in size.
    """
    from defusedxml import ElementTree as SafeET

    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    packet = packet[:MAX_XMP_BYTES]
    for opening in (b"<x:xmpmeta", b"<x:xapmeta", b"<rdf:RDF"):
        start = packet.find(opening)
        if start >= 0:
            closing = b"</" + opening[1:] + b">"
            end = packet.find(closing, start)
            packet = packet[start : end + len(closing)] if end >= 0 else packet[start:]
            break
    root = SafeET.fromstring(packet, forbid_dtd=True)
    out: list[tuple[str, str, str]] = []
    for elem in root.iter():
        if not isinstance(elem.tag, str):
            continue
        ns_prefix, local = _qname(elem.tag)
        for key, val in elem.attrib.items():
            a_prefix, a_local = _qname(key)
            if key.startswith("{") and key[1:].split("}")[0] in _SKIP_NS:
                continue
            if a_prefix and val.strip():
                out.append((a_prefix, a_local, _clean_text(val)))
        if elem.tag.startswith("{") and elem.tag[1:].split("}")[0] in _SKIP_NS:
            continue
        children = [c for c in elem if isinstance(c.tag, str)]
        props = [c for c in children if c.tag.startswith("{") and c.tag[1:].split("}")[0]
                 not in _SKIP_NS]
        if props:
            continue
        texts = [li.text for li in elem.iter(f"{{{_RDF}}}li") if li.text and li.text.strip()]
        if not children and elem.text and elem.text.strip():
            texts = [elem.text]
        value = _clean_text("; ".join(texts))
        if value:
            out.append((ns_prefix, local, value))
    return out


def xmp_fields(packet: bytes | str, *, source: str = "xmp") -> list[MetaField]:
    """XMP properties that can identify, each classified (technical ones left out; fields
    of unknown meaning with letters in them are kept as `FieldKind.FREE_TEXT` candidates
    only when their name does not look technical)."""
    out: list[MetaField] = []
    for prefix, local, value in xmp_properties(packet):
        kind = classify_xmp(prefix, local)
        if kind is None:
            continue
        if kind is FieldKind.FREE_TEXT and is_boilerplate(value):
            kind = FieldKind.DEVICE
        out.append(MetaField(source, f"{prefix}:{local}" if prefix else local, value, kind))
    return _dedupe(out)


# --------------------------------------------------------------------------------------
# IPTC (IIM) and Photoshop image resources

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
            text = _clean_text(raw[pos : pos + size])
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


def _photoshop_fields(raw: bytes) -> list[MetaField]:
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


# --------------------------------------------------------------------------------------
# Comments and PNG text

#: Text that programs write by themselves: not a person's words.
_BOILERPLATE = re.compile(
    r"^(created with (the )?gimp.*|creator: gd-jpeg.*|lead technologies.*|optimized by jpegmini|"
    r"(olympus|sony|minolta|nikon|kodak|samsung|sanyo|canon|pentax|fujifilm|casio|"
    r"hp|konica minolta) (digital camera|dsc|digital)|appl?emark|screenshot|"
    r"(made|generated|created|edited|processed) (with|by) [\w .\-]+|"
    r"file source: .*|intel\(r\) jpeg library.*|xv version .*|ducky)$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """A comment a program writes on its own (``Created with GIMP``, ``SONY DSC``)."""
    return bool(_BOILERPLATE.match(text.strip()))


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


def _text_kind(text: str) -> FieldKind:
    return FieldKind.DEVICE if is_boilerplate(text) else FieldKind.FREE_TEXT


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
    kind = _PNG_KEYWORDS.get(key) or _text_kind(text)
    clean = _clean_text(text)
    return [MetaField("png-text", keyword, clean, kind)] if clean else []


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
                yield key, _inflate(rest[1:]).decode("latin-1")
            else:
                compressed, _method = rest[0], rest[1]
                _lang, _, rest2 = rest[2:].partition(b"\x00")
                _translated, _, text = rest2.partition(b"\x00")
                raw = _inflate(text) if compressed else text
                yield key, raw.decode("utf-8", "replace")
        except (IndexError, zlib.error):
            continue


# --------------------------------------------------------------------------------------
# Per format


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
                meta.fields.extend(_photoshop_fields(body[len(PHOTOSHOP_HEADER):]))
            elif seg.marker == 0xFE:
                text = _clean_text(body)
                if text:
                    meta.fields.append(MetaField("jpeg-com", "Comment", text, _text_kind(text)))
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
            meta.fields.extend(_fields_of_exif(img.getexif(), "exif"))
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
                meta.fields.extend(_photoshop_fields(bytes(ps) if not isinstance(ps, bytes)
                                                     else ps))
        comment = info.get("comment")
        if comment:
            text = _clean_text(comment)
            if text:
                meta.fields.append(MetaField(f"{img.format.lower()}-comment", "Comment", text,
                                             _text_kind(text)))


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
    meta.fields = _dedupe(meta.fields)
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
