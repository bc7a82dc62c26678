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
        self.pattern = re.compile(trie_alternation(words))


def trie_alternation(words: tuple[str, ...]) -> str:
    """A regex matching the same words as ``"|".join(words)``, factored by common
    prefixes ("ac(?:count|cession)"): the engine then tries one branch per distinct next
    character instead of every word at every position (3-4x faster on long texts).

    It chooses the longest word at a position where the plain alternation chooses the
    first listed; both agree when every word that begins with another comes before it in
    ``words``, otherwise the plain alternation is returned."""
    for i, short in enumerate(words):
        if any(long != short and long.startswith(short) for long in words[i + 1:]):
            return "|".join(re.escape(w) for w in words)
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(root)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


def words_at_boundary(words: tuple[str, ...], not_after: str = r"\w") -> str:
    """A regex matching as ``(?<!not_after)(?:w1|w2|...)`` does (``\\b(?:w1|w2|...)`` with
    the default), written first letter first: one branch per first letter (the words of a
    letter in their listed order), each testing what comes before after its letter
    (``S(?<!\\w.)(?:treet|t)``), so that the regex engine skips ahead to those letters.
    Each word is a regular expression that begins with a plain word character (not
    quantified): the boundary before it is then a word character not being before it, and
    ``.`` matches that character."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if not re.match(r"\w(?![?*+{])", word):
            raise ValueError(f"{word!r} does not begin with a plain word character")
        branches.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(
        re.escape(first) + f"(?<!{not_after}.)(?:" + "|".join(rests) + ")"
        for first, rests in branches.items()
    ) + ")"


#: The characters other than its two cases that an ASCII letter matches under
#: ``re.IGNORECASE`` (the engine's own case folds).
_EXTRA_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def case_folds(letter: str) -> str:
    """Every character an ASCII letter matches under ``re.IGNORECASE``: for a leading
    character set written case-sensitively (``(?-i:[...])``), which lets the regex engine
    skip ahead to it where an ignore-case letter would not."""
    low = letter.lower()
    return low + low.upper() + _EXTRA_FOLDS.get(low, "")


def keyword_alternation(keywords: tuple[str, ...], not_after: str) -> str:
    """An ignore-case regex matching as ``(?<!not_after)(?:(?P<k0>kw0)|(?P<k1>kw1)|...)``
    does (each keyword a regex beginning with a plain ASCII letter; group ``k<i>`` holds
    keyword ``i`` less its first letter): one leading case-sensitive character set, so
    that the engine skips ahead to a possible first letter, and only the keywords of that
    letter tried there, in their listed order."""
    branches: dict[str, list[str]] = {}
    for i, keyword in enumerate(keywords):
        if not re.match(r"[A-Za-z](?![?*+{])", keyword):
            raise ValueError(f"{keyword!r} does not begin with a plain ASCII letter")
        branches.setdefault(keyword[0].lower(), []).append(f"(?P<k{i}>{keyword[1:]})")
    firsts = "".join(case_folds(letter) for letter in branches)
    return f"(?-i:[{firsts}])(?<!{not_after}.)(?:" + "|".join(
        f"(?<=[{letter}])(?:" + "|".join(alternatives) + ")"
        for letter, alternatives in branches.items()
    ) + ")"


def context_words(*words: str) -> re.Pattern[str]:
    """``\\b(?:w1|w2|...)\\b`` ignoring case (words a span's surroundings are searched
    for), compiled as a `keyword_alternation` for the engine to skip ahead to first
    letters: about three times faster on the short windows `near` searches."""
    return re.compile(keyword_alternation(words, r"\w") + r"\b", re.IGNORECASE)


def anchor(*words: str) -> Anchor:
    return Anchor(words)


def keyword_windows(text: str, keys: Anchor, before: int, after: int) -> list[tuple[int, int]]:
    """`windows` around the keywords of ``keys`` found in the lower-cased text: where a
    case-insensitive keyword regex can match. Plain substring tests first (most texts
    have none of the words); the whole text in the rare case where lower-casing changes
    its length."""
    low = lowered(text)
    for w in keys.words:
        if w in low:
            break
    else:
        return []
    if len(low) != len(text):
        return [(0, len(text))]
    return windows(low, keys.pattern, before, after)


_ASCII_DIGITS = b"0123456789"


@lru_cache(maxsize=8)
def digit_count(text: str) -> int:
    """How many ASCII digits ``text`` has (shared by the detectors): the bytes its UTF-8 form
    loses when the digit bytes are deleted (``bytes.translate`` with a deletion set is a
    table lookup per byte, ten times faster than ``str.translate``; the bytes of a
    multi-byte character, and of a surrogate passed through, are never ASCII)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _ASCII_DIGITS))


def make_span(
    detector: str,
    category: str,
    text: str,
    start: int,
    end: int,
    confidence: float,
    **attrs: Any,
) -> IdentifierSpan:
    # Positional arguments, in field order: the dataclass builds a span faster so.
    return IdentifierSpan(
        start,
        end,
        category,
        round(min(1.0, max(0.0, confidence)), 3),
        detector,
        text[start:end],
        tuple(sorted(attrs.items())) if attrs else (),
    )


ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)
def has_digit(text: str) -> bool:
    """Whether ``text`` has a digit as ``\\d`` sees it (any Unicode decimal digit): the
    shared ASCII count when the text is ASCII (``isascii`` is free), else the regex."""
    if text.isascii():
        return digit_count(text) > 0
    return ANY_DIGIT.search(text) is not None


_SPACED_CAPITAL = re.compile(r"\s[\"“']?[A-Z]")


@lru_cache(maxsize=8)
def has_spaced_capital(text: str) -> bool:
    """Whether an ASCII capital follows white space (and maybe a quote) in ``text``: what a
    name after a cue word (a relative, "named", a title's patient word, a residence verb)
    needs. Half the blocks of a manuscript (labels, numbers, headings) have none."""
    return _SPACED_CAPITAL.search(text) is not None


def may_have_digits(text: str, n: int) -> bool:
    """Whether ``text`` can hold ``n`` digits as ``\\d`` sees them: the shared ASCII count
    decides for ASCII text; other text (Unicode digits) always may."""
    return not text.isascii() or digit_count(text) >= n


class Gate:
    """A cheap test a detector runs before its costlier regexes: does any of ``words``
    occur in the text? Plain substring tests in a loop (a regex alternation of literals
    gets no prefix skip from the engine and costs more on short texts); case-insensitive
    gates test the lower-cased text shared between detectors."""

    __slots__ = ("_hay", "words")

    def __init__(self, words: tuple[str, ...], case_sensitive: bool = False) -> None:
        self.words = words if case_sensitive else tuple(w.lower() for w in words)
        self._hay = _same if case_sensitive else lowered

    def search(self, text: str) -> bool:
        hay = self._hay(text)
        for w in self.words:  # a plain loop: half the cost of any() over a generator
            if w in hay:
                break
        else:
            return False
        return True


def _same(text: str) -> str:
    return text


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
PATIENT_CONTEXT = context_words(
    "patient", "pt", "subject", "proband", "case", "man", "woman", "boy", "girl", "child",
    "infant", "baby", "neonate", "husband", "wife", "partner", "son", "daughter", "mother",
    "father", "sister", "brother", "grand(?:mother|father|son|daughter)", "aunt", "uncle",
    "cousin", "relative", "parents?", "family", "his", "her", "their", "he", "she", "named",
    "called", "admitted", "presented", "born", "lives", "resident",
)
