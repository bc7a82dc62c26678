"""Findings, severities and the masking every reporter goes through.

A rule reports the raw matched text in ``Finding.value`` and writes ``{value}`` where the
value belongs in its message. Reporters never print ``value`` directly: they call
``Finding.render_message`` / ``render_snippet``, which mask it unless values were asked for.
Fingerprints are hashes that never contain the value.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from mslint.model import Location


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= fail_on`` is meaningful."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def sarif_level(self) -> str:
        return {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return {"info": cls.INFO, "note": cls.INFO, "warning": cls.WARNING, "error": cls.ERROR}[
                text.strip().lower()
            ]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_TOKEN = re.compile(r"[^\W_]+")


def mask_value(value: str, category: str | None = None) -> str:
    """Mask an identifier so a report shows its shape but not its content.

    Words keep their first letter (``John Smith`` -> ``J*** S****``); numbers and codes that
    mix letters and digits, and single letters (initials), are masked whole
    (``AB12 CDE`` -> ``**** C**``, ``J.S.`` -> ``*.*.``); separators stay.
    In dates a four-digit year is kept, since a year alone is not an identifier
    (``12/03/2021`` -> ``**/**/2021``).
    """

    def repl(m: re.Match[str]) -> str:
        tok = m.group(0)
        if category == "date" and _YEAR.match(tok):
            return tok
        if tok.isalpha() and len(tok) > 1 and category != "date":
            return tok[0] + "*" * (len(tok) - 1)
        return "*" * len(tok)

    return _TOKEN.sub(repl, value)


@dataclass(slots=True)
class Finding:
    """One thing a rule found.

    ``message`` may contain ``{value}``; ``snippet`` is the text around the finding, and
    ``value_span`` the value's place in it. ``logical_location`` names the part of the
    manuscript (``Figure 2 legend``, ``Consent for publication``).
    """

    rule_id: str
    message: str
    severity: Severity
    path: str
    location: Location
    category: str | None = None
    value: str | None = None
    snippet: str | None = None
    value_span: tuple[int, int] | None = None
    logical_location: str | None = None
    fix: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)
    mask_also: tuple[str, ...] = ()

    def render_message(self, show_values: bool) -> str:
        shown = self.value if show_values else mask_value(self.value or "", self.category)
        text = self.message.replace("{value}", shown or "")
        return text if show_values else self._mask_others(text)

    def render_snippet(self, show_values: bool) -> str | None:
        """The context around the finding, with this value (and others found nearby) masked."""
        if self.snippet is None:
            return None
        text = self.snippet
        if self.value_span and not show_values:
            s, e = self.value_span
            text = text[:s] + mask_value(text[s:e], self.category) + text[e:]
        return text if show_values else self._mask_others(text)

    def _mask_others(self, text: str) -> str:
        for other in sorted(set(self.mask_also), key=len, reverse=True):
            if other and other in text:
                text = text.replace(other, mask_value(other))
        return text

    def fingerprint(self) -> str:
        """Stable across runs; built from hashes, never from the value itself."""
        loc = self.location
        where = "|".join(
            str(x)
            for x in (
                loc.line,
                loc.paragraph,
                loc.page,
                loc.part,
                loc.source,
                self.logical_location,
            )
        )
        value_hash = hashlib.sha256((self.value or "").encode("utf-8")).hexdigest()
        raw = "\x1f".join((self.rule_id, self.path, where, self.category or "", value_hash))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (
            self.path,
            loc.source or "",
            loc.page or 0,
            loc.paragraph or 0,
            loc.line or 0,
            loc.column or 0,
            self.rule_id,
        )
