"""The consent plugin: six rules with documentation citing the policies, parameters in
every shipped ruleset, and an import that does not load spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mslint.config import SHIPPED_RULESETS, Settings, load_ruleset, resolve_rules
from mslint.plugins import Plugins
from mslint.rules.consent import mslint_rules

EXPECTED = {
    "MS101": "consent-statement-missing",
    "MS102": "consent-not-for-publication",
    "MS103": "consent-statement-incomplete",
    "MS104": "consent-representative-missing",
    "MS105": "consent-placeholder",
    "MS110": "legend-consent-missing",
}


def test_plugin_provides_the_six_consent_rules_with_catalogue_names() -> None:
    assert {r.meta.id: r.meta.name for r in mslint_rules()} == EXPECTED


@pytest.mark.parametrize("rule", mslint_rules(), ids=lambda r: r.meta.id)
def test_every_rule_documents_itself_and_cites_a_policy(rule):
    doc = rule.meta.doc
    assert doc.what and doc.why and doc.example and doc.fix
    assert doc.policies
    assert {p.policy for p in doc.policies} <= {"iums", "radiopaedia", "gmc", "hipaa",
                                                 "image-guidance"}


def test_iums_clauses_cited_across_the_rules() -> None:
    cited = {p.clause for r in mslint_rules() for p in r.meta.doc.policies if p.policy == "iums"}
    assert {"1", "3.1", "3.2", "4", "6"} <= cited


@pytest.mark.parametrize("ruleset", SHIPPED_RULESETS)
def test_every_shipped_ruleset_configures_the_consent_rules_validly(ruleset):
    plugins = Plugins(entry_point_plugins=False)
    resolved = resolve_rules(Settings(ruleset=ruleset), load_ruleset(ruleset),
                             [r.meta for r in plugins.rules])
    assert resolved["MS101"].params["require_consent"] in ("always", "patient-content",
                                                           "identifiable")
    assert resolved["MS110"].params["images"] in ("photographs", "all")
    assert isinstance(resolved["MS103"].params["require"], list)


def test_iums_asks_for_the_editor_clause_and_radiopaedia_for_the_permission_id() -> None:
    assert "editor-on-request" in load_ruleset("iums").rules["MS103"]["require"]
    assert "permission-id" in load_ruleset("radiopaedia").rules["MS103"]["require"]


def test_importing_the_plugin_does_not_import_spacy_or_pillow() -> None:
    code = ("import sys, mslint.rules.consent; "
            "print(any(m == 'spacy' or m.startswith(('spacy.', 'PIL')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
