"""Property tests: text that is not a consent statement is never taken for consent to
publication, and no input makes the consent analysis fail."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consent_docs import Builder, check
from mslint.consent.classify import Purpose, Status
from mslint.consent.statements import NLP_COMPONENTS, classify_text, find_statements
from mslint.resources import DEFAULT_SPACY_MODEL, load_spacy

#: Clinical and publishing words, including ones that sit near consent statements
#: ("publication", "obtained", "patient", "written", "not"), but no word that names consent.
_VOCABULARY = (
    "the patient was admitted with fever and a rash publication of this report obtained "
    "written signed form editor journal surgery procedure study participants ethics committee "
    "not no never could be were unable declined waived required treatment "
    "mother father parents guardian next of kin representative images photographs published "
    "case presentation discussion on examination she he underwent biopsy histology CT MRI "
    "available request copies informed a an of for to from with and was is has had"
)
WORDS = tuple(_VOCABULARY.split())

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(
    lambda ws: " ".join(ws).capitalize() + ".")


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(DEFAULT_SPACY_MODEL, NLP_COMPONENTS)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(sentence, min_size=1, max_size=4).map(" ".join))
def test_text_without_consent_words_is_never_consent_to_publication(nlp, text):
    c = classify_text(text, nlp)
    assert not (c.for_publication and c.obtained)
    doc = Builder().heading("Case presentation").para(text).doc
    assert find_statements(doc, nlp) == []


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=0, max_size=300))
def test_any_text_in_a_consent_section_is_analysed_without_error(text):
    doc = Builder().heading("Case presentation").para("A 45-year-old woman presented.").heading(
        "Consent for publication").para(text or " ").doc
    for finding in check(doc):
        assert finding.rule_id in {"MS101", "MS102", "MS103", "MS104", "MS105", "MS110"}


_SUBJECTS = ("Consent for publication", "Written informed consent for publication",
             "Consent to publish this case", "Patient consent for publication",
             "Informed consent for publication of the images")
_VERBS = ("obtained", "given", "provided", "granted", "received", "documented")
_GIVERS = ("", " from the patient", " from the patient's mother", " from the next of kin",
           " from her legal representative")
_POSITIVE = ("was", "has been", "had been")
_NEGATIVE = ("was not", "could not be", "has not been", "was never", "cannot be")


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=st.sampled_from(_SUBJECTS), verb=st.sampled_from(_VERBS),
       giver=st.sampled_from(_GIVERS), positive=st.sampled_from(_POSITIVE),
       negative=st.sampled_from(_NEGATIVE))
def test_negating_a_publication_statement_flips_obtained_to_not_obtained(
        nlp, subject, verb, giver, positive, negative):
    yes = classify_text(f"{subject} {positive} {verb}{giver}.", nlp)
    no = classify_text(f"{subject} {negative} {verb}{giver}.", nlp)
    assert (yes.purpose, yes.status) == (Purpose.PUBLICATION, Status.OBTAINED), yes
    assert (no.purpose, no.status) == (Purpose.PUBLICATION, Status.NOT_OBTAINED), no
