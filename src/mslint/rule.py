"""What a rule is: metadata, documentation, and the context it checks a document in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from mslint.findings import Finding, Severity
from mslint.model import BlockKind, Document, Location, TextBlock

if TYPE_CHECKING:
    from mslint.resources import Resources


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """A clause of a policy text in ``shared/policies`` that a rule enforces."""

    policy: str
    clause: str
    summary: str


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """ruff-style documentation: what it does, why it matters, an example, the fix."""

    what: str
    why: str
    example: str
    fix: str
    policies: tuple[PolicyRef, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleMeta:
    id: str
    name: str
    summary: str
    default_severity: Severity
    doc: RuleDoc
    categories: tuple[str, ...] = ()
    parameters: Mapping[str, Any] = field(default_factory=dict)
    plugin: str = "mslint"

    @property
    def help_uri(self) -> str:
        return f"https://mslint.readthedocs.io/en/latest/rules/{self.id}.html"


@runtime_checkable
class Rule(Protocol):
    meta: RuleMeta

    def check(self, document: Document, ctx: RuleContext) -> Iterable[Finding]: ...


SNIPPET_RADIUS = 40


@dataclass(slots=True)
class RuleContext:
    """Everything a rule may use besides the document: its parameters, its severity,
    the display path of the file, and shared lazily-loaded resources (spaCy, identifiers)."""

    meta: RuleMeta
    path: str
    params: Mapping[str, Any]
    severity: Severity
    resources: Resources

    def finding(
        self,
        message: str,
        location: Location,
        *,
        severity: Severity | None = None,
        category: str | None = None,
        value: str | None = None,
        snippet: str | None = None,
        value_span: tuple[int, int] | None = None,
        logical_location: str | None = None,
        fix: str | None = None,
        **properties: Any,
    ) -> Finding:
        return Finding(
            rule_id=self.meta.id,
            message=message,
            severity=severity or self.severity,
            path=self.path,
            location=location,
            category=category,
            value=value,
            snippet=snippet,
            value_span=value_span,
            logical_location=logical_location,
            fix=fix,
            properties=dict(properties),
        )

    def finding_in_block(
        self,
        block: TextBlock,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        category: str | None = None,
        with_value: bool = True,
        logical_location: str | None = None,
        fix: str | None = None,
        **properties: Any,
    ) -> Finding:
        """A finding for ``block.text[start:end]``, located and with a snippet around it.

        Text read from image pixels gets no snippet: around a burnt-in identifier there are
        usually more identifiers, which no detector may have recognised to mask.
        """
        raw = block.text[start:end]
        snippet, span = None, None
        if block.kind is not BlockKind.OCR:
            snippet, span = _snippet(block.text, start, end)
        return self.finding(
            message,
            block.location_at(start),
            severity=severity,
            category=category,
            value=raw if with_value else None,
            snippet=snippet,
            value_span=span if with_value else None,
            logical_location=logical_location or logical_location_of(block),
            fix=fix,
            block_kind=str(block.kind),
            **properties,
        )


def _snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The text around ``text[start:end]`` with whitespace folded, and where the value
    sits in it."""
    lo = max(0, start - SNIPPET_RADIUS)
    hi = min(len(text), end + SNIPPET_RADIUS)
    snippet = " ".join(text[lo:hi].split())
    prefix = " ".join(text[lo:start].split())
    at = len(prefix) + (1 if prefix and text[start - 1 : start].isspace() else 0)
    return snippet, (at, at + len(" ".join(text[start:end].split())))


def logical_location_of(block: TextBlock) -> str | None:
    """``Figure 2 legend`` for captions, the section title otherwise."""
    label = block.attrs.get("figure_label")
    if label:
        return f"{label} legend"
    return block.section_title or None
