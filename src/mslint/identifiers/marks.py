"""Distinctive features named in text or legends: tattoos, piercings, jewellery,
birthmarks, and room / bed numbers (IUMS §4 asks for them to be cropped out or consented)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import anchor, gate, has_digit, keyword_windows, make_span

_FEATURE = re.compile(
    r"\b(?:tattoo(?:s|ed|ing)?|piercings?|pierced\s+\w+|body\s+piercing|"
    r"jewel(?:le)?ry|necklaces?|earrings?|nose\s+(?:ring|stud)|wedding\s+(?:ring|band)|"
    r"bracelets?|pendants?|lip\s+(?:ring|stud)|birth\s*marks?|port[- ]wine\s+stains?|"
    r"(?:café|cafe)[- ]au[- ]lait\s+(?:spots?|macules?)|"
    r"branding\s+scar|gold\s+(?:tooth|teeth|crown))\b",
    re.IGNORECASE,
)
_FEATURE_STEMS = anchor("tattoo", "pierc", "jewel", "necklace", "earring", "ring", "stud",
                      "bracelet", "pendant", "birth", "wine", "lait", "branding", "gold")
_ROOM_GATE = gate("room", "bed", "bay", "cubicle", "ward")
_ROOM = re.compile(
    r"[rbcw](?<![\w-].)(?<!emergency .)(?<!operating .)(?<!delivery .)(?<!recovery .)"
    r"(?<!waiting .)(?:(?<=r)oom|(?<=b)ed|(?<=b)ay|(?<=c)ubicle|(?<=w)ard)\s*"
    r"(?:no\.?|number|#)?\s*(?P<n>\d{1,4}[A-Z]?|[A-Z]\d{1,3})(?![\w.]|\.\d)",
)


class DistinctiveFeatureDetector:
    name = "distinctive-features"
    categories = ("distinctive-feature",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        spans = keyword_windows(text, _FEATURE_STEMS, 12, 30)
        for lo, hi in spans:
            for m in _FEATURE.finditer(text, lo, hi):
                yield make_span(self.name, "distinctive-feature", text, m.start(), m.end(),
                                0.85, kind="mark")
        if not has_digit(text) or not _ROOM_GATE.search(text):
            return
        for m in _ROOM.finditer(text):
            yield make_span(self.name, "distinctive-feature", text, m.start(), m.end(), 0.8,
                            kind="room")
