"""Hidden layers of the file itself: MS401 document-properties, MS402 comments,
MS403 tracked-changes (with PDF incremental updates), MS406 embedded-objects.

MS404 hidden-text and MS405 failed-redaction, which need geometry, live in
`mslint.rules.hidden_text` and `mslint.rules.failed_redaction`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import BlockKind, Document, Location, TextBlock
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta
from mslint.rules.identifier_scan import capped, identifiers_in, is_author

_CONFIDENTIAL = PolicyRef(
    "iums", "5.1",
    "manuscripts and everything sent with them are confidential; nothing in the submitted "
    "files may raise the risk of identifying a patient",
)
_HIPAA_ALL = PolicyRef(
    "hipaa", "164.514(b)(2)(i)",
    "the 18 identifiers must be removed wherever they sit in the record, not only in the "
    "visible text",
)

DOCUMENT_PROPERTIES = RuleMeta(
    id="MS401",
    name="document-properties",
    summary="identifying text in DOCX core/app/custom properties, PDF Info/XMP",
    default_severity=Severity.ERROR,
    categories=("name", "document-property"),
    doc=RuleDoc(
        what=(
            "Reads the file's own properties: DOCX core (creator, last modified by, title, "
            "subject, keywords, description), app (company, manager) and custom properties, "
            "custom XML data parts (a document library's columns) and glossary building "
            "blocks; PDF Info and XMP. Person fields (creator, author, last modified by) are "
            "a warning, or information when they name one of the manuscript's own authors; "
            "a custom field about the patient (PatientName) is an error. "
            "Every text property also goes through the identifier detectors: a patient's "
            "name, record number, date or contact in a property is an error."
        ),
        why=(
            "Properties are invisible on the page but travel with the file to reviewers and "
            "often into the published PDF. A title such as 'Case of J. Smith MRN 1234567' "
            "or a custom 'Patient' field identifies the patient; a creator field unblinds "
            "the authors or names the clinic's staff."
        ),
        example="docProps/core.xml: core:title holds an identifier (mrn): *******",
        fix=(
            "Clear the properties (Word: File > Info > Check for Issues > Inspect Document > "
            "Document Properties; or `mslint clean FILE -o OUT`) and check again."
        ),
        policies=(_CONFIDENTIAL, _HIPAA_ALL),
    ),
)

COMMENTS = RuleMeta(
    id="MS402",
    name="comments",
    summary="reviewer or author comments left in the file",
    default_severity=Severity.ERROR,
    categories=("comment",),
    doc=RuleDoc(
        what=(
            "Reports comments left in the file: DOCX comments (word/comments.xml) and PDF "
            "note, free-text and markup annotations. Each comment is a warning; an "
            "identifier in a comment's text (a name, a record number, a date) is an error."
        ),
        why=(
            "Comments are where co-authors write what must not be published: 'is this "
            "Mrs Jones from ward 7?', 'MRN 1234567 - check consent'. They reach editors "
            "and reviewers with the file and are easy to forget when the margin is hidden."
        ),
        example="paragraph 3: comment holds an identifier (mrn): *******",
        fix="Resolve and delete every comment (`mslint clean` removes them) and check again.",
        policies=(_CONFIDENTIAL, _HIPAA_ALL),
    ),
)

TRACKED_CHANGES = RuleMeta(
    id="MS403",
    name="tracked-changes",
    summary="tracked insertions/deletions still in the file (deleted text is still readable)",
    default_severity=Severity.ERROR,
    categories=("tracked-deletion", "tracked-insertion", "pdf-revisions"),
    doc=RuleDoc(
        what=(
            "Reports tracked changes that were never accepted or rejected: every deletion is "
            "a warning (its text is still in the file), an identifier in deleted text is an "
            "error, and pending insertions are summarised as information. For PDF, earlier "
            "revisions kept by incremental updates are reported as information."
        ),
        why=(
            "Deleting a patient's name with Track Changes on does not remove it: the "
            "deletion is stored with the text, the reviser's name and the date, and anyone "
            "can show it again. A PDF saved incrementally keeps every earlier version, "
            "including text removed later."
        ),
        example="paragraph 12: tracked deletion holds an identifier (name): J*** S****",
        fix=(
            "Accept or reject all changes (Review > Accept All Changes) and save; for PDF, "
            "save a full copy (`mslint clean`, or 'Save As' with optimisation) so earlier "
            "revisions go."
        ),
        policies=(_CONFIDENTIAL, _HIPAA_ALL),
    ),
)

EMBEDDED_OBJECTS = RuleMeta(
    id="MS406",
    name="embedded-objects",
    summary="attached files, OLE objects, PDF attachments",
    default_severity=Severity.ERROR,
    categories=("embedded-file",),
    parameters={"unchecked_file_severity": "warning"},
    doc=RuleDoc(
        what=(
            "Reports files carried inside the document: PDF embedded files and "
            "file-attachment annotations, DOCX OLE objects (embedded spreadsheets, Visio "
            "drawings) and embedded packages. They are not checked by mslint: each is "
            "reported at `unchecked_file_severity` (default warning); a file name holding "
            "an identifier is an error."
        ),
        why=(
            "An embedded spreadsheet often still holds the patient list the chart was made "
            "from; an attached PDF may be the signed consent form, which must stay with the "
            "authors and never be uploaded with the manuscript."
        ),
        example=("page 1: attached file c******-f***.pdf (120,412 bytes) is carried inside the "
                 "file and was not checked"),
        fix=(
            "Remove the object (or paste it as a picture) and submit any needed material "
            "separately, checked; `mslint clean` drops PDF attachments."
        ),
        policies=(
            PolicyRef("iums", "3.2",
                      "signed consent forms are kept by the authors or their institution and "
                      "are not uploaded with the manuscript"),
            _CONFIDENTIAL,
        ),
    ),
)

# --------------------------------------------------------------------------------------
# MS401

_PERSON_FIELDS = re.compile(
    r"^(core:(creator|lastModifiedBy)|app:Manager|pdf:Author|xmp:dc:(creator|contributor)|"
    r"xmp:pdf:Author|custom(xml)?:.*(author|owner|reviewer|editor|writer|name|person|patient).*)$",
    re.IGNORECASE,
)
#: Custom fields (a document library's columns) that hold the patient, not the file's author.
_PATIENT_FIELDS = re.compile(r"^custom(xml)?:.*patient", re.IGNORECASE)
_TEXT_FIELDS = re.compile(
    r"^(core:(title|subject|description|keywords|category|contentStatus|identifier)|"
    r"app:(Company|HyperlinkBase)|pdf:(Title|Subject|Keywords)|"
    r"xmp:(dc:(title|description|subject|rights|identifier)|pdf:Keywords)|"
    r"(custom|customxml|glossary):.*)$",
    re.IGNORECASE,
)


#: Values programs and installers put in person fields: not a person.
_PLACEHOLDER_PERSON = re.compile(
    r"^(python-docx|un-?named|unknown( author)?|administrator|admin|user|owner|author|"
    r"microsoft office user|windows user|office|default|apache poi|openpyxl)$",
    re.IGNORECASE,
)


def metadata_blocks(document: Document) -> list[TextBlock]:
    """The metadata blocks, plus a block for each ``metadata`` entry no block mirrors."""
    blocks = list(document.blocks_of(BlockKind.METADATA))
    covered = {b.attrs.get("field") for b in blocks}
    for name, value in document.metadata.items():
        if name not in covered and value:
            blocks.append(TextBlock(str(value), BlockKind.METADATA, Location(),
                                    attrs={"field": name}))
    return blocks


class DocumentPropertiesRule:
    meta = DOCUMENT_PROPERTIES

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        for block in metadata_blocks(document):
            name = str(block.attrs.get("field", "property"))
            text = block.text.strip()
            if not text:
                continue
            person_field = bool(_PERSON_FIELDS.match(name))
            if _PATIENT_FIELDS.match(name):
                yield ctx.finding(
                    f"{name} identifies the patient: {{value}}", block.location,
                    severity=capped(ctx, Severity.ERROR), category="document-property",
                    value=text, logical_location="document properties",
                    fix="clear the document properties before submitting", field=name,
                )
                continue
            if person_field:
                own = is_author(text, document)
                quiet = own or bool(_PLACEHOLDER_PERSON.match(text))
                yield ctx.finding(
                    f"{name} names who wrote or edited the file: {{value}}"
                    + (" (one of the manuscript's authors)" if own else ""),
                    block.location, severity=capped(ctx, Severity.INFO if quiet else
                                                     Severity.WARNING),
                    category="name", value=text, logical_location="document properties",
                    fix="clear the document properties before submitting", field=name,
                )
            if not (person_field or _TEXT_FIELDS.match(name)):
                continue
            for span in identifiers_in(text, ctx, document, block):
                if person_field and span.category == "name":
                    continue  # already reported above as the field's person
                own = span.category == "name" and is_author(span.text, document)
                yield ctx.finding_in_block(
                    block, span.start, span.end,
                    f"{name} holds an identifier ({span.category}): {{value}}",
                    severity=capped(ctx, Severity.INFO if own else Severity.ERROR),
                    category=span.category, logical_location="document properties",
                    fix="clear the document properties before submitting", field=name,
                )


# --------------------------------------------------------------------------------------
# MS402

_COMMENT_SUBTYPES = frozenset({"Text", "FreeText", "Square", "Circle", "Polygon", "PolyLine",
                               "Highlight", "Underline", "StrikeOut", "Squiggly", "Ink",
                               "Caret", "Stamp", "Line", "Popup"})


def _excerpt(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _identifier_findings(block: TextBlock, what: str, ctx: RuleContext, document: Document,
                         fix: str) -> list[Finding]:
    out = []
    for span in identifiers_in(block.text, ctx, document, block):
        if span.category == "name" and is_author(span.text, document):
            continue
        out.append(ctx.finding_in_block(
            block, span.start, span.end, f"{what} holds an identifier ({span.category}): {{value}}",
            severity=ctx.severity, category=span.category, fix=fix,
        ))
    return out


class CommentsRule:
    meta = COMMENTS

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        fix = "resolve and delete the comment (mslint clean removes all comments)"
        for block in document.blocks:
            if block.kind is BlockKind.COMMENT:
                what = "comment"
            elif (block.kind is BlockKind.ANNOTATION
                  and block.attrs.get("subtype") in _COMMENT_SUBTYPES and block.text.strip()):
                what = f"PDF {block.attrs.get('subtype')} annotation"
            else:
                continue
            yield from _identifier_findings(block, what, ctx, document, fix)
            yield ctx.finding(
                f"{what} left in the file: {{value}}", block.location,
                severity=capped(ctx, Severity.WARNING), category="comment",
                value=_excerpt(block.text) or "(empty)", logical_location="comments",
                fix=fix, has_author=bool(block.attrs.get("author")),
            )


# --------------------------------------------------------------------------------------
# MS403


class TrackedChangesRule:
    meta = TRACKED_CHANGES

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        fix = "accept or reject all tracked changes and save"
        insertions = 0
        for block in document.blocks:
            if block.kind is BlockKind.TRACKED_INSERTION:
                insertions += 1
            if block.kind is not BlockKind.TRACKED_DELETION or not block.text.strip():
                continue
            yield from _identifier_findings(block, "tracked deletion", ctx, document, fix)
            yield ctx.finding(
                "tracked deletion still in the file: {value}", block.location,
                severity=capped(ctx, Severity.WARNING), category="tracked-deletion",
                value=_excerpt(block.text), fix=fix,
            )
        if insertions:
            yield ctx.finding(
                f"{insertions} tracked insertion(s) are pending; the file records who "
                "revised it and when", Location(), severity=capped(ctx, Severity.INFO),
                category="tracked-insertion", fix=fix, count=insertions,
            )
        versions = int(document.attrs.get("pdf_versions") or 1)
        if versions > 1:
            yield ctx.finding(
                f"the PDF keeps {versions - 1} earlier revision(s) through incremental "
                "updates; text or images removed in a later revision can be recovered",
                Location(), severity=capped(ctx, Severity.INFO), category="pdf-revisions",
                fix="save a full, optimised copy (mslint clean FILE -o OUT rewrites it "
                "without the earlier revisions)", revisions=versions,
            )


# --------------------------------------------------------------------------------------
# MS406


class EmbeddedObjectsRule:
    meta = EMBEDDED_OBJECTS

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        labels = {"attachment": "attached file", "ole": "embedded OLE object",
                  "package": "embedded package"}
        unchecked = Severity.parse(str(ctx.params.get("unchecked_file_severity", "warning")))
        for item in document.embedded_files:
            what = labels.get(item.kind, f"embedded {item.kind}")
            size = f" ({item.size:,} bytes)" if item.size else ""
            spans = [s for s in identifiers_in(item.name, ctx, document)
                     if not (s.category == "name" and is_author(s.text, document))]
            yield ctx.finding(
                f"{what} {{value}}{size} is carried inside the file and was not checked",
                item.location,
                severity=ctx.severity if spans else capped(ctx, unchecked),
                category="embedded-file", value=item.name or "(unnamed)",
                fix="remove the object and submit needed material separately, checked",
                kind=item.kind, content_type=item.content_type,
                name_identifiers=sorted({s.category for s in spans}),
            )


@hookimpl
def mslint_rules() -> list[object]:
    return [DocumentPropertiesRule(), CommentsRule(), TrackedChangesRule(),
            EmbeddedObjectsRule()]
