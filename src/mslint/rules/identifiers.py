"""MS201-MS209: identifiers in patient-related text.

Every rule reads the same scoped, de-duplicated spans (`mslint.identifiers.scope`), so a
paragraph is scanned once whatever the number of rules, and a span is reported by the
one rule that owns its category.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mslint.detector import IdentifierSpan
from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.identifiers.scope import patient_identifiers
from mslint.model import BlockKind, Document
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta

_LABELS = {
    "name": "name", "initials": "initials", "mrn": "medical record / hospital number",
    "nhs-number": "NHS / H&C number", "ssn": "social security number",
    "national-id": "national identity number", "health-plan": "health-plan number",
    "account": "account number", "licence": "licence / certificate number",
    "phone": "telephone or fax number", "email": "e-mail address", "url": "web address",
    "ip": "IP address", "address": "street address", "postcode": "postcode",
    "place": "place smaller than a state", "date": "date", "age": "age",
    "device-id": "device serial / lot number", "vehicle-id": "vehicle identifier",
    "distinctive-feature": "distinctive feature",
}
_COMBINED = frozenset({"age", "date", "place", "address", "postcode"})

Accept = Callable[[IdentifierSpan, Mapping[str, Any]], bool]


def _always(span: IdentifierSpan, params: Mapping[str, Any]) -> bool:
    return True


def _date_precise_enough(span: IdentifierSpan, params: Mapping[str, Any]) -> bool:
    order = {"day": 2, "month": 1}
    wanted = order.get(str(params.get("min_precision", "month")), 1)
    return order.get(span.attr("precision", "day"), 2) >= wanted


def _age_reportable(span: IdentifierSpan, params: Mapping[str, Any]) -> bool:
    years = float(span.attr("years", 0))
    if years > float(params.get("max_age", 89)):
        return True
    step = int(params.get("round_to", 0))
    if step and span.attr("exact", False) and years >= float(params.get("adult_age", 18)):
        return years % step != 0
    return False


def _age_message(span: IdentifierSpan, params: Mapping[str, Any]) -> str:
    years = float(span.attr("years", 0))
    if years > float(params.get("max_age", 89)):
        return (f"Age over {params.get('max_age', 89)} in patient-related text: {{value}}; "
                f"write \"{int(params.get('max_age', 89)) + 1} or older\"")
    step = int(params.get("round_to", 0))
    return f"Exact adult age {{value}}: round it to the nearest {step} years"


@dataclass(frozen=True, slots=True)
class IdentifierRule:
    """One rule of MS201-MS209: the span categories it owns, the test a span must pass,
    and its message (``{value}`` is masked by reporters; ``{label}`` names the category)."""

    meta: RuleMeta
    message: str
    accept: Accept = _always
    message_for: Callable[[IdentifierSpan, Mapping[str, Any]], str] | None = None

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        params = ctx.params
        threshold = float(params.get("min_confidence", 0.6))
        wanted = frozenset(self.meta.categories)
        combination = bool(params.get("require_combination", False))
        hits: list[tuple[Any, IdentifierSpan]] = []
        seen_categories: set[str] = set()
        for block in document.text_blocks():
            if block.kind is BlockKind.METADATA:
                continue
            for span in patient_identifiers(block, document, ctx.resources):
                seen_categories.add(span.category)
                if span.category in wanted and span.confidence >= threshold \
                        and self.accept(span, params):
                    hits.append((block, span))
        if combination and not (seen_categories & _COMBINED) - wanted:
            return
        for block, span in hits:
            text = self.message_for(span, params) if self.message_for else self.message
            text = text.replace("{label}", _LABELS.get(span.category, span.category))
            yield ctx.finding_in_block(
                block, span.start, span.end,
                text[:1].upper() + text[1:],
                category=span.category,
                confidence=span.confidence,
                detector=span.detector,
                **{k: v for k, v in span.attrs if k in ("precision", "kind", "region")},
            )


_BASE = {"min_confidence": 0.6}
_HIPAA_B2 = "45 CFR 164.514(b)(2)(i)"


def _meta(rule_id: str, name: str, summary: str, severity: Severity, categories: tuple[str, ...],
          doc: RuleDoc, **params: Any) -> RuleMeta:
    return RuleMeta(id=rule_id, name=name, summary=summary, default_severity=severity,
                    doc=doc, categories=categories, parameters={**_BASE, **params})


PATIENT_NAME = IdentifierRule(
    _meta(
        "MS201", "patient-name", "personal names of patients or relatives", Severity.ERROR,
        ("name",),
        RuleDoc(
            what=("Finds personal names in patient-related text (case description, legends, "
                  "tables, comments, tracked deletions, hidden and alt text): names found by "
                  "the NER model, names after Mr/Mrs/Ms/Miss, after a relative ('her husband, "
                  "Peter') or after 'named'. Authors, cited authors, clinicians after Dr/Prof, "
                  "eponyms (Parkinson, Hodgkin, Crohn, Glasgow), drugs and genes are skipped."),
            why=("A name is the most direct identifier there is; a relative's name identifies "
                 "the patient just as well."),
            example="Mrs Jane Doe, a 62-year-old teacher, presented with chest pain.",
            fix="Remove the name; write 'the patient' or 'her husband'.",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(A)", "names of the individual and of "
                          "relatives, employers or household members must be removed"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "names, and names of relatives, are identifiers"),
                PolicyRef("iums", "2", "names are the plainest kind of personal data"),
            ),
        ),
    ),
    "Personal name in patient-related text: {value}",
)

PATIENT_INITIALS = IdentifierRule(
    _meta(
        "MS202", "patient-initials", "initials used for a patient", Severity.ERROR,
        ("initials",),
        RuleDoc(
            what="Finds initials standing for a patient: 'Patient J.S.', 'Mr K.', 'Ms A.B.'.",
            why=("Initials with an age, a place and a date are often enough for colleagues or "
                 "relatives to recognise the patient."),
            example="Patient J.S., a 45-year-old man, was admitted with fever.",
            fix="Write 'the patient' or a neutral label ('Patient 1'), not initials.",
            policies=(
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "initials are listed as identifiers"),
                PolicyRef("iums", "2", "combinations of small details make recognition "
                          "possible"),
            ),
        ),
    ),
    "Patient initials: {value}",
)

RECORD_NUMBER = IdentifierRule(
    _meta(
        "MS203", "record-number", "medical record, NHS, social security and other ID numbers",
        Severity.ERROR,
        ("mrn", "nhs-number", "ssn", "national-id", "health-plan", "account", "licence"),
        RuleDoc(
            what=("Finds record numbers named by a keyword (MRN, hospital/UR/H&C/case number, "
                  "patient ID, health plan, account, licence) and numbers whose own check digit "
                  "vouches for them: NHS / H&C numbers (modulus 11), Iranian national codes, "
                  "dashed US social security numbers. Trial registrations (NCT...) and ethics "
                  "approval codes are not patient identifiers and are skipped."),
            why="A record number links the article straight to the patient's notes.",
            example="MRN 00482913; NHS number 943 476 5919.",
            fix="Delete the number; it never helps the reader.",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(G)-(K)", "social security, medical record, "
                          "health plan, account and certificate/licence numbers must go"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "unique identifying numbers such as UR, MRN, HID"),
                PolicyRef("gmc", "1", "images leave the Trust labelled only with job, image "
                          "and H&C numbers, so those numbers identify the patient"),
            ),
        ),
    ),
    "{label} in patient-related text: {value}",
)

CONTACT_DETAIL = IdentifierRule(
    _meta(
        "MS204", "contact-detail", "phone, fax, e-mail, URL or IP address of a patient",
        Severity.ERROR, ("phone", "email", "url", "ip"),
        RuleDoc(
            what=("Finds telephone and fax numbers (validated with the phonenumbers library for "
                  "the configured regions), e-mail addresses, personal web addresses and IP "
                  "addresses in patient-related text. The authors' correspondence block is not "
                  "a finding."),
            why="Contact details reach the patient directly.",
            example="She could be reached on 07700 900123 or jane.doe@example.com.",
            fix="Remove the contact detail.",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(D)-(F),(N),(O)", "telephone and fax numbers, "
                          "e-mail addresses, URLs and IP addresses must be removed"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "contact information, telephone or fax numbers, e-mail addresses"),
            ),
        ),
    ),
    "{label} in patient-related text: {value}",
)

GEOGRAPHIC_DETAIL = IdentifierRule(
    _meta(
        "MS205", "geographic-detail", "street address, postcode or a place smaller than a state",
        Severity.ERROR, ("address", "postcode", "place"),
        RuleDoc(
            what=("Finds street addresses, postcodes (UK; US ZIP codes beside a state or the "
                  "word ZIP; other formats from the detectors' postcode_patterns) and towns or "
                  "villages named as where the patient lives or comes from. Countries, states "
                  "and provinces are not reported."),
            why=("A small area narrows a patient down to a few people, more so with a rare "
                 "disease."),
            example="She lives at 42 Baker Street, London NW1 6XE.",
            fix="Name the country or state at most ('a woman from the north of England').",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(B)", "all geographic subdivisions smaller "
                          "than a state, including street address and ZIP code"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "address, including full or partial postal code"),
                PolicyRef("iums", "2", "locations combined with age, diagnosis or dates make "
                          "recognition possible"),
            ),
        ),
        require_combination=False,
    ),
    "{label} tied to the patient: {value}",
)

EXACT_DATE = IdentifierRule(
    _meta(
        "MS206", "exact-date", "a date more precise than the year tied to the patient",
        Severity.ERROR, ("date",),
        RuleDoc(
            what=("Finds dates more precise than the year in patient-related text: numeric "
                  "(12/03/2021, 12.03.2021, 12-03-21), ISO (2021-03-12), month names in any "
                  "order with ordinals (12th March 2021, March 12, 2021) and month-year "
                  "(March 2021, 03/2021). Received/Accepted lines, reference dates, ethics "
                  "approval dates and a year alone are not findings."),
            why=("Dates of birth, admission, study or death can be matched to records and "
                 "news; relative times keep the clinical story."),
            example="She was admitted on 12 March 2021.",
            fix="Use relative time ('on day 3 of admission', 'two weeks later') or the year.",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(C)", "all elements of dates except the year "
                          "directly related to the individual"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "date of birth and date of study are identifiers"),
                PolicyRef("iums", "4", "avoid dates and other distinctive markers"),
            ),
        ),
        min_precision="month",
    ),
    "Date more precise than the year in patient-related text: {value}",
    accept=_date_precise_enough,
)

AGE_DETAIL = IdentifierRule(
    _meta(
        "MS207", "age-detail", "age over 89, or an exact adult age the ruleset wants rounded",
        Severity.ERROR, ("age",),
        RuleDoc(
            what=("Finds ages ('92-year-old', 'aged 94', '94 years of age', 'in her 90s', "
                  "'nonagenarian') above max_age (default 89). With round_to = 5 (Radiopaedia) "
                  "it also reports exact adult ages that are not a multiple of 5."),
            why="Very old patients are few; an exact age narrows any group down.",
            example="A 92-year-old woman presented with hip pain.",
            fix="Write '90 years or older' (HIPAA) or round to 5 years ('a woman in her 60s').",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(C)", "ages over 89 and the dates that reveal "
                          "them are aggregated into 90 or older"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "round off the patient's age to the nearest 5 years (adults)"),
            ),
        ),
        max_age=89, round_to=0, adult_age=18, require_combination=False,
    ),
    "Age detail in patient-related text: {value}",
    accept=_age_reportable,
    message_for=_age_message,
)

DEVICE_OR_VEHICLE_ID = IdentifierRule(
    _meta(
        "MS208", "device-or-vehicle-id", "device serial / lot numbers and vehicle identifiers",
        Severity.ERROR, ("device-id", "vehicle-id"),
        RuleDoc(
            what=("Finds device serial, lot and batch numbers, UDIs, IMEIs, and vehicle "
                  "registration plates and VINs."),
            why=("An implant serial number is registered against the patient; a number plate "
                 "identifies the owner."),
            example="A pacemaker (serial number PJN482913H) was implanted.",
            fix="Give the device make and model only; drop plates entirely.",
            policies=(
                PolicyRef("hipaa", _HIPAA_B2 + "(L),(M)", "vehicle identifiers and serial "
                          "numbers, device identifiers and serial numbers"),
                PolicyRef("radiopaedia", "What is considered an identifier",
                          "vehicle identifiers, medical device identifiers such as serial "
                          "numbers"),
            ),
        ),
    ),
    "{label} in patient-related text: {value}",
)

DISTINCTIVE_FEATURE = IdentifierRule(
    _meta(
        "MS209", "distinctive-feature", "tattoos, jewellery, room numbers and similar markers",
        Severity.WARNING, ("distinctive-feature",),
        RuleDoc(
            what=("Finds distinctive markers named in text or legends: tattoos, piercings, "
                  "jewellery, birthmarks, port-wine stains, and room, bed or ward numbers."),
            why=("People are recognised by their marks as much as by their faces; consent "
                 "must cover them, or images should be cropped."),
            example="Figure 2. The lesion beside a tattoo of a rose on the left forearm.",
            fix=("Crop the marker out of the image and drop it from the text, or make sure the "
                 "consent statement covers it."),
            policies=(
                PolicyRef("iums", "4", "avoid tattoos, jewellery, room numbers and other "
                          "distinctive markers unless necessary and consented"),
                PolicyRef("hipaa", _HIPAA_B2 + "(R)", "any other unique identifying "
                          "characteristic"),
            ),
        ),
    ),
    "Distinctive feature named in patient-related text: {value}",
)

IDENTIFIER_RULES: tuple[IdentifierRule, ...] = (
    PATIENT_NAME, PATIENT_INITIALS, RECORD_NUMBER, CONTACT_DETAIL, GEOGRAPHIC_DETAIL,
    EXACT_DATE, AGE_DETAIL, DEVICE_OR_VEHICLE_ID, DISTINCTIVE_FEATURE,
)


@hookimpl
def mslint_rules() -> list[IdentifierRule]:
    return list(IDENTIFIER_RULES)
