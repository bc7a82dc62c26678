"""SARIF 2.1.0 for code-scanning and triage tools.

Paths are relative to the ``SRCROOT`` base id and never absolute (an absolute path can
reveal a user name). DOCX/PDF are binary artifacts, where SARIF forbids line regions: their
page or paragraph goes in ``properties`` and a logical location, unless
``--sarif-compat github`` asks for ``startLine`` (GitHub code scanning requires one).
"""

from __future__ import annotations

import json
from typing import Any

from mslint import __version__
from mslint.findings import Finding
from mslint.report import Report
from mslint.reporters.base import ReportOptions
from mslint.reporters.common import artifact_path, location_dict
from mslint.rule import RuleMeta

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TEXT_FORMATS = frozenset({"markdown", "latex"})
FINGERPRINT_KEY = "mslintFinding/v1"


def _rule_descriptor(meta: RuleMeta) -> dict[str, Any]:
    doc = meta.doc
    policies = [f"{p.policy} {p.clause}: {p.summary}" for p in doc.policies]
    markdown = (
        f"**What it does**\n\n{doc.what}\n\n**Why is this bad?**\n\n{doc.why}\n\n"
        f"**Example**\n\n```\n{doc.example}\n```\n\n**How to fix**\n\n{doc.fix}"
    )
    return {
        "id": meta.id,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": doc.what},
        "help": {"text": f"{doc.why} Fix: {doc.fix}", "markdown": markdown},
        "helpUri": meta.help_uri,
        "defaultConfiguration": {"level": meta.default_severity.sarif_level},
        "properties": {"tags": list(meta.categories), "policies": policies, "plugin": meta.plugin},
    }


class SarifReporter:
    name = "sarif"
    description = "SARIF 2.1.0 (code scanning, triage tools)"

    def render(self, report: Report, options: ReportOptions) -> str:
        return json.dumps(self.build(report, options), indent=2, ensure_ascii=False) + "\n"

    def build(self, report: Report, options: ReportOptions) -> dict[str, Any]:
        rules = sorted(report.rules, key=lambda m: m.id)
        rule_index = {m.id: i for i, m in enumerate(rules)}
        formats = {r.path: r.format for r in report.results}
        artifacts: list[dict[str, Any]] = []
        artifact_index: dict[str, int] = {}

        def artifact(uri: str) -> int:
            if uri not in artifact_index:
                artifact_index[uri] = len(artifacts)
                artifacts.append({"location": {"uri": uri, "uriBaseId": "SRCROOT"}})
            return artifact_index[uri]

        for result in report.results:
            artifact(result.path)
        results = [
            self._result(f, rule_index, artifact, formats.get(f.path), options)
            for f in report.findings()
        ]
        notifications = [
            {
                "level": "error",
                "message": {"text": f"{r.path}: {r.error}"},
                "descriptor": {"id": "MS901"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": r.path,
                                "uriBaseId": "SRCROOT",
                                "index": artifact(r.path),
                            }
                        }
                    }
                ],
            }
            for r in report.unreadable
        ]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "mslint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": "https://mslint.readthedocs.io/",
                    "rules": [_rule_descriptor(m) for m in rules],
                }
            },
            "originalUriBaseIds": {
                "SRCROOT": {"description": {"text": "The directory mslint was run from."}}
            },
            "artifacts": artifacts,
            "invocations": [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": notifications,
                    "properties": {"ruleset": report.ruleset},
                }
            ],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"valuesShown": options.show_values},
        }
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}

    def _result(
        self,
        f: Finding,
        rule_index: dict[str, int],
        artifact: Any,
        fmt: str | None,
        options: ReportOptions,
    ) -> dict[str, Any]:
        loc = f.location
        uri = artifact_path(f)
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": uri, "uriBaseId": "SRCROOT", "index": artifact(uri)}
        }
        is_text = fmt in TEXT_FORMATS
        if is_text and loc.line is not None:
            region: dict[str, Any] = {"startLine": loc.line}
            if loc.column is not None:
                region["startColumn"] = loc.column
            physical["region"] = region
        elif options.sarif_compat == "github":
            physical["region"] = {"startLine": loc.page or loc.paragraph or loc.line or 1}
        location: dict[str, Any] = {"physicalLocation": physical}
        logical = f.logical_location or _fallback_logical(f)
        if logical:
            location["logicalLocations"] = [{"name": logical, "kind": "section"}]
        props: dict[str, Any] = {"category": f.category or "other", **location_dict(loc)}
        snippet = f.render_snippet(options.show_values)
        if snippet:
            props["snippet"] = snippet
        if f.fix:
            props["fix"] = f.fix
        if options.show_values and f.value is not None:
            props["value"] = f.value
        props.update({k: v for k, v in f.properties.items() if _plain_json(v)})
        out: dict[str, Any] = {
            "ruleId": f.rule_id,
            "level": f.severity.sarif_level,
            "message": {"text": f.render_message(options.show_values)},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint()},
            "properties": props,
        }
        if f.rule_id in rule_index:
            out["ruleIndex"] = rule_index[f.rule_id]
        return out


def _fallback_logical(f: Finding) -> str | None:
    loc = f.location
    if loc.page is not None:
        return f"page {loc.page}"
    if loc.paragraph is not None:
        return f"paragraph {loc.paragraph}"
    return loc.part


def _plain_json(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None
