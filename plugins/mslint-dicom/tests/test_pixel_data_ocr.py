"""With mslint-ocr installed, text burnt into DICOM pixel data is read and reported."""

from __future__ import annotations

from pathlib import Path

import mslint_dicom.plugin
import pytest
from dicom_fixtures import dataset, text_frame, write

from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Severity
from mslint.model import BlockKind
from mslint.plugins import Plugins

ocr_plugin = pytest.importorskip("mslint_ocr.plugin", reason="mslint-ocr is not installed")


def test_burnt_in_date_in_ultrasound_pixels_is_an_ms302_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MSLINT_OCR_CACHE_DIR", str(tmp_path / "ocr"))
    ds = dataset(frame=text_frame(["SMITH, JOHN", "DOB 04/07/1961"]))
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "header only"
    path = write(ds, tmp_path / "us.dcm")
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_dicom.plugin, name="mslint-dicom")
    plugins.register(ocr_plugin, name="mslint-ocr")
    engine = Engine(Settings(root=tmp_path, select=("MS302", "MS306")), plugins)
    document = engine.parse(path)
    result = engine.check_document(document, "us.dcm")
    (block,) = document.blocks_of(BlockKind.OCR)
    assert block.attrs["image_id"] == "us.dcm"
    assert "04/07/1961" in block.text
    assert [f.rule_id for f in result.findings if f.rule_id == "MS306"] == []
    dates = [f for f in result.findings if f.rule_id == "MS302" and f.category == "date"]
    assert [(f.value, f.severity) for f in dates] == [("04/07/1961", Severity.ERROR)]
