"""Every real-world file in ../shared/realcorpus parses, and `mslint extract` succeeds on it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mslint.cli import app
from mslint.config import Settings
from mslint.engine import Engine
from shared_paths import REALCORPUS

FILES = (
    sorted(p for p in REALCORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    if (REALCORPUS.is_dir())
    else []
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(root=REALCORPUS))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(REALCORPUS)) for p in FILES])
def test_real_world_file_parses(engine: Engine, path: Path) -> None:
    document = engine.parse(path)
    assert document.blocks or document.images


@pytest.mark.parametrize(
    "path", FILES[::7], ids=[str(p.relative_to(REALCORPUS)) for p in FILES[::7]]
)
def test_extract_prints_json_for_real_world_files(path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"]


def test_the_whole_corpus_checks_in_one_batch_without_unreadable_files_or_rule_crashes(
        realcorpus: Path) -> None:
    from mslint.engine import check_paths

    report = check_paths([realcorpus], Settings(root=realcorpus))
    assert len(report.results) >= 50
    assert report.unreadable == []
    crashes = [f"{r.path}: {f.message}" for r in report.results for f in r.findings
               if f.rule_id == "MS901"]
    assert crashes == []
