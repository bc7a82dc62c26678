"""MS105: template text left in consent statements and Permission ID lines."""

from __future__ import annotations

import pytest

from consent_docs import CASE, Builder, case_report, check, ids
from mslint.consent.placeholders import find_placeholder, permission_id_is_placeholder


@pytest.mark.parametrize("text", [
    "[insert consent statement]",
    "Consent for publication: XXX",
    "Consent for publication: [to be added]",
    "Consent: <to be provided>",
    "Consent for publication: <...>",
    "Consent for publication: TBD",
    "Written consent was obtained from [patient/parent/guardian].",
    "The patient gave consent on XX/XX/XXXX.",
    "Please include a statement confirming that consent for publication was obtained.",
    "Include a statement confirming that informed consent was obtained from all participants.",
    "Consent for publication: {enter statement here}",
    "Consent to publish: Not applicable / obtained (delete as appropriate).",
])
def test_template_text_is_found(text):
    assert find_placeholder(text) is not None


@pytest.mark.parametrize("text", [
    "Written informed consent for publication was obtained from the patient.",
    "Consent for publication was obtained from the patient's mother [see Methods].",
    "The patient (aged 45) gave written consent for publication.",
    "Consent was obtained for publication of Figure 2 (X-ray) and Figure 3.",
    "Consent for publication: Not applicable.",
])
def test_ordinary_statements_are_not_placeholders(text):
    assert find_placeholder(text) is None


@pytest.mark.parametrize(("value", "placeholder"), [
    ("<to be provided>", True),
    ("", True),
    ("XXXX", True),
    ("[ID]", True),
    ("TBD", True),
    ("pending", True),
    ("48213", False),
    ("RP-22914", False),
])
def test_permission_id_values(value, placeholder):
    assert permission_id_is_placeholder(value) is placeholder


def test_radiopaedia_placeholder_id_gives_one_finding() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Consent")
    b.para("Consent: Before this case was published, the patient and/or their guardian gave "
           "written informed consent. Radiopaedia stores this consent separately from this case.")
    b.para("Permission ID: <to be provided>")
    findings = check(b.doc)
    assert ids(findings) == ["MS105"]
    assert findings[0].snippet == "Permission ID: <to be provided>"


def test_placeholder_id_in_the_same_paragraph_is_reported_once() -> None:
    statement = ("Before this case was published, the patient gave written informed consent. "
                 "Permission ID: <to be provided>")
    assert ids(check(case_report(statement))) == ["MS105"]


def test_filled_permission_id_is_not_reported() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Consent")
    b.para("Before this case was published, the patient gave written informed consent.")
    b.para("Permission ID: 48213")
    assert check(b.doc) == []


def test_template_instructions_are_reported_even_without_patient_content() -> None:
    doc = Builder("Article title").heading("Declarations").para(
        "Informed consent (for experiments involving humans): include a statement confirming "
        "that informed consent was obtained from all participants.").doc
    assert ids(check(doc)) == ["MS105"]


def test_empty_consent_section_is_a_placeholder_not_a_missing_statement() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Declarations")
    b.heading("Consent for publication", level=3).heading("Competing interests", level=3)
    b.para("None declared.")
    findings = check(b.doc)
    assert ids(findings) == ["MS105"]
    assert "section is empty" in findings[0].message


def test_consent_section_with_text_is_not_empty() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Consent for publication")
    b.para("Written consent for publication was obtained from the patient.")
    assert check(b.doc) == []
