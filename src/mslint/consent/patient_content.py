"""Does the manuscript describe a patient, and is that patient a child, deceased, or unable
to decide?

Case-report cues ("a 45-year-old woman presented", a "Case presentation" section, "our
patient") mark patient content; a methods paper, a review or a template has none. Cues in
background sections (Introduction, Discussion, References) and sentences citing others
("Smith et al. reported a 45-year-old man") do not count: they describe someone else's case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mslint.model import BlockKind, Document, TextBlock

_I = re.IGNORECASE

_AGE = (r"\b(?:a|an|the|our|this|aged)\s+"
        r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"[-\s](?P<unit>years?|yrs?|months?|weeks?|days?|hours?)(?:[-\s]old\b|\b(?=\s+of\s+age))")
_PERSON = (r"(?:(?:[a-z-]+\s+){0,3}?(?:man|woman|male|female|boy|girl|infant|neonate|child|baby|"
           r"patient|lady|gentleman|toddler|adolescent|teenager|newborn|primigravida|"
           r"multigravida)|(?:of\s+age\s+)?(?:presented|was\s+admitted|was\s+referred))\b")

_STRONG = (
    re.compile(_AGE + r"\s+" + _PERSON, _I),
    re.compile(r"\bwe\s+(?:present|report|describe|discuss)\s+(?:here\s+)?(?:a|an|the|two|three)"
               r"\s+(?:\w+\s+){0,4}?(?:case|patient|cases|patients)\b", _I),
    re.compile(r"\bour\s+patient\b", _I),
    re.compile(r"\bthe\s+patient\b(?:,[^.;]{1,60},)?\s+(?:presented|was\s+admitted|"
               r"was\s+referred|underwent)\b", _I),
    re.compile(r"\b(?:he|she)\s+(?:presented|was\s+admitted|was\s+referred|underwent|"
               r"complained|reported|denied)\b", _I),
)
_WEAK = (
    re.compile(r"\bthe\s+patient\s+(?:was|had|developed|reported|complained|received|died|"
               r"recovered|remained)\b", _I),
    re.compile(r"\bon\s+(?:admission|examination|physical\s+examination|arrival)\b", _I),
    re.compile(r"\b(?:past\s+medical|family|social)\s+history\b", _I),
    re.compile(r"\b(?:was|were)\s+(?:admitted|discharged)\b", _I),
    re.compile(r"\bat\s+(?:\d+[-\s](?:month|week|year)s?\s+)?follow[-\s]up\b", _I),
)
_CASE_SECTION = re.compile(
    r"\bcase\s+(?:presentation|report|description|history|summary|details|\d+)\b|^\s*case\s*$|"
    r"\bclinical\s+(?:presentation|history|course|case)\b|\bpatient\s+(?:information|history)\b",
    _I,
)
_BACKGROUND_SECTION = re.compile(
    r"\b(?:introduction|background|discussion|literature|review\s+of|references?|bibliography|"
    r"conclusions?|abstract|methods?|acknowledg\w*|declarations?|funding|competing|"
    r"conflicts?|author|consent|ethic\w*|data\s+availability)\b",
    _I,
)
_CITES_OTHERS = re.compile(r"\bet\s+al\b|\[\d+(?:[,–-]\s*\d+)*\]|\(\w+,?\s+(?:19|20)\d\d\)", _I)

#: Vulnerable subjects: (kind, pattern). Ages are checked separately.
_CHILD = re.compile(
    r"\b(?:a|an|the|our|this)\s+(?:\d+[-\s](?:month|week|day)s?[-\s]old\s+|preterm\s+|"
    r"premature\s+|(?:previously\s+)?healthy\s+|young\s+)?(?:infant|neonate|newborn|baby|"
    r"toddler|boy|girl|child|schoolboy|schoolgirl|adolescent|teenager|minor|"
    r"(?:paediatric|pediatric)\s+patient)\b",
    _I,
)
_DECEASED = re.compile(
    r"\b(?:(?:the\s+)?patient|he|she|the\s+(?:man|woman|boy|girl|infant|child|baby|neonate))\s+"
    r"(?:\w+\s+){0,2}?(?:died|passed\s+away|succumbed|was\s+pronounced\s+dead|expired)\b"
    r"|\b(?:autopsy|post-?mortem|necropsy)\b|\bdeceased\b|\bdeath\s+of\s+(?:the|our)\s+patient\b",
    _I,
)
_INCAPACITY = re.compile(
    r"\b(?:unconscious(?:ness)?|comatose|(?:in\s+a\s+)?coma\b|dementia|intubated\s+and\s+sedated|"
    r"sedated\s+and\s+(?:intubated|ventilated)|lack(?:ed|s|ing)?\s+(?:of\s+)?(?:decision[-\s]making"
    r"\s+)?capacity|(?:did\s+not|does\s+not|could\s+not)\s+have\s+capacity|unable\s+to\s+"
    r"(?:give\s+)?consent|vegetative\s+state|severe\s+(?:learning|intellectual)\s+disabilit\w+|"
    r"profound\s+(?:learning|intellectual)\s+disabilit\w+|minimally\s+conscious|"
    r"(?:glasgow\s+coma\s+scale|gcs)\s*(?:score\s*)?(?:of\s*)?[3-8]\b)",
    _I,
)
#: A death cue whose subject is a child ("the baby died"): about the patient only when the
#: patient is the child.
_CHILD_SUBJECT = re.compile(r"the\s+(?:boy|girl|infant|child|baby|neonate)\b", _I)
#: Incapacity that passes, and words saying it passed.
_TEMPORARY = re.compile(r"unconscious|coma|intubated|sedated|ventilated|gcs|glasgow", _I)
_RECOVERY = re.compile(
    r"\b(?:extubated|regained\s+consciousness|woke|awoke|recovered|discharged|returned\s+"
    r"(?:home|to\s+work)|neurologically\s+intact|made\s+a\s+full\s+recovery|"
    r"at\s+(?:\d+|one|two|three|six)[-\s](?:week|month|year)s?\s+follow[-\s]up)\b",
    _I,
)
_BEFORE_DEATH = re.compile(r"\b(?:before|prior\s+to)\s+(?:his|her|their|the\s+patient['’]s)\s+"
                           r"death\b", _I)
_RECOVERED = re.compile(r"\b(?:regained|recovered|after\s+recovery|once\s+(?:he|she)\s+"
                        r"(?:recovered|regained))\b", _I)


@dataclass(frozen=True, slots=True)
class Cue:
    """A piece of case text that says something about the patient."""

    kind: str
    block: TextBlock
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


def case_blocks(document: Document) -> Iterator[TextBlock]:
    """Visible running text that may describe the manuscript's own patient."""
    for block in document.blocks:
        if block.kind not in (BlockKind.BODY, BlockKind.CAPTION, BlockKind.TABLE_CELL,
                              BlockKind.TEXT_BOX, BlockKind.FOOTNOTE):
            continue
        if section_role(block.section) != "background":
            yield block


def section_role(section: tuple[str, ...]) -> str:
    """``case``, ``background`` or ``""``: decided by the innermost title that says either."""
    for title in reversed(section):
        if _CASE_SECTION.search(title):
            return "case"
        if _BACKGROUND_SECTION.search(title):
            return "background"
    return ""


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z(])", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _own_matches(pattern: re.Pattern[str], block: TextBlock) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in sentences that do not cite someone else's case."""
    for s, e in _sentences(block.text):
        sentence = block.text[s:e]
        if _CITES_OTHERS.search(sentence):
            continue
        yield from pattern.finditer(block.text, s, e)


def patient_content_cues(document: Document) -> list[Cue]:
    """Case-report cues; patient content when any strong cue or two different weak ones."""
    strong: list[Cue] = []
    weak: dict[int, Cue] = {}
    for block in case_blocks(document):
        if section_role(block.section) == "case" and not strong:
            strong.append(Cue("case-section", block, 0, min(len(block.text), 60)))
        for pattern in _STRONG:
            for m in _own_matches(pattern, block):
                strong.append(Cue("case", block, m.start(), m.end()))
        for i, pattern in enumerate(_WEAK):
            if i not in weak:
                for m in _own_matches(pattern, block):
                    weak[i] = Cue("case", block, m.start(), m.end())
                    break
    for block in document.blocks_of(BlockKind.HEADING):
        if _CASE_SECTION.search(block.text):
            strong.append(Cue("case-section", block, 0, len(block.text)))
    if strong:
        return strong
    return list(weak.values()) if len(weak) >= 2 else []


def has_patient_content(document: Document) -> bool:
    return bool(patient_content_cues(document))


def _age_is_child(m: re.Match[str]) -> bool:
    unit = m.group("unit").lower()
    if not unit.startswith("y"):
        return True
    n = m.group("n").lower()
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    value = words.get(n) if not n.isdigit() else int(n)
    return value is not None and value < 18


def vulnerable_cues(document: Document, skip: Iterable[tuple[int, int, int]] = ()) -> list[Cue]:
    """Cues that the patient is a child, has died, or lacks capacity to consent.

    ``skip`` holds ``(id(block), start, end)`` ranges (the consent statements themselves)
    whose words describe the consent, not the case. When the first age given is an adult's
    ("a 32-year-old woman"), children named later are relatives (the baby she delivered),
    not the patient. Temporary incapacity ("unconscious", "intubated and sedated") followed
    by recovery ("extubated", "discharged home") does not count.
    """
    skipped: dict[int, list[tuple[int, int]]] = {}
    for bid, s, e in skip:
        skipped.setdefault(bid, []).append((s, e))

    def kept(block: TextBlock, m: re.Match[str]) -> bool:
        return not any(s <= m.start() < e for s, e in skipped.get(id(block), ()))

    age = re.compile(_AGE, _I)
    found: list[Cue] = []
    first_age_adult: bool | None = None
    recovered_after: list[tuple[int, int]] = []
    blocks = list(case_blocks(document))
    order_of = {id(b): i for i, b in enumerate(blocks)}
    for order, block in enumerate(blocks):
        for m in _own_matches(age, block):
            if not kept(block, m):
                continue
            child = _age_is_child(m)
            if first_age_adult is None:
                first_age_adult = not child
            if child and not first_age_adult:
                found.append(Cue("child", block, m.start(), m.end()))
        for kind, pattern in (("child", _CHILD), ("deceased", _DECEASED),
                              ("incapacity", _INCAPACITY)):
            for m in _own_matches(pattern, block):
                if not kept(block, m):
                    continue
                if first_age_adult and (kind == "child" or _CHILD_SUBJECT.match(m.group(0))):
                    continue
                found.append(Cue(kind, block, m.start(), m.end()))
        recovered_after.extend((order, m.start()) for m in _RECOVERY.finditer(block.text))
    return [
        cue for cue in found
        if not (cue.kind == "incapacity" and _TEMPORARY.search(cue.text)
                and any((o, s) > (order_of[id(cue.block)], cue.start) for o, s in recovered_after))
    ]


def regained_capacity(text: str) -> bool:
    """The statement says consent was given after the patient recovered."""
    return bool(_RECOVERED.search(text))


def consented_before_death(text: str) -> bool:
    """The statement says the patient consented before dying."""
    return bool(_BEFORE_DEATH.search(text))
