"""Clean-up of OCR line text before identifier detection.

The recogniser drops narrow spaces, so a header's ``12/03/2021 14:22`` can come back as
``12/03/202114:22``, which no date pattern with word boundaries matches. A complete date
glued to a following time gets its space back; other text is only whitespace-normalised.
"""

from __future__ import annotations

import re

_DMY_THEN_TIME = re.compile(r"(\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d)(?=\d{1,2}:\d\d)")
_YMD_THEN_TIME = re.compile(r"((?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2})(?=\d{1,2}:\d\d)")
_SPACES = re.compile(r"\s+")


def normalise_line(text: str) -> str:
    """One OCR line with single spaces and dates separated from glued times."""
    text = _SPACES.sub(" ", text).strip()
    text = _DMY_THEN_TIME.sub(r"\1 ", text)
    return _YMD_THEN_TIME.sub(r"\1 ", text)
