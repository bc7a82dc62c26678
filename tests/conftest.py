"""Shared fixtures: the real-world corpus and the SARIF schema, skipped when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_paths import REALCORPUS, SARIF_SCHEMA


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
