"""The typed facade over pluggy: core code asks this, never the raw hooks."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cached_property
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

from mslint import hookspecs
from mslint.builtin import BUILTIN_PLUGINS

if TYPE_CHECKING:
    from mslint.detector import Detector
    from mslint.model import Document
    from mslint.parser import Parser
    from mslint.reporters.base import Reporter
    from mslint.resources import Resources
    from mslint.rule import Rule

ENTRY_POINT_GROUP = "mslint"


class PluginError(Exception):
    """A plugin could not be loaded or registered something invalid."""


@dataclass(frozen=True, slots=True)
class PluginRequirement:
    """A rule of the catalogue that only a separately installed plugin provides."""

    rule_id: str
    name: str
    summary: str
    plugin: str


#: Rules of the catalogue that live in first-party plugins under ``plugins/``.
PLUGIN_RULES: tuple[PluginRequirement, ...] = (
    PluginRequirement("MS302", "burnt-in-text", "text inside image pixels", "mslint-ocr"),
    PluginRequirement("MS303", "face-visible", "a face in a clinical photograph", "mslint-faces"),
    PluginRequirement(
        "MS304",
        "inadequate-masking",
        "eye bars or light pixelation as the only protection",
        "mslint-faces",
    ),
    PluginRequirement(
        "MS306", "dicom-identifiers", "DICOM header PHI or burnt-in annotation", "mslint-dicom"
    ),
)


class Plugins:
    """Loads built-in and entry-point plugins and answers typed questions about them."""

    def __init__(self, *, entry_point_plugins: bool = True) -> None:
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        for name in BUILTIN_PLUGINS:
            self._pm.register(importlib.import_module(name), name=name)
        if entry_point_plugins:
            self._load_entry_points()

    def _load_entry_points(self) -> None:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if self._pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken third-party plugin must not stop mslint
                raise PluginError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
            self._pm.register(plugin, name=ep.name)

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register an extra plugin object (tests, embedding applications)."""
        self._pm.register(plugin, name=name)
        for attr in ("parsers", "rules", "detectors", "reporters"):
            self.__dict__.pop(attr, None)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._pm.list_name_plugin()]

    @cached_property
    def parsers(self) -> list[Parser]:
        return [p for batch in self._pm.hook.mslint_parsers() for p in batch]

    @cached_property
    def rules(self) -> list[Rule]:
        found: dict[str, Rule] = {}
        for batch in reversed(self._pm.hook.mslint_rules()):
            for rule in batch:
                if rule.meta.id in found:
                    raise PluginError(f"rule id {rule.meta.id} is registered twice")
                found[rule.meta.id] = rule
        return sorted(found.values(), key=lambda r: r.meta.id)

    @cached_property
    def detectors(self) -> list[Detector]:
        return [d for batch in self._pm.hook.mslint_detectors() for d in batch]

    @cached_property
    def reporters(self) -> dict[str, Reporter]:
        return {r.name: r for batch in self._pm.hook.mslint_reporters() for r in batch}

    def ruleset_paths(self) -> list[Path]:
        return [Path(p) for batch in self._pm.hook.mslint_rulesets() for p in batch]

    def missing_plugin_rules(self) -> list[PluginRequirement]:
        have = {r.meta.id for r in self.rules}
        return [req for req in PLUGIN_RULES if req.rule_id not in have]

    def process_document(self, document: Document, resources: Resources) -> None:
        self._pm.hook.mslint_process_document(document=document, resources=resources)
