"""Configuration layering, rule selection like ruff, and one-line errors for bad config."""

from __future__ import annotations

from pathlib import Path

import pytest

from mslint.config import (
    ConfigError,
    Ruleset,
    Settings,
    apply_project_config,
    load_ruleset,
    load_settings,
    resolve_rules,
)
from mslint.findings import Severity
from mslint.plugins import PLUGIN_RULES, Plugins
from mslint.rule import RuleDoc, RuleMeta

DOC = RuleDoc(what="w", why="y", example="e", fix="f")
METAS = [
    RuleMeta("MS201", "patient-name", "s", Severity.ERROR, DOC, parameters={"min_confidence": 0.5}),
    RuleMeta("MS206", "exact-date", "s", Severity.ERROR, DOC),
    RuleMeta("MS207", "age-detail", "s", Severity.WARNING, DOC),
    RuleMeta("MS401", "document-properties", "s", Severity.WARNING, DOC),
]
#: Every rule id the catalogue knows (shipped rulesets may configure any of them).
KNOWN = [r.meta.id for r in Plugins(entry_point_plugins=False).rules] + [
    r.rule_id for r in PLUGIN_RULES
]


BASE_RULESET = Ruleset(name="base", title="test", select=("ALL",), ignore=(), rules={})


def resolve(settings: Settings, ruleset: Ruleset = BASE_RULESET):
    """Resolve against the four test rules above (not the registered ones)."""
    return resolve_rules(settings, ruleset, METAS, known_ids=KNOWN)


def test_all_rules_run_by_default_with_their_default_severity() -> None:
    resolved = resolve(Settings())
    assert all(r.enabled for r in resolved.values())
    assert resolved["MS207"].severity is Severity.WARNING


def test_select_and_ignore_work_by_prefix_and_the_more_specific_code_wins() -> None:
    resolved = resolve(Settings(select=("MS2",), ignore=("MS206",)))
    assert [k for k, v in resolved.items() if v.enabled] == ["MS201", "MS207"]


def test_rules_can_be_selected_by_name() -> None:
    resolved = resolve(Settings(select=("exact-date",)))
    assert [k for k, v in resolved.items() if v.enabled] == ["MS206"]


def test_project_config_overrides_ruleset_severity_and_parameters(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text('name = "base"\n', encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mslint]\nruleset = "base.toml"\nfail-on = "warning"\nignore = ["MS401"]\n'
        '[tool.mslint.rules.MS201]\nseverity = "warning"\nmin_confidence = 0.8\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.ruleset == "base.toml" and settings.fail_on is Severity.WARNING
    resolved = resolve(settings, load_ruleset(str(tmp_path / settings.ruleset)))
    assert resolved["MS201"].severity is Severity.WARNING
    assert resolved["MS201"].params["min_confidence"] == 0.8
    assert not resolved["MS401"].enabled


def test_mslint_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\nruleset = "hipaa"\n', encoding="utf-8")
    (tmp_path / ".mslint.toml").write_text('ruleset = "iums"\n', encoding="utf-8")
    assert load_settings(tmp_path).ruleset == "iums"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (Settings(select=("MS777",)), "unknown rule code 'MS777'"),
        (Settings(select=("MS2O1",)), "unknown rule code 'MS2O1'"),
        (
            Settings(rule_overrides={"MS201": {"min_confidance": 1}}),
            "no parameter(s) min_confidance",
        ),
        (Settings(rule_overrides={"MS888": {"severity": "error"}}), "unknown rule 'MS888'"),
        (Settings(rule_overrides={"MS206": {"severity": "fatal"}}), "unknown severity"),
    ],
)
def test_bad_configuration_is_a_one_line_config_error(settings: Settings, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        resolve(settings)
    assert "\n" not in str(info.value)


def test_unknown_project_keys_and_unknown_rulesets_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key"):
        apply_project_config(Settings(), {"selct": ["MS2"]}, tmp_path / "pyproject.toml")
    with pytest.raises(ConfigError, match="unknown ruleset 'nope'"):
        load_ruleset("nope")


def test_every_shipped_ruleset_resolves_against_the_registered_rules() -> None:
    metas = [r.meta for r in Plugins(entry_point_plugins=False).rules]
    for name in ("default", "iums", "radiopaedia", "gmc", "hipaa"):
        ruleset = load_ruleset(name)
        assert ruleset.name == name and ruleset.title
        resolved = resolve_rules(Settings(), ruleset, metas, known_ids=KNOWN)
        assert resolved["MS901"].enabled


def test_a_ruleset_file_can_extend_a_shipped_one(tmp_path: Path) -> None:
    custom = tmp_path / "journal.toml"
    (tmp_path / "base.toml").write_text(
        'name = "base"\n[rules.MS206]\nseverity = "info"\n', encoding="utf-8"
    )
    custom.write_text(
        f'name = "journal"\nextends = "{tmp_path / "base.toml"}"\n[rules.MS207]\nenabled = false\n',
        encoding="utf-8",
    )
    resolved = resolve(Settings(), load_ruleset(str(custom)))
    assert resolved["MS206"].severity is Severity.INFO
    assert not resolved["MS207"].enabled and resolved["MS206"].enabled
