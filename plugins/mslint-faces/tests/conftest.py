"""Shared fixtures: the synthetic image sets, built once per test session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest


def _load_synthetic() -> ModuleType:
    name = "mslint_faces_synthetic"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).with_name("synthetic_faces.py")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def synth() -> ModuleType:
    """The synthetic image generator (`tests/synthetic_faces.py`)."""
    return _load_synthetic()


@pytest.fixture(scope="session")
def faces(synth: ModuleType) -> list:
    """24 drawn faces varying in size, position, lighting and rotation."""
    return synth.face_set(24)


@pytest.fixture(scope="session")
def radiology(synth: ModuleType) -> list[np.ndarray]:
    """12 greyscale radiology-like images: chest films, CT slices, ultrasound fans."""
    return synth.radiology_set(12)
