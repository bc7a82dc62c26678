"""Template text left in a consent statement: "Permission ID: <to be provided>",
"[insert consent statement]", "XXX", "<...>", and journal instructions pasted as if they
were the statement ("Please include a statement confirming that consent was obtained").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bracketed", re.compile(
        r"[\[<{«]\s*(?:insert|add|enter|type|fill|include|provide|state|to\s+be|tbd|tbc|"
        r"consent|permission|statement|name|details|id|number|journal|date|patient|parent|"
        r"guardian|author|x{2,}|\.{2,}|…)"
        r"[^\]>}»\n]{0,80}[\]>}»]", _I)),
    ("empty-brackets", re.compile(r"<\s*(?:\.{2,}|…)?\s*>|\[\s*(?:\.{2,}|…)?\s*\]")),
    ("unchosen-options", re.compile(
        r"\b(?:patient|participant|study\s+participant|parents?|guardians?|next\s+of\s+kin|"
        r"relatives?|representatives?)(?:\s*/\s*(?:patient|participant|study\s+participant|"
        r"parents?|legal\s+guardians?|guardians?|next\s+of\s+kin|relatives?|"
        r"(?:legal\s+)?representatives?)){2,}\b", _I)),
    ("xxx", re.compile(r"(?<![A-Za-z])(?:X{3,}|x{3,})(?![A-Za-z])")),
    ("to-be-provided", re.compile(
        r"\b(?:to\s+be\s+(?:provided|added|confirmed|completed|inserted|supplied|determined)|"
        r"TBD|TBC|TODO|FIXME|lorem\s+ipsum)\b", _I)),
    ("instruction", re.compile(
        r"\b(?:please\s+(?:include|insert|add|state|provide|confirm|describe|indicate)|"
        r"(?:^|[:;]\s*)include\s+a\s+statement|authors?\s+(?:must|should)\s+(?:include|state|"
        r"provide|confirm)|delete\s+(?:as\s+appropriate|if\s+not\s+applicable)|"
        r"if\s+(?:your|the)\s+manuscript\s+(?:includes|contains|reports)|"
        r"for\s+experiments\s+involving\s+humans|"
        r"(?:\(|\b)if\s+applicable\)?\s*:?$)", _I)),
)

#: A permission id value that is really a placeholder (an empty value is one too).
_ID_PLACEHOLDER = re.compile(
    r"^\s*(?:$|[<\[{(].*[>\]})]\s*$|x+\s*$|[-_.…?#*]+\s*$|(?:tbd|tbc|n/?a|none|pending|"
    r"to\s+(?:be|follow)).*$)",
    _I,
)


@dataclass(frozen=True, slots=True)
class Placeholder:
    kind: str
    start: int
    end: int


def find_placeholder(text: str) -> Placeholder | None:
    """The first template placeholder in ``text``, if any."""
    best: Placeholder | None = None
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start):
            best = Placeholder(kind, m.start(), m.end())
    return best


def permission_id_is_placeholder(value: str) -> bool:
    """Whether the text after "Permission ID:" is left unfilled."""
    return bool(_ID_PLACEHOLDER.match(value))
