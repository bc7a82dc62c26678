"""Classify one consent statement: what the consent was for, whether it was obtained, who
gave it, in what form, and whether copies are available to the editor.

The dependency parse scopes each consent word to its clause: the verb that governs it says
whether it was obtained, sought, refused or waived, and a negation (``not``, ``no``,
``without``, ``unable to``) counts only when it attaches to that verb or to the consent
word itself. So in "consent was obtained from the patient's mother, as the patient could
not consent", the negated second clause does not undo the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from mslint.consent import cues

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class Purpose(StrEnum):
    PUBLICATION = "publication"
    TREATMENT = "treatment"
    RESEARCH = "research"
    TEACHING = "teaching"
    UNSPECIFIED = "unspecified"


class Status(StrEnum):
    OBTAINED = "obtained"
    SOUGHT = "sought"
    NOT_OBTAINED = "not-obtained"
    WAIVED = "waived"
    NOT_APPLICABLE = "not-applicable"
    UNKNOWN = "unknown"


#: Statuses that say consent for publication is absent.
NEGATIVE = frozenset({Status.NOT_OBTAINED, Status.WAIVED, Status.NOT_APPLICABLE})

_EXPLICIT_PUBLICATION = re.compile(r"\bpubli(?:cation|sh\w*)\b", re.IGNORECASE)
_CLAUSE_DEPS = frozenset({"ROOT", "advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis",
                          "pcomp", "csubj", "csubjpass"})
_CLAUSE_CHILD_DEPS = frozenset({"advcl", "ccomp", "relcl", "parataxis", "conj", "csubj"})
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "mark", "csubj", "expl"})
_VERB_CHILD_DEPS = _OWN_CLAUSE_DEPS | {"dobj", "aux", "auxpass", "neg", "xcomp", "ccomp", "agent"}
_NOUN_TO_PRED_DEPS = frozenset({"nsubjpass", "nsubj", "dobj", "attr", "appos", "oprd",
                                "npadvmod", "conj", "acomp"})


@dataclass(frozen=True, slots=True)
class ConsentEvent:
    """One mention of consent in a clause, classified."""

    anchor: str
    purposes: frozenset[Purpose]
    status: Status
    givers: frozenset[str]


@dataclass(frozen=True, slots=True)
class Classification:
    """What a statement says about consent."""

    purpose: Purpose
    purposes: frozenset[Purpose]
    status: Status
    givers: frozenset[str]
    written: bool
    verbal: bool
    editor_available: bool
    online: bool
    print_only: bool

    @property
    def for_publication(self) -> bool:
        return self.purpose is Purpose.PUBLICATION

    @property
    def obtained(self) -> bool:
        return self.status in (Status.OBTAINED, Status.SOUGHT)

    @property
    def negative(self) -> bool:
        return self.status in NEGATIVE

    @property
    def from_representative(self) -> bool:
        return bool(self.givers & {"parent-guardian", "next-of-kin", "legal-representative"})


def purposes_in(text: str) -> frozenset[Purpose]:
    """Purposes named in ``text`` (empty when it names none)."""
    found: set[Purpose] = set()
    if cues.PURPOSE_PUBLICATION.search(text):
        found.add(Purpose.PUBLICATION)
    if cues.PURPOSE_TEACHING.search(text):
        found.add(Purpose.TEACHING)
    if cues.PURPOSE_RESEARCH.search(text):
        found.add(Purpose.RESEARCH)
    if cues.PURPOSE_TREATMENT.search(text):
        found.add(Purpose.TREATMENT)
    return frozenset(found)


def givers_in(text: str) -> frozenset[str]:
    """Who gave consent according to ``text``: patient and/or a representative."""
    found = {name for name, pattern in cues.GIVER_PATTERNS if pattern.search(text)}
    if "patient" in found and cues.RELATIVE_OF_PATIENT.search(text):
        rest = cues.RELATIVE_OF_PATIENT.sub(" ", text)
        if not cues.GIVER_PATTERNS[-1][1].search(rest):
            found.discard("patient")
    return frozenset(found)


def _is_anchor(tok: Token) -> bool:
    low = tok.lower_
    return low in cues.STRONG_ANCHORS or low in cues.WEAK_ANCHORS


def _clause_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s clause: its subtree without embedded clauses."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CLAUSE_CHILD_DEPS and child is not head and _is_clausal(child):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _is_clausal(tok: Token) -> bool:
    """A child that heads a clause of its own: it has a subject or a subordinating
    conjunction ("because", "as"), or, for a conjunct, any mark of a verb ("gave consent for
    surgery but declined consent for publication"). An infinitive of purpose ("to
    participate") does not."""
    deps = _VERB_CHILD_DEPS if tok.dep_ == "conj" else _OWN_CLAUSE_DEPS
    return any(c.dep_ in deps for c in tok.children)


def _predicate(anchor: Token) -> Token:
    """The word that says what happened to the consent: the governing verb or noun."""
    tok = anchor
    for _ in range(4):
        if tok.dep_ in ("compound", "amod", "acl") and tok.head is not tok:
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            prep = tok.head
            if prep.lower_ in ("without", "with"):
                return prep
            tok = prep.head
            if tok.lower_ in cues.WAIVE_WORDS or tok.lower_ in cues.REQUIRE_WORDS:
                return tok
            continue
        if tok.dep_ in _NOUN_TO_PRED_DEPS and tok.head is not tok:
            return tok.head
        break
    return tok


def _negated(anchor: Token, pred: Token) -> bool:
    """Whether a negation attaches to the consent word, its predicate or a governor."""
    for tok in (anchor, pred):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return True
            if child.dep_ == "prep" and child.lower_ == "without":
                return True
    if pred.lower_ == "without":
        return True
    gov = pred
    for _ in range(3):
        infinitive = gov.dep_ == "advcl" and not _is_clausal(gov) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in gov.children)
        if (gov.dep_ not in ("xcomp", "ccomp", "acomp", "pcomp", "prep", "pobj")
                and not infinitive) or gov.head is gov:
            break
        gov = gov.head
        if gov.lower_ in cues.NEG_GOVERNORS - {"could"} or gov.lower_ in cues.REFUSE_WORDS:
            return True
        if any(c.dep_ == "neg" for c in gov.children):
            return True
        if any(c.lower_ in ("unable", "impossible") for c in gov.children):
            return True
    return False


def _status(anchor: Token, pred: Token) -> Status:
    low = pred.lower_
    negated = _negated(anchor, pred)
    if low in cues.WAIVE_WORDS or any(c.lower_ in cues.WAIVE_WORDS for c in pred.children
                                      if c.dep_ in ("amod", "compound")):
        return Status.WAIVED
    if low == "applicable" or any(c.lower_ == "applicable" for c in pred.children):
        return Status.NOT_APPLICABLE if negated else Status.UNKNOWN
    if low in cues.REQUIRE_WORDS:
        return Status.WAIVED if negated else Status.UNKNOWN
    if low in cues.REFUSE_WORDS:
        return Status.NOT_OBTAINED
    if low in cues.SOUGHT_WORDS:
        return Status.NOT_OBTAINED if negated else Status.SOUGHT
    anchor_is_verb = anchor.lower_ in cues.VERB_ANCHORS
    if low in cues.OBTAIN_WORDS or anchor_is_verb or low in ("with", "without"):
        return Status.NOT_OBTAINED if negated else Status.OBTAINED
    if negated:
        return Status.NOT_OBTAINED
    return Status.UNKNOWN


def _clause_status(clause: Sequence[Token], anchor: Token) -> Status:
    """Fallback when the parse attaches the consent word oddly: the status words of its
    clause ("gave written informed consent" parsed with "gave" as an auxiliary)."""
    if cues.ON_FILE.search(_text(clause)):
        return Status.OBTAINED
    words = {t.lower_ for t in clause if t is not anchor}
    negated = any(t.dep_ == "neg" or t.lower_ in ("no", "without", "unable") for t in clause)
    if words & cues.WAIVE_WORDS:
        return Status.WAIVED
    if words & cues.REFUSE_WORDS:
        return Status.NOT_OBTAINED
    if words & (cues.OBTAIN_WORDS - {"has", "have", "had"}):
        return Status.NOT_OBTAINED if negated else Status.OBTAINED
    if words & cues.SOUGHT_WORDS:
        return Status.NOT_OBTAINED if negated else Status.SOUGHT
    return Status.UNKNOWN


def _text(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _event(anchor: Token) -> ConsentEvent | None:
    pred = _predicate(anchor)
    head = pred
    while head.dep_ not in _CLAUSE_DEPS and not (head.dep_ == "conj" and _is_clausal(head)) \
            and head.head is not head:
        head = head.head
    clause = _clause_tokens(head)
    text = _text(clause)
    local = _text(list(anchor.subtree))
    purposes = purposes_in(local) or purposes_in(text)
    if anchor.lower_ in cues.WEAK_ANCHORS and not purposes:
        return None
    if anchor.lower_ in cues.BODY_ANCHORS and cues.ETHICS_BODY.search(text):
        return None
    status = _status(anchor, pred)
    if status is Status.UNKNOWN:
        status = _clause_status(clause, anchor)
    return ConsentEvent(anchor=anchor.text, purposes=purposes, status=status,
                        givers=givers_in(text))


def events_in(sentences: Iterable[Span]) -> list[ConsentEvent]:
    """Every consent mention in the parsed sentences, classified by its clause."""
    out: list[ConsentEvent] = []
    for sent in sentences:
        for tok in sent:
            if _is_anchor(tok):
                event = _event(tok)
                if event is not None:
                    out.append(event)
    return out


def _pick(events: Sequence[ConsentEvent], default: Purpose | None) -> ConsentEvent | None:
    """The event that decides the statement: one about publication first, then one whose
    purpose is unstated, then any; within each, obtained before refused or waived."""

    if default is None and any(Purpose.PUBLICATION in e.purposes for e in events):
        # "consent for publication could not be given by the patient; consent was
        # therefore obtained from her daughter": the second mention is the same consent.
        default = Purpose.PUBLICATION

    def effective(e: ConsentEvent) -> frozenset[Purpose]:
        return e.purposes or (frozenset({default}) if default else frozenset())

    known = [e for e in events if e.status is not Status.UNKNOWN]
    for pool in (
        [e for e in known if Purpose.PUBLICATION in effective(e)],
        [e for e in known if not effective(e)],
        known,
    ):
        if pool:
            positive = [e for e in pool if e.status in (Status.OBTAINED, Status.SOUGHT)]
            return (positive or pool)[0]
    return events[0] if events else None


def classify(text: str, sentences: Sequence[Span], default_purpose: Purpose | None = None
             ) -> Classification:
    """Classify a statement from its text and its parsed sentences.

    ``default_purpose`` comes from where the statement stands (a "Consent for publication"
    section or label); an explicit purpose in the statement's own clause wins over it.
    """
    label = cues.LABEL.match(text)
    if label and label.group("what"):
        what = label.group("what").lower()
        default_purpose = (Purpose.PUBLICATION if what.startswith("publi")
                           else Purpose.TREATMENT if what == "treatment" else Purpose.RESEARCH)
    events = events_in(sentences)
    chosen = _pick(events, default_purpose)
    status = chosen.status if chosen else Status.UNKNOWN
    body = text[label.end():] if label else text
    if cues.NOT_APPLICABLE.search(body) and status in (Status.UNKNOWN, Status.OBTAINED) and \
            not cues.OBTAINED_TEXT.search(body):
        status = Status.NOT_APPLICABLE
    if status is Status.UNKNOWN and (default_purpose is not None or label) and \
            cues.OBTAINED_TEXT.search(body):
        status = Status.NOT_OBTAINED if cues.NEGATED_TEXT.search(body) else Status.OBTAINED
    all_purposes = frozenset(p for e in events for p in e.purposes)
    own = chosen.purposes if chosen and chosen.purposes else frozenset()
    if Purpose.TEACHING in own and not _EXPLICIT_PUBLICATION.search(text):
        purpose = Purpose.TEACHING
    elif Purpose.PUBLICATION in own or (not own and default_purpose is Purpose.PUBLICATION):
        purpose = Purpose.PUBLICATION
    elif own:
        purpose = _main_purpose(own)
    elif default_purpose is not None:
        purpose = default_purpose
    elif Purpose.PUBLICATION in all_purposes or _EXPLICIT_PUBLICATION.search(body):
        purpose = Purpose.PUBLICATION
    else:
        purpose = Purpose.UNSPECIFIED
    givers = chosen.givers if chosen else frozenset()
    if not givers and status in (Status.OBTAINED, Status.SOUGHT):
        givers = givers_in(body)
    return Classification(
        purpose=purpose,
        purposes=all_purposes | ({default_purpose} if default_purpose else frozenset()),
        status=status,
        givers=givers,
        written=bool(cues.WRITTEN.search(text)),
        verbal=bool(cues.VERBAL.search(text)),
        editor_available=bool(cues.EDITOR_AVAILABLE.search(text)),
        online=bool(cues.ONLINE.search(text)),
        print_only=bool(cues.PRINT_ONLY.search(text)),
    )


def _main_purpose(purposes: frozenset[Purpose]) -> Purpose:
    for p in (Purpose.TEACHING, Purpose.RESEARCH, Purpose.TREATMENT):
        if p in purposes:
            return p
    return Purpose.UNSPECIFIED
