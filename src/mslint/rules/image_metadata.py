"""MS301 image-metadata: EXIF, XMP, IPTC, PNG text and JPEG comments that identify."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import Document, EmbeddedImage
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta
from mslint.rules.identifier_scan import capped, identifiers_in, is_author

if TYPE_CHECKING:
    from mslint.imagemeta import MetaField

IMAGE_METADATA = RuleMeta(
    id="MS301",
    name="image-metadata",
    summary="EXIF/XMP/IPTC/PNG-text fields that identify: GPS, capture date, serials, names",
    default_severity=Severity.ERROR,
    categories=("gps", "address", "date", "name", "device-id", "free-text", "id",
                "hidden-image", "maker-note", "device"),
    doc=RuleDoc(
        what=(
            "Reads the metadata stored inside every embedded or referenced image (JPEG, PNG, "
            "TIFF, WebP, GIF, AVIF; HEIC where an EXIF block can be found) without decoding "
            "its pixels: EXIF with GPS, capture dates, camera owner, artist, body and lens "
            "serial numbers, descriptions, user comments and the MakerNote; XMP (dc:creator, "
            "photoshop:DateCreated, name and ID fields); IPTC; PNG tEXt/zTXt/iTXt chunks; "
            "JPEG COM segments; thumbnails and data after the end of the image. A location, a "
            "capture date, a person's name or a serial number is an error; free text, "
            "maker notes and hidden previews are warnings; camera make, model and software "
            "are information. Text fields also go through the identifier detectors."
        ),
        why=(
            "Metadata travels with the image into the journal's system and often into the "
            "published file. GPS coordinates locate the patient's home or the clinic, the "
            "capture date is the date of the study, and a serial number or owner name ties "
            "the picture to a device and a person. Nobody sees these fields on the page, so "
            "they are the leak most easily overlooked."
        ),
        example=(
            "image word/media/image2.jpeg: GPS GPSLatitude/GPSLongitude holds a location: "
            "**.*****° N, *.*****° W"
        ),
        fix=(
            "Run `mslint clean FILE -o OUT` (or an EXIF stripper) on the images, re-insert "
            "them, and check again. Export images from the PACS or editor with metadata "
            "turned off."
        ),
        policies=(
            PolicyRef("radiopaedia", "Patient confidentiality",
                      "nothing in the images may identify a patient, and embedded image data "
                      "is singled out as the most easily overlooked leak"),
            PolicyRef("radiopaedia", "What is considered an identifier",
                      "dates of study, device serial numbers and names count as identifiers"),
            PolicyRef("hipaa", "164.514(b)(2)(i)(B),(C),(M)",
                      "geographic units smaller than a state, date elements other than the "
                      "year and device serial numbers must be removed"),
        ),
    ),
)

_ERROR_KINDS = {"location", "capture-date", "person", "serial"}
_WARNING_KINDS = {"free-text", "other-id", "hidden-image", "opaque"}
_SCANNED_KINDS = {"free-text", "person", "other-id"}
#: Device fields are software and camera names; only the computer's name can be a person's.
_SCANNED_DEVICE_FIELDS = {"HostComputer"}
_WHAT = {
    "location": "a location",
    "capture-date": "the capture date",
    "person": "a person's name",
    "serial": "a serial number or ID",
    "free-text": "free text",
    "other-id": "an identifier",
}
_HIDDEN_IMAGE_FIX = (
    "a preview can show the picture as it was before it was cropped or masked; strip the "
    "image's metadata"
)


def _category(kind: str, source: str) -> str:
    return {
        "location": "gps" if source == "gps" else "address",
        "capture-date": "date",
        "date": "date",
        "person": "name",
        "serial": "device-id",
        "free-text": "free-text",
        "other-id": "id",
        "hidden-image": "hidden-image",
        "opaque": "maker-note",
    }.get(kind, "device")


def _level(kind: str) -> Severity:
    if kind in _ERROR_KINDS:
        return Severity.ERROR
    if kind in _WARNING_KINDS:
        return Severity.WARNING
    return Severity.INFO


def _grouped(fields: list[MetaField]) -> list[list[MetaField]]:
    """Fields of one kind holding the same text (EXIF ImageDescription, XMP dc:description
    and IPTC Caption written by one program) become one finding."""
    groups: dict[tuple[str, str], list[MetaField]] = {}
    for f in fields:
        opaque = f.kind.value in ("hidden-image", "opaque")
        key = (f.kind.value, f"{f.source}:{f.name}" if opaque else f.value.casefold())
        groups.setdefault(key, []).append(f)
    return list(groups.values())


class ImageMetadataRule:
    meta = IMAGE_METADATA

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        from mslint.imagemeta import read_image_metadata

        for image in document.images:
            if image.data is None:
                continue  # raw PDF samples (decoded on demand) carry no metadata blocks
            meta = read_image_metadata(image.data)
            yield from self._image_findings(image, meta.fields, document, ctx)

    def _image_findings(self, image: EmbeddedImage, fields: list[MetaField],
                        document: Document, ctx: RuleContext) -> Iterator[Finding]:
        logical = f"{image.figure_label} image" if image.figure_label else image.id
        quiet: list[str] = []
        for same in _grouped(fields):
            f = same[0]
            kind = f.kind.value
            label = ", ".join(x.label for x in same)
            holds = "holds" if len(same) == 1 else "hold"
            found_identifier = False
            if kind in _SCANNED_KINDS or f.name in _SCANNED_DEVICE_FIELDS:
                for span in identifiers_in(f.value, ctx, document):
                    if is_author(span.text, document) or (
                            kind == "person" and span.category == "name"):
                        continue  # a person field is reported as such below
                    found_identifier = True
                    yield ctx.finding(
                        f"image {image.id}: {label} {holds} an identifier "
                        f"({span.category}): {{value}}",
                        image.location, severity=ctx.severity, category=span.category,
                        value=span.text, logical_location=logical,
                        fix="strip the image's metadata (mslint clean) and re-insert it",
                        field=label, image_id=image.id,
                    )
            if found_identifier and kind == "free-text":
                continue
            level = _level(kind)
            if kind == "person" and is_author(f.value, document):
                level = Severity.INFO
            if level is Severity.INFO:
                quiet.extend(x.label for x in same)
                continue
            if kind in ("hidden-image", "opaque"):
                what = "a hidden preview image" if kind == "hidden-image" else "a maker note"
                yield ctx.finding(
                    f"image {image.id}: {label} {holds} {what} ({f.value})",
                    image.location, severity=capped(ctx, level),
                    category=_category(kind, f.source), logical_location=logical,
                    fix=_HIDDEN_IMAGE_FIX if kind == "hidden-image" else
                    "maker notes can hold serial numbers and owner names; strip the metadata",
                    field=label, image_id=image.id,
                )
                continue
            yield ctx.finding(
                f"image {image.id}: {label} {holds} {_WHAT.get(kind, 'data')}: {{value}}",
                image.location, severity=capped(ctx, level),
                category=_category(kind, f.source), value=f.value, logical_location=logical,
                fix="strip the image's metadata (mslint clean) and re-insert it",
                field=label, image_id=image.id,
            )
        if quiet:
            yield ctx.finding(
                f"image {image.id} carries camera/software metadata: {', '.join(quiet[:8])}"
                + (f" and {len(quiet) - 8} more" if len(quiet) > 8 else ""),
                image.location, severity=capped(ctx, Severity.INFO), category="device",
                logical_location=logical,
                fix="not identifying by itself; stripping the metadata removes it too",
                image_id=image.id,
            )


@hookimpl
def mslint_rules() -> list[ImageMetadataRule]:
    return [ImageMetadataRule()]
