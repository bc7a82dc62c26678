"""GitHub Actions workflow commands (``::error file=...::message``), one per finding."""

from __future__ import annotations

from mslint.report import Report
from mslint.reporters.base import ReportOptions
from mslint.reporters.common import artifact_path

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    name = "github"
    description = "GitHub Actions annotations"

    def render(self, report: Report, options: ReportOptions) -> str:
        names = {m.id: m.name for m in report.rules}
        lines: list[str] = []
        for f in report.findings():
            props = [f"file={_escape_property(artifact_path(f))}"]
            if f.location.line is not None:
                props.append(f"line={f.location.line}")
                if f.location.column is not None:
                    props.append(f"col={f.location.column}")
            title = f"{f.rule_id} {names.get(f.rule_id, '')}".strip()
            props.append(f"title={_escape_property(title)}")
            where = ""
            if f.location.line is None and (f.location.page or f.location.paragraph):
                where = (
                    f"page {f.location.page}: "
                    if f.location.page
                    else f"paragraph {f.location.paragraph}: "
                )
            message = where + f.render_message(options.show_values)
            lines.append(f"::{_LEVEL[f.severity.label]} {','.join(props)}::{_escape_data(message)}")
        return "\n".join(lines) + ("\n" if lines else "")
