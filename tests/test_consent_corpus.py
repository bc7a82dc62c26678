"""End to end: the consent development set (all four formats) scores at least 0.95
precision and recall per rule, and real manuscripts give only true findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.evaluate import evaluate
from mslint.plugins import Plugins
from shared_paths import REPO_ROOT

CONSENT_SET = REPO_ROOT / "corpus" / "consent"
RULES = ("MS101", "MS102", "MS103", "MS104", "MS105", "MS110")


def test_development_set_covers_four_formats_and_enough_variants() -> None:
    import importlib.util
    import json
    import sys

    spec = importlib.util.spec_from_file_location("consent_generate", CONSENT_SET / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate
    spec.loader.exec_module(generate)
    assert sum(1 for v in generate.VARIANTS if v.statement) >= 80
    assert sum(len(v.legends) for v in generate.VARIANTS) >= 40
    truth = json.loads((CONSENT_SET / "truth.json").read_text(encoding="utf-8"))
    assert truth["rules"] == list(RULES)
    formats = {Path(name).suffix for name in truth["files"]}
    assert formats == {".md", ".tex", ".docx", ".pdf"}
    for name in truth["files"]:
        assert (CONSENT_SET / name).is_file(), name


def test_every_consent_rule_scores_at_least_095_on_the_development_set() -> None:
    evaluation = evaluate([CONSENT_SET])
    for rule in RULES:
        tp, fp, fn, precision, recall = evaluation.by_rule.scores(rule)
        assert tp > 0, rule
        assert precision >= 0.95 and recall >= 0.95, (rule, tp, fp, fn, evaluation.misses)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(select=RULES), Plugins(entry_point_plugins=False))


@pytest.mark.parametrize("name", [
    "Submission-process-for-bmc-emergency-medicine-vohcolab-grhu/bmc_article.tex",
    "hellp_manuscript/manuscript.docx",
    "patients-in-shock-ofi/manuscript.docx",
    "patients-in-shock-ofi/manuscript.pdf",
    "good-enough-practices-in-scientific-computing/good-enough-practices-for-scientific-computing.tex",
])
def test_real_research_papers_and_reviews_need_no_consent_statement(realcorpus, engine, name):
    result = engine.check_file(realcorpus / name)
    assert [f.rule_id for f in result.findings] == []


def test_real_journal_template_instructions_are_reported_as_placeholders(realcorpus, engine):
    result = engine.check_file(realcorpus / "template-latex-springer-sn-jnl" / "sn-article.tex")
    assert [f.rule_id for f in result.findings] == ["MS105"]
    assert "include a statement" in (result.findings[0].snippet or "")
