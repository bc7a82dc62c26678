"""The pluggy hook specifications: the whole plugin API of mslint.

A plugin is a module (or object) with ``@hookimpl`` functions named as below. Built-in
parsers, rules, detectors and reporters use the same hooks as third-party plugins, which
are found through the ``mslint`` entry-point group. Core code never calls these hooks
directly: it goes through the typed facade in `mslint.plugins`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from mslint.detector import Detector
    from mslint.model import Document
    from mslint.parser import Parser
    from mslint.reporters.base import Reporter
    from mslint.resources import Resources
    from mslint.rule import Rule

PROJECT = "mslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def mslint_parsers() -> list[Parser]:
    """Return parsers, each for one file format."""


@hookspec
def mslint_rules() -> list[Rule]:
    """Return rules. Rule ids must be unique across all plugins."""


@hookspec
def mslint_detectors() -> list[Detector]:
    """Return identifier detectors (names, dates, record numbers ...)."""


@hookspec
def mslint_reporters() -> list[Reporter]:
    """Return report formats (``--format NAME``)."""


@hookspec
def mslint_rulesets() -> list[Path]:
    """Return paths of extra ruleset TOML files a plugin ships."""


@hookspec
def mslint_process_document(document: Document, resources: Resources) -> None:
    """Enrich a parsed document before rules run (for example add OCR text blocks for
    images). Runs in registration order; must not open the input file for writing."""
