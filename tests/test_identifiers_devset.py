"""The identifier development set (corpus/identifiers): its truth matches its files, and
the text formats of it still score above the issue's bar (recall >= 0.97, precision
>= 0.93, nothing on the hard negatives)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.evaluate import Expected, pair
from mslint.plugins import Plugins

DEVSET = Path(__file__).resolve().parents[1] / "corpus" / "identifiers"
TRUTH = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))


def _plain(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\\([&%#_$])", r"\1", text) if path.suffix == ".tex" else text


def test_every_planted_identifier_is_in_its_text_file() -> None:
    for rel, expected in TRUTH["files"].items():
        if rel.endswith((".md", ".tex")):
            text = _plain(DEVSET / rel)
            for item in expected:
                assert item["text"] in text, (rel, item)


def test_truth_covers_every_category_and_has_hard_negative_files_in_all_formats() -> None:
    categories = {item["category"] for items in TRUTH["files"].values() for item in items}
    assert categories >= {"name", "initials", "mrn", "nhs-number", "ssn", "national-id",
                          "health-plan", "account", "licence", "phone", "email", "url", "ip",
                          "address", "postcode", "place", "date", "age", "device-id",
                          "vehicle-id", "distinctive-feature"}
    negatives = [rel for rel, items in TRUTH["files"].items() if not items]
    assert {Path(rel).suffix for rel in negatives} == {".md", ".tex", ".docx", ".pdf"}
    assert all((DEVSET / rel).is_file() for rel in TRUTH["files"])


@pytest.mark.parametrize("suffix", [".md", ".tex"])
def test_text_formats_of_the_devset_meet_the_precision_and_recall_bar(suffix: str) -> None:
    engine = Engine(Settings(root=DEVSET, select=tuple(TRUTH["rules"])),
                    Plugins(entry_point_plugins=False))
    tp = fp = fn = negative_hits = 0
    for rel, items in TRUTH["files"].items():
        if not rel.endswith(suffix):
            continue
        findings = engine.check_file(DEVSET / rel).findings
        pairs, missed, extra = pair([Expected.from_json(i) for i in items], findings)
        tp, fn, fp = tp + len(pairs), fn + len(missed), fp + len(extra)
        if not items:
            negative_hits += len(extra)
    assert tp / (tp + fn) >= 0.97
    assert tp / (tp + fp) >= 0.93
    assert negative_hits == 0
