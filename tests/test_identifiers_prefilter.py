"""The cheap tests detectors run before their regexes (digit counts, keyword gates) only
skip work: with them switched off, each detector finds exactly the same spans. (Keyword
windows, which bound where a keyword regex runs, are not switched off here: a window
cuts a pathological 25-letter word after "pierced" short, by design.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers import (
    ages,
    base,
    contact,
    dates,
    devices,
    geography,
    marks,
    names,
    records,
)
from mslint.identifiers.plugin import regex_detectors
from mslint.resources import Resources

CTX = DetectionContext(Resources())
DETECTOR_MODULES = (ages, contact, dates, devices, geography, marks, names, records)

#: Phrasings of the development set, so that generated text reaches the detectors' inner
#: branches (keywords, titles, units, months, street types) and not only their gates.
PHRASES = (
    "MRN", "medical record number", "hospital no.", "UR number", "case no", "patient ID",
    "NHS number", "H&C", "CHI number", "SSN", "social security", "national code",
    "kod-e melli", "passport number", "insurance ID", "Medicare number", "account no",
    "driving licence", "certificate number", "tel", "phone", "fax", "mobile", "called",
    "+44", "+1", "020 7946", "(555)", "00 98", "@", "mail@example.org", "www.", "http://",
    "192.168.0.1", "fe80::1", "Street", "St.", "Road", "Flat 2", "Apt", "P.O. Box", "lives in",
    "born in", "moved to", "village of", "ZIP", "postcode", "CA", "NY", "SW1A 1AA", "M13 9PL",
    "January", "Mar", "May", "Sept.", "the 3rd of", "12th", "2021", "1998", "'98", "year-old",
    "years old", "aged", "age of", "y/o", "yrs", "in her", "nineties", "90s", "nonagenarian",
    "months", "weeks", "serial", "S/N", "lot", "batch no", "UDI", "IMEI", "VIN", "plate",
    "registration", "car", "crash", "tattoo", "pierced ear", "birthmark", "wedding ring",
    "room", "bed", "ward", "bay", "Mr", "Mrs", "Ms.", "Dr", "Prof", "husband", "son",
    "daughter", "named", "known as", ", a ", ", the ", "Patient", "Baby", "J.S.", "K.",
    "(A.B.)", "pt", "Pt.", "subject", "proband", "infant", "accession no", "chart #",
    "Medicaid", "billing no", "member ID", "U.R.", "HID", "Mx", "Miss", "Madam", "Master",
    "Doctor", "Professor", "nurse", "wife", "grandson", "neighbour", "caregiver", "nicknamed",
    "name is", "retired", "local", "Anna-Marie O’Brien", "McDonald", "ages", "AGE", "Y/O",
    "Twenties", "mid-", "early", "late", "DOB", "Dec.", "JUNE", "of", "Suite 4", "Ave",
    "Blvd.", "Hwy", "Lane", "Rd", "Grove", "GIR 0AA", "EC1A 1BB", "TX 75001", "zip code",
    "Box 12", "SN", "s/n", "device ID", "mac address", "licence plate", "reg. no", "tag number",
    "driver", "taxi", "ward 5", "bay", "cubicle", "emergency room", "necklace", "gold tooth",
    "port-wine stain", "café-au-lait spots", "HTTP://", "WWW.", "a@b.co", "ﬁ", "İ", "ß", "K",
    "Maria", "John", "Smith", "Gonzalez", "Parkinson's", "disease", "et al",
    "patient", "her", "his", "Hospital", "café", "Ümit", "–", "’s", "\n",
)
TOKENS = st.one_of(
    st.sampled_from(PHRASES),
    st.from_regex(r"[0-9]{1,12}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}[-/. ][0-9]{1,4}([-/. ][0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[A-Z]{1,3}[0-9]{1,6}[A-Z]{0,3}", fullmatch=True),
    st.sampled_from(list(".,;:-/()#'\"+&%")),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4),
)
SEPARATORS = st.sampled_from(["", " ", " ", " ", ", ", ": ", "-", "\n", "  "])
TEXTS = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=24).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


#: Gates that decide what is looked for, not only where: a 17-character VIN is reported
#: only in text about a vehicle.
TOPIC_GATES = (devices._VEHICLE_GATE,)


@contextmanager
def prefilters_off() -> Iterator[None]:
    """Every shared pre-test (keyword gates but the topic gates, digit tests) answers
    "maybe": detectors then run every regex they have, keyword windows still applying."""
    with pytest.MonkeyPatch.context() as patch:
        search = base.Gate.search
        patch.setattr(base.Gate, "search",
                      lambda self, text: self not in TOPIC_GATES or search(self, text))
        for module in DETECTOR_MODULES:
            for name, value in (
                ("has_digit", lambda text: True),
                ("may_have_digits", lambda text, n: True),
                ("digit_count", lambda text: len(text) + 100),
            ):
                if hasattr(module, name):
                    patch.setattr(module, name, value)
        yield


def spans(text: str) -> list[IdentifierSpan]:
    return [s for d in regex_detectors() for s in d.detect(text, CTX)]


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_prefiltered_detectors_find_the_same_spans_as_unfiltered_ones(text: str) -> None:
    filtered = spans(text)
    with prefilters_off():
        unfiltered = spans(text)
    assert filtered == unfiltered


def test_switching_prefilters_off_reaches_the_detector_modules() -> None:
    # Without this the property test above could compare a detector with itself.
    with prefilters_off():
        assert geography._ZIP_GATE.search("no keyword here")
        assert records.digit_count("no digits") >= 9
        assert dates.has_digit("none")
    assert not geography._ZIP_GATE.search("no keyword here")
    assert records.digit_count("no digits") == 0


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.sampled_from(PHRASES), min_size=1, max_size=6))
def test_gate_answers_like_a_regex_alternation_of_its_words(
    text: str, words: list[str]
) -> None:
    sensitive = base.gate(*words, case_sensitive=True)
    insensitive = base.gate(*words)
    alternation = "|".join(re.escape(w) for w in words)
    assert sensitive.search(text) == bool(re.search(alternation, text))
    assert insensitive.search(text) == bool(re.search(alternation.lower(), text.lower()))


@given(TEXTS, st.integers(min_value=0, max_value=12))
def test_digit_prefilters_never_deny_digits_the_regex_engine_sees(text: str, n: int) -> None:
    unicode_digits = len(re.findall(r"\d", text))
    assert base.has_digit(text) == (unicode_digits > 0)
    if unicode_digits >= n:
        assert base.may_have_digits(text, n)


@pytest.mark.parametrize("text", ["seen pt JS today", "pt J.S. was seen"])
def test_initials_after_a_lowercase_pt_without_full_stop_pass_the_initials_gate(
    text: str,
) -> None:
    # The regex accepts "pt" with or without a full stop; the gate once asked for "pt.".
    assert [s.category for s in spans(text)] == ["initials"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="abc &.", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="abc &.x", max_size=60),
)
def test_trie_alternation_finds_what_the_plain_alternation_finds(
    words: list[str], text: str
) -> None:
    plain = re.compile("|".join(re.escape(w) for w in words))
    trie = re.compile(base.trie_alternation(tuple(words)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(\+|00|\()?[0-9][0-9 ()\-]{5,16}[0-9]", fullmatch=True))
def test_phone_region_lookup_answers_like_is_valid_number(raw: str) -> None:
    import phonenumbers

    def by_is_valid_number(raw: str) -> str | None:
        candidate = "+" + raw[2:] if raw.startswith("00") else raw
        for region in contact.DEFAULT_PHONE_REGIONS if not candidate.startswith("+") else (None,):
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return phonenumbers.region_code_for_number(number) or region or "ZZ"
        return None

    assert contact._valid_region(raw, contact.DEFAULT_PHONE_REGIONS) == by_is_valid_number(raw)
