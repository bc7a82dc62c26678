"""Registers the built-in report formats."""

from __future__ import annotations

from mslint.hookspecs import hookimpl
from mslint.reporters.base import Reporter
from mslint.reporters.github import GithubReporter
from mslint.reporters.json_report import JsonReporter
from mslint.reporters.rich_report import RichReporter
from mslint.reporters.sarif import SarifReporter


@hookimpl
def mslint_reporters() -> list[Reporter]:
    return [RichReporter(), JsonReporter(), SarifReporter(), GithubReporter()]
