"""mslint-dicom registers like a third-party plugin, degrades cleanly, and finds .dcm files
beside a manuscript."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import mslint_dicom.plugin
from dicom_fixtures import dataset, plant_phi, write

from mslint.config import Settings
from mslint.engine import check_paths
from mslint.plugins import Plugins


def test_without_the_plugin_ms306_is_listed_as_needing_mslint_dicom() -> None:
    plugins = Plugins(entry_point_plugins=False)
    missing = {r.rule_id: r.plugin for r in plugins.missing_plugin_rules()}
    assert missing["MS306"] == "mslint-dicom"


def test_registered_plugin_provides_ms306_and_a_dicom_parser() -> None:
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_dicom.plugin, name="mslint-dicom")
    assert "MS306" not in {r.rule_id for r in plugins.missing_plugin_rules()}
    assert any(p.format == "dicom" and ".dcm" in p.extensions for p in plugins.parsers)


def test_installed_package_is_found_through_the_mslint_entry_point_group() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="mslint")}
    assert names.get("mslint-dicom") == "mslint_dicom.plugin"


def test_importing_the_plugin_loads_neither_pydicom_nor_numpy() -> None:
    code = ("import sys, mslint_dicom.plugin; "
            "print(sorted(m for m in ('pydicom', 'numpy', 'PIL') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_dicom_files_in_a_submission_folder_are_checked(tmp_path: Path) -> None:
    (tmp_path / "paper.md").write_text("# Case\n\nA liver lesion.\n", encoding="utf-8")
    (tmp_path / "series").mkdir()
    write(plant_phi(dataset()), tmp_path / "series" / "IM0001.dcm")
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_dicom.plugin, name="mslint-dicom")
    report = check_paths([tmp_path], Settings(root=tmp_path, select=("MS306",)),
                         plugins=plugins)
    by_path = {r.path: r for r in report.results}
    assert "series/IM0001.dcm" in by_path
    assert by_path["series/IM0001.dcm"].format == "dicom"
    assert any(f.properties.get("keyword") == "PatientName"
               for f in by_path["series/IM0001.dcm"].findings)
