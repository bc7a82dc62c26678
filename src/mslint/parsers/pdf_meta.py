"""Document properties of a PDF: the Info dictionary and the XMP packet.

Every Info entry becomes ``pdf:<Key>`` (``pdf:Author``, ``pdf:PTEX.Fullbanner``); every XMP
property with a value becomes ``xmp:<prefix>:<name>`` (``xmp:dc:creator``,
``xmp:xmpMM:DocumentID``), list items joined with ``"; "``. XMP is parsed without entity
expansion or network access.
"""

from __future__ import annotations

import re
from typing import Any

from mslint.model import BlockKind, Location, TextBlock

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_CONTAINERS = frozenset({"Seq", "Bag", "Alt"})
#: Conventional prefixes for namespaces, used when the packet binds an unusual one.
_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/pdf/1.3/": "pdf",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
}
MAX_XMP_BYTES = 4 * 1024 * 1024
_SKIP_INFO = frozenset({"Trapped"})


def read_info(doc: Any) -> dict[str, str]:
    """The Info dictionary's text entries as ``pdf:<Key> -> value``."""
    kind, value = doc.xref_get_key(-1, "Info")
    if kind != "xref":
        return {}
    xref = int(value.split()[0])
    out: dict[str, str] = {}
    for key in doc.xref_get_keys(xref):
        if key in _SKIP_INFO:
            continue
        kind, text = doc.xref_get_key(xref, key)
        if kind in ("string", "name", "int", "real") and text.strip():
            out[f"pdf:{key}"] = (text.lstrip("/") if kind == "name" else text).strip()
    return out


def _qualified(tag: str, nsmap: dict[str | None, str]) -> tuple[str, str]:
    uri, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    prefix = _PREFIXES.get(uri) or next((p for p, u in nsmap.items() if u == uri and p), "ns")
    return prefix, local


def read_xmp(packet: str) -> dict[str, str]:
    """XMP properties as ``xmp:<prefix>:<name> -> value``."""
    from lxml import etree

    data = packet.encode("utf-8")[:MAX_XMP_BYTES]
    data = re.sub(rb"<\?xpacket[^>]*\?>", b"", data).strip()
    if not data:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    out: dict[str, list[str]] = {}

    def add(key: str, value: str) -> None:
        value = value.strip()
        if value:
            out.setdefault(key, []).append(value)

    for desc in root.iter(f"{{{_RDF}}}Description"):
        for name, value in desc.attrib.items():
            if not name.startswith(f"{{{_RDF}}}"):
                prefix, local = _qualified(name, desc.nsmap)
                add(f"xmp:{prefix}:{local}", value)
        for prop in desc:
            if not isinstance(prop.tag, str):
                continue
            prefix, local = _qualified(prop.tag, prop.nsmap)
            key = f"xmp:{prefix}:{local}"
            items = [li for li in prop.iter(f"{{{_RDF}}}li")]
            if items:
                for li in items:
                    add(key, "".join(li.itertext()))
            elif len(prop) == 0:
                add(key, prop.text or "")
            else:
                for leaf in prop.iter():
                    if isinstance(leaf.tag, str) and len(leaf) == 0 and leaf is not prop:
                        p2, l2 = _qualified(leaf.tag, leaf.nsmap)
                        add(f"{key}/{p2}:{l2}", leaf.text or "")
    return {key: "; ".join(values) for key, values in out.items()}


def metadata_blocks(doc: Any) -> tuple[dict[str, str], list[TextBlock]]:
    """The document's properties and one METADATA block per property."""
    info = read_info(doc)
    try:
        packet = doc.get_xml_metadata() or ""
    except RuntimeError:
        packet = ""
    xmp = read_xmp(packet) if packet.strip() else {}
    blocks = [
        TextBlock(value, BlockKind.METADATA, Location(part=part), attrs={"field": key})
        for part, fields in (("Info", info), ("XMP", xmp))
        for key, value in fields.items()
    ]
    return {**info, **xmp}, blocks
