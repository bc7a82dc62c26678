"""Real published figures: a PRISMA flow diagram and photographs give no MS302 warning."""

from __future__ import annotations

from pathlib import Path

import mslint_ocr.plugin
import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.plugins import Plugins

REALCORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "realcorpus"


@pytest.mark.parametrize("name", ["hellp_manuscript/fig1.jpeg", "exif-samples/DSCN0010.jpg",
                                  "python-docx/court-exif.jpg"])
def test_real_figures_without_identifiers_have_no_ms302_finding(
    name: str, ocr_cache_dir: Path
) -> None:
    path = REALCORPUS / name
    if not path.is_file():
        pytest.skip("../shared/realcorpus is not present")
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_ocr.plugin, name="mslint-ocr")
    result = Engine(Settings(root=REALCORPUS, select=("MS302",)), plugins).check_file(path)
    assert result.error is None
    assert [f for f in result.findings if f.rule_id == "MS302"] == []
