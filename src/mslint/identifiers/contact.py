"""Contact details: telephone and fax numbers (``phonenumbers``, region-aware), e-mail
addresses, URLs and IP addresses."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import before, context_words, digit_count, make_span, near

DEFAULT_PHONE_REGIONS = ("GB", "US", "IR", "AU", "CA", "IE", "IN", "DE", "FR")

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])"
)
_URL = re.compile(
    r"(?-i:[HhWw])(?<![\w@/].)(?:(?<=[Hh])ttps?://|(?<=[Ww])ww\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]",
    re.IGNORECASE,
)
_IPV4 = re.compile(r"\d(?<![\w.].)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w.]|\.\d)")
_IPV6 = re.compile(
    r"[0-9A-Fa-f](?<![\w:].)[0-9A-Fa-f]{0,3}:(?:[0-9A-Fa-f]{1,4}:){1,6}[0-9A-Fa-f]{0,4}"
    r"(?::[0-9A-Fa-f]{1,4})*(?![\w:])"
)
_PHONE_CANDIDATE = re.compile(
    r"[+(\d](?<![\w./-].)(?:(?<=\+)\(?\d|(?<=0)0\(?\d|(?<=\()\d|(?<=\d))"
    r"[\d\s().\-]{5,18}\d(?![\w/]|[.-]\d)"
)
_PHONE_CONTEXT = context_words(
    "tel", "telephone", "phone", "phoned", "mobile", "cell", "cellphone", "landline", "fax",
    "call(?:ed)?", "contact", "number", "reach", "text(?:ed)?", "pager", "whatsapp",
)
_TRUNK_PREFIX = re.compile(r"0\d{2,4}[\s-]")
_SSN_SHAPE = re.compile(r"\d{3}-\d{2}-\d{4}")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ ,.]\d{3})+")
_FAX = re.compile(r"\bfax\b", re.IGNORECASE)
_VERSION = re.compile(r"\b(?:version|v|ver\.?|release|firmware|build)\s*$", re.IGNORECASE)
_DATEISH = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{2,4}$")
_PERSONAL_URL = context_words(
    "patient", "his", "her", "their", "personal", "blog", "profile", "account", "posted",
    "channel", "vlog", "page", r"social\s+media", "facebook", "instagram", "tiktok", "youtube",
    "twitter", r"website\s+of", "fundraiser", "gofundme", "crowdfunding",
)


class ContactDetector:
    """E-mail, URL and IP addresses."""

    name = "contact"
    categories = ("email", "url", "ip")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if "@" in text:
            for m in _EMAIL.finditer(text):
                yield make_span(self.name, "email", text, m.start(), m.end(), 0.95)
        if "www." in text or "http" in text or "WWW." in text:
            for m in _URL.finditer(text):
                personal = near(text, m.start(), m.end(), _PERSONAL_URL, 80)
                conf = 0.85 if personal else 0.4
                yield make_span(self.name, "url", text, m.start(), m.end(), conf)
        if text.count(".") >= 3:
            yield from self._ipv4(text)
        if text.count(":") >= 2:
            for m in _IPV6.finditer(text):
                try:
                    ipaddress.IPv6Address(m.group())
                except ValueError:
                    continue
                yield make_span(self.name, "ip", text, m.start(), m.end(), 0.8)


    def _ipv4(self, text: str) -> Iterator[IdentifierSpan]:
        for m in _IPV4.finditer(text):
            try:
                ipaddress.IPv4Address(m.group())
            except ValueError:
                continue
            if not before(text, m.start(), _VERSION, 12):
                yield make_span(self.name, "ip", text, m.start(), m.end(), 0.8)


class PhoneDetector:
    """Telephone and fax numbers, validated by ``phonenumbers`` for the configured regions
    (detector parameter ``phone_regions``); international ``+`` numbers for any region."""

    name = "phone"
    categories = ("phone",)

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if digit_count(text) < 7:
            return
        regions: Sequence[str] = ctx.params.get("phone_regions", DEFAULT_PHONE_REGIONS)
        for m in _PHONE_CANDIDATE.finditer(text):
            raw = m.group().rstrip(" .-(")
            start = m.start()
            if raw.startswith("(") and ")" not in raw[:6]:
                raw, start = raw[1:], start + 1
            if _SSN_SHAPE.fullmatch(raw) or raw.count("(") != raw.count(")"):
                continue
            if "." in raw and (" " in raw or any(len(g) < 2 for g in raw.split("."))):
                continue
            digits = sum(map(str.isdigit, raw))
            if digits < 7 or digits > 15 or _DATEISH.match(raw.strip()):
                continue
            if "  " in raw or "\n" in raw or _IPV4.fullmatch(raw):
                continue
            context = near(text, start, start + len(raw), _PHONE_CONTEXT, 40)
            if not context and _THOUSANDS.fullmatch(raw):
                continue
            trunk = raw.startswith(("+", "(")) or bool(_TRUNK_PREFIX.match(raw))
            if not context and not trunk:
                # A bare run of digits with no phone word nearby is a record number, a count
                # or a code far more often than a telephone number.
                continue
            region = _valid_region(raw, regions)
            if region is None:
                continue
            confidence = 0.95 if context else 0.75
            kind = "fax" if before(text, start, _FAX, 30) else "phone"
            yield make_span(self.name, "phone", text, start, start + len(raw), confidence,
                            region=region, kind=kind)


@cache
def _phonenumbers() -> Any:
    """The ``phonenumbers`` module, keeping every metadata regex it compiles (the regions'
    patterns otherwise fall out of the ``re`` module's bounded cache and are compiled
    again; releases before the switch existed simply lack it)."""
    import phonenumbers

    getattr(phonenumbers, "enable_pattern_cache", lambda: None)()
    return phonenumbers


def _valid_region(raw: str, regions: Sequence[str]) -> str | None:
    phonenumbers = _phonenumbers()
    candidate = "+" + raw[2:] if raw.startswith("00") else raw
    for region in regions if not candidate.startswith("+") else (None,):
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        # ``is_valid_number`` is ``is_valid_number_for_region`` for the region that
        # ``region_code_for_number`` finds (a walk over every region of a shared calling
        # code such as +1 or +44): that region is the one reported, so find it once.
        code = phonenumbers.region_code_for_number(number)
        if phonenumbers.is_valid_number_for_region(number, code):
            return code or region or "ZZ"
    return None
