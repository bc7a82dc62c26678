"""What an identifier detector is.

Detectors find candidate identifiers in a piece of text and say what they are
(``category``) and how sure they are (``confidence``, 0..1), like Presidio recognizers.
Rules MS201-MS209, and every rule that checks text for identifiers (metadata, comments,
tracked deletions, OCR text), ask ``Resources.identifiers`` for them, so each text is
scanned once whatever the number of rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from mslint.model import Document, TextBlock
    from mslint.resources import Resources


@dataclass(frozen=True, slots=True)
class IdentifierSpan:
    start: int
    end: int
    category: str
    confidence: float
    detector: str
    text: str
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, key: str, default: Any = None) -> Any:
        return dict(self.attrs).get(key, default)


@dataclass(slots=True)
class DetectionContext:
    """What a detector may look at besides the text: the block it came from (kind,
    section), the document (its authors), and the shared resources (spaCy)."""

    resources: Resources
    block: TextBlock | None = None
    document: Document | None = None
    params: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class Detector(Protocol):
    name: str
    categories: tuple[str, ...]

    def detect(self, text: str, ctx: DetectionContext) -> Iterable[IdentifierSpan]: ...
