"""Patient content (what `require_consent = "patient-content"` keys on): case-report text
counts, editorials, cohorts, protocols, reviews citing cases and guidelines do not."""

from __future__ import annotations

import pytest

from consent_docs import Builder
from mslint.consent.patient_content import patient_content_cues

TEXTS = {
    "editorial": (False, [
        "Consent for publication is a cornerstone of medical ethics. Journals ask authors to "
        "confirm that patients agreed to be described.",
        "Editors should check that the statement is specific."]),
    "cohort": (False, [
        "Of the 312 patients, 45 died within 30 days. The mean age was 72 years and 60% were "
        "women.", "Patients admitted at night had a higher mortality."]),
    "cohort-age-limit": (False, [
        "After excluding the patients younger than 15 year old, 5 patients were removed."]),
    "protocol": (False, [
        "Participants will be recruited from outpatient clinics. Each participant will be "
        "examined at baseline and at 6 months."]),
    "review-citing-a-case": (False, [
        "In the case reported by Lee et al., a 45-year-old man presented with haemoptysis [7].",
        "Similar cases were described in children [8]."]),
    "guideline": (False, [
        "If the patient is unconscious, assess the airway first. On examination, look for "
        "signs of trauma.", "The patient has the right to refuse treatment."]),
    "case-without-age": (True, [
        "The patient, a retired farmer, presented with a two-month history of cough. On "
        "examination, there were coarse crackles.", "He was treated with antibiotics."]),
    "image-quiz": (True, ["A 67-year-old man presented with a painless ulcer on the tongue."]),
    "case-series": (True, [
        "We describe three patients with recurrent fever. Patient 1, a 34-year-old woman, "
        "presented with arthralgia."]),
    "our-patient": (True, ["Our patient improved after the second cycle."]),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_patient_content_is_told_from_other_manuscripts(name):
    expected, paragraphs = TEXTS[name]
    b = Builder("Title").heading("Main text")
    for paragraph in paragraphs:
        b.para(paragraph)
    assert bool(patient_content_cues(b.doc)) is expected


def test_case_text_in_the_discussion_does_not_count() -> None:
    b = Builder("A review").heading("Discussion").para(
        "A 45-year-old woman presented with the same rash in an earlier report.")
    assert patient_content_cues(b.doc) == []
