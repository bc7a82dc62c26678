"""The command line: exit codes, one-line errors, rules/explain/extract, and a --help
that does not import the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mslint import __version__
from mslint.cli import app

runner = CliRunner()


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return runner.invoke(app, list(args))
    import os

    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_help_does_not_import_spacy_pymupdf_or_python_docx() -> None:
    code = (
        "import sys\nfrom mslint.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('HEAVY=' + ','.join(m for m in ('spacy', 'fitz', 'pymupdf', 'docx', 'PIL', 'cv2')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY=\n" in out.stdout


def test_clean_manuscript_exits_zero_and_findings_exit_one(tmp_path) -> None:
    (tmp_path / "ok.md").write_text("# Methods\n\nWe reviewed the literature.\n", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    assert run("check", "ok.md", "--select", "MS901", cwd=tmp_path).exit_code == 0
    result = run("check", "bad.pdf", "--select", "MS901", "--no-color", cwd=tmp_path)
    assert result.exit_code == 1 and "MS901" in result.stdout


def test_unknown_rule_or_ruleset_is_exit_two_with_one_line(tmp_path) -> None:
    (tmp_path / "ok.md").write_text("x\n", encoding="utf-8")
    for args in (("--select", "MS777"), ("--ruleset", "nope")):
        result = run("check", "ok.md", *args, cwd=tmp_path)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("mslint: error:")


def test_bad_project_config_is_exit_two(tmp_path) -> None:
    (tmp_path / "ok.md").write_text("x\n", encoding="utf-8")
    (tmp_path / ".mslint.toml").write_text("select = [", encoding="utf-8")
    result = run("check", "ok.md", cwd=tmp_path)
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_json_output_to_a_file(tmp_path) -> None:
    (tmp_path / "bad.docx").write_bytes(b"%PDF-1.4")
    result = run("check", ".", "--format", "json", "-o", "out.json", cwd=tmp_path)
    assert result.exit_code == 1
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["files"][0]["findings"][0]["rule"] == "MS901"


def test_write_baseline_then_check_against_it(tmp_path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"nope")
    assert run("check", "bad.pdf", "--write-baseline", "base.json", cwd=tmp_path).exit_code == 0
    assert run("check", "bad.pdf", "--baseline", "base.json", cwd=tmp_path).exit_code == 0


def test_rules_lists_plugin_rules_even_when_not_installed() -> None:
    result = run("rules", "--format", "json")
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert {"MS302", "MS303", "MS304", "MS306", "MS901"} <= set(rows)
    for rule_id in ("MS302", "MS303", "MS304", "MS306"):
        assert rows[rule_id]["plugin"].startswith("mslint-")


def test_explain_prints_the_ruff_style_sections() -> None:
    result = run("explain", "MS901")
    assert result.exit_code == 0
    for heading in (
        "# unreadable-file (MS901)",
        "## What it does",
        "## Why is this bad?",
        "## Policy",
        "## Example",
        "## How to fix",
    ):
        assert heading in result.stdout
    assert run("explain", "unreadable-file").stdout == result.stdout


def test_explain_unknown_rule_is_exit_two() -> None:
    assert run("explain", "MS000").exit_code == 2


def test_extract_prints_the_document_as_json(tmp_path) -> None:
    (tmp_path / "p.md").write_text("# Case\n\nText.\n", encoding="utf-8")
    result = run("extract", "p.md", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["format"] == "markdown" and data["sections"] == [["Case"]]


@pytest.mark.parametrize("fmt", ["rich", "json", "sarif", "github"])
def test_every_format_runs_end_to_end(tmp_path, fmt: str) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"nope")
    result = run("check", "bad.pdf", "--format", fmt, "--no-color", cwd=tmp_path)
    assert result.exit_code == 1 and "bad.pdf" in result.stdout


def test_a_bad_rule_parameter_value_is_a_configuration_error(tmp_path) -> None:
    (tmp_path / "ok.md").write_text("x\n", encoding="utf-8")
    (tmp_path / ".mslint.toml").write_text(
        '[rules.MS101]\nrequire_consent = "sometimes"\n', encoding="utf-8"
    )
    result = run("check", "ok.md", cwd=tmp_path)
    assert result.exit_code == 2 and "require_consent" in result.stderr
