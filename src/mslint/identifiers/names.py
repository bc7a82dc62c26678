"""Personal names and initials.

Two detectors: `TitleNameDetector` (regular expressions, no model) finds names after a
title (Mr, Mrs, Ms, Miss; Dr and Prof only beside a patient or relative word), after a
relative ("her husband, John"), after "named"/"called", and initials used for a patient
("Patient J.S.", "Mr K."). `NerDetector` runs the spaCy NER pipeline (only the ``ner``
component: the same entities at twice the speed of the full pipeline) for PERSON names
and for places (GPE/LOC/FAC) named as where the patient lives or comes from.
Eponyms, drugs and genes are dropped here; authors and cited authors by `scope`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mslint.detector import DetectionContext, IdentifierSpan
from mslint.identifiers.base import (
    PATIENT_CONTEXT,
    Gate,
    context_words,
    gate,
    has_spaced_capital,
    make_span,
    near,
    words_at_boundary,
)
from mslint.identifiers.filters import FOLLOWING, is_drug_or_gene, is_eponym_use
from mslint.identifiers.lexicon import eponyms, given_names, large_regions

_NAME_TAIL = r"[a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)*"
_NAME = "[A-Z]" + _NAME_TAIL
_COMMON_CAPS = frozenset(re.split(r"\s+", (
    "The A An He She His Her It They Their This That These Those On In At To Of For And But Or "
    "Was Were Is Are Had Has Who Which When While After Before During Because Although However "
    "Patient Doctor Nurse Hospital Clinic Department Ward Room Bed Day Week Month Year Figure "
    "Table Case Consent Written Informed Both All No Not Also Then There Here"
)))
# The patterns begin with a letter and test the word boundary after it (``M(?<!\w.)`` is
# ``\bM``), so that the regex engine skips ahead to that letter instead of trying a match
# at every position of a long text.
_TITLE_NAME = re.compile(
    r"(?P<title>M(?<!\w.)(?:r|rs|s|iss|x|aster|adam|me|lle))\.?\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME})?)"
)
_DR_NAME = re.compile(
    r"(?P<title>D(?<!\w.)(?:r|octor)|P(?<!\w.)(?:rof|rofessor))\.?\s+"
    rf"(?P<name>{_NAME}(?:\s+{_NAME})?)"
)
_RELATIVES = (
    "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "partner",
    "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew", "aunt",
    "uncle", "fianc[ée]e?", "boyfriend", "girlfriend", "stepfather", "stepmother", "twin",
    "carer", "caregiver", "neighbou?r",
)
_RELATIVE_NAME = re.compile(
    words_at_boundary(_RELATIVES) + rf"\s*,?\s+(?P<name>{_NAME}(?:\s+{_NAME})?)"
)
_NAMED = re.compile(
    r"(?:n(?<!\w.)(?:amed|icknamed|ame\s+(?:is|was))|c(?<!\w.)alled|k(?<!\w.)nown\s+as)"
    rf"\s+[\"“']?(?P<name>{_NAME}(?:\s+{_NAME})?)"
)
# "Maria Gonzalez, a 45-year-old teacher": how case reports introduce their patient.
# Its names never give a letter back (possessive ``++``, ``*+``): what follows a name, a
# space or a comma, cannot continue one, so the matches are the same with far less
# backtracking at each of a long text's capitals.
_HELD_NAME_TAIL = r"[a-zà-ÿ]++(?:[-'’][A-Z]?[a-zà-ÿ]++)*+"
_APPOSITIVE = re.compile(
    rf"(?P<name>[A-Z](?<![\w.].){_HELD_NAME_TAIL}(?:\s++[A-Z]{_HELD_NAME_TAIL}){{1,2}}),\s+"
    r"(?:an?|the)\s+"
    r"(?:\d{1,3}[- ](?:year|month|week)s?[- ]old|retired|former|widowed|married|single|divorced"
    r"|local)\b"
)
_CAPITALISED = re.compile(r"[A-Z](?<![\w.'’-].)[a-z]+(?![\w'’-])")
_SURNAME_AFTER = re.compile(
    r"\s+(?:[A-Z]\.\s+)?(?P<last>(?:Mc|Mac|O['’]|Al-|El-|Van\s|De\s)?[A-Z][a-zà-ÿ]+"
    r"(?:-[A-Z][a-zà-ÿ]+)?)(?![\w-]|\s+(?:[A-Z]|et\s+al))"
)
_NOT_SURNAMES = frozenset(re.split(r"\s+", (
    "Hospital University Clinic Centre Center Institute College School Foundation Trust Street "
    "Road Avenue Lane Drive Syndrome Disease Sign Scale Score Test Unit Ward Department "
    "Medical Health Children Memorial General Royal County City Park House Church Island"
)))
_INITIALS_AFTER = re.compile(
    r"(?:P(?<!\w.)(?:atient|t\.?|roband)|p(?<!\w.)(?:atient|t\.?|roband)"
    r"|M(?<!\w.)(?:r|rs|s|iss|aster|x)|B(?<!\w.)aby|b(?<!\w.)aby|S(?<!\w.)ubject|s(?<!\w.)ubject"
    r"|I(?<!\w.)nfant|i(?<!\w.)nfant)\.?\s+"
    r"(?P<ini>(?:[A-Z]\.\s?){1,3}(?![A-Za-z])|(?:[A-Z]\.\s?){1,2}[A-Z](?![\w.])|[A-Z]{2,3}(?![\w.]))"
)
_TITLE_INITIAL = re.compile(r"M(?<!\w.)(?:r|rs|s|iss|aster|x)\.?\s+(?P<ini>[A-Z])(?![\w'’])\.?")
_BRACKETED_INITIALS = re.compile(r"\((?P<ini>(?:[A-Z]\.\s?){2,3})\)")
_NOT_INITIALS = frozenset(re.split(r"\s+", (
    "HIV ICU ED ER CT MRI ECG EEG EMG BP HR RR GP OR IV IM SC PO UK USA US NHS ID CPR DNR AF MI "
    "PE DVT TB COPD CKD AKI ALS MS PD AD GCS SLE RA IBD COVID"
)))
_INITIALS_WORDS = gate("atient", "Pt", "pt", "aby", "ubject", "nfant", "roband",
                       case_sensitive=True)
_TITLE_GATE = re.compile(r"M(?<!\w.)(?:rs?|s|iss|aster|adam|me|lle|x)\b")
_CUE_PATTERNS: tuple[tuple[re.Pattern[str], Gate], ...] = (
    (_RELATIVE_NAME, gate("husband", "wife", "son", "daughter", "mother", "father", "brother",
                          "sister", "partner", "grand", "niece", "nephew", "aunt", "uncle",
                          "fianc", "friend", "twin", "carer", "caregiver", "neighbo")),
    (_NAMED, gate("named", "called", "known as", "name")),
    (_APPOSITIVE, gate(", a ", ", an ", ", the ")),
)
#: All the cue words in one gate: most texts have none, and then one test replaces three.
_ANY_CUE = gate(*(w for _, cue in _CUE_PATTERNS for w in cue.words))
_CLINICIAN_BEFORE = re.compile(r"\b(?:Dr|Drs|Prof|Professor|Doctor|Nurse|Sister)\.?\s*$")
_NOT_A_NAME = re.compile(r"[+:;=&/@#()\[\]\d]|^[A-Z]\.\s+[A-Z][a-z]+$")
_ET_AL = re.compile(r"\s+(?:et\s+al|and\s+colleagues)\b")
_LEADING_TITLE = re.compile(r"(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor)\.?\s+")
_CITED_AFTER = re.compile(
    r"^\s*(?:et\s+al|and\s+colleagues|and\s+co-?workers|\(\d{4}|\[\d|,\s*\d{4})"
)
_RESIDENCE_BEFORE = re.compile(
    r"(?:\b(?P<cue>lives?|lived|living|resides?|resided|resident|native|born|moved|relocated|"
    r"home|hometown|village|town|city|suburb|county|district|neighbou?rhood|farm|from)\b"
    r"(?:\s+(?:in|of|at|to|near|outside|from))?(?:\s+(?:the|a|rural|urban|small|suburban|"
    r"remote))*\s*)$",
    re.IGNORECASE,
)
_RELATIVE_CONTEXT = context_words(
    "patient", "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister",
    "partner", "relative", "family", "named", "called",
)


_TRAILING = re.compile(r"(?:['’]s?|[.,;:])+$")


def _clean_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a possessive and trailing punctuation off a name span."""
    value = text[start:end]
    trimmed = _TRAILING.sub("", value)
    return start, start + len(trimmed)


class TitleNameDetector:
    name = "titles-initials"
    categories = ("name", "initials")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        titled = "M" in text and _TITLE_GATE.search(text) is not None
        if titled:
            yield from self._titled(text)
        if "Dr" in text or "Prof" in text or "Doctor" in text:
            yield from self._doctors(text)
        # The cued-name and initials patterns all need a capital after white space.
        spaced = has_spaced_capital(text)
        if spaced and _ANY_CUE.search(text):
            yield from self._cued(text, [p for p, cue in _CUE_PATTERNS if cue.search(text)])
        yield from self._given_names(text)
        cued = titled or (spaced and _INITIALS_WORDS.search(text))
        if cued or "(" in text:
            yield from self._initials(text, cued, titled)

    def _titled(self, text: str) -> Iterator[IdentifierSpan]:
        for m in _TITLE_NAME.finditer(text):
            s, e = _clean_name(text, *m.span("name"))
            if text[s:e].split()[0] in _COMMON_CAPS:
                continue
            eponym = is_eponym_use(text[s:e], text[e:e + FOLLOWING])
            if eponym and not near(text, s, e, PATIENT_CONTEXT, 30):
                continue
            yield make_span(self.name, "name", text, s, e, 0.9, title=m.group("title"),
                            role="person")

    def _doctors(self, text: str) -> Iterator[IdentifierSpan]:
        for m in _DR_NAME.finditer(text):
            s, e = _clean_name(text, *m.span("name"))
            if text[s:e].split()[0] in _COMMON_CAPS:
                continue
            related = bool(_RELATIVE_CONTEXT.search(text, max(0, m.start() - 40), m.start()))
            yield make_span(self.name, "name", text, s, e, 0.8 if related else 0.3,
                            title=m.group("title"), role="person" if related else "clinician")

    def _cued(self, text: str, patterns: list[re.Pattern[str]]) -> Iterator[IdentifierSpan]:
        for pattern in patterns:
            for m in pattern.finditer(text):
                s, e = _clean_name(text, *m.span("name"))
                first = text[s:e].split()[0]
                if first in _COMMON_CAPS or is_drug_or_gene(text[s:e]):
                    continue
                if first.lower() in large_regions():
                    continue
                if is_eponym_use(text[s:e], text[e:e + FOLLOWING]):
                    continue
                yield make_span(self.name, "name", text, s, e, 0.85, role="person")

    def _given_names(self, text: str) -> Iterator[IdentifierSpan]:
        listed = given_names().intersection(_CAPITALISED.findall(text))
        # Most texts: no listed given name, and no match objects built.
        for start, end in _capitalised_words_at(text, listed) if listed else ():
            m = _SURNAME_AFTER.match(text, end)
            if m is None:
                continue
            last = m.group("last")
            if last in _NOT_SURNAMES or last in _COMMON_CAPS or is_drug_or_gene(last):
                continue
            s, e = _clean_name(text, start, m.end())
            eponymous = last.lower() in eponyms() or is_eponym_use(text[s:e], text[e:e + FOLLOWING])
            yield make_span(self.name, "name", text, s, e, 0.5 if eponymous else 0.8,
                            role="person")

    def _initials(self, text: str, cued: bool, titled: bool) -> Iterator[IdentifierSpan]:
        """Initials after a patient word or a title (``cued``: one of those words is in the
        text), in brackets, and after a title alone (``titled``)."""
        seen: set[int] = set()
        for m in _INITIALS_AFTER.finditer(text) if cued else ():
            ini = m.group("ini")
            if ini.replace(".", "").replace(" ", "") in _NOT_INITIALS:
                continue
            s, e = m.span("ini")
            e = s + len(ini.rstrip())
            seen.add(s)
            yield make_span(self.name, "initials", text, s, e, 0.9)
        if "(" in text:
            for m in _BRACKETED_INITIALS.finditer(text):
                if m.start("ini") not in seen:
                    yield make_span(self.name, "initials", text, *m.span("ini"), 0.8)
        for m in _TITLE_INITIAL.finditer(text) if titled else ():
            s, e = m.span("ini")
            if s in seen:
                continue
            if text[e:e + 1] == ".":
                e += 1
            yield make_span(self.name, "initials", text, s, e, 0.9)


def _capitalised_words_at(text: str, words: set[str]) -> list[tuple[int, int]]:
    """Where ``_CAPITALISED`` finds one of ``words`` in ``text``, in text order, found with
    ``str.find`` rather than by stepping through every capitalised word (a long text has
    tens of thousands). A capitalised word begins only where no letter precedes it, so the
    matches ``finditer`` finds never overlap and each is the one ``match`` finds there."""
    found = []
    for word in words:
        at = text.find(word)
        while at != -1:
            m = _CAPITALISED.match(text, at)
            if m is not None and m.end() == at + len(word):
                found.append((at, m.end()))
            at = text.find(word, at + 1)
    found.sort()
    return found


class NerDetector:
    """PERSON names and residence places from the spaCy NER pipeline. Detector parameters:
    ``use_ner`` (default true)."""

    name = "ner"
    categories = ("name", "place")

    def detect(self, text: str, ctx: DetectionContext) -> Iterator[IdentifierSpan]:
        if not ctx.params.get("use_ner", True) or not any(ch.isupper() for ch in text):
            return
        # Line breaks inside a paragraph (PDF, hard-wrapped text) confuse the model; a space
        # keeps every offset.
        doc = ctx.resources.nlp(("ner",))(text.replace("\n", " "))
        for ent in doc.ents:
            before_ent = text[max(0, ent.start_char - 40):ent.start_char]
            lived_in = _RESIDENCE_BEFORE.search(before_ent)
            if ent.label_ == "PERSON" and not (lived_in and lived_in.group("cue") != "from"):
                span = self._person(text, ent.start_char, ent.end_char)
                if span is not None:
                    yield span
            elif ent.label_ in ("GPE", "LOC", "FAC", "PERSON"):
                span = self._place(text, ent.start_char, ent.end_char)
                if span is not None:
                    yield span

    def _person(self, text: str, start: int, end: int) -> IdentifierSpan | None:
        s, e = _clean_name(text, start, end)
        cited = _ET_AL.search(text, s, e)
        if cited:
            e = cited.start()
        lead = _LEADING_TITLE.match(text, s, e)
        if lead:
            s = lead.end()
        value = text[s:e]
        if len(value.replace(".", "").strip()) < 2:
            return None
        if len(value) < 2 or any(ch.isdigit() for ch in value) or not value[0].isupper():
            return None
        if value.isupper() and len(value) <= 5:
            return None
        if value.split()[0] in _COMMON_CAPS:
            return None
        if is_eponym_use(value, text[e:e + FOLLOWING]) or is_drug_or_gene(value):
            return None
        if _NOT_A_NAME.search(value):
            return None
        words = value.split()
        if len(set(words)) < len(words) or any(w.isupper() and len(w) > 1 for w in words):
            return None
        if cited or _CITED_AFTER.match(text[e:e + 20]):
            return make_span(self.name, "name", text, s, e, 0.2, role="cited")
        if _CLINICIAN_BEFORE.search(text[max(0, s - 12):s]) or (
            lead and lead.group(1).lower().startswith(("dr", "prof", "doc"))
        ):
            related = bool(_RELATIVE_CONTEXT.search(text, max(0, s - 50), s))
            return make_span(self.name, "name", text, s, e, 0.8 if related else 0.3,
                             role="person" if related else "clinician")
        context = near(text, s, e, PATIENT_CONTEXT, 40)
        if len(text.strip()) < 60 and not context:
            # A short line made mostly of the entity is a heading or a label, not prose.
            return make_span(self.name, "name", text, s, e, 0.45, role="person")
        if " " not in value:
            # A lone capitalised word is as often a sentence-initial noun ("Haemoglobin
            # was...") as a first name: only report it beside a patient word.
            return make_span(self.name, "name", text, s, e, 0.7 if context else 0.45,
                             role="person")
        confidence = 0.85 if context else 0.7
        return make_span(self.name, "name", text, s, e, confidence, role="person")

    def _place(self, text: str, start: int, end: int) -> IdentifierSpan | None:
        s, e = _clean_name(text, start, end)
        value = text[s:e]
        if value.lower().removeprefix("the ") in large_regions():
            return None
        if not _RESIDENCE_BEFORE.search(text[max(0, s - 40):s]):
            return None
        return make_span(self.name, "place", text, s, e, 0.8)
