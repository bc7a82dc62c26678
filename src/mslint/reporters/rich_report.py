"""The terminal report people read: findings grouped by file, severity colours, the
policy clause behind each rule, and a summary table."""

from __future__ import annotations

import io
from collections import Counter

from mslint.findings import Severity
from mslint.report import Report
from mslint.reporters.base import ReportOptions
from mslint.reporters.common import artifact_path, policy_reference

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_ICON = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "●"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class RichReporter:
    name = "rich"
    description = "a readable terminal report (default)"

    def render(self, report: Report, options: ReportOptions) -> str:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=options.color,
            no_color=not options.color,
            width=options.width or 100,
            highlight=False,
            soft_wrap=not options.color,
        )
        metas = {m.id: m for m in report.rules}
        for result in report.results:
            if not result.findings:
                continue
            counts = Counter(f.severity for f in result.findings)
            tally = ", ".join(
                _plural(counts[s], s.label.replace("info", "note"))
                for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
                if counts[s]
            )
            console.print(
                f"[bold underline]{escape(result.path)}[/] [dim]({result.format or 'unreadable'})"
                f" — {tally}[/]"
            )
            for f in result.findings:
                meta = metas.get(f.rule_id)
                where = f.location.describe()
                src = artifact_path(f)
                if src != f.path:
                    where = f"{src} {where.split(', ', 1)[-1]}"
                console.print(
                    f"  [{_STYLE[f.severity]}]{_ICON[f.severity]} {f.severity.label:<7}[/] "
                    f"[bold]{f.rule_id}[/] [dim]{escape(meta.name if meta else '')}[/]  "
                    f"[blue]{escape(where)}[/]"
                )
                console.print(f"      {escape(f.render_message(options.show_values))}")
                snippet = f.render_snippet(options.show_values)
                details = []
                if f.logical_location:
                    details.append(f.logical_location)
                ref = policy_reference(meta)
                if ref:
                    details.append(ref)
                if snippet:
                    console.print(f"      [dim]│ {escape(snippet)}[/]")
                if f.fix:
                    console.print(f"      [green]fix:[/] {escape(f.fix)}")
                if details:
                    console.print(f"      [dim]{escape(' · '.join(details))}[/]")
            console.print()
        self._summary(console, report, Table)
        return buffer.getvalue()

    def _summary(self, console: object, report: Report, table_cls: type) -> None:
        from rich.markup import escape

        by_rule: dict[str, Counter[Severity]] = {}
        for f in report.findings():
            by_rule.setdefault(f.rule_id, Counter())[f.severity] += 1
        names = {m.id: m.name for m in report.rules}
        if by_rule:
            table = table_cls(title="Findings by rule", title_justify="left", show_edge=False)
            table.add_column("rule", style="bold")
            table.add_column("name")
            for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
                table.add_column(sev.label, justify="right", style=_STYLE[sev])
            for rule_id in sorted(by_rule):
                c = by_rule[rule_id]
                table.add_row(
                    rule_id,
                    names.get(rule_id, ""),
                    *(str(c[s] or "") for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
                )
            console.print(table)  # type: ignore[attr-defined]
        counts = report.counts()
        files = len(report.results)
        clean = sum(1 for r in report.results if not r.findings)
        suppressed = sum(r.suppressed for r in report.results)
        line = (
            f"{_plural(files, 'file')} checked "
            f"({clean} clean, {len(report.unreadable)} unreadable) "
            f"with ruleset [bold]{escape(report.ruleset)}[/] in {report.seconds:.2f}s: "
            f"[{_STYLE[Severity.ERROR]}]{_plural(counts[Severity.ERROR], 'error')}[/], "
            f"[{_STYLE[Severity.WARNING]}]{_plural(counts[Severity.WARNING], 'warning')}[/], "
            f"[{_STYLE[Severity.INFO]}]{_plural(counts[Severity.INFO], 'note')}[/]"
        )
        if suppressed:
            line += f", {suppressed} suppressed"
        console.print(line)  # type: ignore[attr-defined]
        if report.missing_plugins:
            needs = ", ".join(
                f"{rid} (pip install {plugin})" for rid, _, plugin in report.missing_plugins
            )
            console.print(f"[dim]Not checked, plugin not installed: {escape(needs)}[/]")  # type: ignore[attr-defined]
        if not report.show_values and any(f.value for f in report.findings()):
            console.print("[dim]Identifier values are masked; --show-values prints them.[/]")  # type: ignore[attr-defined]
