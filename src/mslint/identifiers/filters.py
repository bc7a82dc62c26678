"""Telling a person's name from an eponym, a drug or a gene that looks like one."""

from __future__ import annotations

import re

from mslint.identifiers.lexicon import drugs, eponym_heads, eponyms, genes

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_WORD = re.compile(r"[A-Za-zÀ-ɏ'’\-]+")


def bare(word: str) -> str:
    """A word without its possessive ending, lower-cased."""
    return _POSSESSIVE.sub("", word).lower()


#: How much of the text after a name `is_eponym_use` reads: callers pass that much, not the
#: rest of a long text (a copy of it per name).
FOLLOWING = 40


def is_eponym_use(name: str, following: str) -> bool:
    """Whether ``name`` (as found in text) followed by ``following`` reads as an eponym:
    "Parkinson's disease", "Glasgow Coma Scale", "Babinski sign", "Hodgkin lymphoma",
    or a listed eponym on its own ("a history of Crohn's")."""
    words = _WORD.findall(name)
    if not words:
        return False
    parts = [bare(w) for w in words]
    listed = [p in eponyms() or all(q in eponyms() for q in p.split("-") if q) for p in parts]
    head = next(iter(_WORD.findall(following[:FOLLOWING])), "").lower()
    possessive = bool(_POSSESSIVE.search(words[-1])) or following.startswith(("'s", "’s"))
    if head in eponym_heads() and (any(listed) or possessive or len(parts) == 1):
        return True
    if any(listed) and parts[-1] in eponym_heads():
        return True  # "Cochrane Handbook", "Pearson correlation"
    if any(ok and _POSSESSIVE.search(w) for ok, w in zip(listed, words, strict=True)):
        return True  # "Pearson's chi-squared", "Bell's palsy"
    if all(listed):
        return len(parts) <= 2 or possessive
    if any(listed) and possessive:
        return True
    return any(listed) and "-" in name


def is_drug_or_gene(name: str) -> bool:
    words = _WORD.findall(name)
    return any(bare(w) in drugs() or _POSSESSIVE.sub("", w) in genes() for w in words)
