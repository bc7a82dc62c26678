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
    """Every shared pre-test (keyword gates but the topic gates, digit tests, pre-test
    regexes) answers "maybe": detectors then run every regex they have, keyword windows
    still applying."""
    with pytest.MonkeyPatch.context() as patch:
        search = base.Gate.search
        patch.setattr(base.Gate, "search",
                      lambda self, text: self not in TOPIC_GATES or search(self, text))
        for module in DETECTOR_MODULES:
            for name, value in (
                ("has_digit", lambda text: True),
                ("may_have_digits", lambda text, n: True),
                ("digit_count", lambda text: len(text) + 100),
                ("has_spaced_capital", lambda text: True),
            ):
                if hasattr(module, name):
                    patch.setattr(module, name, value)
        # Regexes that only test whether a detector's costlier ones can match.
        patch.setattr(geography, "_POSTCODE_DIGITS", re.compile(""))
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
        assert geography._POSTCODE_DIGITS.search("no postcode")
        assert names.has_spaced_capital("nocapital")
    assert not geography._ZIP_GATE.search("no keyword here")
    assert not geography._POSTCODE_DIGITS.search("no postcode")
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


#: The plain forms of the patterns that test their word boundary or lookbehind after their
#: first character (``M(?<!\w.)r`` for ``\bMr``) so that the regex engine can skip ahead
#: to that character.
_NAME = r"[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)*"
PLAIN_FORMS = {
    names._TITLE_NAME: rf"\b(?P<title>Mr|Mrs|Ms|Miss|Mx|Master|Madam|Mme|Mlle)\.?\s+"
                       rf"(?P<name>{_NAME}(?:\s+{_NAME})?)",
    names._DR_NAME: rf"\b(?P<title>Dr|Prof|Professor|Doctor)\.?\s+(?P<name>{_NAME}(?:\s+{_NAME})?)",
    names._NAMED: rf"\b(?:named|called|nicknamed|known\s+as|name\s+(?:is|was))\s+[\"“']?"
                  rf"(?P<name>{_NAME}(?:\s+{_NAME})?)",
    names._APPOSITIVE: rf"(?<![\w.])(?P<name>{_NAME}(?:\s+{_NAME}){{1,2}}),\s+(?:an?|the)\s+"
                       r"(?:\d{1,3}[- ](?:year|month|week)s?[- ]old|retired|former|widowed|"
                       r"married|single|divorced|local)\b",
    names._CAPITALISED: r"(?<![\w.'’-])[A-Z][a-z]+(?![\w'’-])",
    names._INITIALS_AFTER: r"\b(?:[Pp]atient|[Pp]t\.?|Mr|Mrs|Ms|Miss|Master|Mx|[Bb]aby|[Ss]ubject"
                           r"|[Ii]nfant|[Pp]roband)\.?\s+(?P<ini>(?:[A-Z]\.\s?){1,3}(?![A-Za-z])"
                           r"|(?:[A-Z]\.\s?){1,2}[A-Z](?![\w.])|[A-Z]{2,3}(?![\w.]))",
    names._TITLE_INITIAL: r"\b(?:Mr|Mrs|Ms|Miss|Master|Mx)\.?\s+(?P<ini>[A-Z])(?![\w'’])\.?",
    ages._AGE_OLD: r"(?<![\w.])(?P<n>\d{1,3}(?:\.\d)?)[\s\-‐–]*(?P<unit>years?|yrs?|months?|mos?"
                   r"|weeks?|wks?|days?)[\s\-‐–]*(?:old|of\s+age)\b",
    ages._AGED: r"\b(?:aged?|age\s+of|age:|at\s+the\s+age\s+of|age\s+at\s+\w+(?:\s+\w+)?:?)\s*"
                r"(?P<n>\d{1,3})(?!\.\d|\s*(?:[-–]|to)\s*\d|\s*%|\d)"
                r"(?:\s*(?P<unit>years?|yrs?|months?|y))?",
    ages._YO: r"(?<![\w.])(?P<n>\d{1,3})\s*(?:y/o|y\.o\.|yo|yrs?\s+old|-?y-o)(?!\w)",
    ages._DECADE: r"\bin\s+(?:his|her|their|the)\s+(?:(?:early|mid|mid-|late)[\s-]*)?"
                  r"(?P<n>\d0)['’]?s\b|\bin\s+(?:his|her|their|the)\s+"
                  r"(?:(?:early|mid|mid-|late)[\s-]*)?(?P<w>twenties|thirties|forties|fifties"
                  r"|sixties|seventies|eighties|nineties)\b",
    ages._AGE_WORDS: r"\b(?P<w>nonagenarian|centenarian|supercentenarian)s?\b",
    dates._ISO: r"(?<![\w./-])(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])"
                r"(?:-(?P<day>0[1-9]|[12]\d|3[01]))?(?![\w/]|-\w|\.\d)",
    dates._NUMERIC: r"(?<![\w./:-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)"
                    r"(?P<year>(?:19|20)\d{2}|\d{2})(?![\w/]|[.\-]\d)",
    dates._MONTH_SLASH_YEAR: r"(?<![\w./:-])(?P<month>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d{2})"
                             r"(?![\w/]|[.\-]\d)",
    records._TEN_DIGITS: r"(?<![\w.,/-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w.,/-]|,\d)",
    records._SSN: r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])",
    records._IRAN_DASHED: r"(?<![\w-])\d{3}-\d{6}-\d(?![\w-])",
    contact._IPV4: r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|\.\d)",
    contact._IPV6: r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{1,4})*"
                   r"(?![\w:])",
    contact._PHONE_CANDIDATE: r"(?<![\w./-])(?:\+|00)?\(?\d[\d\s().\-]{5,18}\d(?![\w/]|[.-]\d)",
    devices._UK_PLATE: r"(?<![\w-])[A-Z]{2}\d{2}\s?[A-Z]{3}(?![\w-])",
    devices._VIN: r"(?<![\w-])(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])"
                  r"[A-HJ-NPR-Z0-9]{17}(?![\w-])",
    geography._POBOX: r"\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b",
    geography._ZIP_KEYWORD: r"\b(?:zip\s*code|postal\s+code|post\s*code|postcode|ZIP)\s*[:#]?\s*"
                            r"(?:was|is|of)?\s*([A-Z0-9]{2,5}(?:[- ][A-Z0-9]{3,4})?)\b",
    names._TITLE_GATE: r"\bM(?:rs?|s|iss|aster|adam|me|lle|x)\b",
    names._RELATIVE_NAME: r"\b(?:husband|wife|son|daughter|mother|father|brother|sister|partner"
                          r"|grandson|granddaughter|grandmother|grandfather|niece|nephew|aunt"
                          r"|uncle|fianc[ée]e?|boyfriend|girlfriend|stepfather|stepmother|twin"
                          r"|carer|caregiver|neighbou?r)\s*,?\s+"
                          rf"(?P<name>{_NAME}(?:\s+{_NAME})?)",
    dates._MONTH_DAY: rf"(?<![\w-]){dates._MONTH}\s+(?:the\s+)?{dates._DAY}(?![\w:]|\.\d)"
                      rf"(?:,?\s+{dates._YEAR}(?![\w-]))?",
    dates._MONTH_YEAR: rf"(?<![\w-]){dates._MONTH},?\s+(?:of\s+)?{dates._YEAR}(?![\w-])",
    dates._MONTH_ANCHOR: r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
    dates._NUMERIC_GATE: r"\d[/\-]\d|\d\.\d\d?\.\d",
    contact._URL: r"(?<![\w@/])(?:https?://|www\.)[^\s<>\"'()\[\]{}]+[^\s<>\"'()\[\]{}.,;:!?]",
    geography._STREET_TYPE: rf"\b(?:{geography._STREET_TYPES})\b",
    geography._FIVE_DIGITS: r"(?<!\d)\d{5}(?!\d)",
    geography._NAMED_STREET: r"\b(?:on|in|at|of)\s+(?:the\s+)?"
                             rf"((?:{geography._NAME_WORD}\s+){{1,2}}(?:Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace))\b",
    geography._RESIDENCE: r"\b(?:lives?|lived|living|resides?|resided|residing|resident|native"
                          r"|born|moved|relocated|grew\s+up)\s+(?:in|of|to|at|near|outside)\s+"
                          r"(?:the\s+)?(?:(?:small|rural|remote|coastal|mountain|fishing|farming)"
                          r"\s+)?(?:(?:village|town|city|suburb|hamlet|island|district)\s+"
                          r"(?:of|near|outside)\s+)?(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})",
    base.PATIENT_CONTEXT: r"\b(?:patient|pt|subject|proband|case|man|woman|boy|girl|child|infant"
                          r"|baby|neonate|husband|wife|partner|son|daughter|mother|father|sister"
                          r"|brother|grand(?:mother|father|son|daughter)|aunt|uncle|cousin"
                          r"|relative|parents?|family|his|her|their|he|she|named|called|admitted"
                          r"|presented|born|lives|resident)\b",
    contact._PHONE_CONTEXT: r"\b(?:tel|telephone|phone|phoned|mobile|cell|cellphone|landline|fax"
                            r"|call(?:ed)?|contact|number|reach|text(?:ed)?|pager|whatsapp)\b",
    contact._PERSONAL_URL: r"\b(?:patient|his|her|their|personal|blog|profile|account|posted"
                           r"|channel|vlog|page|social\s+media|facebook|instagram|tiktok|youtube"
                           r"|twitter|website\s+of|fundraiser|gofundme|crowdfunding)\b",
    devices._VEHICLE_CONTEXT: r"\b(?:car|vehicle|motorcycle|motorbike|truck|lorry|van|bus|taxi"
                              r"|plate|registration|driver|driving|collision|crash|accident)\b",
    geography._ADDRESS_CONTEXT: r"\b(?:lives?|lived|living|resides?|resided|resident|address|home"
                                r"|moved|born|from|street|road|avenue|village|town|city|county"
                                r"|district|postcode|post\s*code|zip)\b",
    names._RELATIVE_CONTEXT: r"\b(?:patient|husband|wife|son|daughter|mother|father|brother"
                             r"|sister|partner|relative|family|named|called)\b",
    records._NHS_CONTEXT: r"\b(?:NHS|H\s*&\s*C|CHI|health\s+and\s+care)\b",
    marks._ROOM: r"(?<![\w-])(?<!emergency )(?<!operating )(?<!delivery )(?<!recovery )"
                 r"(?<!waiting )(?:room|bed|bay|cubicle|ward)\s*(?:no\.?|number|#)?\s*"
                 r"(?P<n>\d{1,4}[A-Z]?|[A-Z]\d{1,3})(?![\w.]|\.\d)",
}
#: Characters where the rewritten forms could differ from the plain ones: a line break
#: after the first character, the start of the text, case folds (ſ s, ı İ i, K K).
EDGES = st.text(alphabet="ab19 0-./:'’(+\nMrDPpBbSsIiNnZzoxhtwWHJnuSeSTİıſKK", max_size=24)


def _matches(pattern: re.Pattern[str], text: str, pos: int) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("fast", list(PLAIN_FORMS), ids=lambda p: p.pattern[:30])
@settings(max_examples=400, deadline=None)
@given(text=st.one_of(TEXTS, EDGES), pos=st.integers(min_value=0, max_value=4))
def test_patterns_with_the_boundary_after_the_first_character_match_like_plain_ones(
    fast: re.Pattern[str], text: str, pos: int
) -> None:
    plain = re.compile(PLAIN_FORMS[fast], fast.flags)
    if plain.groups == 0:  # a context pattern: its keywords are groups only in the fast form
        assert [m.span() for m in fast.finditer(text, pos)] == [
            m.span() for m in plain.finditer(text, pos)
        ]
    else:
        assert _matches(fast, text, pos) == _matches(plain, text, pos)


def test_rewritten_patterns_give_the_engine_a_first_character_to_skip_to() -> None:
    from re import _compiler, _parser  # the compiler's own prefix analysis

    for fast in PLAIN_FORMS:
        tree = _parser.parse(fast.pattern, fast.flags)
        prefix = _compiler._get_literal_prefix(tree, tree.state.flags)[0]
        assert prefix or _compiler._get_charset_prefix(tree, tree.state.flags), fast.pattern


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.from_regex(r"[a-zA-Z][a-z]{0,3}", fullmatch=True), min_size=1, max_size=6),
    st.sampled_from([r"\w", r"[\w-]", r"[\w./-]"]),
    st.text(alphabet="abAB -./\n", max_size=30),
)
def test_words_at_boundary_matches_like_the_plain_alternation_after_its_lookbehind(
    words: list[str], not_after: str, text: str
) -> None:
    plain = re.compile(f"(?<!{not_after})(?:{'|'.join(words)})")
    fast = re.compile(base.words_at_boundary(tuple(words), not_after))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_at_boundary_refuses_a_word_that_begins_with_no_plain_letter() -> None:
    with pytest.raises(ValueError):
        base.words_at_boundary(("-x",))
    with pytest.raises(ValueError):
        base.words_at_boundary(("a?b",))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.text(max_size=40))
def test_digit_count_counts_the_ascii_digits_of_any_text(text: str) -> None:
    assert base.digit_count(text) == sum(ch in "0123456789" for ch in text)


def test_record_keyword_regex_matches_like_its_plain_alternation_of_named_keywords() -> None:
    keywords = [k for k, _ in records._KEYWORDS]
    plain = re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?P<k{i}>{k})" for i, k in enumerate(keywords)) + ")"
        + records._SEP + records._VALUE,
        re.IGNORECASE,
    )

    def found(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
        return [
            (m.span(), m.group("value"), [k for k, v in m.groupdict().items() if k[0] == "k" and v])
            for m in pattern.finditer(text)
        ]

    @settings(max_examples=1500, deadline=None)
    @given(st.one_of(TEXTS, EDGES))
    def same(text: str) -> None:
        assert found(records._KEYWORD_RE, text) == found(plain, text)

    same()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.from_regex(r"[a-zA-Z][a-zA-Z ]{0,3}", fullmatch=True), min_size=1, max_size=6),
    st.text(alphabet="abAB -\nİıſKK", max_size=30),
)
def test_keyword_alternation_matches_like_the_plain_ignore_case_alternation(
    keywords: list[str], text: str
) -> None:
    plain = re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?P<k{i}>{k})" for i, k in enumerate(keywords)) + ")",
        re.IGNORECASE,
    )
    fast = re.compile(base.keyword_alternation(tuple(keywords), r"[\w-]"), re.IGNORECASE)

    def found(pattern: re.Pattern[str]) -> list[tuple[object, ...]]:
        return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]

    assert found(fast) == found(plain)


def test_case_folds_are_every_character_an_ascii_letter_matches_ignoring_case() -> None:
    folds: dict[str, set[str]] = {}
    for ch in map(chr, range(0x110000)):
        if re.fullmatch("[a-z]", ch, re.IGNORECASE):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(letter, ch, re.IGNORECASE):
                    folds.setdefault(letter, set()).add(ch)
    assert folds == {letter: set(base.case_folds(letter)) for letter in folds}


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(TEXTS, st.text(alphabet="AnnaBob .-'’\n", max_size=40)),
    st.sets(st.sampled_from(["Anna", "Bob", "An", "Maria", "John", "Smith", "Ann", "Bo"])),
)
def test_capitalised_words_found_by_find_are_those_finditer_steps_through(
    text: str, words: set[str]
) -> None:
    stepped = [m.span() for m in names._CAPITALISED.finditer(text) if m.group() in words]
    assert names._capitalised_words_at(text, words) == stepped
