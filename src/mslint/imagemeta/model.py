"""What a metadata field is and how much it can say: `FieldKind`, `MetaField`,
`ImageMetadata`, and the text helpers every reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: Upper bounds that keep hostile files cheap to read.
MAX_TEXT_BYTES = 1 << 20
MAX_XMP_BYTES = 4 << 20
MAX_SCAN_BYTES = 64 << 20


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


def clean_text(raw: Any) -> str:
    if isinstance(raw, bytes):
        raw = raw[:MAX_TEXT_BYTES]
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = raw.decode("latin-1")
    elif isinstance(raw, tuple):
        raw = " ".join(clean_text(x) for x in raw)
    text = str(raw).replace("\x00", " ")
    return " ".join(text.split())


def dedupe(fields: list[MetaField]) -> list[MetaField]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for f in fields:
        key = (f.source, f.name, f.value)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


#: Text that programs write by themselves: not a person's words.
_BOILERPLATE = re.compile(
    r"^(created with (the )?gimp.*|creator: gd-jpeg.*|lead technologies.*|optimized by jpegmini|"
    r"(olympus|sony|minolta|nikon|kodak|samsung|sanyo|canon|pentax|fujifilm|casio|"
    r"hp|konica minolta) (digital camera|dsc|digital)|appl?emark|screenshot|"
    r"(made|generated|created|edited|processed) with [\w .\-]+|"
    r"file source: .*|intel\(r\) jpeg library.*|xv version .*|ducky)$",
    re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """A comment a program writes on its own (``Created with GIMP``, ``SONY DSC``)."""
    return bool(_BOILERPLATE.match(text.strip()))


def text_kind(text: str) -> FieldKind:
    return FieldKind.DEVICE if is_boilerplate(text) else FieldKind.FREE_TEXT
