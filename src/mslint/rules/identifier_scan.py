"""Helpers the forensics rules share: identifier detection in side-channel text and
severities capped by the rule's configured level.

Text found in metadata, comments and deleted revisions goes through the same identifier
detectors as body text (`Resources.identifiers`); with no detector registered the scan
simply finds nothing and the rules fall back to what the field itself says.
"""

from __future__ import annotations

import re
import unicodedata

from mslint.detector import IdentifierSpan
from mslint.findings import Severity
from mslint.model import Document, TextBlock
from mslint.rule import RuleContext


def capped(ctx: RuleContext, level: Severity) -> Severity:
    """``level``, but never above the severity the ruleset gives the rule."""
    return min(level, ctx.severity)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z]+", text.lower()))


def _name_keys(name: str) -> set[str]:
    """``"Smith, John A."`` and ``"John Smith"`` share the key ``john smith``."""
    norm = _norm(name)
    words = [w for w in norm.split() if len(w) > 1]
    keys = {norm}
    if len(words) >= 2:
        keys.add(f"{words[0]} {words[-1]}")
        keys.add(f"{words[-1]} {words[0]}")
    if "," in name:
        last, _, first = name.partition(",")
        keys.add(_norm(f"{first} {last}"))
    return {k for k in keys if k}


def author_keys(document: Document) -> set[str]:
    keys: set[str] = set()
    for author in document.authors:
        keys |= _name_keys(author)
    return keys


def is_author(text: str, document: Document) -> bool:
    """Whether ``text`` names one of the manuscript's own authors (or a list of them)."""
    keys = author_keys(document)
    if not keys:
        return False
    parts = [p for p in re.split(r"\s*(?:;|\band\b|&)\s*", text) if p.strip()]
    return bool(parts) and all(_name_keys(p) & keys for p in parts)


def identifiers_in(
    text: str,
    ctx: RuleContext,
    document: Document,
    block: TextBlock | None = None,
) -> list[IdentifierSpan]:
    """The detectors' spans for ``text`` (empty when no detector is registered)."""
    if not text.strip() or not ctx.resources.detectors:
        return []
    return ctx.resources.identifiers(text, block=block, document=document)
