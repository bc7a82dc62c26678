"""MS301, MS305, MS401-MS406 on Documents built in code: each planted leak is found at the
right severity, and documents without it give no finding."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

import piexif
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.findings import Finding, Severity
from mslint.model import (
    BlockKind,
    Crop,
    Document,
    EmbeddedFile,
    EmbeddedImage,
    Location,
    Placement,
    Shape,
    TextBlock,
)
from mslint.resources import Resources
from mslint.rule import RuleContext
from mslint.rules.document_forensics import (
    CommentsRule,
    DocumentPropertiesRule,
    EmbeddedObjectsRule,
    TrackedChangesRule,
)
from mslint.rules.failed_redaction import FailedRedactionRule
from mslint.rules.hidden_crop import HiddenCropRule, crop_hidden_part
from mslint.rules.hidden_text import HiddenTextRule
from mslint.rules.image_metadata import ImageMetadataRule
from mslint.rules.page_geometry import covered_chars


class RecordAndNameDetector:
    """A small real detector: seven-digit MRNs and one known patient name."""

    name = "test-records"
    categories = ("mrn", "name")
    _patterns = ((re.compile(r"MRN \d{7}"), "mrn"), (re.compile(r"Jane Roe"), "name"))

    def detect(self, text: str, ctx: DetectionContext) -> Iterable[IdentifierSpan]:
        for pattern, category in self._patterns:
            for m in pattern.finditer(text):
                yield IdentifierSpan(m.start(), m.end(), category, 0.9, self.name, m.group())


def run(rule: object, document: Document, *, detectors: bool = True,
        severity: Severity | None = None, **params: object) -> list[Finding]:
    meta = rule.meta  # type: ignore[attr-defined]
    resources = Resources([RecordAndNameDetector()] if detectors else [])
    ctx = RuleContext(meta, "doc", {**meta.parameters, **params},
                      severity or meta.default_severity, resources)
    return list(rule.check(document, ctx))  # type: ignore[attr-defined]


def doc(**kwargs: object) -> Document:
    return Document(path=Path("case.docx"), format="docx", **kwargs)  # type: ignore[arg-type]


def levels(findings: list[Finding]) -> dict[str, str]:
    return {f"{f.category}:{f.properties.get('field', '')}": f.severity.label for f in findings}


# --------------------------------------------------------------------------- MS301


def _jpeg_with(exif: dict) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24)).save(buf, "JPEG", exif=piexif.dump(exif))
    return buf.getvalue()


def _image(data: bytes | None, **kw: object) -> EmbeddedImage:
    return EmbeddedImage(id="word/media/image1.jpeg", format="jpeg",
                         location=Location(part="word/media/image1.jpeg"), data=data, **kw)


LEAKY_EXIF = {
    "0th": {piexif.ImageIFD.Make: b"Nikon", piexif.ImageIFD.Model: b"D90",
            piexif.ImageIFD.Artist: b"Bob Owner"},
    "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2023:04:05 10:11:12",
             piexif.ExifIFD.BodySerialNumber: b"SN7781",
             piexif.ExifIFD.UserComment: b"ASCII\x00\x00\x00seen for MRN 1234567"},
    "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
            piexif.GPSIFD.GPSLatitude: ((51, 1), (0, 1), (0, 1)),
            piexif.GPSIFD.GPSLongitudeRef: b"E",
            piexif.GPSIFD.GPSLongitude: ((4, 1), (0, 1), (0, 1))},
}


def test_ms301_severity_follows_what_each_field_holds() -> None:
    found = run(ImageMetadataRule(), doc(images=[_image(_jpeg_with(LEAKY_EXIF))]))
    got = levels(found)
    assert got["gps:GPS GPSLatitude/GPSLongitude"] == "error"
    assert got["date:EXIF DateTimeOriginal"] == "error"
    assert got["name:EXIF Artist"] == "error"
    assert got["device-id:EXIF BodySerialNumber"] == "error"
    assert got["mrn:EXIF UserComment"] == "error"  # the detectors read the comment
    assert got["device:"] == "info"  # make and model, summarised
    assert "free-text:EXIF UserComment" not in got  # reported as the MRN instead
    gps = next(f for f in found if f.category == "gps")
    assert "{value}" in gps.message and gps.value == "51.00000° N, 4.00000° E"
    assert "51" not in gps.render_message(show_values=False)


def test_ms301_free_text_is_a_warning_without_detectors() -> None:
    found = run(ImageMetadataRule(), doc(images=[_image(_jpeg_with(LEAKY_EXIF))]),
                detectors=False)
    assert levels(found)["free-text:EXIF UserComment"] == "warning"


def test_ms301_manuscript_author_as_artist_is_info() -> None:
    document = doc(images=[_image(_jpeg_with({"0th": {piexif.ImageIFD.Artist: b"Bob Owner"}}))],
                   authors=["Owner, Bob"])
    assert [f.severity for f in run(ImageMetadataRule(), document)] == [Severity.INFO]


def test_ms301_rule_severity_caps_every_finding() -> None:
    found = run(ImageMetadataRule(), doc(images=[_image(_jpeg_with(LEAKY_EXIF))]),
                severity=Severity.WARNING)
    assert max(f.severity for f in found) is Severity.WARNING


def test_ms301_clean_and_pixel_only_images_give_nothing() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24)).save(buf, "JPEG")
    document = doc(images=[_image(buf.getvalue()), _image(None, stream_filter="FlateDecode")])
    assert run(ImageMetadataRule(), document) == []


# --------------------------------------------------------------------------- MS305


def test_ms305_docx_crop_says_how_much_and_where() -> None:
    image = _image(b"", crop=Crop(left=0.2, top=0.1), figure_label="Figure 2")
    (finding,) = run(HiddenCropRule(), doc(images=[image]))
    assert "28%" in finding.message and "left 20%, top 10%" in finding.message
    assert finding.properties["hidden_sides"] == ["left", "top"]
    assert finding.logical_location == "Figure 2 image"


def test_ms305_pdf_clip_and_off_page_are_measured() -> None:
    clipped = _image(b"", placements=(Placement(3, (100, 100, 300, 200), (100, 100, 250, 200)),))
    (finding,) = run(HiddenCropRule(), doc(images=[clipped]))
    assert "25%" in finding.message and "right 25%" in finding.message
    assert "page 3" in finding.message
    gone = _image(b"", placements=(Placement(1, (700, 900, 800, 1000), (0, 0, 0, 0)),))
    (finding,) = run(HiddenCropRule(), doc(images=[gone]))
    assert "not visible at all" in finding.message


def test_ms305_no_finding_when_some_placement_shows_it_whole_or_padding_only() -> None:
    twice = _image(b"", placements=(Placement(1, (0, 0, 100, 100), (0, 0, 50, 100)),
                                    Placement(2, (0, 0, 100, 100), (0, 0, 100, 100))))
    padded = _image(b"", crop=Crop(left=-0.1, right=-0.1))
    tiny = _image(b"", crop=Crop(bottom=0.01))
    assert run(HiddenCropRule(), doc(images=[twice, padded, tiny])) == []


@given(st.floats(-0.5, 1), st.floats(-0.5, 1), st.floats(-0.5, 1), st.floats(-0.5, 1))
def test_hidden_share_is_a_fraction_and_names_only_cropped_sides(l, t, r, b) -> None:  # noqa: E741
    part = crop_hidden_part(Crop(l, t, r, b))
    assert 0.0 <= part.fraction <= 1.0
    assert {name for name, _ in part.sides} == {
        n for n, v in zip(("left", "top", "right", "bottom"), (l, t, r, b), strict=True) if v > 0}


# --------------------------------------------------------------------------- MS401


def _meta(field: str, value: str) -> TextBlock:
    return TextBlock(value, BlockKind.METADATA, Location(part="docProps/core.xml"),
                     attrs={"field": field})


def test_ms401_person_fields_are_warnings_authors_and_placeholders_info() -> None:
    document = doc(blocks=[_meta("core:creator", "Alice Surgeon"),
                           _meta("core:lastModifiedBy", "Bob Owner"),
                           _meta("app:Manager", "python-docx")],
                   authors=["Bob Owner"])
    assert [f.severity.label for f in run(DocumentPropertiesRule(), document)] == [
        "warning", "info", "info"]


def test_ms401_identifier_in_a_title_is_an_error_and_plain_titles_pass() -> None:
    document = doc(blocks=[_meta("core:title", "Case of Jane Roe MRN 1234567"),
                           _meta("core:subject", "Leg ulcers in the elderly")])
    found = run(DocumentPropertiesRule(), document)
    assert sorted((f.category, f.severity.label, f.value) for f in found) == [
        ("mrn", "error", "MRN 1234567"), ("name", "error", "Jane Roe")]


def test_ms401_library_column_about_the_patient_is_one_error_glossary_text_is_scanned(
        ) -> None:
    document = doc(blocks=[_meta("customxml:PatientName", "Maria Garcia"),
                           _meta("custom:PatientRef", "HN-44556"),
                           _meta("customxml:Ward", "Ward 5"),
                           _meta("glossary:Clinic letter", "Re: MRN 1234567, seen today")])
    found = run(DocumentPropertiesRule(), document)
    assert sorted((f.category, f.severity.label, f.value) for f in found) == [
        ("document-property", "error", "HN-44556"),
        ("document-property", "error", "Maria Garcia"),
        ("mrn", "error", "MRN 1234567")]


def test_ms401_reads_metadata_entries_without_blocks() -> None:
    document = Document(path=Path("a.pdf"), format="pdf", metadata={"pdf:Author": "Carol Doe"})
    (finding,) = run(DocumentPropertiesRule(), document)
    assert finding.value == "Carol Doe" and finding.severity is Severity.WARNING


# --------------------------------------------------------------------------- MS402 / MS403


def test_ms402_comment_is_a_warning_and_its_identifier_an_error() -> None:
    comment = TextBlock("Is this MRN 1234567 consented?", BlockKind.COMMENT,
                        Location(paragraph=3, part="word/comments.xml"), attrs={"author": "Rev"})
    note = TextBlock("Check spelling", BlockKind.ANNOTATION, Location(page=1),
                     attrs={"subtype": "Text"})
    link = TextBlock("https://example.org", BlockKind.ANNOTATION, Location(page=1),
                     attrs={"subtype": "Link"})
    found = run(CommentsRule(), doc(blocks=[comment, note, link]))
    assert sorted((f.category, f.severity.label) for f in found) == [
        ("comment", "warning"), ("comment", "warning"), ("mrn", "error")]


def test_ms403_deleted_identifier_is_an_error_and_revisions_are_info() -> None:
    deleted = TextBlock("Jane Roe", BlockKind.TRACKED_DELETION, Location(paragraph=2),
                        attrs={"author": "Ed"})
    inserted = TextBlock("the patient", BlockKind.TRACKED_INSERTION, Location(paragraph=2))
    document = doc(blocks=[deleted, inserted], attrs={"pdf_versions": 3})
    found = run(TrackedChangesRule(), document)
    assert sorted((f.category, f.severity.label) for f in found) == [
        ("name", "error"), ("pdf-revisions", "info"), ("tracked-deletion", "warning"),
        ("tracked-insertion", "info")]
    assert "2 earlier revision" in next(f for f in found if f.category == "pdf-revisions").message


def test_ms403_no_changes_no_findings() -> None:
    assert run(TrackedChangesRule(), doc(blocks=[TextBlock("text", BlockKind.BODY, Location())],
                                         attrs={"pdf_versions": 1})) == []


# --------------------------------------------------------------------------- MS404


def _body(text: str, spans: list[dict], page: int | None = None) -> TextBlock:
    return TextBlock(text, BlockKind.BODY, Location(page=page, paragraph=None if page else 1),
                     attrs={"spans": spans})


def test_ms404_finds_vanish_white_and_tiny_text() -> None:
    vanish = TextBlock("old name Jane Roe", BlockKind.HIDDEN, Location(paragraph=1),
                       attrs={"hidden_reason": "vanish"})
    white = _body("Visible. secret words", [{"start": 9, "end": 21, "color": "#fefefe"}])
    tiny = _body("Visible. tiny words", [{"start": 9, "end": 19, "size": 0.5}])
    found = run(HiddenTextRule(), doc(blocks=[vanish, white, tiny]))
    got = sorted((f.category, f.severity.label, f.value) for f in found)
    assert got == [("hidden-text", "warning", "secret words"),
                   ("hidden-text", "warning", "tiny words"),
                   ("name", "error", "Jane Roe")]


def test_ms404_light_text_on_a_dark_background_is_visible() -> None:
    shaded = _body("Header", [{"start": 0, "end": 6, "color": "#ffffff", "shading": "#000000"}])
    over_image = _body("Label", [{"start": 0, "end": 5, "color": "#ffffff",
                                  "bbox": (10, 10, 40, 20)}], page=1)
    image = _image(b"", placements=(Placement(1, (0, 0, 100, 100), (0, 0, 100, 100)),))
    assert run(HiddenTextRule(), doc(blocks=[shaded, over_image], images=[image])) == []


def test_ms404_ocr_layer_over_a_scan_is_info_and_bare_invisible_text_a_warning() -> None:
    line = (50, 50, 300, 60)
    ocr = TextBlock("scanned words here", BlockKind.HIDDEN, Location(page=1, bbox=line),
                    attrs={"hidden_reason": "render-mode-3"})
    bare = TextBlock("invisible words", BlockKind.HIDDEN, Location(page=2, bbox=line),
                     attrs={"hidden_reason": "render-mode-3"})
    scan = _image(b"", placements=(Placement(1, (0, 0, 595, 842), (0, 0, 595, 842)),))
    found = run(HiddenTextRule(), doc(blocks=[ocr, bare], images=[scan]))
    assert sorted((f.category, f.severity.label) for f in found) == [
        ("hidden-text", "warning"), ("ocr-layer", "info")]


def test_ms404_stray_off_page_digit_is_ignored() -> None:
    stray = TextBlock("1", BlockKind.HIDDEN, Location(page=7), attrs={"hidden_reason": "off-page"})
    assert run(HiddenTextRule(), doc(blocks=[stray])) == []


# --------------------------------------------------------------------------- MS405


def test_ms405_text_under_a_black_box_is_found_and_only_the_covered_part() -> None:
    text = "Patient Jane Roe was seen"
    block = _body(text, [{"start": 0, "end": len(text), "bbox": (100, 100, 350, 112),
                          "color": "#000000"}], page=1)
    # glyphs are 10 pt wide here: "Jane Roe" spans x = 180..260
    box = Shape(page=1, rect=(178, 98, 262, 114), fill=(0, 0, 0))
    elsewhere = Shape(page=1, rect=(100, 300, 300, 320), fill=(0, 0, 0))
    (finding,) = run(FailedRedactionRule(), doc(blocks=[block], shapes=[box, elsewhere]))
    assert finding.value == "Jane Roe" and finding.severity is Severity.ERROR


def test_ms405_white_text_drawn_on_a_black_box_is_not_a_redaction() -> None:
    block = _body("Table header", [{"start": 0, "end": 12, "bbox": (100, 100, 220, 112),
                                    "color": "#ffffff"}], page=1)
    box = Shape(page=1, rect=(90, 95, 230, 115), fill=(0, 0, 0))
    faint = Shape(page=1, rect=(90, 95, 230, 115), fill=(0, 0, 0), opacity=0.3)
    assert run(FailedRedactionRule(), doc(blocks=[block], shapes=[box, faint])) == []


def test_ms405_unapplied_redaction_annotation_is_found_whatever_the_colours() -> None:
    block = _body("MRN 1234567", [{"start": 0, "end": 11, "bbox": (100, 100, 210, 112),
                                   "color": "#ffffff"}], page=2)
    redact = Shape(page=2, rect=(95, 95, 215, 115), fill=None, kind="redact-annotation")
    (finding,) = run(FailedRedactionRule(), doc(blocks=[block], shapes=[redact]))
    assert finding.properties["cover"] == "unapplied redaction annotation"


def test_ms405_docx_black_highlight_is_found_but_reverse_text_and_yellow_are_not() -> None:
    text = "Name: Jane Roe. Header. Note."
    spans = [{"start": 6, "end": 14, "highlight": "black"},
             {"start": 16, "end": 22, "shading": "#000000", "color": "#ffffff"},
             {"start": 24, "end": 28, "highlight": "yellow"}]
    (finding,) = run(FailedRedactionRule(), doc(blocks=[_body(text, spans)]))
    assert finding.value == "Jane Roe" and "black highlight" in finding.message


@given(st.floats(0, 400), st.floats(1, 300), st.text(min_size=1, max_size=40))
def test_covered_range_stays_inside_the_text(x0: float, width: float, text: str) -> None:
    rng = covered_chars((100, 100, 300, 110), text, (x0, 95, x0 + width, 115))
    if rng is not None:
        assert 0 <= rng[0] < rng[1] <= len(text)


# --------------------------------------------------------------------------- MS406


def test_ms406_attachment_is_a_warning_and_a_named_patient_file_an_error() -> None:
    files = [EmbeddedFile("data.xlsx", "ole", Location(part="word/embeddings/oleObject1.bin")),
             EmbeddedFile("consent Jane Roe.pdf", "attachment", Location(page=1), size=1200)]
    found = run(EmbeddedObjectsRule(), doc(embedded_files=files))
    assert [f.severity.label for f in found] == ["warning", "error"]
    assert "1,200 bytes" in found[1].message


def test_ms406_ruleset_can_make_every_embedded_file_an_error() -> None:
    files = [EmbeddedFile("data.xlsx", "ole", Location())]
    (finding,) = run(EmbeddedObjectsRule(), doc(embedded_files=files),
                     unchecked_file_severity="error")
    assert finding.severity is Severity.ERROR
