"""Filters that only suppress findings (never create or change them): inline
``mslint: ignore[...]`` comments, per-file ignores and the baseline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from mslint.findings import Finding
from mslint.model import Document


class BaselineError(Exception):
    """The baseline file cannot be read or has the wrong shape."""


def _code_matches(code: str, rule_id: str) -> bool:
    return code == "*" or code == "ALL" or rule_id.startswith(code)


def inline_suppressed(finding: Finding, document: Document) -> bool:
    """True when an ``ignore`` comment sits on the finding's line or the line before."""
    line = finding.location.line
    if line is None or not document.suppressions:
        return False
    source = finding.location.source or ""
    for candidate in (line, line - 1):
        codes = document.suppressions.get((source, candidate))
        if codes and any(_code_matches(c, finding.rule_id) for c in codes):
            return True
    return False


def file_ignored(finding: Finding, codes: Iterable[str]) -> bool:
    return any(_code_matches(c, finding.rule_id) for c in codes)


def read_baseline(path: Path) -> frozenset[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline file {path} does not exist") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"baseline file {path} is not readable JSON: {exc}") from None
    prints = data.get("fingerprints") if isinstance(data, dict) else None
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise BaselineError(f"baseline file {path} has no list of 'fingerprints'")
    return frozenset(prints)


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    prints = sorted({f.fingerprint() for f in findings})
    path.write_text(
        json.dumps({"version": 1, "tool": "mslint", "fingerprints": prints}, indent=2) + "\n",
        encoding="utf-8",
    )
    return len(prints)
