"""The plugin is found through the `mslint` entry-point group, like a third-party one."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

from mslint.plugins import Plugins


def test_plugin_is_registered_in_the_mslint_entry_point_group():
    values = {ep.value for ep in entry_points(group="mslint")}
    assert "mslint_faces" in values


def test_plugins_facade_picks_up_ms303_and_ms304():
    plugins = Plugins()
    rules = {r.meta.id: r.meta for r in plugins.rules}
    assert rules["MS303"].plugin == rules["MS304"].plugin == "mslint-faces"
    assert {"MS303", "MS304"}.isdisjoint(r.rule_id for r in plugins.missing_plugin_rules())


def test_without_the_plugin_the_core_lists_the_rules_as_needing_it():
    core_only = Plugins(entry_point_plugins=False)
    missing = {r.rule_id: r.plugin for r in core_only.missing_plugin_rules()}
    assert missing["MS303"] == missing["MS304"] == "mslint-faces"


def test_importing_the_plugin_does_not_import_opencv_or_numpy():
    code = "import sys, mslint_faces; print('cv2' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_rule_documentation_cites_the_policies_on_eye_bars_and_pixelation():
    rules = {r.meta.id: r.meta for r in Plugins().rules}
    cited = {(p.policy, p.clause) for p in rules["MS304"].doc.policies}
    assert {("iums", "4"), ("gmc", "1")} <= cited
    assert any(p.policy == "radiopaedia" for p in rules["MS304"].doc.policies)
