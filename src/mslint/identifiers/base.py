"""Shared helpers for detectors: building spans and looking for context words."""

from __future__ import annotations

import re
from typing import Any

from mslint.detector import IdentifierSpan


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
