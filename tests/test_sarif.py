"""SARIF output validates against the official OASIS 2.1.0 schema and follows the output
contract: relative URIs, hashed fingerprints, no line regions in binary artifacts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mslint.findings import Finding, Severity
from mslint.model import Location
from mslint.plugins import Plugins
from mslint.report import FileResult, Report
from mslint.reporters.base import ReportOptions
from mslint.reporters.sarif import SarifReporter


def _report(tmp_path: Path) -> Report:
    rules = [r.meta for r in Plugins(entry_point_plugins=False).rules]
    text_finding = Finding(
        rule_id="MS901",
        message="date {value} found",
        severity=Severity.WARNING,
        path="case.md",
        location=Location(line=4, column=7),
        category="date",
        value="12/03/2021",
        snippet="seen on 12/03/2021 in",
        value_span=(8, 18),
        logical_location="Case presentation",
    )
    included = Finding(
        rule_id="MS901",
        message="in an included file",
        severity=Severity.INFO,
        path="paper/main.tex",
        location=Location(line=2, column=1, source="sections/case.tex"),
    )
    binary = Finding(
        rule_id="MS901",
        message="name {value}",
        severity=Severity.ERROR,
        path="paper.pdf",
        location=Location(page=3, bbox=(10.0, 20.0, 30.0, 40.0)),
        category="name",
        value="Ann Lee",
    )
    return Report(
        results=[
            FileResult("case.md", "markdown", [text_finding]),
            FileResult("paper/main.tex", "latex", [included]),
            FileResult("paper.pdf", "pdf", [binary]),
            FileResult("broken.docx", None, [], error="not a DOCX file"),
        ],
        rules=rules,
        root=tmp_path,
    )


def _validate(sarif: dict, schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)


@pytest.mark.parametrize("compat", [None, "github"])
def test_sarif_validates_against_the_official_schema(tmp_path, sarif_schema_path, compat) -> None:
    sarif = json.loads(
        SarifReporter().render(_report(tmp_path), ReportOptions(sarif_compat=compat))
    )
    _validate(sarif, sarif_schema_path)


def test_sarif_uris_are_relative_to_srcroot(tmp_path) -> None:
    sarif = SarifReporter().build(_report(tmp_path), ReportOptions())
    run = sarif["runs"][0]
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    ]
    assert uris == ["case.md", "paper/sections/case.tex", "paper.pdf"]
    assert all(not u.startswith("/") and "://" not in u for u in uris)
    assert "uri" not in run["originalUriBaseIds"]["SRCROOT"]
    assert str(tmp_path) not in json.dumps(sarif)


def test_binary_artifacts_get_no_line_region_unless_github_compat(tmp_path) -> None:
    plain = SarifReporter().build(_report(tmp_path), ReportOptions())["runs"][0]["results"][2]
    assert "region" not in plain["locations"][0]["physicalLocation"]
    assert plain["properties"]["page"] == 3
    assert plain["locations"][0]["logicalLocations"][0]["name"] == "page 3"
    github = SarifReporter().build(_report(tmp_path), ReportOptions(sarif_compat="github"))
    assert github["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3
    }


def test_text_results_have_line_and_column_regions(tmp_path) -> None:
    result = SarifReporter().build(_report(tmp_path), ReportOptions())["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 4,
        "startColumn": 7,
    }
    assert result["locations"][0]["logicalLocations"][0]["name"] == "Case presentation"
    assert result["properties"]["category"] == "date"
    assert result["message"]["text"] == "date **/**/2021 found"


def test_unreadable_files_are_tool_execution_notifications(tmp_path) -> None:
    run = SarifReporter().build(_report(tmp_path), ReportOptions())["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == [
        "broken.docx"
    ]


def test_every_registered_rule_is_described_in_the_driver(tmp_path) -> None:
    report = _report(tmp_path)
    driver = SarifReporter().build(report, ReportOptions())["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == sorted(m.id for m in report.rules)
    for rule in driver["rules"]:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["helpUri"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_fingerprints_are_hashes(tmp_path) -> None:
    for result in SarifReporter().build(_report(tmp_path), ReportOptions())["runs"][0]["results"]:
        (fingerprint,) = result["partialFingerprints"].values()
        assert len(fingerprint) == 32 and all(c in "0123456789abcdef" for c in fingerprint)
