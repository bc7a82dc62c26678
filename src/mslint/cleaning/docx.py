"""Cleaning a DOCX package: properties and custom XML data cleared, comments and the
glossary (building blocks) removed, images stripped.

The package is rewritten part by part; text, tracked changes and formatting are left as
they are (accepting changes is the author's decision). XML is parsed hardened and parts are
read within the parser's size limits.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import Any

from mslint.cleaning.images import UnsupportedImage, strip_image
from mslint.parser import ParseLimits
from mslint.parsers.docx_stored_text import CUSTOM_XML_ITEM, holds_data

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"

#: Relationship types (last path segment) whose parts hold comments and their people.
_COMMENT_RELS = frozenset({"comments", "commentsExtended", "commentsIds", "commentsExtensible",
                           "people"})
_COMMENT_MARKS = frozenset({f"{W}commentRangeStart", f"{W}commentRangeEnd",
                            f"{W}commentReference"})
_STORY_PREFIXES = ("word/document", "word/header", "word/footer", "word/footnotes",
                   "word/endnotes", "word/glossary/document")
_PROPERTY_PARTS = {"docProps/core.xml": "core", "docProps/app.xml": "app",
                   "docProps/custom.xml": "custom"}


class DocxCleanError(ValueError):
    """The package cannot be cleaned (not a DOCX, over the limits, broken XML)."""


def _parse_xml(raw: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             remove_blank_text=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        raise DocxCleanError(f"broken XML: {exc}") from None


def _serialize(root: Any) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(rels_name: str, target: str) -> str:
    source_folder = posixpath.dirname(posixpath.dirname(rels_name))
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(source_folder, target))


def _read_package(source: Path, limits: ParseLimits) -> tuple[list[zipfile.ZipInfo],
                                                               dict[str, bytes]]:
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocxCleanError(f"not a readable DOCX package: {exc}") from None
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > limits.max_decompressed_bytes:
            raise DocxCleanError("package expands beyond the size limit (a ZIP bomb?)")
        parts: dict[str, bytes] = {}
        for info in infos:
            if info.file_size > limits.max_part_bytes:
                raise DocxCleanError(f"part {info.filename} is over the size limit")
            try:
                parts[info.filename] = zf.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                raise DocxCleanError(f"part {info.filename} is damaged: {exc}") from None
    if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
        raise DocxCleanError("not a Word document (no word/document.xml)")
    return infos, parts


def _drop_relationships(parts: dict[str, bytes], rels_name: str, kinds: frozenset[str],
                        dropped: set[str]) -> int:
    if rels_name not in parts:
        return 0
    root = _parse_xml(parts[rels_name])
    count = 0
    for rel in list(root.iter(f"{PKG_REL}Relationship")):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if kind in kinds and rel.get("TargetMode") != "External":
            dropped.add(_target(rels_name, rel.get("Target") or ""))
            root.remove(rel)
            count += 1
    if count:
        parts[rels_name] = _serialize(root)
    return count


def _drop_comment_marks(parts: dict[str, bytes]) -> int:
    removed = 0
    for name in list(parts):
        if not (name.startswith(_STORY_PREFIXES) and name.endswith(".xml")):
            continue
        if b"comment" not in parts[name]:
            continue
        root = _parse_xml(parts[name])
        marks = [el for el in root.iter() if el.tag in _COMMENT_MARKS]
        for el in marks:
            parent = el.getparent()
            parent.remove(el)
            if parent.tag == f"{W}r" and all(c.tag == f"{W}rPr" for c in parent):
                parent.getparent().remove(parent)
        if marks:
            removed += len(marks)
            parts[name] = _serialize(root)
    return removed


def _clear_properties(parts: dict[str, bytes]) -> list[str]:
    cleared = []
    for name, label in _PROPERTY_PARTS.items():
        if name not in parts:
            continue
        root = _parse_xml(parts[name])
        if len(root):
            for child in list(root):
                root.remove(child)
            parts[name] = _serialize(root)
            cleared.append(label)
    return cleared


def _clear_custom_xml(parts: dict[str, bytes]) -> int:
    """Empty every text value of the custom XML data parts, keeping their structure (content
    controls bound to them stay valid); the number of values cleared."""
    cleared = 0
    for name in [n for n in parts if CUSTOM_XML_ITEM.match(n)]:
        root = _parse_xml(parts[name])
        if not holds_data(root):
            continue
        values = [el for el in root.iter()
                  if isinstance(el.tag, str) and not len(el) and (el.text or "").strip()]
        for el in values:
            el.text = None
        if values:
            cleared += len(values)
            parts[name] = _serialize(root)
    return cleared


def _drop_content_types(parts: dict[str, bytes], dropped: set[str]) -> None:
    root = _parse_xml(parts["[Content_Types].xml"])
    changed = False
    for override in list(root.iter(f"{CT}Override")):
        if (override.get("PartName") or "").lstrip("/") in dropped:
            root.remove(override)
            changed = True
    if changed:
        parts["[Content_Types].xml"] = _serialize(root)


def clean_docx(source: Path, dest: Path, limits: ParseLimits | None = None) -> list[str]:
    """Write a cleaned copy of ``source`` to ``dest``; returns what was done."""
    infos, parts = _read_package(source, limits or ParseLimits())
    actions: list[str] = []
    cleared = _clear_properties(parts)
    if cleared:
        actions.append(f"cleared the {', '.join(cleared)} document properties")
    values = _clear_custom_xml(parts)
    if values:
        actions.append(f"cleared {values} value(s) of custom XML data")
    glossary: set[str] = set()
    if _drop_relationships(parts, "word/_rels/document.xml.rels",
                           frozenset({"glossaryDocument"}), glossary):
        glossary |= {n for n in parts if n.startswith("word/glossary/")}
        actions.append("removed the glossary (building blocks)")
    dropped: set[str] = set()
    comment_rels = _drop_relationships(parts, "word/_rels/document.xml.rels", _COMMENT_RELS,
                                       dropped)
    marks = _drop_comment_marks(parts)
    if comment_rels or marks:
        actions.append(f"removed comments ({len(dropped)} part(s), {marks} anchor(s) in the "
                       "text)")
    thumbs: set[str] = set()
    if _drop_relationships(parts, "_rels/.rels", frozenset({"thumbnail"}), thumbs):
        actions.append("removed the first-page thumbnail")
    dropped |= thumbs | glossary
    for name in sorted(dropped):
        parts.pop(name, None)
        parts.pop(_rels_part(name), None)
    _drop_content_types(parts, dropped)
    stripped, kept = [], []
    for name in [n for n in parts if n.startswith("word/media/")]:
        try:
            result = strip_image(parts[name])
        except (UnsupportedImage, ValueError):
            kept.append(name)
            continue
        if result.changed:
            parts[name] = result.data
            stripped.append(f"{name} ({', '.join(result.removed)})")
    if stripped:
        actions.append("stripped image metadata: " + "; ".join(stripped))
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info in infos:
            if info.filename in parts:
                zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = info.external_attr
                out.writestr(zi, parts[info.filename])
    return actions
