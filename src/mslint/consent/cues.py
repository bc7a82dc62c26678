"""Word lists and patterns for consent statements, shared by finding and classifying.

Patterns are matched case-insensitively against one sentence or clause at a time.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: Words that make a sentence a candidate consent statement (the keyword prefilter).
CANDIDATE = re.compile(
    r"\b(?:consent\w*|assent\w*|permission|agree[ds]?|agreement|authori[sz]\w*"
    r"|approv\w*\s+(?:for|of|to)\s+(?:the\s+)?publi\w*|release\s+form|permission\s+id)\b",
    _I,
)

#: Anchor words that always name consent.
STRONG_ANCHORS = frozenset(
    {"consent", "consents", "consented", "consenting", "assent", "assents", "assented"}
)
#: Anchor words that name consent only when the clause says what for ("agreed to publication").
WEAK_ANCHORS = frozenset(
    {"permission", "agree", "agreed", "agrees", "agreement", "authorisation", "authorization",
     "authorised", "authorized", "authorising", "authorizing", "authorise", "authorize",
     "approval", "approved"}
)
#: Anchors that are themselves the verb saying consent was given.
VERB_ANCHORS = frozenset(
    {"consented", "consents", "assented", "agreed", "agree", "agrees", "approved", "authorised",
     "authorized", "authorising", "authorizing"}
)

#: Anchors that also name an institution's decision ("ethics approval"), not consent.
BODY_ANCHORS = frozenset({"approval", "approved", "authorisation", "authorization", "authorised",
                          "authorized", "authorising", "authorizing", "permission"})
ETHICS_BODY = re.compile(r"\b(?:ethic\w*|committee|board|irb|institution\w*|hospital|trust|"
                         r"caldicott|department|copyright|publisher)\b", _I)

#: What the consent was for. Checked on the clause of each consent word.
PURPOSE_PUBLICATION = re.compile(
    r"\bpubli(?:cation|sh\w*|cise)\b|\bbe\s+published\b|\breport(?:ing)?\s+(?:of\s+)?(?:this|the|"
    r"her|his|their)\s+(?:case|condition|story|details)|\b(?:use|reproduction|inclusion|"
    r"reporting|sharing)\s+of\s+(?:(?:the|these|this|his|her|their|all)\s+)?(?:\w+\s+)?(?:images?|"
    r"photo\w*|pictures?|data|details|information|case|video\w*|clinical\s+details)\b"
    r"|\bpublication\s+consent\b|\bcase\s+report\b|\b(?:for|to|of)\s+(?:this|the)\s+"
    r"(?:case\s+)?report\b",
    _I,
)
PURPOSE_TREATMENT = re.compile(
    r"\b(?:surgery|surgical|operation|operative|procedure\w*|treatment|therapy|anaesthe\w*|"
    r"anesthe\w*|biopsy|transfusion|intervention|chemotherapy|resection|amputation|"
    r"endoscopy|examination|vaccination|management|to\s+undergo|admission|catheteri[sz]ation|"
    r"injection|implant\w*|excision|laparotomy|thoracotomy|transplant\w*)\b",
    _I,
)
PURPOSE_RESEARCH = re.compile(
    r"\b(?:participat\w*|participants?|take\s+part|enrol\w*|inclusion\s+in\s+(?:the|this)\s+"
    r"(?:study|trial|registry)|(?:the|this)\s+(?:study|trial|registry|research)|research|"
    r"subjects?\s+involved|volunteers?|cohort|biobank|data\s+collection)\b",
    _I,
)
#: NHS/GMC consent levels below publication: "record only", "teaching".
PURPOSE_TEACHING = re.compile(
    r"\b(?:teaching|education(?:al)?\s+(?:use|purposes?)|training\s+purposes?|examination\s+"
    r"purposes?|level\s*[12]\b|records?\s+only|for\s+the\s+(?:medical|clinical)\s+record)",
    _I,
)
#: Consent that covers online/internet publication (GMC/NHS level 4).
ONLINE = re.compile(
    r"\b(?:online|on\s+the\s+internet|internet|electronic\w*|worldwide|world-wide|open[-\s]access"
    r"|level\s*4|all\s+(?:forms|media)|in\s+print\s+and\s+online|digital)\b",
    _I,
)
PRINT_ONLY = re.compile(r"\b(?:level\s*3|printed\s+(?:materials?|journals?)|print\s+only)\b", _I)

#: Who gave consent.
GIVER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("parent-guardian", re.compile(
        r"\b(?:parents?|mother|father|guardians?|legal\s+guardians?|caregivers?|carers?|"
        r"parental)\b", _I)),
    ("next-of-kin", re.compile(
        r"\b(?:next[-\s]of[-\s]kin|family|families|relatives?|wife|husband|spouse|widow\w*|son|"
        r"daughter|sister|brother|sibling|partner|children\s+of\s+the\s+(?:deceased|patient)|"
        r"closest\s+relative|bereaved|estate)\b", _I)),
    ("legal-representative", re.compile(
        r"\b(?:legal(?:ly)?\s+(?:authori[sz]ed\s+|acceptable\s+)?representatives?|legal\s+"
        r"proxy|proxy|power\s+of\s+attorney|surrogate|decision[-\s]maker|court[-\s]appointed|"
        r"deputy|advocate|authori[sz]ed\s+representatives?|substitute\s+decision)\b", _I)),
    ("patient", re.compile(
        r"\b(?:(?:the|our|each|both|all|this)\s+patients?|patients?['’]s?\s+(?:own\s+)?"
        r"(?:written\s+|informed\s+|verbal\s+)*consent|patient\s+consent|the\s+(?:individual|"
        r"participant|subject|person|man|woman|lady|gentleman)s?|from\s+(?:him|her)(?:self)?"
        r"(?=\s*(?:[.,;:)]|$|for\b|to\b|before\b|after\b|in\b))|(?:he|she|they)\s+(?:gave|has\s+given|have\s+given|provided|signed|consented|"
        r"agreed)|himself|herself|individuals?\s+(?:described|shown|depicted))\b", _I)),
)
_REPRESENTATIVE_NOUNS = (
    r"(?:parents?|mother|father|guardians?|caregivers?|carers?|next[-\s]of[-\s]kin|family|"
    r"relatives?|wife|husband|spouse|widow(?:er)?|son|daughter|sister|brother|sibling|partner|"
    r"(?:legal\s+)?representatives?|proxy|power\s+of\s+attorney|surrogate|decision[-\s]maker|"
    r"advocate|deputy)"
)
#: "the patient's mother": the patient is named but the giver is the relative.
RELATIVE_OF_PATIENT = re.compile(
    r"\bpatient['’]s\s+(?:[\w-]+\s+){0,2}?" + _REPRESENTATIVE_NOUNS + r"\b", _I
)

WRITTEN = re.compile(r"\b(?:written|in\s+writing|signed|signature|consent\s+forms?|"
                     r"secure\s+digital)\b", _I)
VERBAL = re.compile(r"\b(?:verbal(?:ly)?|oral(?:ly)?|spoken)\b", _I)

#: Copies of the consent available to the editor on request (IUMS 3.2).
EDITOR_AVAILABLE = re.compile(
    r"\b(?:available|provided|produced|shown|supplied)\s+(?:\w+\s+){0,6}?(?:to|for|by|upon|on)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,3}?(?:editor\w*|editorial\w*|journal|request|inspection|review)"
    r"|\bon\s+(?:reasonable\s+)?request\b|\bupon\s+request\b|\beditor(?:-in-chief)?\s+(?:can|may)"
    r"\s+(?:request|review|see|inspect)",
    _I,
)

PERMISSION_ID = re.compile(r"\bpermission\s+id\s*[:#]?\s*(?P<value>[^\n]*)", _I)

#: Status words: the verb (or noun) that governs a consent word.
OBTAIN_WORDS = frozenset(
    {"obtained", "obtain", "obtaining", "given", "give", "gave", "giving", "provided", "provide",
     "signed", "sign", "received", "receive", "granted", "grant", "secured", "acquired",
     "documented", "got", "taken", "recorded", "gained", "collected", "confirmed", "held",
     "has", "have", "had", "agreed", "consented", "assented", "express", "expressed"}
)
SOUGHT_WORDS = frozenset({"sought", "seek", "requested", "asked"})
REFUSE_WORDS = frozenset(
    {"declined", "refused", "withheld", "withdrew", "withdrawn", "denied", "revoked",
     "unavailable", "impossible", "lacking", "lacked", "missing", "absent"}
)
WAIVE_WORDS = frozenset({"waived", "waive", "waiver", "exempted", "exempt", "exemption",
                         "dispensed", "omitted"})
REQUIRE_WORDS = frozenset({"required", "require", "needed", "need", "necessary", "mandatory",
                           "requirement", "essential", "indicated"})
#: Words above a consent verb that negate it: "unable to obtain", "failed to get".
NEG_GOVERNORS = frozenset({"unable", "failed", "fail", "impossible", "refused", "declined",
                           "could", "not", "without", "lost"})

NOT_APPLICABLE = re.compile(r"\bnot\s+applicable\b|(?:^|[:\s])n/?a\.?\s*$|\bnone\s+(?:required|"
                            r"needed)\b|\bnot\s+relevant\b", _I)
#: "The consent form is on file": held by the authors, so obtained.
ON_FILE = re.compile(r"\bon\s+file\b|\bheld\s+(?:by|with)\b|\bretained\s+by\b", _I)
#: Text-only fallbacks when the parse gives no status.
OBTAINED_TEXT = re.compile(r"\b(?:obtained|given|signed|granted|received|provided|"
                           r"consented|agreed)\b", _I)
NEGATED_TEXT = re.compile(
    r"\b(?:not|never|no|unable|could\s*n[o']t|without|neither|nor|failed|refused|declined)\b",
    _I,
)

#: A label at the start of a statement: "Consent for publication:", "Patient consent -".
LABEL = re.compile(
    r"^\s*(?:(?:patient|informed|written)\s+)?(?:consent|permission)(?:\s+(?:for|to)\s+"
    r"(?P<what>publication|publish|participate|treatment|participation))?"
    r"(?:\s+statement)?\s*[:.\-–—]\s*",
    _I,
)

#: Section titles under which a paragraph is a consent statement whatever its words.
CONSENT_SECTION = re.compile(
    r"^\s*(?:[\dIVX]+(?:\.\d+)*\.?\s+)?(?:"
    r"(?:(?:patient|patients['’]?|informed|written|parental)\s+)?(?:consent|permission)"
    r"(?:\s+(?:for|to)\s+(?:publication|publish|participate|participation))?"
    r"(?:\s+(?:statement|declaration|form))?"
    r"|(?:ethics|ethical)\s+(?:approval\s+)?(?:and|&)\s+(?:informed\s+)?consent"
    r"(?:\s+to\s+participate)?"
    r"|(?:informed\s+)?consent\s+(?:and|&)\s+ethic\w*(?:\s+approval)?"
    r"|declaration\s+of\s+(?:patient\s+)?consent"
    r"|patient\s+(?:consent|permission)\s+(?:for|to)\s+publication"
    r")\s*[:.]?\s*$",
    _I,
)
PUBLICATION_SECTION = re.compile(r"\bpubli(?:cation|sh)\b|\bpatient\s+consent\b", _I)
RESEARCH_SECTION = re.compile(r"\bparticipat\w*\b|\bethic\w*\b", _I)
