"""Shared helpers for detectors: building spans and looking for context words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from mslint.detector import IdentifierSpan


class Taken:
    """Character positions already claimed by a detector's spans: a byte mask, so the
    overlap test stays cheap however many spans a long text has."""

    __slots__ = ("_mask",)

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) == -1

    def covers(self, pos: int) -> bool:
        return self._mask[pos] == 1

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)


def windows(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged ranges around every match of ``anchor``: a costly pattern that must contain
    the anchor is then run only there (``pattern.finditer(text, lo, hi)``), not over the
    whole text."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


class Anchor:
    """Lower-case keywords a case-insensitive regex cannot match without."""

    __slots__ = ("pattern", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words
        self.pattern = re.compile("|".join(re.escape(w) for w in words))


def anchor(*words: str) -> Anchor:
    return Anchor(words)


def keyword_windows(text: str, keys: Anchor, before: int, after: int) -> list[tuple[int, int]]:
    """`windows` around the keywords of ``keys`` found in the lower-cased text: where a
    case-insensitive keyword regex can match. Plain substring tests first (most texts
    have none of the words); the whole text in the rare case where lower-casing changes
    its length."""
    low = lowered(text)
    if not any(w in low for w in keys.words):
        return []
    if len(low) != len(text):
        return [(0, len(text))]
    return windows(low, keys.pattern, before, after)


_NO_DIGITS = str.maketrans("", "", "0123456789")


@lru_cache(maxsize=8)
def digit_count(text: str) -> int:
    """How many ASCII digits ``text`` has (shared by the detectors, counted in C)."""
    return len(text) - len(text.translate(_NO_DIGITS))


def make_span(
    detector: str,
    category: str,
    text: str,
    start: int,
    end: int,
    confidence: float,
    **attrs: Any,
) -> IdentifierSpan:
    return IdentifierSpan(
        start=start,
        end=end,
        category=category,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
        detector=detector,
        text=text[start:end],
        attrs=tuple(sorted(attrs.items())),
    )


ANY_DIGIT = re.compile(r"\d")


class Gate:
    """A cheap test a detector runs before its costlier regexes: does any of ``words``
    occur in the text? Case-insensitive gates test the lower-cased text (shared between
    detectors) with plain substring tests, several times faster than a case-insensitive
    regex; case-sensitive gates use one literal alternation, which the regex engine skips
    through by first character."""

    __slots__ = ("_pattern", "words")

    def __init__(self, words: tuple[str, ...], case_sensitive: bool = False) -> None:
        self.words = tuple(w.lower() for w in words)
        self._pattern = (
            re.compile("|".join(re.escape(w) for w in words)) if case_sensitive else None
        )

    def search(self, text: str) -> bool:
        if self._pattern is not None:
            return self._pattern.search(text) is not None
        hay = lowered(text)
        return any(w in hay for w in self.words)


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text.lower()``, shared by the detectors that run one after another on a text."""
    return text.lower()


def gate(*words: str, case_sensitive: bool = False) -> Gate:
    return Gate(words, case_sensitive)


def near(text: str, start: int, end: int, pattern: re.Pattern[str], window: int = 48) -> bool:
    """Whether ``pattern`` occurs within ``window`` characters before or after a span."""
    return bool(
        pattern.search(text, max(0, start - window), start)
        or pattern.search(text, end, min(len(text), end + window))
    )


def before(text: str, start: int, pattern: re.Pattern[str], window: int = 48) -> bool:
    return bool(pattern.search(text, max(0, start - window), start))


#: Words that make a nearby candidate more likely to be about the patient (Presidio-style
#: context enhancement).
PATIENT_CONTEXT = re.compile(
    r"\b(?:patient|pt|subject|proband|case|man|woman|boy|girl|child|infant|baby|neonate|"
    r"husband|wife|partner|son|daughter|mother|father|sister|brother|grand(?:mother|father|son|"
    r"daughter)|aunt|uncle|cousin|relative|parents?|family|his|her|their|he|she|named|called|"
    r"admitted|presented|born|lives|resident)\b",
    re.IGNORECASE,
)
