"""MS306 dicom-identifiers: Annex E attributes that still hold values, burnt-in annotation,
and thin head CT/MR slices from which a face can be reconstructed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from mslint.findings import Finding, Severity
from mslint.model import Document, Location
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta
from mslint_dicom.annex_e import BY_TAG, KINDS, AnnexEAttribute

PLUGIN = "mslint-dicom"

HEAD_BODY_PARTS = frozenset({
    "HEAD", "BRAIN", "SKULL", "FACE", "HEADNECK", "HEAD NECK", "HEAD_NECK", "ORBIT", "SINUS",
    "MAXILLA", "MANDIBLE", "JAW", "TMJ", "NOSE", "EAR", "IAC", "PAROTID", "CAROTIDS",
})
HEAD_WORDS = re.compile(
    r"\b(head|brain|skull|cranial|cranium|face|facial|orbits?|sinus(?:es)?|maxillo\w*|"
    r"neuro\w*|petrous|mastoids?|dental|cbct)\b",
    re.IGNORECASE,
)
CROSS_SECTIONAL = frozenset({"CT", "MR"})

DICOM_IDENTIFIERS = RuleMeta(
    id="MS306",
    name="dicom-identifiers",
    summary="DICOM header PHI (PS3.15 Annex E attributes) or BurnedInAnnotation = YES",
    default_severity=Severity.ERROR,
    categories=("name", "mrn", "date", "address", "phone", "institution", "device", "uid",
                "demographic", "free-text", "private-tag", "burnt-in-annotation",
                "face-reconstruction"),
    parameters={
        "minor_severity": "warning",
        "thin_slice_mm": 2.0,
    },
    plugin=PLUGIN,
    doc=RuleDoc(
        what=(
            "Checks DICOM files found beside a manuscript or in a submission folder against "
            "the DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile. An "
            "attribute the profile removes or blanks that still holds a value is reported: "
            "patient name, IDs, dates, addresses, telephone numbers and institution are "
            "errors; clinicians, devices, patient characteristics, descriptions, UIDs and "
            "private attributes are reported at `minor_severity`. A file that declares "
            "de-identification (PatientIdentityRemoved YES, a DeidentificationMethod) is "
            "trusted for values the profile replaces with dummies, and for what the Annex E "
            "options it lists retain. BurnedInAnnotation YES is an error; thin CT/MR slices "
            "(`thin_slice_mm`, 2 mm) of the head are a warning: the face can be rebuilt."
        ),
        why=(
            "The header travels with every image of a study: name, date of birth, hospital "
            "number, study date and hospital are all there unless a de-identification tool "
            "removed them. Header tools leave text burnt into the pixels, and a thin-slice "
            "head volume can be rendered into a recognisable face."
        ),
        example="scan/IM0001.dcm: (0010,0010) PatientName still holds 'S****^J***'",
        fix=(
            "Export the images through a de-identification tool that applies the Annex E "
            "Basic Profile (for example dicognito, or your PACS's anonymised export), crop "
            "burnt-in annotation, and submit thick slices or a limited volume of the head."
        ),
        policies=(
            PolicyRef("radiopaedia", "Patient confidentiality (DICOM upload)",
                      "DICOM data must be anonymised before upload; burnt-in text is not "
                      "removed by header anonymisation and must be cropped"),
            PolicyRef("radiopaedia", "Facial recognition: cross-sectional imaging",
                      "thin slices including the facial soft tissues can jeopardise privacy; "
                      "use them only when clinically relevant and narrowed to the pathology"),
            PolicyRef("radiopaedia", "What is considered an identifier",
                      "names, dates of birth and study, record numbers, device serial "
                      "numbers are identifiers"),
            PolicyRef("hipaa", "164.514(b)(2)(i)",
                      "Safe Harbor: names, dates more precise than the year, record and "
                      "device numbers must be removed"),
        ),
    ),
)


def accepted_kinds(facts: Mapping[str, Any]) -> tuple[bool, frozenset[str]]:
    """Whether the file declares de-identification, and the kinds its options retain."""
    declared = (facts.get("patient_identity_removed") == "YES"
                or bool(facts.get("deidentification_method"))
                or bool(facts.get("deidentification_options")))
    options = set(facts.get("deidentification_options") or ())
    retained = frozenset(kind for kind, spec in KINDS.items() if spec.retained_by in options)
    return declared, retained


def is_head(facts: Mapping[str, Any]) -> bool:
    if facts.get("body_part") in HEAD_BODY_PARTS:
        return True
    return bool(HEAD_WORDS.search(f"{facts.get('body_part', '')} {facts.get('descriptions', '')}"))


class DicomIdentifiersRule:
    """Reads ``Document.attrs["dicom"]`` as the mslint-dicom parser fills it."""

    meta = DICOM_IDENTIFIERS

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        facts = document.attrs.get("dicom")
        if document.format != "dicom" or not isinstance(facts, dict):
            return
        minor = min(Severity.parse(str(ctx.params.get("minor_severity", "warning"))),
                    ctx.severity)
        declared, retained = accepted_kinds(facts)
        yield from self._attributes(facts, ctx, declared, retained, minor)
        yield from self._private(facts, ctx, declared, retained, minor)
        yield from self._pixels(facts, ctx, minor)

    def _attributes(self, facts: Mapping[str, Any], ctx: RuleContext, declared: bool,
                    retained: frozenset[str], minor: Severity) -> Iterator[Finding]:
        removed_sequences: list[str] = []
        for entry in facts.get("elements", ()):
            path = str(entry["path"])
            if any(path.startswith(f"{seq}[") for seq in removed_sequences):
                continue
            attr = BY_TAG.get(int(entry["tag"]))
            if attr is None or attr.kind in retained:
                continue
            items = int(entry.get("items", 0))
            value = str(entry.get("value", "")).strip()
            if not value and not items:
                continue
            if declared and attr.replaceable:
                continue
            kind = KINDS[attr.kind]
            severity = ctx.severity if kind.error and not declared else minor
            where = Location(part=f"{attr.tag_text} {path}")
            if items:
                removed_sequences.append(path)
                yield ctx.finding(
                    f"{attr.tag_text} {path} still holds {items} item(s); the Annex E Basic "
                    f"Profile {action_words(attr)}",
                    where, severity=severity, category=kind.category,
                    logical_location=f"DICOM {attr.keyword}", keyword=attr.keyword,
                    annex_e_action=attr.action,
                )
                continue
            shown = "'{value}'" if kind.with_value else "a value"
            yield ctx.finding(
                f"{attr.tag_text} {path} still holds {shown}; the Annex E Basic Profile "
                f"{action_words(attr)}",
                where, severity=severity, category=kind.category,
                value=value if kind.with_value else None,
                logical_location=f"DICOM {attr.keyword}", keyword=attr.keyword,
                annex_e_action=attr.action,
            )

    def _private(self, facts: Mapping[str, Any], ctx: RuleContext, declared: bool,
                 retained: frozenset[str], minor: Severity) -> Iterator[Finding]:
        if declared and "113111" in (facts.get("deidentification_options") or ()):
            return
        for group in facts.get("private", ()):
            count = int(group["count"])
            if not count:
                continue
            creator = str(group["creator"]) or "no private creator"
            tag = f"({int(group['group']):04X},xxxx)"
            yield ctx.finding(
                f"{count} private attribute(s) in group {tag} ({creator}) remain; the Basic "
                "Profile removes private attributes, which can hold names, IDs and dates",
                Location(part=f"{tag} private"), severity=minor, category="private-tag",
                logical_location=f"DICOM private group {tag}", private_creator=creator,
            )

    def _pixels(self, facts: Mapping[str, Any], ctx: RuleContext,
                minor: Severity) -> Iterator[Finding]:
        if facts.get("burned_in_annotation") == "YES":
            yield ctx.finding(
                "BurnedInAnnotation is YES: the pixels carry identifying text that header "
                "de-identification does not remove",
                Location(part="(0028,0301) BurnedInAnnotation"), category="burnt-in-annotation",
                logical_location="DICOM BurnedInAnnotation",
                fix="crop or paint over the annotated area before submitting",
            )
        if facts.get("recognizable_visual_features") == "YES":
            yield ctx.finding(
                "RecognizableVisualFeatures is YES: the image shows features that can "
                "identify the patient",
                Location(part="(0028,0302) RecognizableVisualFeatures"), severity=minor,
                category="face-reconstruction",
                logical_location="DICOM RecognizableVisualFeatures",
            )
        limit = float(ctx.params.get("thin_slice_mm", 2.0))
        thickness = [t for t in (facts.get("slice_thickness"), facts.get("spacing_between_slices"))
                     if isinstance(t, int | float) and t > 0]
        if (facts.get("modality") in CROSS_SECTIONAL and thickness and min(thickness) <= limit
                and is_head(facts)):
            yield ctx.finding(
                f"thin {facts.get('modality')} slices of the head ({min(thickness):g} mm, "
                f"at most {limit:g} mm): the face can be reconstructed from the volume",
                Location(part="(0018,0050) SliceThickness"), severity=minor,
                category="face-reconstruction", logical_location="DICOM SliceThickness",
                fix="submit thick slices or only the slices around the pathology, without "
                    "the facial soft tissues",
            )


def action_words(attr: AnnexEAttribute) -> str:
    codes = attr.action.split("/")
    if "X" in codes and len(codes) == 1:
        return f"removes it (action {attr.action})"
    if "U" in codes:
        return f"replaces it with a new UID (action {attr.action})"
    return f"removes it or replaces it with a dummy (action {attr.action})"

