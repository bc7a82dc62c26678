"""Rules MS201-MS209 on Documents built in code: scoping (patient text vs author block,
references, acknowledgements, registration lines), filtering (eponyms, authors, cited
authors), block kinds, ruleset parameters, masking and rule metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Finding
from mslint.identifiers.authors import manuscript_names
from mslint.model import BlockKind, Document, Location, TextBlock
from mslint.plugins import Plugins
from mslint.rules.identifiers import IDENTIFIER_RULES

RULE_IDS = tuple(f"MS20{i}" for i in range(1, 10))
PLUGINS = Plugins(entry_point_plugins=False)


def engine(ruleset: str = "default", select: tuple[str, ...] = RULE_IDS) -> Engine:
    return Engine(Settings(ruleset=ruleset, select=select), PLUGINS)


def block(text: str, section: tuple[str, ...] = ("Case presentation",),
          kind: BlockKind = BlockKind.BODY, **attrs: object) -> TextBlock:
    return TextBlock(text, kind, Location(paragraph=1), section=section, attrs=dict(attrs))


def check(blocks: list[TextBlock], ruleset: str = "default",
          select: tuple[str, ...] = RULE_IDS, authors: tuple[str, ...] = ()) -> list[Finding]:
    document = Document(Path("case.docx"), "docx", blocks=blocks, authors=list(authors))
    return engine(ruleset, select).check_document(document, "case.docx").findings


def values(findings: list[Finding]) -> set[tuple[str, str | None, str | None]]:
    return {(f.rule_id, f.category, f.value) for f in findings}


MANUSCRIPT = [
    block("An unusual presentation of sarcoidosis: a case report", (), BlockKind.HEADING),
    block("Sara Ahmadi1, Laura Chen2 and Ali Rezaei1", ()),
    block("1 Department of Medicine, 55 Fruit Street, Boston, MA 02114. Email: "
          "s.ahmadi@univ.example.org; Tel: +44 113 496 0000", ()),
    block("Received: 12 March 2021; Accepted: 3 June 2021", ()),
    block("Abstract", ("Abstract",), BlockKind.HEADING),
    block("We report a 45-year-old woman with sarcoidosis.", ("Abstract",)),
    block("Mrs Jane Doe, a 92-year-old retired teacher (MRN 00482913), was admitted on "
          "12/03/2021 from a village near Leeds. Parkinson's disease and Hodgkin lymphoma "
          "were excluded. Ahmadi et al. [1] and Rossi and Bianchi [2] saw similar cases. "
          "On day 3 she improved; in 2019 she had been well."),
    block("Written consent was given by her husband, Peter.",
          ("Declarations", "Consent for publication")),
    block("Approved by the ethics committee (IR.TUMS.REC.1400.077) on 12 May 2020; trial "
          "NCT04512345.", ("Declarations", "Ethics approval")),
    block("We thank Dr Nasrin Tavakoli and Helen Gray for their care of the patient.",
          ("Acknowledgements",)),
    block("Supported by grant no. R01 HL123456.", ("Funding",)),
    block("Rossi M, Bianchi L. A case. BMJ Case Rep. 2020 Mar 12;13(3):e233456.",
          ("References",)),
]


def test_patient_identifiers_are_found_and_manuscript_parts_stay_silent() -> None:
    got = values(check(MANUSCRIPT))
    assert got == {
        ("MS201", "name", "Jane Doe"),
        ("MS201", "name", "Peter"),
        ("MS203", "mrn", "00482913"),
        ("MS205", "place", "Leeds"),
        ("MS206", "date", "12/03/2021"),
        ("MS207", "age", "92-year-old"),
    }


def test_byline_names_are_authors_not_patients_even_without_a_section() -> None:
    findings = check(MANUSCRIPT[:4])
    assert findings == []


def test_document_authors_are_not_patient_names() -> None:
    blocks = [block("Carl Skog reviewed the images of the patient.")]
    assert check(blocks, select=("MS201",)) != []
    assert check(blocks, select=("MS201",), authors=("Carl Skog",)) == []


def test_cited_surname_alone_is_dropped_but_a_titled_patient_with_it_is_not() -> None:
    blocks = [
        block("Rossi et al. reported this; later Mr Rossi, the patient, was admitted."),
        block("Rossi M, Bianchi L. A case. Lancet. 2020;3:4.", ("References",)),
    ]
    assert values(check(blocks, select=("MS201",))) == {("MS201", "name", "Rossi")}


def test_initials_of_authors_doing_the_review_are_not_patient_initials() -> None:
    text = ("One author (A.N.) conducted GRADE assessments and two reviewers (B.C. and D.E.) "
            "checked them. Patient J.S. was excluded.")
    assert values(check([block(text, ("Methods",))], select=("MS202",))) == {
        ("MS202", "initials", "J.S.")}


def test_compound_surnames_of_numbered_references_are_cited_authors() -> None:
    refs = [block("25 \tVigil-De Gracia P, García-Cáceres E. Dexamethasone in HELLP "
                  "syndrome. Int J Gynaecol Obstet 1997;59:217-221.", ("References",)),
            block("[3] van der Berg JH, Smith A. A title. Lancet. 2019;1:2.", ("References",))]
    document = Document(Path("a.docx"), "docx", blocks=refs)
    book = manuscript_names(document, byline_blocks=[], reference_blocks=refs)
    for name in ("Vigil-De Gracia", "Gracia", "P Vigil-De Gracia", "García-Cáceres",
                 "van der Berg", "Berg", "Smith"):
        assert book.covers(name), name
    assert not book.covers("Maria Gracia") and not book.covers("Vigil")


@pytest.mark.parametrize("text", [
    "Parkinson's disease, Crohn's disease and Hodgkin lymphoma were excluded.",
    "The Glasgow Coma Scale score was 14; Babinski and Kernig signs were absent.",
    "Apgar scores were 8 and 9; a Foley catheter and a Swan-Ganz catheter were placed.",
    "She received Herceptin and Keytruda; EGFR, KRAS and BRCA1 were tested.",
    "Bell's palsy, Cushing syndrome and Graves' disease were in the differential.",
])
def test_eponyms_drugs_and_genes_give_no_finding(text: str) -> None:
    assert check([block(text)]) == []


@pytest.mark.parametrize("text", [
    "Received 25 July 1997; Accepted 16 September 1997",
    "Trial registration: NCT04512345. Registered 3 August 2020.",
    "The study was approved by the institutional review board (IRB 2021-0345) on 12 March "
    "2021.",
    "Guidance is available at https://www.who.int/item (accessed 14 June 2022).",
    "On day 3 the fever settled, and in 2019 she moved; the 1990s protocol was used.",
])
def test_manuscript_lines_in_patient_sections_give_no_finding(text: str) -> None:
    assert check([block(text)]) == []


@pytest.mark.parametrize("kind", [
    BlockKind.COMMENT, BlockKind.TRACKED_DELETION, BlockKind.HIDDEN, BlockKind.ALT_TEXT,
    BlockKind.OCR, BlockKind.CAPTION, BlockKind.TABLE_CELL, BlockKind.FOOTNOTE,
])
def test_side_channel_and_legend_text_is_patient_text(kind: BlockKind) -> None:
    findings = check([block("MRN 00482913 admitted 12/03/2021", ("Discussion",), kind)])
    assert {f.category for f in findings} == {"mrn", "date"}


def test_metadata_blocks_are_left_to_the_document_properties_rule() -> None:
    assert check([block("MRN 00482913", (), BlockKind.METADATA, field="core:title")]) == []


def test_front_matter_blocks_keep_ages_but_not_author_contact_details() -> None:
    blocks = [block("A 94-year-old man: jroe@univ.example.org, 07700 900123", (),
                    front_matter="title")]
    assert {f.category for f in check(blocks)} == {"age"}


def test_messages_carry_a_placeholder_and_reports_mask_the_value() -> None:
    findings = check(MANUSCRIPT)
    assert findings
    for finding in findings:
        assert "{value}" in finding.message
        assert finding.value not in finding.render_message(show_values=False)
        assert finding.value in finding.render_message(show_values=True)


AGES = [block("A 92-year-old, a 47-year-old, a 45-year-old and a 12-year-old were seen.")]


@pytest.mark.parametrize(("ruleset", "expected"), [
    ("default", {"92-year-old"}),
    ("hipaa", {"92-year-old"}),
    ("radiopaedia", {"92-year-old", "47-year-old"}),
])
def test_age_rule_follows_the_ruleset(ruleset: str, expected: set[str]) -> None:
    found = {f.value for f in check(AGES, ruleset=ruleset, select=("MS207",))}
    assert found == expected


def test_iums_reports_an_age_only_in_combination_with_a_place_or_date() -> None:
    alone = [block("A 47-year-old man had sarcoidosis.")]
    combined = [block("A 47-year-old man who lives in Tabriz had sarcoidosis.")]
    assert check(alone, ruleset="iums", select=("MS207",)) == []
    assert {f.value for f in check(combined, ruleset="iums", select=("MS207",))} == {
        "47-year-old"}


def test_date_precision_parameter() -> None:
    blocks = [block("Seen in March 2021 and again on 12 May 2021.")]
    assert {f.value for f in check(blocks, select=("MS206",))} == {"March 2021", "12 May 2021"}
    document = Document(Path("c.md"), "markdown", blocks=blocks)
    eng = Engine(Settings(select=("MS206",),
                          rule_overrides={"MS206": {"min_precision": "day"}}), PLUGINS)
    assert {f.value for f in eng.check_document(document, "c.md").findings} == {"12 May 2021"}


def test_unknown_parameter_is_a_configuration_error() -> None:
    from mslint.config import ConfigError

    with pytest.raises(ConfigError):
        Engine(Settings(select=("MS207",), rule_overrides={"MS207": {"max_agee": 80}}), PLUGINS)


def test_rules_are_registered_with_catalogue_names_documentation_and_policies() -> None:
    names = {
        "MS201": "patient-name", "MS202": "patient-initials", "MS203": "record-number",
        "MS204": "contact-detail", "MS205": "geographic-detail", "MS206": "exact-date",
        "MS207": "age-detail", "MS208": "device-or-vehicle-id", "MS209": "distinctive-feature",
    }
    registered = {r.meta.id: r.meta for r in PLUGINS.rules if r.meta.id.startswith("MS2")}
    assert {k: m.name for k, m in registered.items()} == names
    for meta in (r.meta for r in IDENTIFIER_RULES):
        assert meta.doc.what and meta.doc.why and meta.doc.example and meta.doc.fix
        assert meta.doc.policies and meta.categories
        assert "min_confidence" in meta.parameters
    assert {d.name for d in PLUGINS.detectors} >= {"record-numbers", "phone", "dates", "ner"}
