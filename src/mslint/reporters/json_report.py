"""Plain JSON: one object per file, findings masked unless values were asked for."""

from __future__ import annotations

import json
from typing import Any

from mslint import __version__
from mslint.findings import Finding, Severity
from mslint.report import Report
from mslint.reporters.base import ReportOptions
from mslint.reporters.common import artifact_path, location_dict


def finding_dict(f: Finding, names: dict[str, str], show_values: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.rule_id,
        "name": names.get(f.rule_id, ""),
        "severity": f.severity.label,
        "message": f.render_message(show_values),
        "file": artifact_path(f),
        "location": location_dict(f.location),
        "category": f.category,
        "logical_location": f.logical_location,
        "snippet": f.render_snippet(show_values),
        "fix": f.fix,
        "fingerprint": f.fingerprint(),
    }
    if show_values:
        out["value"] = f.value
    return out


class JsonReporter:
    name = "json"
    description = "JSON, one object per file"

    def render(self, report: Report, options: ReportOptions) -> str:
        names = {m.id: m.name for m in report.rules}
        counts = report.counts()
        data = {
            "tool": "mslint",
            "version": __version__,
            "ruleset": report.ruleset,
            "summary": {
                "files": len(report.results),
                "unreadable": len(report.unreadable),
                "errors": counts[Severity.ERROR],
                "warnings": counts[Severity.WARNING],
                "info": counts[Severity.INFO],
                "suppressed": sum(r.suppressed for r in report.results),
            },
            "files": [
                {
                    "path": r.path,
                    "format": r.format,
                    "error": r.error,
                    "suppressed": r.suppressed,
                    "findings": [finding_dict(f, names, options.show_values) for f in r.findings],
                }
                for r in report.results
            ],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
