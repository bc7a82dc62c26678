"""What a reporter is. Reporters only format a `Report`; they decide nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from mslint.report import Report


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """``sarif_compat="github"`` adds line regions GitHub code scanning needs."""

    show_values: bool = False
    sarif_compat: str | None = None
    color: bool = True
    width: int | None = None


@runtime_checkable
class Reporter(Protocol):
    name: str
    description: str

    def render(self, report: Report, options: ReportOptions) -> str: ...
