"""The result of a run: one typed object that owns the exit status."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mslint.findings import Finding, Severity
from mslint.rule import RuleMeta

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@dataclass(slots=True)
class FileResult:
    """What checking one file gave. ``error`` is set when it could not be read (MS901);
    ``references`` lists the image files (resolved paths) the manuscript pulled in."""

    path: str
    format: str | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    suppressed: int = 0
    seconds: float = 0.0
    references: tuple[str, ...] = ()


@dataclass(slots=True)
class Report:
    results: list[FileResult]
    rules: list[RuleMeta]
    root: Path
    fail_on: Severity | None = Severity.ERROR
    show_values: bool = False
    ruleset: str = "default"
    missing_plugins: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def findings(self) -> Iterator[Finding]:
        for result in self.results:
            yield from result.findings

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings())

    @property
    def unreadable(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    @property
    def exit_code(self) -> int:
        if self.fail_on is None:
            return EXIT_CLEAN
        failing = any(f.severity >= self.fail_on for f in self.findings())
        return EXIT_FINDINGS if failing else EXIT_CLEAN
