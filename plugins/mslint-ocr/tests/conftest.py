"""Fixtures of the mslint-ocr tests: image builders on the path, a private OCR cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def ocr_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points the OCR cache at a fresh directory for the test."""
    directory = tmp_path / "ocr-cache"
    monkeypatch.setenv("MSLINT_OCR_CACHE_DIR", str(directory))
    return directory
