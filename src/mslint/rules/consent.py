"""MS101-MS105 and MS110: consent for publication.

All six rules read one shared `ConsentAnalysis` of the document (statements found and
classified with a dependency parse of the candidate sentences only, patient-content and
vulnerable-subject cues, figure kinds). Findings on a statement carry the statement as
``value`` and ``snippet`` with no ``category``: it is not an identifier, and identifiers
inside it are masked by the engine (``mask_also``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from mslint.consent.analysis import ConsentAnalysis, analyse_document
from mslint.consent.classify import Purpose, Status
from mslint.consent.image_kind import PATIENT_IMAGE_KINDS, ImageKind
from mslint.consent.patient_content import consented_before_death, regained_capacity
from mslint.consent.statements import Statement
from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import Document, Location, TextBlock
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta, logical_location_of

SNIPPET_LIMIT = 300

REQUIRE_CONSENT_VALUES = ("always", "patient-content", "identifiable")
REQUIREMENTS = {
    "publication": "that the consent is for publication",
    "obtained": "that consent was obtained (not only sought)",
    "giver": "who gave consent (the patient, a parent or guardian, next of kin, or a legal "
             "representative)",
    "written": "that consent was given in writing",
    "editor-on-request": "that copies of the signed consent are available to the editor on "
                         "request",
    "permission-id": "the Permission ID of the consent form",
    "online-publication": "that the consent covers publication online (not only in print)",
}
IMAGES_VALUES = ("photographs", "all")

_IUMS_1 = PolicyRef("iums", "1", "consent for publication is distinct from consent to "
                    "treatment and consent to take part in research")
_IUMS_31 = PolicyRef("iums", "3.1", "publication consent is needed whenever a person could "
                     "recognise themselves or be recognised, case reports included; saying only "
                     "that 'consent was obtained' is not enough")
_IUMS_32 = PolicyRef("iums", "3.2", "the manuscript states that consent for publication was "
                     "obtained from the person or an authorised representative and that signed "
                     "forms are available to the editor on request; for deceased people, from "
                     "the next of kin")
_IUMS_4 = PolicyRef("iums", "4", "the legend of an identifiable image states that consent for "
                    "publication of that image was obtained")
_IUMS_6 = PolicyRef("iums", "6", "case reports normally need publication consent; for children "
                    "and adults without capacity it comes from a parent, guardian or authorised "
                    "representative")
_RADIOPAEDIA = PolicyRef("radiopaedia", "Consent", "consent is optional when the case is "
                         "anonymous; when given, the consent text ends with a Permission ID "
                         "that must be filled in")
_RADIOPAEDIA_PHOTO = PolicyRef("radiopaedia", "Photographs", "clinical photographs need complete "
                               "anonymity, and paediatric clinical photographs generally need "
                               "consent")
_GUIDANCE_WHO = PolicyRef("image-guidance", "Who Should Provide Consent", "the person "
                          "photographed consents; parents or guardians for minors or people "
                          "unable to decide")
_GUIDANCE_ALL = PolicyRef("image-guidance", "Types of Consent Based on Image Content",
                          "full consent is recommended for all images, written consent for "
                          "identifiable ones")
_GMC_LEVELS = PolicyRef("gmc", "Patient consent levels", "consent is given at a level: record "
                        "only, teaching, printed publication, or internet publication; images "
                        "may only be used at the level agreed")
_GMC_IMPLICIT = PolicyRef("gmc", "Recordings for which separate consent is not required",
                          "X-rays, ultrasound, pathology slides, endoscopic and internal images "
                          "need no separate consent once anonymised; photographs of people do")


def _meta(rule_id: str, name: str, summary: str, severity: Severity, doc: RuleDoc,
          parameters: dict[str, object] | None = None) -> RuleMeta:
    return RuleMeta(id=rule_id, name=name, summary=summary, default_severity=severity, doc=doc,
                    categories=(), parameters=parameters or {})


MS101 = _meta(
    "MS101", "consent-statement-missing", "no consent-for-publication statement anywhere",
    Severity.ERROR,
    RuleDoc(
        what=("Reports a manuscript that needs consent for publication but says nothing about "
              "consent anywhere: no 'Consent for publication' section, and no consent sentence in "
              "the declarations, case text, acknowledgements, legends or footnotes. Parameter "
              "`require_consent`: `patient-content` (default) asks for a statement only when the "
              "manuscript describes a patient (case-report text such as 'a 45-year-old woman "
              "presented', a 'Case presentation' section, 'our patient'); `always` asks it of "
              "every manuscript; `identifiable` only when a clinical photograph is shown. A "
              "statement that exists but is for the wrong purpose is MS102, not MS101."),
        why=("A case description is recognisable by the patient and those around them even "
             "without names. Without a statement, the editor cannot tell whether the patient "
             "agreed to be published."),
        example=("A case report with a 'Case presentation' section and no 'Consent for "
                 "publication' statement."),
        fix=("Add a 'Consent for publication' statement: 'Written informed consent for "
             "publication of this case report and accompanying images was obtained from the "
             "patient. A copy of the signed consent form is available to the editor on request.'"),
        policies=(_IUMS_31, _IUMS_32, _IUMS_6, _RADIOPAEDIA),
    ),
    {"require_consent": "patient-content"},
)

MS102 = _meta(
    "MS102", "consent-not-for-publication",
    "consent only for treatment or research, or waived/not applicable for identifiable content",
    Severity.ERROR,
    RuleDoc(
        what=("Reports consent statements that do not give consent for publication while the "
              "manuscript describes a patient or shows a clinical photograph: consent mentioned "
              "only for treatment ('consent for surgery') or for taking part in research "
              "('consent to participate'), consent limited to teaching or the record (NHS/GMC "
              "levels 1-2), and statements that consent was waived, is not applicable, or was "
              "not or could not be obtained."),
        why=("Consent to treatment or to a study does not cover publishing the case. 'Not "
             "applicable' is only true when nobody can be recognised, which a case report or a "
             "clinical photograph rarely allows."),
        example=("Case report, Declarations: 'Consent for publication: Not applicable.' Or only "
                 "'Informed consent for the operation was obtained.'"),
        fix=("Obtain consent for publication from the patient (or their representative) and "
             "state it; if it cannot be obtained, anonymise the case fully or remove the "
             "identifiable material."),
        policies=(_IUMS_1, _IUMS_31, _IUMS_6, _GMC_LEVELS),
    ),
)

MS103 = _meta(
    "MS103", "consent-statement-incomplete",
    "the consent statement lacks what the ruleset requires", Severity.WARNING,
    RuleDoc(
        what=("Reports a consent-for-publication statement that lacks an element the ruleset "
              "asks for. Parameter `require` lists them: `publication` (it says the consent is "
              "for publication), `obtained` (obtained, not only sought), `giver` (who gave it), "
              "`written`, `editor-on-request` (copies available to the editor on request), "
              "`permission-id` (Radiopaedia) and `online-publication` (NHS/GMC level 4). Several "
              "consent paragraphs of the same manuscript are read together."),
        why=("'Consent was obtained' does not say for what, from whom, or whether the editor "
             "can verify it: policies ask for each of these explicitly."),
        example="'Informed consent was obtained.' (IUMS also asks for the editor clause)",
        fix=("Complete the statement: 'Written informed consent for publication was obtained "
             "from the patient's mother; a copy is available to the editor on request.'"),
        policies=(_IUMS_31, _IUMS_32, _RADIOPAEDIA, _GUIDANCE_ALL, _GMC_LEVELS),
    ),
    {"require": ["publication", "obtained", "giver"]},
)

MS104 = _meta(
    "MS104", "consent-representative-missing",
    "child, deceased or incapacitated patient, but consent not from a representative",
    Severity.ERROR,
    RuleDoc(
        what=("Reports a consent statement that does not name a parent, guardian, next of kin or "
              "legal representative while the case text shows the patient is a child (an age "
              "under 18, 'infant', 'boy', 'neonate'), has died ('died', 'autopsy', "
              "'post-mortem') or lacks capacity ('unconscious', 'dementia', 'intubated and "
              "sedated'). A statement that the patient consented after regaining capacity, or "
              "before death, is accepted."),
        why=("A child or a person without capacity cannot give valid consent alone, and a "
             "deceased person cannot give it at all: the consent must come from whoever may "
             "legally decide for them."),
        example=("Case of a 6-year-old boy; 'Consent for publication was obtained from the "
                 "patient.'"),
        fix=("State consent from the parent or guardian (children), the next of kin (deceased "
             "patients) or the legal representative, and the child's assent where sought."),
        policies=(_IUMS_6, _IUMS_32, _GUIDANCE_WHO, _RADIOPAEDIA_PHOTO),
    ),
)

MS105 = _meta(
    "MS105", "consent-placeholder", "template text left in the consent statement",
    Severity.ERROR,
    RuleDoc(
        what=("Reports template text left where the consent statement or its Permission ID "
              "belongs: 'Permission ID: <to be provided>', '[insert consent statement]', 'XXX', "
              "'<...>', 'TBD', options left unchosen ('patient/parent/guardian/next of kin'), "
              "journal instructions pasted as the statement ('Please include a statement "
              "confirming that informed consent was obtained'), and a consent heading with "
              "nothing under it."),
        why=("A placeholder means the consent statement was never written: the editor cannot "
             "tell whether consent exists."),
        example="Consent: ... Permission ID: <to be provided>",
        fix="Replace the placeholder with the actual statement or the consent form's ID.",
        policies=(_RADIOPAEDIA, _IUMS_32),
    ),
)

MS110 = _meta(
    "MS110", "legend-consent-missing",
    "the legend of an identifiable image does not state consent for publication",
    Severity.ERROR,
    RuleDoc(
        what=("Reports a figure legend that does not say consent for publication was obtained "
              "when the figure shows a patient. Parameter `images`: `photographs` (default) "
              "covers clinical photographs (face, skin, a lesion on the body, 'clinical "
              "photograph'); `all` also covers radiology, pathology and endoscopic images, as "
              "the guidance recommending full consent for every image asks. The kind comes from "
              "the legend wording (CT, MRI, X-ray, ultrasound, H&E, micrograph...) and, when "
              "the legend names none, from the pixels (greyscale, colour)."),
        why=("A photograph can identify a patient on its own, wherever the article's consent "
             "statement sits; journals ask for consent to be stated where the image is."),
        example="Figure 2. Clinical photograph of the face showing a port-wine stain.",
        fix=("Add to the legend: 'Published with the written consent of the patient.' (or of "
             "the parent/guardian)."),
        policies=(_IUMS_4, _GUIDANCE_ALL, _GMC_IMPLICIT, _RADIOPAEDIA_PHOTO),
    ),
    {"images": "photographs"},
)


def _analysis(document: Document, ctx: RuleContext) -> ConsentAnalysis:
    return analyse_document(document, ctx.resources)


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_LIMIT else flat[: SNIPPET_LIMIT - 1] + "…"


def _at(ctx: RuleContext, block: TextBlock, start: int, end: int, message: str,
        value: str | None = None, **properties: object) -> Finding:
    """A finding on ``block.text[start:end]``, quoting it as the snippet (not masked as an
    identifier: identifiers inside it are masked by the engine)."""
    quoted = _quote(block.text[start:end])
    return ctx.finding(message, block.location_at(start), value=value or quoted, snippet=quoted,
                       logical_location=logical_location_of(block), block_kind=str(block.kind),
                       **properties)


def _on_statement(ctx: RuleContext, statement: Statement, message: str,
                  **properties: object) -> Finding:
    c = statement.classification
    return _at(ctx, statement.block, statement.start, statement.end, message,
               purpose=str(c.purpose), status=str(c.status), givers=sorted(c.givers),
               **properties)


_GIVER_WORDS = {"patient": "the patient", "parent-guardian": "a parent or guardian",
                "next-of-kin": "the next of kin", "legal-representative": "a legal representative"}
_PURPOSE_WORDS = {
    Purpose.PUBLICATION: "consent for publication",
    Purpose.TREATMENT: "consent for treatment",
    Purpose.RESEARCH: "consent to take part in research",
    Purpose.TEACHING: "consent for teaching or the record",
    Purpose.UNSPECIFIED: "consent (purpose not stated)",
}
_STATUS_WORDS = {
    Status.OBTAINED: "obtained", Status.SOUGHT: "sought", Status.NOT_OBTAINED: "not obtained",
    Status.WAIVED: "waived", Status.NOT_APPLICABLE: "'not applicable'",
    Status.UNKNOWN: "mentioned",
}


def describe(statement: Statement) -> str:
    """What a statement says, in words: "consent for publication, obtained from the
    patient, in writing"."""
    c = statement.classification
    bits = [f"{_PURPOSE_WORDS[c.purpose]}, {_STATUS_WORDS[c.status]}"]
    if c.givers:
        bits.append("from " + " and ".join(_GIVER_WORDS[g] for g in sorted(c.givers)))
    if c.written:
        bits.append("in writing")
    elif c.verbal:
        bits.append("verbally")
    return ", ".join(bits)


def _choice(params: Mapping[str, Any], meta: RuleMeta, name: str, allowed: Sequence[str]) -> str:
    value = str(params.get(name, meta.parameters[name]))
    if value not in allowed:
        raise ValueError(f"{meta.id} parameter {name} must be one of "
                         f"{', '.join(allowed)}, not {value!r}")
    return value


def _requirements(params: Mapping[str, Any], meta: RuleMeta) -> list[str]:
    required = params.get("require", meta.parameters["require"])
    if isinstance(required, str) or not all(r in REQUIREMENTS for r in required):
        raise ValueError(f"{meta.id} parameter require must be a list of "
                         f"{', '.join(REQUIREMENTS)}, not {required!r}")
    return list(required)


def _primary(statements: Sequence[Statement]) -> Statement:
    """The statement to report on: outside legends first, then the first in the text."""
    return sorted(statements, key=lambda s: (s.in_legend, s.block_index, s.start))[0]


class ConsentStatementMissing:
    meta = MS101

    def validate_params(self, params: Mapping[str, Any]) -> None:
        _choice(params, self.meta, "require_consent", REQUIRE_CONSENT_VALUES)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        mode = _choice(ctx.params, ctx.meta, "require_consent", REQUIRE_CONSENT_VALUES)
        analysis = _analysis(document, ctx)
        if analysis.statements or analysis.empty_sections:
            return
        if mode == "patient-content" and not analysis.patient_content:
            return
        if mode == "identifiable" and not analysis.has_photographs:
            return
        reason = {
            "always": "this ruleset asks every manuscript for one",
            "patient-content": "the manuscript describes a patient",
            "identifiable": "the manuscript shows a clinical photograph",
        }[mode]
        location = Location()
        logical = "Consent for publication"
        if analysis.patient_cues and mode == "patient-content":
            cue = analysis.patient_cues[0]
            location = cue.block.location_at(cue.start)
            reason += f" (case text at {location.describe()})"
        yield ctx.finding(
            f"No consent statement found anywhere (declarations, case text, legends, "
            f"footnotes), but {reason}: add a 'Consent for publication' statement saying who "
            "gave consent and that copies are available to the editor on request.",
            location,
            logical_location=logical,
            require_consent=mode,
        )


class ConsentNotForPublication:
    meta = MS102

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        analysis = _analysis(document, ctx)
        counted = analysis.counted()
        has_publication = bool(analysis.publication_statements())
        for statement in counted:
            c = statement.classification
            identifiable = analysis.identifiable or (
                statement.in_legend and _legend_is_photograph(analysis, statement)
            )
            if c.negative and identifiable:
                what = {
                    "waived": "says consent was waived",
                    "not-applicable": "says consent is not applicable",
                    "not-obtained": "says consent was not or could not be obtained",
                }[str(c.status)]
                basis = ("describes a patient" if analysis.patient_content
                         else "shows a clinical photograph")
                yield _on_statement(
                    ctx, statement,
                    f"The statement {what} ({describe(statement)}), but the manuscript "
                    f"{basis}, so consent for publication is needed: obtain it, or anonymise "
                    "the case fully.",
                )
            elif (c.obtained and c.purpose in _NOT_PUBLICATION and not has_publication
                  and analysis.identifiable):
                yield _on_statement(
                    ctx, statement,
                    f"Consent is stated only {_NOT_PUBLICATION[c.purpose]} "
                    f"({describe(statement)}), which does not cover publication, and no "
                    "statement gives consent for publication: add one.",
                )


def _legend_is_photograph(analysis: ConsentAnalysis, statement: Statement) -> bool:
    return any(analysis.is_photograph(f) and statement in f.statements for f in analysis.figures)


_NOT_PUBLICATION = {
    Purpose.TREATMENT: "for treatment (an operation, procedure or therapy)",
    Purpose.RESEARCH: "for taking part in research",
    Purpose.TEACHING: "for teaching or the medical record (NHS/GMC levels 1-2)",
}


class ConsentStatementIncomplete:
    meta = MS103

    def validate_params(self, params: Mapping[str, Any]) -> None:
        _requirements(params, self.meta)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        required = _requirements(ctx.params, ctx.meta)
        analysis = _analysis(document, ctx)
        main = analysis.publication_statements()
        if not main:
            return
        together = [*main, *(s for s in analysis.counted()
                             if s.in_consent_section and s not in main)]
        missing = [r for r in required if not _satisfied(r, together, analysis)]
        if not missing:
            return
        wanted = "; ".join(REQUIREMENTS[r] for r in missing)
        yield _on_statement(
            ctx, _primary(main),
            f"The consent statement ({describe(_primary(main))}) does not say {wanted}.",
            missing=missing,
        )


def _satisfied(requirement: str, statements: Sequence[Statement],
               analysis: ConsentAnalysis) -> bool:
    cs = [s.classification for s in statements]
    if requirement == "publication":
        return any(c.purpose is Purpose.PUBLICATION for c in cs)
    if requirement == "obtained":
        return any(c.status is Status.OBTAINED or "next-of-kin" in c.givers for c in cs)
    if requirement == "giver":
        return any(c.givers for c in cs)
    if requirement == "written":
        return any(c.written for c in cs)
    if requirement == "editor-on-request":
        return any(c.editor_available for c in cs)
    if requirement == "permission-id":
        return bool(analysis.permission_ids)
    return any(c.online for c in cs) and not any(c.print_only and not c.online for c in cs)


class ConsentRepresentativeMissing:
    meta = MS104

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        analysis = _analysis(document, ctx)
        main = analysis.publication_statements()
        if not main or not analysis.vulnerable or not analysis.patient_content:
            return
        if any(s.classification.from_representative for s in main):
            return
        kinds = {cue.kind for cue in analysis.vulnerable}
        texts = " ".join(s.text for s in main)
        if "incapacity" in kinds and regained_capacity(texts):
            kinds.discard("incapacity")
        if "deceased" in kinds and consented_before_death(texts):
            kinds.discard("deceased")
        if not kinds:
            return
        described = {
            "child": ("a child", "a parent or guardian"),
            "deceased": ("deceased", "the next of kin"),
            "incapacity": ("lacking capacity to consent", "a legal representative"),
        }
        order = [k for k in ("child", "deceased", "incapacity") if k in kinds]
        first = next(c for c in analysis.vulnerable if c.kind == order[0])
        where = first.block.location_at(first.start).describe()
        who = " or ".join(described[k][1] for k in order)
        what = " and ".join(described[k][0] for k in order)
        given = ("from the patient" if any("patient" in s.classification.givers for s in main)
                 else "without saying who gave it")
        yield _on_statement(
            ctx, _primary(main),
            f"The case describes the patient as {what} (at {where}), but consent for "
            f"publication is stated {given}: state consent from {who}.",
            vulnerable=order,
        )


class ConsentPlaceholder:
    meta = MS105

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        analysis = _analysis(document, ctx)
        seen: set[tuple[int, int]] = set()
        for statement in analysis.statements:
            ph = statement.placeholder
            if ph is None:
                continue
            seen.add((statement.block_index, ph.start))
            found = " ".join(statement.block.text[ph.start:ph.end].split())
            yield _at(
                ctx, statement.block, statement.start, statement.end,
                f"Template text ({_PLACEHOLDER_WORDS.get(ph.kind, 'placeholder')} \"{found}\") "
                "is left in the consent statement: replace it with the actual statement (who "
                "gave consent for publication, and that copies are available to the editor).",
                placeholder=ph.kind,
            )
        for _, heading in analysis.empty_sections:
            yield _at(ctx, heading, 0, len(heading.text),
                      f"The '{' '.join(heading.text.split())}' section is empty: write the "
                      "statement (who gave consent for publication, and that copies are "
                      "available to the editor) or remove the heading.", placeholder="empty")
        for line in analysis.permission_ids:
            if line.filled or any(b == line.block_index and line.start <= s < line.end
                                  for b, s in seen):
                continue
            yield _at(ctx, line.block, line.start, line.end,
                      "The Permission ID is not filled in: enter the ID of the signed consent "
                      "form.", placeholder="permission-id")


_PLACEHOLDER_WORDS = {
    "bracketed": "a bracketed placeholder", "empty-brackets": "empty brackets",
    "xxx": "placeholder letters", "to-be-provided": "a to-do marker",
    "instruction": "a template instruction", "unchosen-options": "options left unchosen",
}


class LegendConsentMissing:
    meta = MS110

    def validate_params(self, params: Mapping[str, Any]) -> None:
        _choice(params, self.meta, "images", IMAGES_VALUES)

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        images = _choice(ctx.params, ctx.meta, "images", IMAGES_VALUES)
        analysis = _analysis(document, ctx)
        for figure in analysis.figures:
            if images == "photographs":
                counted = analysis.is_photograph(figure)
            else:
                counted = figure.kind in PATIENT_IMAGE_KINDS or (
                    figure.kind is ImageKind.UNKNOWN and analysis.patient_content
                )
            if not counted or figure.states_consent:
                continue
            kind = ("a clinical photograph" if figure.kind is ImageKind.PHOTOGRAPH
                    else f"a patient image ({figure.kind})")
            message = (f"{figure.label or 'This figure'} shows {kind}, but its legend does not "
                       "state that consent for publication of the image was obtained.")
            if figure.block is not None:
                start = figure.block.text.find(figure.legend.strip()[:40])
                start = max(0, start)
                yield _at(ctx, figure.block, start, len(figure.block.text), message,
                          image_kind=str(figure.kind), figure=figure.label)
            else:
                quoted = _quote(figure.legend)
                yield ctx.finding(message, figure.location, value=quoted, snippet=quoted,
                                  logical_location=f"{figure.label} legend",
                                  image_kind=str(figure.kind), figure=figure.label)


@hookimpl
def mslint_rules() -> list[object]:
    return [ConsentStatementMissing(), ConsentNotForPublication(), ConsentStatementIncomplete(),
            ConsentRepresentativeMissing(), ConsentPlaceholder(), LegendConsentMissing()]
