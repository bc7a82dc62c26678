"""XMP packets parsed hardened (defusedxml: no DTD, no entities, no network, bounded)
and their properties classified by name."""

from __future__ import annotations

import re

from mslint.imagemeta.model import (
    MAX_XMP_BYTES,
    FieldKind,
    MetaField,
    clean_text,
    dedupe,
    is_boilerplate,
)

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
                out.append((a_prefix, a_local, clean_text(val)))
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
        value = clean_text("; ".join(texts))
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
    return dedupe(out)
