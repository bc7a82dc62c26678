"""Consent statements in DOCX layouts built with python-docx and read by the real parser:
declarations in a table, a plain-text label, a footnote-free title page."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.plugins import Plugins

RULES = ("MS101", "MS102", "MS103", "MS104", "MS105", "MS110")
CASE = ("A 45-year-old woman presented with painful nodules on both shins. On examination, she "
        "had tender erythematous nodules.")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(select=RULES), Plugins(entry_point_plugins=False))


def _case(document: docx.document.Document) -> None:
    document.add_heading("Erythema nodosum", level=0)
    document.add_heading("Case presentation", level=1)
    document.add_paragraph(CASE)


def _rules(engine: Engine, path: Path) -> list[str]:
    return sorted(f.rule_id for f in engine.check_file(path).findings)


@pytest.mark.parametrize(("answer", "expected"), [
    ("Written consent was obtained from the patient.", []),
    ("Not applicable", ["MS102"]),
])
def test_declarations_table_cell_takes_its_label_from_the_row(tmp_path, engine, answer,
                                                              expected):
    document = docx.Document()
    _case(document)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Competing interests"
    table.cell(0, 1).text = "None"
    table.cell(1, 0).text = "Consent for publication"
    table.cell(1, 1).text = answer
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert _rules(engine, path) == expected


def test_plain_label_paragraph_gives_its_purpose_to_the_next_one(tmp_path, engine):
    document = docx.Document()
    _case(document)
    document.add_paragraph("Consent for publication")
    document.add_paragraph("Obtained in writing from the patient.")
    path = tmp_path / "label.docx"
    document.save(str(path))
    assert _rules(engine, path) == []


def test_statement_on_the_title_page_counts(tmp_path, engine):
    document = docx.Document()
    document.add_heading("Erythema nodosum", level=0)
    document.add_paragraph("Declaration: the patient gave written informed consent for "
                           "publication of this report.")
    document.add_heading("Case presentation", level=1)
    document.add_paragraph(CASE)
    path = tmp_path / "title.docx"
    document.save(str(path))
    assert _rules(engine, path) == []


def test_case_report_docx_without_consent_is_flagged(tmp_path, engine):
    document = docx.Document()
    _case(document)
    path = tmp_path / "none.docx"
    document.save(str(path))
    assert _rules(engine, path) == ["MS101"]
