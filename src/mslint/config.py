"""Settings and their layering.

Later wins: rule defaults < ruleset (``--ruleset``) < ``[tool.mslint]`` in ``pyproject.toml``
or ``.mslint.toml`` < command-line flags. Any error is a `ConfigError` with a one-line
message; the CLI turns it into exit status 2.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from mslint.findings import Severity
from mslint.rule import RuleMeta

SHIPPED_RULESETS = ("default", "iums", "radiopaedia", "gmc", "hipaa")
CONFIG_FILES = (".mslint.toml", "pyproject.toml")


class ConfigError(Exception):
    """Bad configuration: unknown rule, bad value, unreadable file."""


@dataclass(frozen=True, slots=True)
class RuleSettings:
    enabled: bool
    severity: Severity
    params: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides what a run checks and how it reports."""

    ruleset: str = "default"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Severity | None = Severity.ERROR
    show_values: bool = False
    jobs: int = 1
    baseline: Path | None = None
    spacy_model: str | None = None
    rule_overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    root: Path = Path(".")


@dataclass(frozen=True, slots=True)
class Ruleset:
    name: str
    title: str
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    rules: Mapping[str, Mapping[str, Any]]
    spacy_model: str | None = None
    detectors: Mapping[str, Any] = field(default_factory=dict)


def _as_tuple(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{key} must be a list of rule codes, got {value!r}")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def load_ruleset(name_or_path: str, extra_paths: Iterable[Path] = ()) -> Ruleset:
    """A shipped ruleset by name, a plugin's ruleset by name, or a TOML file by path.

    ``extends = "default"`` inside a ruleset merges it over another one.
    """
    data = _ruleset_data(name_or_path, list(extra_paths))
    parent_name = data.get("extends")
    rules: dict[str, dict[str, Any]] = {}
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    spacy_model = None
    detectors: dict[str, Any] = {}
    if parent_name:
        if parent_name == name_or_path:
            raise ConfigError(f"ruleset {name_or_path!r} extends itself")
        parent = load_ruleset(parent_name, extra_paths)
        rules = {k: dict(v) for k, v in parent.rules.items()}
        select, ignore, spacy_model = parent.select, parent.ignore, parent.spacy_model
        detectors = dict(parent.detectors)
    for rule_id, table in data.get("rules", {}).items():
        if not isinstance(table, dict):
            raise ConfigError(f"ruleset {name_or_path!r}: [rules.{rule_id}] must be a table")
        rules.setdefault(rule_id, {}).update(table)
    if "select" in data:
        select = _as_tuple(data["select"], "select")
    if "ignore" in data:
        ignore = _as_tuple(data["ignore"], "ignore")
    return Ruleset(
        name=str(data.get("name", name_or_path)),
        title=str(data.get("title", "")),
        select=select,
        ignore=ignore,
        rules=rules,
        spacy_model=data.get("nlp-model", spacy_model),
        detectors={**detectors, **data.get("detectors", {})},
    )


def _ruleset_data(name_or_path: str, extra_paths: list[Path]) -> dict[str, Any]:
    if name_or_path in SHIPPED_RULESETS:
        ref = importlib_resources.files("mslint.rulesets").joinpath(f"{name_or_path}.toml")
        return tomllib.loads(ref.read_text(encoding="utf-8"))
    for extra in extra_paths:
        if extra.stem == name_or_path:
            return _read_toml(extra)
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.is_file():
        return _read_toml(path)
    known = ", ".join([*SHIPPED_RULESETS, *(p.stem for p in extra_paths)])
    raise ConfigError(f"unknown ruleset {name_or_path!r} (known: {known}; or a path to a .toml)")


def find_project_config(start: Path) -> Path | None:
    """The nearest ``.mslint.toml``, or ``pyproject.toml`` with a ``[tool.mslint]`` table."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and "mslint" not in _read_toml(candidate).get("tool", {}):
                continue
            return candidate
        if (directory / ".git").exists():
            break
    return None


def read_project_config(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mslint", {})
    elif "tool" in data and "mslint" in data["tool"]:
        data = data["tool"]["mslint"]
    return data


_PROJECT_KEYS = {
    "ruleset",
    "select",
    "ignore",
    "extend-select",
    "extend-ignore",
    "per-file-ignores",
    "fail-on",
    "show-values",
    "jobs",
    "baseline",
    "nlp-model",
    "rules",
}


def apply_project_config(settings: Settings, data: Mapping[str, Any], origin: Path) -> Settings:
    """Overlay a ``[tool.mslint]`` table on ``settings``."""
    unknown = set(data) - _PROJECT_KEYS
    if unknown:
        raise ConfigError(
            f"{origin}: unknown key(s) in [tool.mslint]: {', '.join(sorted(unknown))}"
        )
    changes: dict[str, Any] = {}
    if "ruleset" in data:
        changes["ruleset"] = str(data["ruleset"])
    if "select" in data:
        changes["select"] = _as_tuple(data["select"], "select")
    if "ignore" in data:
        changes["ignore"] = _as_tuple(data["ignore"], "ignore")
    if "extend-select" in data:
        changes["select"] = settings.select + _as_tuple(data["extend-select"], "extend-select")
    if "extend-ignore" in data:
        changes["ignore"] = settings.ignore + _as_tuple(data["extend-ignore"], "extend-ignore")
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(f"{origin}: per-file-ignores must be a table of glob = [codes]")
        changes["per_file_ignores"] = {
            k: _as_tuple(v, f"per-file-ignores.{k}") for k, v in pfi.items()
        }
    if "fail-on" in data:
        changes["fail_on"] = parse_fail_on(str(data["fail-on"]))
    if "show-values" in data:
        changes["show_values"] = bool(data["show-values"])
    if "jobs" in data:
        changes["jobs"] = int(data["jobs"])
    if "baseline" in data:
        changes["baseline"] = (origin.parent / str(data["baseline"])).resolve()
    if "nlp-model" in data:
        changes["spacy_model"] = str(data["nlp-model"])
    if "rules" in data:
        merged = {k: dict(v) for k, v in settings.rule_overrides.items()}
        for rule_id, table in data["rules"].items():
            if not isinstance(table, dict):
                raise ConfigError(f"{origin}: [tool.mslint.rules.{rule_id}] must be a table")
            merged.setdefault(rule_id, {}).update(table)
        changes["rule_overrides"] = merged
    return replace(settings, **changes)


def parse_fail_on(text: str) -> Severity | None:
    if text.strip().lower() == "never":
        return None
    try:
        return Severity.parse(text)
    except ValueError:
        raise ConfigError(
            f"--fail-on must be error, warning, info or never, not {text!r}"
        ) from None


def _matches(code: str, meta: RuleMeta) -> int:
    """Length of the match of a select/ignore code against a rule (0 = no match)."""
    if code == "ALL":
        return 1
    if code == meta.name:
        return 100
    return len(code) if meta.id.startswith(code) else 0


def check_codes(
    codes: Iterable[str], metas: Sequence[RuleMeta], known_ids: Iterable[str], where: str
) -> None:
    known = set(known_ids)
    for code in codes:
        if code == "ALL" or code in known or any(_matches(code, m) for m in metas):
            continue
        if any(k.startswith(code) for k in known):
            continue
        raise ConfigError(f"{where}: unknown rule code {code!r} (see `mslint rules`)")


def resolve_rules(
    settings: Settings,
    ruleset: Ruleset,
    metas: Sequence[RuleMeta],
    known_ids: Iterable[str] = (),
) -> dict[str, RuleSettings]:
    """Decide, for every registered rule, whether it runs, at which severity, with which
    parameters. Unknown codes and unknown parameters are errors."""
    known = {*known_ids, *(m.id for m in metas)}
    check_codes(ruleset.select, metas, known, f"ruleset {ruleset.name}")
    check_codes(ruleset.ignore, metas, known, f"ruleset {ruleset.name}")
    check_codes(settings.select, metas, known, "select")
    check_codes(settings.ignore, metas, known, "ignore")
    for codes in settings.per_file_ignores.values():
        check_codes(codes, metas, known, "per-file-ignores")
    by_id = {m.id: m for m in metas}
    for source, tables in (
        ("ruleset " + ruleset.name, ruleset.rules),
        ("[tool.mslint.rules]", settings.rule_overrides),
    ):
        for rule_id, table in tables.items():
            if rule_id not in known:
                raise ConfigError(f"{source}: unknown rule {rule_id!r} (see `mslint rules`)")
            meta = by_id.get(rule_id)
            if meta is None:
                continue
            extra = set(table) - {"enabled", "severity"} - set(meta.parameters)
            if extra:
                raise ConfigError(
                    f"{source}: {rule_id} has no parameter(s) {', '.join(sorted(extra))}"
                    f" (it takes: {', '.join(sorted(meta.parameters)) or 'none'})"
                )

    base_select = ruleset.select or ("ALL",)
    out: dict[str, RuleSettings] = {}
    for meta in metas:
        table: dict[str, Any] = {
            **ruleset.rules.get(meta.id, {}),
            **settings.rule_overrides.get(meta.id, {}),
        }
        if settings.select:
            # An explicit select wins over the ruleset; only an explicit, more specific
            # ignore takes a selected rule out again.
            sel = max(_matches(c, meta) for c in settings.select)
            ign = max((_matches(c, meta) for c in settings.ignore), default=0)
            enabled = sel > 0 and ign < sel
        else:
            sel = max(_matches(c, meta) for c in base_select)
            ign = max((_matches(c, meta) for c in (*ruleset.ignore, *settings.ignore)), default=0)
            enabled = sel > 0 and ign < sel and bool(table.get("enabled", True))
        try:
            severity = (
                Severity.parse(table["severity"]) if "severity" in table else meta.default_severity
            )
        except ValueError as exc:
            raise ConfigError(f"{meta.id}: {exc}") from None
        params = {
            **meta.parameters,
            **{k: v for k, v in table.items() if k not in ("enabled", "severity")},
        }
        out[meta.id] = RuleSettings(enabled=enabled, severity=severity, params=params)
    return out


def ignored_for_file(settings: Settings, display_path: str) -> tuple[str, ...]:
    codes: list[str] = []
    for pattern, ids in settings.per_file_ignores.items():
        if fnmatch.fnmatch(display_path, pattern) or fnmatch.fnmatch(
            Path(display_path).name, pattern
        ):
            codes.extend(ids)
    return tuple(codes)


def load_settings(cwd: Path, explicit: Path | None = None) -> Settings:
    """Defaults overlaid with the project configuration (``--config`` or the nearest
    ``.mslint.toml`` / ``pyproject.toml`` with ``[tool.mslint]``)."""
    settings = Settings(root=cwd)
    path = explicit if explicit is not None else find_project_config(cwd)
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"config file {explicit} does not exist")
    if path is None:
        return settings
    return apply_project_config(settings, read_project_config(path), path)
