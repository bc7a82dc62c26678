"""Which text is about the patient, and which identifiers in it count.

Patient-related: abstract, case presentation, discussion, figure legends, tables,
supplementary text, comments, tracked deletions, hidden text, alt text, OCR text.
Silent: author block and affiliations, correspondence, acknowledgements, references,
funding, trial and ethics registration, and document metadata (rule MS401 checks it).
Inside patient text, lines and sentences that are about the manuscript (Received /
Accepted dates, NCT numbers, ethics approval codes, grant numbers, "accessed" dates)
are silent too, and names of the manuscript's own or cited authors are dropped.
"""

from __future__ import annotations

import re
from enum import Enum

from mslint.detector import IdentifierSpan
from mslint.identifiers.authors import NameBook, looks_like_byline, manuscript_names
from mslint.identifiers.filters import bare
from mslint.model import BlockKind, Document, TextBlock
from mslint.resources import Resources


class Scope(Enum):
    PATIENT = "patient"
    FRONT_MATTER = "front-matter"
    SILENT = "silent"


_SILENT_SECTION = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:authors?(?:'s?)?(?:\s+(?:information|details|"
    r"contributions?|names?|list|affiliations?))?|affiliations?|author\s+affiliations?|"
    r"correspondence|corresponding\s+author|address\s+for\s+correspondence|"
    r"acknowledge?ments?|references?|bibliography|literature\s+cited|works\s+cited|"
    r"funding(?:\s+(?:information|sources?|statement))?|financial\s+(?:support|disclosures?)|"
    r"sources?\s+of\s+funding|grants?|(?:clinical\s+)?trial\s+registration|registration|"
    r"ethics?(?:\s+(?:approval|statement|declaration|committee))?(?:\s+and\s+consent\s+to\s+"
    r"participate)?|ethical\s+(?:approval|statement|considerations?)|institutional\s+review\s+"
    r"board(?:\s+statement)?|conflicts?\s+of\s+interests?|competing\s+interests?|"
    r"declarations?\s+of\s+(?:competing\s+)?interests?|disclosures?|data\s+availability"
    r"(?:\s+statement)?|availability\s+of\s+data(?:\s+and\s+materials?)?|abbreviations|"
    r"orcid|keywords?|about\s+the\s+authors?|notes\s+on\s+contributors|"
    r"authors?['’]?\s+contributions?|credit\s+authorship\s+contribution\s+statement)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_PATIENT_SECTION = re.compile(
    r"consent|case|patient|presentation|history|examination|investigations?|"
    r"findings|legends?|figures?|tables?|supplement|abstract|summary|outcome|treatment|"
    r"management|follow-?up",
    re.IGNORECASE,
)
_BODY_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:abstract|summary|introduction|background|case\b|"
    r"case\s+(?:report|presentation|description|history|summary)|keywords?|methods?)",
    re.IGNORECASE,
)
# Lines about the manuscript itself.
_LINE_SILENT = re.compile(
    r"\b(?:received|accepted|revised|published(?:\s+online)?|submitted|available\s+online|"
    r"epub(?:lished)?|first\s+published|date\s+of\s+(?:submission|acceptance|publication))"
    r"\s*(?:for\s+publication|in\s+revised\s+form)?\s*(?:[:\-–]|on\b|(?=\d|(?:Jan|Feb|Mar|Apr|"
    r"May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))|\bdoi\s*:|\bORCID\b|"
    r"\bCopyright\b|©",
    re.IGNORECASE,
)
_LINE_AUTHOR_DETAILS = re.compile(
    r"\b(?:correspond\w*|e-?mail\s*:|tel(?:ephone)?\.?\s*:|fax\s*:|phone\s*:|"
    r"address\s+for\s+correspondence|reprint\s+requests?)",
    re.IGNORECASE,
)
_AFFILIATION = re.compile(
    r"^\s*(?:[\d*†‡§a-f]{1,3}[.)]?\s*|\^\{?\w+\}?\s*)?(?:Department|Dept\.?|Division|Faculty|School|"
    r"Institute|University|Centre|Center|College|Laboratory|Unit\s+of|Clinic\s+of)\b",
)
_SENTENCE_SILENT = re.compile(
    r"\b(?:NCT\d{8}|ISRCTN\d+|IRCT\w+|EudraCT|ChiCTR\w*|ACTRN\d+|CTRI/|DRKS\d+|UMIN\d+|"
    r"ethics\s+(?:committee|board|approval)|ethical\s+(?:committee|approval|review)|"
    r"research\s+ethics|institutional\s+review\s+board|\bIRB\b|\bREC\b|"
    r"approval\s+(?:number|no\.?|code|ID)|IR\.[A-Z]+\.[A-Z.]*REC|"
    r"(?:trial|study)\s+(?:was\s+)?registered|registration\s+(?:number|no\.?)|"
    r"^\s*registered\s+(?:on\s+)?\d|\bretrospectively\s+registered|"
    r"grant(?:\s+(?:number|no\.?))?\s+[A-Z0-9]|funded\s+by|supported\s+by\s+(?:a\s+)?grant)",
    re.IGNORECASE,
)
# Acknowledgement and CRediT sentences name colleagues, not patients; so do methods
# sentences that name who did the work by initials ("two reviewers (A.N. and B.C.)").
_ACK_SENTENCE = re.compile(
    r"\b(?:thank(?:s|ed|ful)?|grateful|gratitude|indebted|acknowledge|supervis(?:ed|ion|or)|"
    r"conceptuali[sz]ation|methodology|data\s+curation|formal\s+analysis|writing\s*[-–]\s*"
    r"(?:original|review)|project\s+administration|designed\s+by|wrote\s+the)\b|"
    r"\b(?:authors?|reviewers?|investigators?|researchers?|assessors?|raters?)\s*\(",
    re.IGNORECASE,
)
_CITATION_SENTENCE = re.compile(
    r"\b(?:accessed|last\s+accessed|cited|retrieved|available\s+(?:from|at)|last\s+visited)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n+|;\s+")

_PERSONAL = frozenset({"name", "initials", "email", "phone", "url", "ip", "address", "postcode",
                       "place"})
_PERSONAL_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Master", "Madam", "Mme", "Mlle"})
_BYLINE_KINDS = frozenset({BlockKind.BODY, BlockKind.HEADER_FOOTER, BlockKind.TEXT_BOX})
_SKIPPED_KINDS = frozenset({BlockKind.METADATA})


def _section_scope(section: tuple[str, ...]) -> Scope | None:
    for title in reversed(section):
        if _SILENT_SECTION.match(title):
            return Scope.SILENT
        if _PATIENT_SECTION.search(title):
            return Scope.PATIENT
    return None


def _front_matter(document: Document) -> frozenset[int]:
    """Indices of blocks before the first body heading (Abstract, Introduction, Case...),
    where titles, bylines, affiliations and correspondence live."""
    for i, block in enumerate(document.blocks):
        heading = block.kind is BlockKind.HEADING and _BODY_HEADING.match(block.text)
        if heading or any(_BODY_HEADING.match(t) for t in block.section):
            return frozenset(range(i))
    return frozenset()


def block_scope(block: TextBlock, document: Document, resources: Resources) -> Scope:
    if block.kind in _SKIPPED_KINDS:
        return Scope.SILENT
    if block.attrs.get("front_matter"):
        return Scope.FRONT_MATTER
    by_section = _section_scope(block.section)
    if by_section is Scope.SILENT:
        return by_section
    front = resources.memo("identifiers.front-matter", lambda: _front_matter(document))
    index = resources.memo("identifiers.block-index",
                           lambda: {id(b): i for i, b in enumerate(document.blocks)})
    if index.get(id(block)) in front or (
        block.kind in _BYLINE_KINDS and looks_like_byline(block.text)
    ):
        return Scope.FRONT_MATTER
    return Scope.PATIENT


def _silent_ranges(text: str) -> list[tuple[int, int, frozenset[str] | None]]:
    """Ranges of ``text`` where some (a set) or all (None) categories are not findings."""
    out: list[tuple[int, int, frozenset[str] | None]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        if _LINE_SILENT.search(line):
            out.append((pos, end, None))
        elif _LINE_AUTHOR_DETAILS.search(line) or _AFFILIATION.match(line):
            out.append((pos, end, _PERSONAL))
        pos = end
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        stop = m.start() if m else len(text)
        sentence = text[start:stop]
        if _SENTENCE_SILENT.search(sentence):
            out.append((start, stop, None))
        elif _ACK_SENTENCE.search(sentence):
            out.append((start, stop, frozenset({"name", "initials"})))
        elif _CITATION_SENTENCE.search(sentence):
            out.append((start, stop, frozenset({"date", "url"})))
        start = m.end() if m else stop
    return out


def _silenced(span: IdentifierSpan, ranges: list[tuple[int, int, frozenset[str] | None]]) -> bool:
    for s, e, cats in ranges:
        if s <= span.start and span.end <= e and (cats is None or span.category in cats):
            return True
    return False


def _author_name(span: IdentifierSpan, names: NameBook) -> bool:
    if span.category != "name":
        return False
    if span.attr("role", "person") != "person":
        return True
    if span.attr("title") in _PERSONAL_TITLES:
        return False
    words = span.text.split()
    return bool(words) and names.covers(" ".join([*words[:-1], bare(words[-1])]))


def _resolve(spans: list[IdentifierSpan]) -> list[IdentifierSpan]:
    """Keep the most confident (then longest) of overlapping spans."""
    kept: list[IdentifierSpan] = []
    for span in sorted(spans, key=lambda s: (-s.confidence, -(s.end - s.start), s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _names(document: Document, resources: Resources) -> NameBook:
    def build() -> NameBook:
        bylines = [b for b in document.blocks
                   if b.kind is not BlockKind.METADATA and looks_like_byline(b.text)
                   and block_scope(b, document, resources) is not Scope.PATIENT]
        refs = [b for b in document.blocks
                if any(re.match(r"\s*(?:references?|bibliography|literature\s+cited)\s*$", t, re.I)
                       for t in b.section)]
        return manuscript_names(document, byline_blocks=bylines, reference_blocks=refs)

    return resources.memo("identifiers.manuscript-names", build)


def patient_identifiers(
    block: TextBlock, document: Document, resources: Resources
) -> list[IdentifierSpan]:
    """The identifiers in ``block`` that are about the patient, overlaps resolved."""
    key = f"identifiers.patient.{id(block)}"

    def build() -> list[IdentifierSpan]:
        scope = block_scope(block, document, resources)
        if scope is Scope.SILENT:
            return []
        spans = resources.identifiers(block.text, block=block, document=document)
        if not spans:
            return []
        ranges = _silent_ranges(block.text)
        names = _names(document, resources)
        kept = [
            s for s in spans
            if not _silenced(s, ranges)
            and not (scope is Scope.FRONT_MATTER and s.category in _PERSONAL)
            and not _author_name(s, names)
        ]
        return _resolve(kept)

    return resources.memo(key, build)
