"""Find consent statements wherever authors put them and classify each.

A statement is a run of sentences in one text block: a sentence that mentions consent
(keyword prefilter), plus the sentences that continue it ("A copy is available to the
editor on request."). Under a consent heading ("Consent for publication", "Ethics approval
and consent to participate") the whole paragraph is the statement, even "Not applicable.",
and the heading says what the consent is for. Only these candidate sentences are parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mslint.consent import cues
from mslint.consent.classify import Classification, Purpose, Status, classify
from mslint.consent.placeholders import Placeholder, find_placeholder, permission_id_is_placeholder
from mslint.model import BlockKind, Document, TextBlock

if TYPE_CHECKING:
    from spacy.language import Language

#: spaCy components the consent analysis needs: sentence boundaries and the dependency parse.
NLP_COMPONENTS = ("tok2vec", "parser")

#: Blocks a reader sees, where a statement counts.
STATEMENT_KINDS = frozenset({BlockKind.BODY, BlockKind.CAPTION, BlockKind.FOOTNOTE,
                             BlockKind.TABLE_CELL, BlockKind.TEXT_BOX, BlockKind.HEADER_FOOTER,
                             BlockKind.TRACKED_INSERTION})

_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Fig|Figs|No|Nos|vs|al|e\.g|i\.e|approx|ca|"
                     r"Ref|Refs|Suppl|Vol|St)|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[<]?[A-Z0-9])")
#: Sections that discuss consent in general; a sentence there is a statement only when it
#: speaks of this manuscript's own case ("our patient", "this report", "we").
_DISCUSSION_SECTION = re.compile(
    r"\b(?:introduction|background|discussion|literature|review\s+of|conclusions?|"
    r"learning\s+points|commentary)\b",
    re.IGNORECASE,
)
_THIS_CASE = re.compile(
    r"\b(?:the|our|this)\s+patient(?:['’]s)?\b|\b(?:this|the\s+present)\s+(?:case|report|"
    r"article|manuscript|paper)\b|\bwe\b|\bthe\s+authors\b|\b(?:his|her|their)\s+(?:parents?|"
    r"family|mother|father|wife|husband|son|daughter|guardian)\b",
    re.IGNORECASE,
)
_CONTINUATION = re.compile(
    r"\b(?:cop(?:y|ies)|available|request|editor\w*|forms?|stored|permission\s+id|signed|"
    r"assent|on\s+file|retained|kept|held)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Statement:
    """A consent statement: where it is and what it says."""

    block: TextBlock
    block_index: int
    start: int
    end: int
    classification: Classification
    placeholder: Placeholder | None
    in_consent_section: bool

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def in_legend(self) -> bool:
        return self.block.kind is BlockKind.CAPTION or bool(self.block.attrs.get("figure_label"))

    @property
    def counts(self) -> bool:
        """Whether it says something about consent (not only a template left in)."""
        return self.placeholder is None and (
            self.classification.status is not Status.UNKNOWN or self.in_consent_section
        )


@dataclass(frozen=True, slots=True)
class PermissionIdLine:
    """A Radiopaedia-style "Permission ID:" line and whether its value is filled in."""

    block: TextBlock
    block_index: int
    start: int
    end: int
    value: str
    filled: bool


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries (abbreviation-aware) used to pick what to parse."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 8):m.start()].rstrip("\"”')]")):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def consent_section_purpose(section: Sequence[str]) -> tuple[bool, Purpose | None]:
    """Whether ``section`` is a consent section and what its title says the consent is for."""
    for title in reversed(section):
        if cues.CONSENT_SECTION.search(title):
            if cues.PUBLICATION_SECTION.search(title):
                return True, Purpose.PUBLICATION
            if cues.RESEARCH_SECTION.search(title):
                return True, Purpose.RESEARCH
            return True, None
    return False, None


@dataclass(slots=True)
class Candidate:
    """Sentences of one block that may form a consent statement: what gets parsed."""

    block: TextBlock
    index: int
    start: int
    end: int
    in_section: bool
    purpose: Purpose | None

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


_LABEL_KINDS = frozenset({BlockKind.BODY, BlockKind.TABLE_CELL, BlockKind.TEXT_BOX})


def _is_label(block: TextBlock) -> bool:
    """A consent label written as plain text: a short paragraph or table cell such as
    "Consent for publication" (not a heading, so it opens no section)."""
    text = block.text.strip()
    return (block.kind in _LABEL_KINDS and 0 < len(text.split()) <= 8
            and not text.endswith((".", ";", ",")) and bool(cues.CONSENT_SECTION.search(text))
            and not cues.OBTAINED_TEXT.search(text))


def _follows_label(previous: TextBlock | None, block: TextBlock) -> bool:
    """``block`` is the text a label stands for: the next paragraph, or the next cell of the
    same table row."""
    if previous is None or not _is_label(previous):
        return False
    if block.kind is BlockKind.TABLE_CELL or previous.kind is BlockKind.TABLE_CELL:
        a, b = previous.attrs, block.attrs
        return (block.kind is previous.kind and a.get("table") == b.get("table")
                and a.get("row") == b.get("row"))
    return block.kind in _LABEL_KINDS


def candidates(document: Document) -> Iterator[Candidate]:
    """The candidate statements of ``document``, in order (keyword prefilter)."""
    previous: TextBlock | None = None
    for index, block in enumerate(document.blocks):
        label, previous = previous, block
        if block.kind not in STATEMENT_KINDS or not block.text.strip():
            continue
        in_section, purpose = consent_section_purpose(block.section)
        if not in_section and label is not None and _follows_label(label, block):
            in_section, purpose = consent_section_purpose((label.text,))
        text = block.text
        if not in_section and not cues.CANDIDATE.search(text):
            continue
        spans = sentence_spans(text)
        if in_section:
            yield Candidate(block, index, spans[0][0], spans[-1][1], True, purpose)
            continue
        general = bool(block.section) and bool(_DISCUSSION_SECTION.search(block.section[-1]))
        current: list[tuple[int, int]] = []
        for s, e in spans:
            sentence = text[s:e]
            starts = cues.CANDIDATE.search(sentence) and (
                not general or _THIS_CASE.search(sentence))
            if starts or (current and _CONTINUATION.search(sentence)):
                current.append((s, e))
                continue
            if current:
                yield Candidate(block, index, current[0][0], current[-1][1], False, None)
                current = []
        if current:
            yield Candidate(block, index, current[0][0], current[-1][1], False, None)


#: Candidate words outside consent sections above which a manuscript is taken to discuss
#: consent in general (an ethics paper, a review): only sentences about its own case are kept.
GENERAL_DISCUSSION_WORDS = 1500


def find_statements(document: Document, nlp: Language) -> list[Statement]:
    """Every consent statement in ``document``, classified; parses only candidate text."""
    units = list(candidates(document))
    loose = sum(len(u.text.split()) for u in units if not u.in_section)
    if loose > GENERAL_DISCUSSION_WORDS:
        units = [u for u in units if u.in_section or u.block.kind is BlockKind.CAPTION
                 or _THIS_CASE.search(u.text)]
    texts = [u.text for u in units]
    out: list[Statement] = []
    for unit, text, doc in zip(units, texts, nlp.pipe(texts), strict=True):
        classification = classify(text, list(doc.sents), unit.purpose)
        placeholder = find_placeholder(text)
        if placeholder is not None:
            placeholder = Placeholder(placeholder.kind, unit.start + placeholder.start,
                                      unit.start + placeholder.end)
        statement = Statement(unit.block, unit.index, unit.start, unit.end, classification,
                              placeholder, unit.in_section)
        if statement.counts or placeholder is not None:
            out.append(statement)
    return out


def find_permission_ids(document: Document) -> list[PermissionIdLine]:
    """Every "Permission ID:" line, with its value checked for a placeholder."""
    out: list[PermissionIdLine] = []
    for index, block in enumerate(document.blocks):
        if block.kind not in STATEMENT_KINDS:
            continue
        for m in cues.PERMISSION_ID.finditer(block.text):
            value = m.group("value").strip()
            out.append(PermissionIdLine(block, index, m.start(), m.end(), value,
                                        not permission_id_is_placeholder(value)))
    return out


def classify_text(text: str, nlp: Language, default_purpose: Purpose | None = None
                  ) -> Classification:
    """Classify one statement given as a string (the unit `find_statements` would build)."""
    return classify(text, list(nlp(text).sents), default_purpose)


def empty_consent_sections(document: Document) -> list[tuple[int, TextBlock]]:
    """Consent headings with no text under them: a template section left empty."""
    out: list[tuple[int, TextBlock]] = []
    for index, block in enumerate(document.blocks):
        if block.kind is not BlockKind.HEADING or not cues.CONSENT_SECTION.search(block.text):
            continue
        depth = len(block.section)
        filled = False
        for later in document.blocks[index + 1:]:
            if later.kind is BlockKind.HEADING and len(later.section) <= depth:
                break
            if later.kind in STATEMENT_KINDS and later.text.strip():
                filled = True
                break
        if not filled:
            out.append((index, block))
    return out
