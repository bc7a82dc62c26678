"""Shared fixtures: the real-world corpus and the SARIF schema, skipped when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shared_paths import REALCORPUS, SARIF_SCHEMA


def pytest_configure(config: pytest.Config) -> None:
    """Keep the OCR plugin's cache (when installed) out of the user's home during tests."""
    if "MSLINT_OCR_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["MSLINT_OCR_CACHE_DIR"] = tempfile.mkdtemp(prefix="mslint-ocr-cache-")
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


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
