"""MS901 unreadable-file: reported by the engine when a file cannot be parsed."""

from __future__ import annotations

from collections.abc import Iterator

from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import Document
from mslint.rule import PolicyRef, RuleContext, RuleDoc, RuleMeta

UNREADABLE_FILE = RuleMeta(
    id="MS901",
    name="unreadable-file",
    summary="corrupt, encrypted or unsupported input",
    default_severity=Severity.ERROR,
    categories=("unreadable",),
    doc=RuleDoc(
        what=(
            "Reports a file mslint could not read: corrupt or truncated, password-protected, "
            "not the format its extension claims, over the size limits (a ZIP bomb), or a "
            "format no installed parser handles. The rest of the batch is still checked."
        ),
        why=(
            "A file that cannot be read cannot be checked. An editor must not take silence "
            "for a clean result: whatever it holds reaches reviewers unchecked."
        ),
        example="submission.docx: not a DOCX file, whatever its name says (looks like a PDF)",
        fix=(
            "Re-export the file from its authoring program (Save As .docx or PDF/A), remove "
            "the password, or convert it to a supported format, and check it again."
        ),
        policies=(
            PolicyRef("iums", "5.1", "submitted material must be handled confidentially, "
                      "which needs every file to be checked before it is passed on"),
        ),
    ),
)


class UnreadableFileRule:
    """Carries the MS901 metadata; findings come from the engine, not from ``check``."""

    meta = UNREADABLE_FILE

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        return iter(())


@hookimpl
def mslint_rules() -> list[UnreadableFileRule]:
    return [UnreadableFileRule()]
