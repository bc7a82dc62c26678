"""The DOCX parser plugin: every layer of a Word package into the `Document` model.

The package is read through `OoxmlPackage` (bounded inflation, hardened XML) rather than
python-docx, whose package reader inflates every part in full before anything can be
checked and has no API for text boxes, tracked deletions, hidden runs, crop rectangles,
VML images or OLE parts. The parts are walked once with lxml; styles are resolved once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mslint.hookspecs import hookimpl
from mslint.model import BlockKind, Document, Location, TextBlock
from mslint.parser import ParseOptions, UnreadableFile
from mslint.parsers.ooxml_package import CFB_MAGIC, ZIP_MAGIC, OoxmlPackage, Relationship

MAIN_DOCUMENT = "word/document.xml"
_PROPERTY_RELS = {"core-properties": "core", "extended-properties": "app",
                  "custom-properties": "custom"}
_PROPERTY_DEFAULTS = {"core": "docProps/core.xml", "app": "docProps/app.xml",
                      "custom": "docProps/custom.xml"}
if TYPE_CHECKING:
    from mslint.parsers.docx_body import BodyBuilder
    from mslint.parsers.docx_images import ImageCollector
    from mslint.parsers.docx_props import Property

STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


class DocxParser:
    """Word 2007+ documents, macro-enabled documents and templates."""

    format = "docx"
    extensions = (".docx", ".docm", ".dotx")

    def sniff(self, head: bytes) -> bool:
        """A ZIP package, or an OLE container (an encrypted DOCX is one; parse says so)."""
        return head.startswith(ZIP_MAGIC) or head.startswith(CFB_MAGIC)

    def parse(self, path: Path, options: ParseOptions) -> Document:
        with OoxmlPackage(path, options.limits) as package:
            return _parse_package(path, package, options)


def _parse_package(path: Path, package: OoxmlPackage, options: ParseOptions) -> Document:
    from mslint.parsers.docx_body import BodyBuilder
    from mslint.parsers.docx_figures import assign_figures
    from mslint.parsers.docx_images import ImageCollector
    from mslint.parsers.docx_stored_text import read_glossary
    from mslint.parsers.docx_styles import W, hex_color, read_styles

    package_rels = package.rels("")
    main = next((r.target for r in package_rels.values()
                 if r.type == "officeDocument" and not r.external and package.has(r.target)),
                MAIN_DOCUMENT)
    if not package.has(main):
        raise UnreadableFile(f"ZIP package has no {main}: not a Word document")
    root = package.xml(main)
    body = root.find(f"{W}body")
    if body is None:
        if str(root.tag).startswith(STRICT_W):
            raise UnreadableFile("Strict Open XML document, which mslint does not read yet: "
                                 "save it as a standard Word Document (.docx)")
        raise UnreadableFile(f"{main} has no w:body: not a Word document")
    rels = package.rels(main)
    by_type: dict[str, list[str]] = {}
    for rel in rels.values():
        if not rel.external and package.has(rel.target):
            by_type.setdefault(rel.type, []).append(rel.target)
    styles_part = next(iter(by_type.get("styles", [])), None)
    styles = read_styles(package.xml(styles_part) if styles_part else None)

    doc = Document(path=path, format="docx")
    images = ImageCollector(package, options.limits.max_image_pixels)
    builder = BodyBuilder(doc, styles, images, main)
    builder.walk_body(body, rels)
    doc.images = list(images.images.values())
    assign_figures(doc, builder.records)
    _walk_other_stories(builder, package, by_type)
    _collect_package_files(images, package, package_rels, rels)
    doc.images = list(images.images.values())
    doc.embedded_files = list(images.files.values())

    _add_metadata(doc, package, package_rels)
    settings = next(iter(by_type.get("settings", [])), None)
    _add_external_targets(doc, [("", package_rels), (main, rels)]
                          + ([(settings, package.rels(settings))] if settings else []))
    for part in by_type.get("people", [])[:1]:
        _add_people(doc, package.xml(part), part)
    for part in by_type.get("glossaryDocument", [])[:1]:
        for prop in read_glossary(package, part):
            _add_property(doc, prop)
    background = root.find(f"{W}background")
    if background is not None and background.get(f"{W}color"):
        doc.attrs["docx_page_background"] = hex_color(background.get(f"{W}color"))
    doc.attrs["docx_rsid_count"] = _rsid_count(package.xml(settings)) if settings else 0
    pages = doc.metadata.get("app:Pages", "")
    if pages.isdigit():
        doc.attrs["page_count"] = int(pages)
    doc.attrs["docx_main_part"] = main
    return doc


def _walk_other_stories(builder: BodyBuilder, package: OoxmlPackage,
                        by_type: dict[str, list[str]]) -> None:
    """Headers and footers, footnotes and endnotes, comments: after the body, in that order."""
    for kind in ("header", "footer"):
        for part in sorted(set(by_type.get(kind, []))):
            builder.walk_header_footer(package.xml(part), part, package.rels(part), kind)
    for note_type, rel_type in (("footnote", "footnotes"), ("endnote", "endnotes")):
        for part in by_type.get(rel_type, [])[:1]:
            builder.walk_notes(package.xml(part), part, package.rels(part), note_type)
    for part in by_type.get("comments", [])[:1]:
        builder.walk_comments(package.xml(part), part, package.rels(part))


def _collect_package_files(images: ImageCollector, package: OoxmlPackage,
                           package_rels: dict[str, Relationship],
                           rels: dict[str, Relationship]) -> None:
    """The thumbnail, OLE and package parts no drawing showed, imported ``altChunk`` files
    (HTML, RTF or DOCX Word merges into the text when it opens the file) and stray media."""
    for rel in package_rels.values():
        if rel.type == "thumbnail" and not rel.external:
            images.add_thumbnail(rel.target)
    for name in package.names:
        if name.startswith("docProps/thumbnail."):
            images.add_thumbnail(name)
    for rel in rels.values():
        if rel.type in ("oleObject", "package", "aFChunk") and not rel.external:
            images.add_file(rel.target, rel.type, None)
    images.add_unreferenced_parts()


def _add_metadata(doc: Document, package: OoxmlPackage,
                  package_rels: dict[str, Relationship]) -> None:
    from mslint.parsers.docx_props import read_properties
    from mslint.parsers.docx_stored_text import read_custom_xml

    parts = dict(_PROPERTY_DEFAULTS)
    for rel in package_rels.values():
        key = _PROPERTY_RELS.get(rel.type)
        if key and not rel.external:
            parts[key] = rel.target
    for prop in read_properties(package, parts) + read_custom_xml(package):
        _add_property(doc, prop)


def _add_property(doc: Document, prop: Property) -> None:
    doc.metadata.setdefault(prop.field, prop.value)
    doc.blocks.append(TextBlock(prop.value, BlockKind.METADATA, Location(part=prop.part),
                                attrs={"field": prop.field}))


def _add_external_targets(doc: Document,
                          sources: list[tuple[str, dict[str, Relationship]]]) -> None:
    """External relationship targets other than hyperlinks and linked images, such as the
    ``attachedTemplate`` path, which often names the author's account."""
    for part, rels in sources:
        for rel in rels.values():
            if rel.external and rel.type not in ("hyperlink", "image") and rel.target:
                field = f"external:{rel.type}"
                doc.metadata.setdefault(field, rel.target)
                doc.blocks.append(TextBlock(rel.target, BlockKind.METADATA,
                                            Location(part=part or None),
                                            attrs={"field": field, "rid": rel.rid}))


def _add_people(doc: Document, root: Any, part: str) -> None:
    """``word/people.xml``: comment authors with their account ids (often e-mail addresses)."""
    for person in root.iter(f"{W15}person"):
        author = person.get(f"{W15}author") or ""
        info = person.find(f"{W15}presenceInfo")
        user = info.get(f"{W15}userId") if info is not None else ""
        value = f"{author} ({user})" if user and user != author else author
        if value.strip():
            field = f"people:{author}"
            doc.metadata[field] = value
            doc.blocks.append(TextBlock(value, BlockKind.METADATA, Location(part=part),
                                        attrs={"field": field}))


def _rsid_count(settings: Any) -> int:
    """Distinct revision-session ids (one per editing session) Word listed in its settings."""
    from mslint.parsers.docx_styles import W

    values = {el.get(f"{W}val") for el in settings.iter(f"{W}rsid", f"{W}rsidRoot")}
    values.discard(None)
    return len(values)


@hookimpl
def mslint_parsers() -> list[DocxParser]:
    return [DocxParser()]
