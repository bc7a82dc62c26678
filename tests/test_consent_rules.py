"""MS101-MS105 on Documents built in code: when each rule fires, what its message says, and
how the ruleset parameters change it."""

from __future__ import annotations

import pytest

from consent_docs import CASE, METHODS, REVIEW, TEMPLATE, Builder, case_report, check, ids, paper
from mslint.config import ConfigError
from mslint.findings import Severity
from mslint.model import BlockKind, Location, TextBlock

VALID = ("Written informed consent for publication was obtained from the patient. A copy of the "
         "signed consent form is available to the editor on request.")


# --- MS101 and require_consent ------------------------------------------------------------

@pytest.mark.parametrize("body", [METHODS, REVIEW, TEMPLATE],
                         ids=["methods", "review-citing-a-case", "template"])
def test_manuscript_without_patient_content_is_not_flagged_when_consent_is_for_case_material(
        body):
    assert check(paper(body), overrides={"MS101": {"require_consent": "patient-content"}}) == []


@pytest.mark.parametrize("case", [
    CASE,
    "Our patient, a retired teacher, was referred with breathlessness.",
    "We report the case of a woman with recurrent headaches. She underwent surgery.",
    "A 7-year-old boy was brought to the clinic with a limp.",
])
def test_manuscript_about_a_patient_without_statement_is_flagged(case):
    findings = check(case_report(None, case=case),
                     overrides={"MS101": {"require_consent": "patient-content"}})
    assert ids(findings) == ["MS101"]
    assert "describes a patient" in findings[0].message


def test_case_presentation_heading_alone_makes_patient_content() -> None:
    doc = Builder().heading("Case presentation").para("Findings are described below.").doc
    assert ids(check(doc)) == ["MS101"]


def test_always_flags_every_manuscript_without_a_statement() -> None:
    findings = check(paper(METHODS), overrides={"MS101": {"require_consent": "always"}})
    assert ids(findings) == ["MS101"]
    assert "every manuscript" in findings[0].message


def test_always_accepts_a_manuscript_with_a_statement() -> None:
    doc = paper(METHODS, "Not applicable.")
    assert check(doc, overrides={"MS101": {"require_consent": "always"}}) == []


def test_identifiable_asks_for_consent_only_when_a_clinical_photograph_is_shown() -> None:
    overrides = {"MS101": {"require_consent": "identifiable"}}
    assert check(case_report(None), overrides=overrides) == []
    with_photo = Builder().heading("Case presentation").para(CASE).figure(
        1, "Clinical photograph of the shins.").doc
    assert ids(check(with_photo, overrides=overrides, rules=("MS101",))) == ["MS101"]


def test_a_placeholder_statement_is_reported_as_placeholder_not_as_missing() -> None:
    assert ids(check(case_report("[insert consent statement]"))) == ["MS105"]


def test_consent_in_a_figure_legend_counts_as_a_statement() -> None:
    doc = Builder().heading("Case presentation").para(CASE).figure(
        1, "Clinical photograph of the shins, published with the patient's written consent.").doc
    assert "MS101" not in ids(check(doc))


def test_unknown_require_consent_value_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="require_consent"):
        check(case_report(None), overrides={"MS101": {"require_consent": "sometimes"}})


# --- MS102 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    "Not applicable.",
    "The requirement for consent was waived by the ethics committee.",
    "Consent for publication could not be obtained because the patient was lost to follow-up.",
    "No consent was required for this case report.",
])
def test_waived_or_not_applicable_consent_in_a_case_report_is_flagged(statement):
    findings = check(case_report(statement))
    assert ids(findings) == ["MS102"]
    assert findings[0].snippet == statement
    assert findings[0].category is None


@pytest.mark.parametrize("statement", [
    "Not applicable.",
    "The requirement for consent was waived by the ethics committee.",
])
def test_waived_consent_in_a_paper_without_patient_content_is_accepted(statement):
    assert check(paper(METHODS, statement)) == []


def test_consent_only_for_surgery_is_flagged_as_not_for_publication() -> None:
    doc = case_report(None, case=CASE + " Informed consent for surgery was obtained.")
    findings = check(doc)
    assert ids(findings) == ["MS102"]
    assert "treatment" in findings[0].message


def test_consent_for_surgery_beside_a_publication_statement_is_accepted() -> None:
    doc = case_report(VALID, case=CASE + " Informed consent for surgery was obtained.")
    assert check(doc, ruleset="iums") == []


def test_consent_to_participate_in_a_case_report_is_flagged() -> None:
    doc = case_report("The patient gave informed consent to participate in the registry.",
                      heading="Ethics approval and consent to participate")
    assert ids(check(doc)) == ["MS102"]


# --- MS103 ---------------------------------------------------------------------------------

def test_iums_requires_the_editor_clause() -> None:
    doc = case_report("Written informed consent for publication was obtained from the patient.")
    findings = check(doc, ruleset="iums")
    assert ids(findings) == ["MS103"]
    assert "available to the editor on request" in findings[0].message
    assert findings[0].severity is Severity.WARNING
    assert check(case_report(VALID), ruleset="iums") == []


def test_editor_clause_in_a_separate_paragraph_of_the_consent_section_counts() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Consent for publication")
    b.para("Written informed consent for publication was obtained from the patient.")
    b.para("Copies of the signed form are available to the editor on request.")
    assert check(b.doc, ruleset="iums") == []


@pytest.mark.parametrize(("statement", "missing"), [
    ("Informed consent was obtained.", ["publication", "giver"]),
    ("Consent for publication was obtained.", ["giver"]),
    ("The patient gave informed consent.", ["publication"]),
    ("Consent for publication was sought from the patient.", ["obtained"]),
])
def test_default_ruleset_reports_what_is_missing(statement, missing):
    doc = case_report(None, case=CASE + " " + statement)
    findings = check(doc)
    assert ids(findings) == ["MS103"]
    assert findings[0].properties["missing"] == missing


def test_radiopaedia_requires_a_permission_id() -> None:
    text = ("Consent: Before this case was published, the patient and/or their guardian gave "
            "written informed consent. Radiopaedia stores this consent separately from this case.")
    assert ids(check(case_report(text), ruleset="radiopaedia")) == ["MS103"]
    b = Builder().heading("Case presentation").para(CASE).heading("Consent").para(text)
    b.para("Permission ID: 48213")
    assert check(b.doc, ruleset="radiopaedia") == []


def test_gmc_asks_for_online_publication_consent() -> None:
    print_only = "Level 3 consent (publication in printed materials) was obtained from the patient."
    online = "Level 4 consent for publication on the internet was obtained from the patient."
    assert ids(check(case_report(print_only), ruleset="gmc")) == ["MS103"]
    assert check(case_report(online), ruleset="gmc") == []


# --- MS104 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("case", "kind"), [
    ("A 6-year-old boy presented with a limp.", "a child"),
    ("A 3-month-old infant was admitted with vomiting.", "a child"),
    ("The neonate was born at 34 weeks with a rash.", "a child"),
    ("A 16-year-old girl presented with amenorrhoea.", "a child"),
    ("A 71-year-old man was admitted with chest pain. He died on the second day.", "deceased"),
    ("A 70-year-old man presented with syncope. Autopsy revealed amyloidosis.", "deceased"),
    ("A 79-year-old woman with advanced dementia was admitted.", "lacking capacity"),
    ("A 54-year-old man was found unconscious. He was intubated and sedated.",
     "lacking capacity"),
])
def test_consent_from_the_patient_is_flagged_for_children_deceased_and_incapacitated(
        case, kind):
    doc = case_report("Written consent for publication was obtained from the patient.", case=case)
    findings = check(doc)
    assert ids(findings) == ["MS104"]
    assert kind in findings[0].message


@pytest.mark.parametrize(("case", "statement"), [
    ("A 6-year-old boy presented with a limp.",
     "Written consent for publication was obtained from the patient's parents."),
    ("A 6-year-old boy presented with a limp.",
     "The patient and his mother gave written consent for publication."),
    ("A 71-year-old man was admitted. He died on the second day.",
     "Written consent for publication was obtained from the patient's next of kin."),
    ("A 71-year-old man was admitted. He died on the second day.",
     "The patient gave written consent for publication before his death."),
    ("A 79-year-old woman with advanced dementia was admitted.",
     "Consent for publication was obtained from her legal representative."),
    ("A 54-year-old man was found unconscious and was intubated and sedated.",
     "Written consent for publication was obtained from the patient after he regained "
     "capacity."),
])
def test_consent_from_a_representative_or_after_recovery_is_accepted(case, statement):
    assert check(case_report(statement, case=case)) == []


def test_deaths_and_children_in_the_discussion_are_not_the_patient() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Discussion").para(
        "In one series, a 4-year-old boy died of the same condition [3].")
    b.heading("Consent for publication").para(
        "Written consent for publication was obtained from the patient.")
    assert check(b.doc) == []


# --- messages ------------------------------------------------------------------------------

def test_statement_findings_quote_the_statement_and_not_in_the_message() -> None:
    statement = "Consent for publication was not obtained from Jane Roe."
    findings = check(case_report(statement))
    assert ids(findings) == ["MS102"]
    finding = findings[0]
    assert finding.snippet == statement
    assert "Jane" not in finding.message
    assert finding.logical_location == "Consent for publication"
    finding.mask_also = ("Jane Roe",)
    assert "Jane Roe" not in (finding.render_snippet(show_values=False) or "")


def test_a_baby_delivered_by_an_adult_patient_is_not_the_patient() -> None:
    case = ("A 32-year-old woman presented at 36 weeks of gestation with pre-eclampsia. The baby "
            "was delivered by caesarean section and the baby died on day 2.")
    doc = case_report("Written consent for publication was obtained from the patient.", case=case)
    assert check(doc) == []


def test_a_child_patient_is_recognised_even_when_adults_are_named_later() -> None:
    case = ("A 6-year-old boy presented with a limp. His 35-year-old father had a similar "
            "illness.")
    doc = case_report("Written consent for publication was obtained from the patient.", case=case)
    assert ids(check(doc)) == ["MS104"]


def test_temporary_unconsciousness_followed_by_recovery_needs_no_representative() -> None:
    case = ("A 54-year-old man was found unconscious and was intubated and sedated. He was "
            "extubated on day 3 and discharged home neurologically intact.")
    doc = case_report("Written consent for publication was obtained from the patient.", case=case)
    assert check(doc) == []


def test_dementia_is_not_undone_by_discharge() -> None:
    case = ("A 79-year-old woman with advanced dementia was admitted with bruising. She was "
            "discharged back to her care home.")
    doc = case_report("Written consent for publication was obtained from the patient.", case=case)
    assert ids(check(doc)) == ["MS104"]


@pytest.mark.parametrize("kind", [BlockKind.TRACKED_DELETION, BlockKind.COMMENT,
                                  BlockKind.HIDDEN])
def test_statement_a_reader_cannot_see_does_not_count(kind):
    doc = case_report(None)
    doc.blocks.append(TextBlock(text=VALID, kind=kind, location=Location(line=99)))
    assert ids(check(doc)) == ["MS101"]


def test_consent_discussed_in_general_in_the_discussion_is_not_a_statement() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Discussion").para(
        "Informed consent for publication is required for case reports. In one survey, most "
        "patients agreed to publication of their images.")
    assert ids(check(b.doc)) == ["MS101"]


def test_our_patient_in_the_discussion_is_a_statement() -> None:
    b = Builder().heading("Case presentation").para(CASE).heading("Discussion").para(
        "Our patient gave written consent for publication of this report.")
    assert check(b.doc) == []


def test_a_section_about_consent_practice_is_not_a_consent_section() -> None:
    b = Builder("Consent in case reports: a review").heading(
        "Informed consent for publication: current practice").para(
        "Not all journals ask for it. Waivers are common.")
    assert check(b.doc) == []


def test_a_paper_discussing_consent_throughout_keeps_statements_about_its_own_case() -> None:
    talk = ("Informed consent for publication is required for case reports. In one survey, most "
            "patients agreed to publication of their images. ")
    b = Builder()
    for _ in range(100):
        b.para(talk)
    b.para(CASE + " Our patient gave consent to surgery.")
    findings = check(b.doc)
    assert ids(findings) == ["MS102"]
    assert findings[0].snippet == "Our patient gave consent to surgery."
