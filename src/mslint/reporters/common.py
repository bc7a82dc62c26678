"""Helpers every reporter shares: where a finding is, as a path and as plain data."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from mslint.findings import Finding
from mslint.model import Location
from mslint.rule import RuleMeta


def artifact_path(finding: Finding) -> str:
    """The file a finding is in, relative to the run's root: the checked file, or the
    included/referenced file its location names."""
    source = finding.location.source
    if not source:
        return finding.path
    return posixpath.normpath(posixpath.join(posixpath.dirname(finding.path), source))


def location_dict(location: Location) -> dict[str, Any]:
    """The set fields of a location, for JSON-like output."""
    out: dict[str, Any] = {}
    for key in ("line", "column", "end_line", "end_column", "paragraph", "page", "part", "xref"):
        value = getattr(location, key)
        if value is not None:
            out[key] = value
    if location.bbox is not None:
        out["bbox"] = [round(v, 1) for v in location.bbox]
    return out


def policy_reference(meta: RuleMeta | None) -> str | None:
    """``IUMS §3.2`` style short reference to the first policy clause a rule enforces."""
    if meta is None or not meta.doc.policies:
        return None
    ref = meta.doc.policies[0]
    names = {
        "iums": "IUMS",
        "radiopaedia": "Radiopaedia",
        "gmc": "GMC/NHS",
        "hipaa": "HIPAA",
        "image-guidance": "Image guidance",
    }
    clause = f"§{ref.clause}" if re.fullmatch(r"\d+(?:\.\d+)*", ref.clause) else ref.clause
    return f"{names.get(ref.policy, ref.policy)} {clause}".strip()
