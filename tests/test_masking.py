"""Masking lives in the finding/reporter layer: every format hides identifier values
unless values are asked for, and nothing derived from a finding carries the raw value."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mslint.config import Settings
from mslint.engine import check_paths
from mslint.findings import Finding, Severity, mask_value
from mslint.hookspecs import hookimpl
from mslint.model import BlockKind, Document
from mslint.plugins import Plugins
from mslint.reporters.base import ReportOptions
from mslint.rule import RuleContext, RuleDoc, RuleMeta

SECRET = "Johanna Smithers"


class PlantedNameRule:
    """A rule registered by the test itself: reports every occurrence of SECRET."""

    meta = RuleMeta(
        id="MS999",
        name="planted-name",
        summary="test rule",
        default_severity=Severity.ERROR,
        doc=RuleDoc(what="w", why="y", example="e", fix="f"),
        categories=("name",),
    )

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        for block in document.blocks_of(BlockKind.BODY):
            for match in re.finditer(SECRET, block.text):
                yield ctx.finding_in_block(
                    block,
                    match.start(),
                    match.end(),
                    "Patient name {value} in the text",
                    category="name",
                )


class PlantedPlugin:
    @hookimpl
    def mslint_rules(self) -> list[PlantedNameRule]:
        return [PlantedNameRule()]


@pytest.fixture
def report_with_secret(tmp_path: Path):
    manuscript = tmp_path / "case.md"
    manuscript.write_text(
        f"# Case presentation\n\nWe saw {SECRET} in clinic; {SECRET} agreed.\n", encoding="utf-8"
    )
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(PlantedPlugin(), name="planted")

    def run(show_values: bool):
        settings = Settings(root=tmp_path, select=("MS999",), show_values=show_values)
        return check_paths([manuscript], settings, plugins=plugins), plugins

    return run


@pytest.mark.parametrize("fmt", ["rich", "json", "sarif", "github"])
def test_every_format_masks_identifier_values_by_default(report_with_secret, fmt: str) -> None:
    report, plugins = report_with_secret(False)
    assert sum(1 for _ in report.findings()) == 2
    text = plugins.reporters[fmt].render(report, ReportOptions(show_values=False, color=False))
    assert "Johanna" not in text and "Smithers" not in text
    assert "J****** S*******" in text


@pytest.mark.parametrize("fmt", ["rich", "json", "sarif", "github"])
def test_show_values_prints_the_raw_value(report_with_secret, fmt: str) -> None:
    report, plugins = report_with_secret(True)
    text = plugins.reporters[fmt].render(report, ReportOptions(show_values=True, color=False))
    assert SECRET in text


def test_sarif_and_json_carry_the_value_property_only_with_show_values(report_with_secret) -> None:
    report, plugins = report_with_secret(True)
    sarif = json.loads(plugins.reporters["sarif"].render(report, ReportOptions(show_values=True)))
    assert sarif["runs"][0]["results"][0]["properties"]["value"] == SECRET
    report, plugins = report_with_secret(False)
    sarif = json.loads(plugins.reporters["sarif"].render(report, ReportOptions(show_values=False)))
    assert "value" not in sarif["runs"][0]["results"][0]["properties"]


def test_fingerprints_messages_and_snippets_never_hold_the_raw_value(report_with_secret) -> None:
    report, _ = report_with_secret(False)
    for finding in report.findings():
        assert SECRET not in finding.fingerprint()
        assert "Johanna" not in finding.render_message(False)
        assert "Johanna" not in (finding.render_snippet(False) or "")
        assert "Johanna" not in finding.message


def test_fingerprints_are_stable_across_runs_and_distinct_per_occurrence(
    report_with_secret,
) -> None:
    first, _ = report_with_secret(False)
    second, _ = report_with_secret(False)
    a = [f.fingerprint() for f in first.findings()]
    b = [f.fingerprint() for f in second.findings()]
    assert a == b


def test_other_identifiers_in_a_snippet_are_masked_too() -> None:
    from mslint.model import Location

    finding = Finding(
        rule_id="MS102",
        message="Consent for treatment only",
        severity=Severity.ERROR,
        path="a.md",
        location=Location(line=1),
        snippet=f"{SECRET} consented to surgery",
        mask_also=(SECRET,),
    )
    assert "Johanna" not in (finding.render_snippet(False) or "")
    assert SECRET in (finding.render_snippet(True) or "")


def test_dates_keep_their_year_and_lose_day_and_month() -> None:
    assert mask_value("12/03/2021", "date") == "**/**/2021"
    assert mask_value("12 March 2021", "date") == "** ***** 2021"
    assert mask_value("John Smith", "name") == "J*** S****"
    assert mask_value("0161 496 0000", "phone") == "**** *** ****"
    assert mask_value("J.S.", "initials") == "*.*."
    assert mask_value("AB12 CDE", "vehicle-id") == "**** C**"


@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Pd"]), max_size=40))
def test_masked_value_reveals_at_most_the_first_letter_of_each_word(value: str) -> None:
    masked = mask_value(value)
    assert len(masked) == len(value)
    for m in re.finditer(r"[^\W_]+", value):
        shown = masked[m.start() : m.end()]
        assert sum(1 for a, b in zip(shown, m.group(0), strict=True) if a == b) <= 1


def test_a_quoted_consent_sentence_is_masked_when_identifier_rules_are_off(tmp_path) -> None:
    paper = tmp_path / "case.md"
    paper.write_text(
        "# Case presentation\n\nA woman in her 40s presented with a rash.\n\n"
        "# Consent\n\nConsent for treatment was given by Mrs Johanna Smithers on 12 March 2021.\n",
        encoding="utf-8",
    )
    settings = Settings(root=tmp_path, select=("MS1",))
    report = check_paths([paper], settings)
    plugins = Plugins()
    text = plugins.reporters["json"].render(report, ReportOptions(show_values=False))
    assert any(f.rule_id == "MS102" for f in report.findings())
    assert "Smithers" not in text and "12 March" not in text
