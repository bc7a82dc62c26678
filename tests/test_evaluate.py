"""The evaluation harness matches findings to labelled expectations one to one."""

from __future__ import annotations

import json
from pathlib import Path

from mslint.evaluate import Expected, evaluate, pair
from mslint.findings import Finding, Severity
from mslint.model import Location


def finding(
    rule: str, value: str | None = None, line: int | None = None, category: str | None = None
) -> Finding:
    return Finding(
        rule_id=rule,
        message="m",
        severity=Severity.ERROR,
        path="a.md",
        location=Location(line=line),
        category=category,
        value=value,
    )


def test_expectations_match_one_finding_each() -> None:
    expected = [Expected("MS206", "date", "12 March 2021"), Expected("MS206", "date")]
    found = [finding("MS206", "12 march 2021", 3, "date")]
    pairs, missed, extra = pair(expected, found)
    assert len(pairs) == 1 and len(missed) == 1 and extra == []
    assert pairs[0][0].text == "12 March 2021"


def test_location_and_text_must_agree_when_given() -> None:
    _, missed, extra = pair(
        [Expected("MS203", text="40817734", line=8)], [finding("MS203", "40817734", 9)]
    )
    assert len(missed) == 1 and len(extra) == 1


def test_evaluate_scores_a_set_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"nope")
    (tmp_path / "fine.md").write_text("# Methods\n\nNothing here.\n", encoding="utf-8")
    (tmp_path / "truth.json").write_text(
        json.dumps(
            {
                "rules": ["MS901"],
                "files": {"bad.pdf": [{"rule": "MS901"}], "fine.md": []},
            }
        ),
        encoding="utf-8",
    )
    result = evaluate([tmp_path])
    assert result.files == 2
    assert result.by_rule.scores("MS901") == (1, 0, 0, 1.0, 1.0)
