"""Where the repository and the shared test data (beside the checkout) are."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
REALCORPUS = SHARED / "realcorpus"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
