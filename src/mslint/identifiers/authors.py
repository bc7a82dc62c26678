"""Names that belong to the manuscript, not to the patient: its own authors (byline,
``Document.authors``, correspondence line) and the authors it cites (reference list,
"Smith et al.", "Smith and Jones (2019)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from mslint.model import BlockKind, Document, TextBlock

_PARTICLES = r"(?:van|von|der|de|da|del|di|du|la|le|al|el|bin|ibn|ter|ten)"
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?|[A-Z]\.)"
_PERSON = re.compile(
    rf"^(?:(?:Dr|Prof|Professor)\.?\s+)?{_NAME_WORD}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_WORD}){{1,3}}$"
)
_MARKERS = re.compile(r"[\d*†‡§¶#,]+$|\^\{?[\w,*]+\}?$|\s*\(\s*[\d,]+\s*\)$")
_SUPERSCRIPTS = re.compile(r"(?<=[a-zà-ÿ.])(?:\^?\{?\d+(?:,\d+)*\}?[*†‡§¶]*|[*†‡§¶]+)")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\n)\s*")
_SURNAME_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
_SURNAME = rf"({_SURNAME_WORD})"
#: A Vancouver author: a surname of one or more words ("Vigil-De Gracia", "van der Berg")
#: and initials, at the start of the entry (after its number) or after a separator.
_VANCOUVER = re.compile(
    rf"(?:^\s*(?:\[?\d{{1,4}}[\].)]?\s+)?|[,.;]\s*)"
    rf"((?:{_PARTICLES}\s+)*{_SURNAME_WORD}(?:\s+(?:{_PARTICLES}\s+)*{_SURNAME_WORD})*)"
    rf"\s+([A-Z]{{1,3}})(?=[,.;])"
)
_APA = re.compile(rf"(?:^|[,;&]\s*|\band\s+){_SURNAME},\s+((?:[A-Z]\.\s?){{1,3}})")
_IN_TEXT = re.compile(
    r"\b([A-Z][a-zà-ÿ'’]+)(?:\s+(?:et\s+al\.?|and\s+colleagues|and\s+([A-Z][a-zà-ÿ'’]+)\s*[(\[,]))"
)
_CORRESPONDENCE = re.compile(
    r"(?:correspond\w*|corresponding\s+author|address\s+for\s+correspondence|reprints?)\s*"
    r"(?:to|author)?\s*[:\-]?\s*(?:(?:Dr|Prof|Professor)\.?\s+)?"
    r"([A-Z][a-zà-ÿ'’]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zà-ÿ'’-]+){1,2})",
    re.IGNORECASE,
)


def _strip_markers(text: str) -> str:
    return _SUPERSCRIPTS.sub("", text)


def split_byline(text: str) -> list[str]:
    """The person names in a byline such as "Jane Roe1,2*, Ali Rezaei3 and K. Smith"."""
    names: list[str] = []
    for part in _SPLIT.split(_strip_markers(text).strip()):
        part = _MARKERS.sub("", part.strip()).strip()
        if part and _PERSON.match(part):
            names.append(part)
    return names


def looks_like_byline(text: str) -> bool:
    """A short block made only of two or more person names (or one with markers)."""
    if len(text) > 400 or not text.strip():
        return False
    parts = [p for p in _SPLIT.split(_strip_markers(text).strip()) if p.strip()]
    names = split_byline(text)
    if not names or len(names) != len(parts):
        return False
    return len(names) >= 2 or bool(re.search(r"[\d*†]", text))


def cited_surnames(text: str) -> set[str]:
    """Surnames written as citations in running text ("Smith et al.", "Smith and Jones (")."""
    out: set[str] = set()
    for m in _IN_TEXT.finditer(text):
        out.add(m.group(1).lower())
        if m.group(2):
            out.add(m.group(2).lower())
    return out


def reference_surnames(text: str) -> dict[str, str]:
    """Author surnames in a reference-list entry (Vancouver or APA style), each with the
    first initial given ("" when none is)."""
    out: dict[str, str] = {}
    for m in _VANCOUVER.finditer(text):
        out.setdefault(m.group(1).lower(), m.group(2)[0].lower())
    for m in _APA.finditer(text):
        out.setdefault(m.group(1).lower(), m.group(2)[0].lower())
    return out


class NameBook:
    """The manuscript's own and cited authors: surname -> the first initials known for it.

    A lone surname matching any of them is theirs; a full name is theirs only when its first
    initial matches too ("Lucia Rossi" is not "Rossi M"). ``ANY`` marks surnames cited
    without initials ("Smith et al."): they only cover lone surnames.
    """

    ANY = "?"

    def __init__(self) -> None:
        self.initials: dict[str, set[str]] = {}
        self.compounds: set[str] = set()

    def add(self, surname: str, initial: str) -> None:
        """A surname (of one word or several: "Vigil-De Gracia") with a first initial."""
        words = surname.lower().strip(".,").split()
        if not words:
            return
        if len(words) > 1:
            self.compounds.add(" ".join(words))
        self.initials.setdefault(words[-1], set()).add(initial.lower())

    def add_full(self, full: str) -> None:
        words = re.sub(r"^(?:Dr|Prof|Professor)\.?\s+", "", full).split()
        if words:
            self.add(words[-1], words[0][0] if len(words) > 1 else self.ANY)

    def covers(self, name: str) -> bool:
        words = name.split()
        if not words:
            return False
        if " ".join(words).lower() in self.compounds:
            return True  # a cited compound surname on its own ("Vigil-De Gracia 1997")
        known = self.initials.get(words[-1].lower().strip(".,"))
        if known is None:
            return False
        return len(words) == 1 or words[0][0].lower() in known


def manuscript_names(
    document: Document,
    *,
    byline_blocks: Iterable[TextBlock],
    reference_blocks: Iterable[TextBlock],
) -> NameBook:
    """The authors and cited authors of ``document``."""
    book = NameBook()
    for author in document.authors:
        book.add_full(author)
    for block in byline_blocks:
        for name in split_byline(block.text):
            book.add_full(name)
    for block in reference_blocks:
        for surname, initial in reference_surnames(block.text).items():
            book.add(surname, initial)
    for block in document.text_blocks():
        if block.kind is BlockKind.METADATA:
            continue
        for surname in cited_surnames(block.text):
            book.add(surname, NameBook.ANY)
        for m in _CORRESPONDENCE.finditer(block.text):
            book.add_full(m.group(1))
    return book
