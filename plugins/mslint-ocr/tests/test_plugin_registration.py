"""mslint-ocr registers like a third-party plugin and degrades cleanly when absent."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import mslint_ocr.plugin

from mslint.plugins import Plugins


def test_without_the_plugin_ms302_is_listed_as_needing_mslint_ocr() -> None:
    plugins = Plugins(entry_point_plugins=False)
    missing = {r.rule_id: r.plugin for r in plugins.missing_plugin_rules()}
    assert missing["MS302"] == "mslint-ocr"


def test_registered_plugin_provides_ms302() -> None:
    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_ocr.plugin, name="mslint-ocr")
    assert "MS302" not in {r.rule_id for r in plugins.missing_plugin_rules()}
    (rule,) = [r for r in plugins.rules if r.meta.id == "MS302"]
    assert rule.meta.plugin == "mslint-ocr"
    assert rule.meta.doc.policies


def test_installed_package_is_found_through_the_mslint_entry_point_group() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="mslint")}
    assert names.get("mslint-ocr") == "mslint_ocr.plugin"
    assert "MS302" in {r.meta.id for r in Plugins().rules}


def test_importing_the_plugin_loads_no_ocr_engine() -> None:
    code = (
        "import sys, mslint_ocr.plugin; "
        "print(sorted(m for m in ('onnxruntime', 'cv2', 'rapidocr', 'numpy', 'PIL') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
