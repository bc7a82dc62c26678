"""MS110 and image kinds: which legends need a consent statement, decided from the legend's
wording and, when it names no modality, from the pixels."""

from __future__ import annotations

import pytest

from consent_docs import CASE, METHODS, Builder, check, ids, image
from mslint.consent.image_kind import ImageKind, kind_from_legend, kind_from_pixels

VALID = "Written informed consent for publication was obtained from the patient."


@pytest.mark.parametrize(("legend", "kind"), [
    ("Clinical photograph of the face showing a port-wine stain.", ImageKind.PHOTOGRAPH),
    ("Photograph of the right hand.", ImageKind.PHOTOGRAPH),
    ("Erythematous rash on the trunk.", ImageKind.PHOTOGRAPH),
    ("Skin lesion on the back before excision.", ImageKind.PHOTOGRAPH),
    ("Facial appearance at follow-up.", ImageKind.PHOTOGRAPH),
    ("Clinical photograph and CT of the neck mass.", ImageKind.PHOTOGRAPH),
    ("Axial CT of the abdomen showing a mass.", ImageKind.RADIOLOGY),
    ("Chest radiograph showing consolidation.", ImageKind.RADIOLOGY),
    ("T1-weighted MRI of the hand.", ImageKind.RADIOLOGY),
    ("Ultrasound of the thyroid.", ImageKind.RADIOLOGY),
    ("Plain X-ray of the left foot.", ImageKind.RADIOLOGY),
    ("Histology of the skin biopsy (H&E, x200).", ImageKind.PATHOLOGY),
    ("Photomicrograph of atypical cells.", ImageKind.PATHOLOGY),
    ("Immunohistochemistry positive for CD20.", ImageKind.PATHOLOGY),
    ("Endoscopic view of the ulcer.", ImageKind.INTERNAL),
    ("Intraoperative view of the appendix.", ImageKind.INTERNAL),
    ("Timeline of the illness.", ImageKind.CHART),
    ("PRISMA flow diagram.", ImageKind.CHART),
    ("Findings at presentation.", ImageKind.UNKNOWN),
])
def test_legend_wording_decides_the_image_kind(legend, kind):
    assert kind_from_legend(legend) is kind


@pytest.mark.parametrize(("drawn", "kind"), [
    ("photo", ImageKind.PHOTOGRAPH),
    ("grey", ImageKind.RADIOLOGY),
    ("chart", ImageKind.CHART),
])
def test_pixels_decide_when_the_legend_names_no_modality(drawn, kind):
    assert kind_from_pixels(image(drawn)) is kind


def _case(legend: str, drawn: str | None = None, statement: str | None = VALID) -> Builder:
    b = Builder().heading("Case presentation").para(CASE)
    b.figure(1, legend, image(drawn) if drawn else None)
    if statement:
        b.heading("Consent for publication").para(statement)
    return b


@pytest.mark.parametrize("legend", [
    "Clinical photograph of the face.",
    "Rash on the trunk at presentation.",
    "Tattoo on the forearm next to the lesion.",
])
def test_photograph_legend_without_consent_is_flagged(legend):
    findings = check(_case(legend).doc)
    assert ids(findings) == ["MS110"]
    assert findings[0].snippet == legend
    assert findings[0].logical_location == "Figure 1 legend"


@pytest.mark.parametrize("legend", [
    "Clinical photograph of the face. Published with the patient's written consent.",
    "Photograph of the rash; consent for publication was obtained from the patient's parents.",
    "Skin lesions on the abdomen (the patient consented to publication of this image).",
])
def test_photograph_legend_with_consent_is_accepted(legend):
    assert check(_case(legend).doc) == []


@pytest.mark.parametrize("legend", [
    "Axial CT of the abdomen showing a mass.",
    "Histology of the biopsy (H&E, x200).",
    "Endoscopic view of the ulcer.",
])
def test_radiology_and_pathology_need_no_legend_consent_by_default(legend):
    assert check(_case(legend).doc) == []


@pytest.mark.parametrize("legend", [
    "Axial CT of the abdomen showing a mass.",
    "Histology of the biopsy (H&E, x200).",
    "Endoscopic view of the ulcer.",
])
def test_images_all_asks_consent_in_every_patient_image_legend(legend):
    findings = check(_case(legend).doc, overrides={"MS110": {"images": "all"}})
    assert ids(findings) == ["MS110"]


def test_images_all_still_ignores_charts() -> None:
    assert check(_case("Timeline of the illness.").doc, overrides={"MS110": {"images": "all"}}) \
        == []


def test_colour_picture_with_a_bare_legend_is_a_photograph_in_a_case_report() -> None:
    assert ids(check(_case("The lesion six weeks after treatment.", "photo").doc)) == ["MS110"]
    assert check(_case("Findings at presentation (arrow).", "grey").doc) == []


def test_colour_picture_in_a_paper_without_patient_content_is_not_a_clinical_photograph() -> None:
    doc = Builder("A paper").heading("Main text").para(METHODS).figure(
        1, "This is an example image.", image("photo")).doc
    assert check(doc) == []


def test_legend_with_consent_refused_is_reported_by_ms102_not_ms110() -> None:
    findings = check(_case("Clinical photograph of the face. Consent for publication could not "
                           "be obtained.").doc)
    assert ids(findings) == ["MS102"]


def test_photograph_of_a_film_with_greyscale_pixels_is_radiology() -> None:
    legend = "Photograph of the chest radiograph on the light box."
    assert check(_case(legend, "grey").doc) == []
    assert ids(check(_case(legend, "photo").doc)) == ["MS110"]
