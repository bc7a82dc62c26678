"""EXIF: the tags that identify (IFD0, Exif IFD, GPS), MakerNote presence and the
IFD1 thumbnail, read with Pillow's TIFF-structure parser."""

from __future__ import annotations

from typing import Any

from mslint.imagemeta.containers import EXIF_HEADER
from mslint.imagemeta.model import FieldKind, MetaField, clean_text, dedupe, is_boilerplate

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
        return clean_text(buf.decode("utf-16-le", "replace"))
    if tag == 0x9286 and isinstance(raw, bytes):
        head, body = raw[:8], raw[8:]
        if head == b"UNICODE\x00":
            order = "utf-16-be" if body[:1] == b"\x00" else "utf-16-le"
            return clean_text(body.decode(order, "replace"))
        if head in _USER_COMMENT_PREFIXES:
            return clean_text(body)
    return clean_text(raw)


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
        lat_ref = clean_text(gps.get(lat_tag - 1, "N")) or "N"
        lon_ref = clean_text(gps.get(lon_tag - 1, "E")) or "E"
        bits = []
        if lat is not None:
            bits.append(f"{lat:.5f}° {lat_ref}")
        if lon is not None:
            bits.append(f"{lon:.5f}° {lon_ref}")
        out.append(MetaField("gps", name, ", ".join(bits), FieldKind.LOCATION))
    area = _exif_text(0x9286, gps.get(0x1C)) if 0x1C in gps else ""
    if area:
        out.append(MetaField("gps", "GPSAreaInformation", area, FieldKind.LOCATION))
    stamp = clean_text(gps.get(0x1D, ""))
    if stamp:
        out.append(MetaField("gps", "GPSDateStamp", stamp, FieldKind.CAPTURE_DATE))
    return out


def exif_fields(raw: bytes, *, source: str = "exif") -> list[MetaField]:
    """Fields of an EXIF block (TIFF structure, with or without the ``Exif\\0\\0`` header)."""
    from PIL import Image

    exif = Image.Exif()
    exif.load(raw if raw.startswith(EXIF_HEADER) else EXIF_HEADER + raw)
    return fields_of_exif(exif, source)


def fields_of_exif(exif: Any, source: str) -> list[MetaField]:
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
    return dedupe(out)


def _safe_ifd(exif: Any, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # a corrupt sub-IFD must not hide the rest
        return {}
