"""MS303 and MS304 on whole documents, through the engine, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Severity
from mslint.model import BlockKind, Document, EmbeddedImage, Figure, Location, TextBlock

from mslint_faces.consent import legend_states_consent

NO_CONSENT = "Clinical photograph of the patient at presentation showing facial swelling."
CONSENT = ("Facial swelling at presentation. Written consent for publication of this image "
           "was obtained from the patient.")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(select=("MS303", "MS304")))


def _document(image_bytes: bytes, legend: str, fmt: str = "png") -> Document:
    image = EmbeddedImage(id="figure1.png", format=fmt, location=Location(part="figure1.png"),
                          data=image_bytes, figure_label="Figure 1")
    caption = TextBlock(f"Figure 1. {legend}", BlockKind.CAPTION, Location(line=3, column=1),
                        attrs={"figure_label": "Figure 1"})
    figure = Figure(label="Figure 1", legend=legend, location=Location(line=3),
                    number="1", image_ids=(image.id,), legend_block=0)
    return Document(path=Path("case.md"), format="markdown", blocks=[caption], figures=[figure],
                    images=[image])


def _findings(engine: Engine, doc: Document) -> list:
    return engine.check_document(doc, "case.md").findings


def test_image_whose_stream_cannot_be_decoded_is_skipped_not_a_crash(engine, faces, synth):
    def undecodable() -> bytes:
        raise ValueError("image object 51 cannot be decoded: is no image")

    doc = _document(synth.encode(faces[0].image), NO_CONSENT)
    broken = EmbeddedImage(id="p1-x51", format="png", location=Location(page=1, xref=51),
                           decoder=undecodable)
    doc.images.insert(0, broken)
    rules = {f.rule_id for f in _findings(engine, doc)}
    assert "MS901" not in rules and "MS303" in rules


def test_face_without_consent_in_legend_is_an_ms303_error(engine, faces, synth):
    found = _findings(engine, _document(synth.encode(faces[0].image), NO_CONSENT))
    assert [(f.rule_id, f.severity) for f in found] == [("MS303", Severity.ERROR)]
    assert found[0].logical_location == "Figure 1"
    assert found[0].properties["masking"] == "none"


def test_face_with_consent_in_legend_is_an_ms303_warning(engine, faces, synth):
    found = _findings(engine, _document(synth.encode(faces[0].image), CONSENT))
    assert [(f.rule_id, f.severity) for f in found] == [("MS303", Severity.WARNING)]


def test_eye_bar_is_reported_as_ms304_not_as_a_visible_face(engine, faces, synth):
    found = _findings(engine, _document(synth.encode(synth.eye_bar(faces[0]).image), NO_CONSENT))
    assert [f.rule_id for f in found] == ["MS304"]
    assert "bar over the eyes" in found[0].message


def test_coarse_whole_face_pixelation_gives_no_finding(engine, faces, synth):
    image = synth.encode(synth.pixelate(faces[0], 5).image, "jpeg")
    assert _findings(engine, _document(image, NO_CONSENT, "jpeg")) == []


def test_light_pixelation_message_states_block_size_and_threshold(engine, faces, synth):
    found = _findings(engine, _document(synth.encode(synth.pixelate(faces[0], 16).image),
                                        NO_CONSENT))
    assert [f.rule_id for f in found] == ["MS304"]
    assert "at most 10" in found[0].message
    assert found[0].properties["blocks_across_face"] > 10


def test_radiology_figure_gives_no_face_finding(engine, radiology, synth):
    for image in radiology[:3]:
        assert _findings(engine, _document(synth.encode(image), "Chest radiograph.")) == []


def test_threshold_can_be_changed_in_configuration(faces, synth):
    strict = Engine(Settings(select=("MS304",),
                             rule_overrides={"MS304": {"max_blocks_across_face": 4}}))
    image = synth.encode(synth.pixelate(faces[0], 6).image)
    found = _findings(strict, _document(image, NO_CONSENT))
    assert [f.rule_id for f in found] == ["MS304"]


@pytest.mark.parametrize("legend", [
    "Photograph published with the patient's written consent.",
    "The patient's mother gave consent for publication of this photograph.",
    "Consent to publish this image was obtained from the patient.",
    "Reproduced with permission of the patient for publication.",
])
def test_own_legend_check_accepts_publication_consent(legend):
    assert legend_states_consent(legend)


@pytest.mark.parametrize("legend", [
    "Facial photograph at presentation.",
    "Consent for publication was not obtained.",
    "Consent for treatment was obtained.",
    "Published without consent of the patient, who could not be traced.",
])
def test_own_legend_check_rejects_missing_or_denied_consent(legend):
    assert not legend_states_consent(legend)


def test_docx_manuscript_reports_each_face_at_its_figure(faces, synth, tmp_path):
    import io

    from docx import Document as Docx
    from docx.shared import Inches

    doc = Docx()
    doc.add_heading("Case presentation", 1)
    doc.add_paragraph("A 40-year-old presented with facial swelling.")
    doc.add_picture(io.BytesIO(synth.encode(faces[0].image, "jpeg")), width=Inches(3))
    doc.add_paragraph("Figure 1. Clinical photograph at presentation.")
    doc.add_picture(io.BytesIO(synth.encode(synth.eye_bar(faces[1]).image)), width=Inches(3))
    doc.add_paragraph("Figure 2. Photograph after treatment.")
    path = tmp_path / "case.docx"
    doc.save(path)
    engine = Engine(Settings(select=("MS303", "MS304"), root=tmp_path))
    found = engine.check_file(path).findings
    assert [(f.rule_id, f.logical_location) for f in found] == [
        ("MS303", "Figure 1"), ("MS304", "Figure 2")
    ]
    assert found[0].severity is Severity.ERROR
