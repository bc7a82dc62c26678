"""Classification of consent statements given as strings: purpose, status (negation),
who gave consent, written/verbal, editor clause."""

from __future__ import annotations

import pytest

from mslint.consent.classify import Classification, Purpose, Status
from mslint.consent.statements import NLP_COMPONENTS, classify_text
from mslint.resources import DEFAULT_SPACY_MODEL, load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(DEFAULT_SPACY_MODEL, NLP_COMPONENTS)


def run(nlp, text: str, purpose: Purpose | None = None) -> Classification:
    return classify_text(text, nlp, purpose)


PUBLICATION_OBTAINED = [
    "Written informed consent for publication of this case report was obtained from the "
    "patient.",
    "The patient gave written consent for the publication of this report and any "
    "accompanying images.",
    "Informed consent to publish this case was obtained.",
    "The patient has given her permission for publication of this case.",
    "Consent for publication was obtained from the patient.",
    "The patient agreed to the publication of her clinical details.",
    "We obtained the patient's written consent to publish the photographs.",
    "The authors have obtained written informed consent from the patient for the "
    "publication of this report.",
    "Patient consent for publication: obtained.",
    "The patient provided signed informed consent allowing publication of the case details "
    "and images.",
    "Written consent was given by the patient for the case to be published.",
    "The patient's written consent for publication has been obtained.",
    "Both patients gave consent for publication of their case histories.",
    "Publication consent was obtained from the patient.",
    "The patient consented to the publication of this case report.",
    "Consent to publish: the patient gave written consent.",
    "Consent was obtained from the patient for the use of her photographs in this article.",
    "The patient has read the manuscript and consented to its publication.",
    "With the patient's consent, the images are published here.",
    "Written permission to publish the images was granted by the patient.",
]


@pytest.mark.parametrize("text", PUBLICATION_OBTAINED)
def test_publication_consent_is_classified_as_obtained_for_publication(nlp, text):
    c = run(nlp, text)
    assert c.purpose is Purpose.PUBLICATION, c
    assert c.status is Status.OBTAINED, c


NEGATED = [
    ("Consent for publication could not be obtained.", Status.NOT_OBTAINED),
    ("The patient did not give consent for publication.", Status.NOT_OBTAINED),
    ("No consent for publication was obtained.", Status.NOT_OBTAINED),
    ("Consent to publish was not sought.", Status.NOT_OBTAINED),
    ("We were unable to obtain consent for publication from the family.", Status.NOT_OBTAINED),
    ("The patient refused consent for publication.", Status.NOT_OBTAINED),
    ("The patient declined to give consent for publication of the photographs.",
     Status.NOT_OBTAINED),
    ("It was not possible to obtain consent for publication.", Status.NOT_OBTAINED),
    ("This case is published without the patient's consent.", Status.NOT_OBTAINED),
    ("Consent for publication was never obtained.", Status.NOT_OBTAINED),
    ("Consent for publication was waived.", Status.WAIVED),
    ("The need for consent was waived by the ethics committee.", Status.WAIVED),
    ("The requirement for informed consent was waived.", Status.WAIVED),
    ("No consent was required for this report.", Status.WAIVED),
    ("Consent for publication was not required.", Status.WAIVED),
    ("Formal consent is not needed for anonymised reports.", Status.WAIVED),
    ("Consent for publication: Not applicable.", Status.NOT_APPLICABLE),
    ("Consent for publication: N/A", Status.NOT_APPLICABLE),
]


@pytest.mark.parametrize(("text", "status"), NEGATED)
def test_negated_or_waived_consent_is_not_classified_as_obtained(nlp, text, status):
    assert run(nlp, text).status is status


def test_negation_in_another_clause_does_not_undo_the_consent(nlp):
    c = run(nlp, "Written informed consent was obtained from the patient's mother, as the "
                 "patient could not consent because of his age.")
    assert c.status is Status.OBTAINED
    assert c.givers == {"parent-guardian"}


def test_not_applicable_under_a_publication_heading_takes_the_heading_purpose(nlp):
    c = run(nlp, "Not applicable.", Purpose.PUBLICATION)
    assert (c.purpose, c.status) == (Purpose.PUBLICATION, Status.NOT_APPLICABLE)


WRONG_PURPOSE = [
    ("Informed consent for surgery was obtained from the patient.", Purpose.TREATMENT),
    ("The patient gave written informed consent for the procedure.", Purpose.TREATMENT),
    ("Written consent was obtained before the operation.", Purpose.TREATMENT),
    ("The patient consented to chemotherapy.", Purpose.TREATMENT),
    ("Informed consent was obtained from all participants included in the study.",
     Purpose.RESEARCH),
    ("All patients gave written informed consent to participate in the trial.",
     Purpose.RESEARCH),
    ("The patient gave consent to take part in the study.", Purpose.RESEARCH),
    ("The patient consented to the use of the images for teaching purposes only.",
     Purpose.TEACHING),
    ("Consent was obtained for the medical record only.", Purpose.TEACHING),
    ("Level 2 consent (teaching) was obtained.", Purpose.TEACHING),
]


@pytest.mark.parametrize(("text", "purpose"), WRONG_PURPOSE)
def test_consent_for_treatment_research_or_teaching_is_not_for_publication(nlp, text, purpose):
    c = run(nlp, text)
    assert c.purpose is purpose, c
    assert c.status is Status.OBTAINED


def test_treatment_and_publication_in_one_sentence_counts_as_publication(nlp):
    c = run(nlp, "Informed consent for surgery was obtained, and the patient later agreed to "
                 "publication of this report.")
    assert c.purpose is Purpose.PUBLICATION and c.status is Status.OBTAINED


def test_unspecified_purpose_stays_unspecified(nlp):
    assert run(nlp, "Informed consent was obtained from the patient.").purpose is \
        Purpose.UNSPECIFIED


GIVERS = [
    ("Consent for publication was obtained from the patient.", {"patient"}),
    ("Consent for publication was obtained from the patient's parents.", {"parent-guardian"}),
    ("The child's legal guardian gave written consent for publication.", {"parent-guardian"}),
    ("The boy's mother consented to publication of this report.", {"parent-guardian"}),
    ("Written consent for publication was obtained from the patient's next of kin.",
     {"next-of-kin"}),
    ("The patient's widow gave consent for publication.", {"next-of-kin"}),
    ("Consent for publication was provided by the patient's daughter.", {"next-of-kin"}),
    ("Consent for publication was obtained from the patient's legal representative.",
     {"legal-representative"}),
    ("The patient's lasting power of attorney consented to publication.",
     {"legal-representative"}),
    ("The patient and her parents gave written consent for publication.",
     {"patient", "parent-guardian"}),
    ("Consent for publication was obtained.", set()),
]


@pytest.mark.parametrize(("text", "givers"), GIVERS)
def test_who_gave_consent_is_recognised(nlp, text, givers):
    assert run(nlp, text).givers == givers


@pytest.mark.parametrize(
    ("text", "written", "verbal"),
    [
        ("Written consent for publication was obtained from the patient.", True, False),
        ("The patient signed a consent form for publication.", True, False),
        ("Verbal consent for publication was obtained from the patient.", False, True),
        ("The patient gave oral consent for publication.", False, True),
        ("Consent for publication was obtained from the patient.", False, False),
    ],
)
def test_written_and_verbal_consent_are_told_apart(nlp, text, written, verbal):
    c = run(nlp, text)
    assert (c.written, c.verbal) == (written, verbal)


@pytest.mark.parametrize(
    ("text", "available"),
    [
        ("Written consent for publication was obtained from the patient. A copy of the written "
         "consent is available for review by the Editor-in-Chief of this journal.", True),
        ("Consent for publication was obtained; signed forms are available to the editor on "
         "request.", True),
        ("Copies of the consent form can be provided to the journal upon request.", True),
        ("Consent for publication was obtained from the patient.", False),
    ],
)
def test_copies_available_to_the_editor_are_recognised(nlp, text, available):
    assert run(nlp, text).editor_available is available


@pytest.mark.parametrize("text", [
    "Ethics committee approval was obtained for publication of this case report.",
    "The hospital authorised publication of the anonymised images.",
    "Permission to reproduce Figure 3 was granted by the publisher.",
])
def test_approval_by_an_institution_is_not_patient_consent(nlp, text):
    c = run(nlp, text)
    assert not (c.for_publication and c.obtained), c


PUB, TREAT, RES, UNSPEC = (Purpose.PUBLICATION, Purpose.TREATMENT, Purpose.RESEARCH,
                           Purpose.UNSPECIFIED)
OK, NOT_OK, WAIVED = Status.OBTAINED, Status.NOT_OBTAINED, Status.WAIVED

#: Phrasings in the style of published case reports and journal templates;
#: (None, None) means the sentence must not count as consent to publication.
JOURNAL_PHRASINGS = [
    (
        "Patient consent for publication Obtained.",
        PUB, OK,
    ),
    (
        "Informed consent was obtained from the patient's legal guardian for the publication "
        "of this case report.",
        PUB, OK,
    ),
    (
        "The patient's parents have given their written informed consent to publish their "
        "child's case (including publication of images).",
        PUB, OK,
    ),
    (
        "Written informed consent was obtained from the individual(s) for the publication of "
        "any potentially identifiable images or data included in this article.",
        PUB, OK,
    ),
    (
        "Ethical approval is not required at our institution to publish an anonymous case "
        "report.",
        None, None,
    ),
    (
        "The patient provided informed consent for the publication of this report.",
        PUB, OK,
    ),
    (
        "The family of the patient provided written consent for publication.",
        PUB, OK,
    ),
    (
        "Patient has given consent for the publication.",
        PUB, OK,
    ),
    (
        "Informed consent was taken from the patient's husband for publishing this case.",
        PUB, OK,
    ),
    (
        "Written and informed consent was obtained from the patient's next of kin for "
        "publication of this case report.",
        PUB, OK,
    ),
    (
        "The patient has consented to the submission of the case report to the journal.",
        PUB, OK,
    ),
    (
        "Patient's consent for the publication was obtained.",
        PUB, OK,
    ),
    (
        "Oral informed consent was obtained from the patient.",
        UNSPEC, OK,
    ),
    (
        "Consent has been obtained from the patient to publish the case.",
        PUB, OK,
    ),
    (
        "The patient was informed that data concerning the case would be submitted for "
        "publication, and he consented.",
        PUB, OK,
    ),
    (
        "All procedures were performed after obtaining written informed consent.",
        UNSPEC, OK,
    ),
    (
        "Informed consent for this procedure was obtained from the patient.",
        TREAT, OK,
    ),
    (
        "The patient could not be reached to obtain consent for publication.",
        PUB, NOT_OK,
    ),
    (
        "Despite several attempts, consent for publication could not be obtained from the "
        "family.",
        PUB, NOT_OK,
    ),
    (
        "As the patient had died and had no known relatives, consent for publication was not "
        "obtained.",
        PUB, NOT_OK,
    ),
    (
        "In accordance with institutional policy, consent was not required for this "
        "anonymised report.",
        UNSPEC, WAIVED,
    ),
    (
        "Our institution does not require consent for publication of de-identified case "
        "reports.",
        PUB, WAIVED,
    ),
    (
        "Consent for publication: The patient's mother gave consent.",
        PUB, OK,
    ),
    (
        "The patient gave her permission to publish the photographs.",
        PUB, OK,
    ),
    (
        "Permission to publish these images was obtained from the patient.",
        PUB, OK,
    ),
    (
        "The patient signed a release form authorising publication.",
        PUB, OK,
    ),
    (
        "Written consent for the use of clinical images was obtained from the patient.",
        PUB, OK,
    ),
    (
        "The patient agreed to have her photographs published.",
        PUB, OK,
    ),
    (
        "The patient has seen the manuscript and agreed to its publication.",
        PUB, OK,
    ),
    (
        "Informed consent was obtained from all subjects involved in the study.",
        RES, OK,
    ),
    (
        "Patients provided informed consent prior to enrolment.",
        RES, OK,
    ),
    (
        "The patient gave consent for the operation but declined consent for publication.",
        PUB, NOT_OK,
    ),
    (
        "Written consent to publish was obtained from the patient's daughter, who holds "
        "lasting power of attorney.",
        PUB, OK,
    ),
]


@pytest.mark.parametrize(("text", "purpose", "status"), JOURNAL_PHRASINGS)
def test_journal_style_phrasings(nlp, text, purpose, status):
    c = run(nlp, text)
    if purpose is None:
        assert not (c.for_publication and c.obtained), c
    else:
        assert (c.purpose, c.status) == (purpose, status), c


#: More phrasings, with who gave consent.
PHRASINGS_WITH_GIVERS = [
    (
        "The patient kindly agreed to the publication of this case and the accompanying "
        "figures.",
        PUB, OK, {"patient"},
    ),
    (
        "We have obtained consent from the patient to report his case.",
        PUB, OK, {"patient"},
    ),
    (
        "Consent for publication of this case was given by the patient's son.",
        PUB, OK, {"next-of-kin"},
    ),
    (
        "The girl's father signed the consent for publication.",
        PUB, OK, {"parent-guardian"},
    ),
    (
        "Consent for the publication of this report was obtained from the guardian of the "
        "child.",
        PUB, OK, {"parent-guardian"},
    ),
    (
        "Publication of the case was consented to by the patient.",
        PUB, OK, {"patient"},
    ),
    (
        "The patient did not object to publication and signed the consent form.",
        PUB, OK, {"patient"},
    ),
    (
        "Consent was not sought, as the patient cannot be identified from the report.",
        UNSPEC, NOT_OK, set(),
    ),
    (
        "The patient was not able to provide consent for publication because of her cognitive"
        " impairment; consent was therefore obtained from her daughter.",
        PUB, OK, {"next-of-kin"},
    ),
    (
        "No written consent for publication was available.",
        PUB, NOT_OK, set(),
    ),
    (
        "Consent for publication has not been obtained.",
        PUB, NOT_OK, set(),
    ),
    (
        "Because the patient could not be traced, the ethics committee waived the need for "
        "consent for publication.",
        PUB, WAIVED, set(),
    ),
    (
        "Consent for publication is not applicable, as no individual person's data are "
        "included.",
        PUB, Status.NOT_APPLICABLE, set(),
    ),
    (
        "Verbal consent for this report was given by the patient over the telephone.",
        PUB, OK, {"patient"},
    ),
    (
        "The patient provided informed written consent for the surgical procedure.",
        TREAT, OK, {"patient"},
    ),
    (
        "Consent to undergo the trial intervention was obtained from each participant.",
        RES, OK, set(),
    ),
    (
        "Informed consent to participate was obtained from the legal guardians of all "
        "children.",
        RES, OK, {"parent-guardian"},
    ),
    (
        "Photographs were taken with the patient's consent for teaching purposes.",
        Purpose.TEACHING, OK, {"patient"},
    ),
    (
        "A signed consent form for publication is held on file by the corresponding author.",
        PUB, OK, set(),
    ),
    (
        "The patient's next of kin consented to the publication of this case after his death.",
        PUB, OK, {"next-of-kin"},
    ),
    (
        "We could not obtain the patient's permission to publish.",
        PUB, NOT_OK, {"patient"},
    ),
    (
        "The patient withdrew her consent for publication.",
        PUB, NOT_OK, {"patient"},
    ),
    (
        "Consent for the publication of identifiable images was refused by the family.",
        PUB, NOT_OK, {"next-of-kin"},
    ),
    (
        "Both parents consented to publication.",
        PUB, OK, {"parent-guardian"},
    ),
    (
        "Written informed consent for publication was provided by the patient's legally "
        "authorised representative.",
        PUB, OK, {"legal-representative"},
    ),
]


@pytest.mark.parametrize(("text", "purpose", "status", "givers"), PHRASINGS_WITH_GIVERS)
def test_phrasings_with_who_gave_consent(nlp, text, purpose, status, givers):
    c = run(nlp, text)
    assert (c.purpose, c.status, set(c.givers)) == (purpose, status, givers), c
