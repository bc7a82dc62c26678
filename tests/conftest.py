"""Shared test helpers: where the repository and the shared test data are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
REALCORPUS = SHARED / "realcorpus"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture
def realcorpus() -> Path:
    if not REALCORPUS.is_dir():
        pytest.skip("../shared/realcorpus is not present")
    return REALCORPUS


@pytest.fixture
def sarif_schema_path() -> Path:
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    return SARIF_SCHEMA
