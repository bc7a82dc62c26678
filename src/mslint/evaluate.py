"""Precision and recall of mslint on labelled corpus sets.

``python -m mslint.evaluate corpus/`` finds every ``truth.json`` below the folder (format in
``corpus/README.md``), checks the files it lists with the set's ruleset and rules, matches
findings to the expected ones, and prints per-rule and per-category precision and recall.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mslint.config import Settings
from mslint.engine import Engine
from mslint.findings import Finding


@dataclass(frozen=True, slots=True)
class Expected:
    rule: str
    category: str | None = None
    text: str | None = None
    line: int | None = None
    paragraph: int | None = None
    page: int | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Expected:
        unknown = set(data) - {"rule", "category", "text", "line", "paragraph", "page", "note"}
        if unknown or "rule" not in data:
            raise ValueError(f"bad expected finding {data!r}")
        return cls(**{k: v for k, v in data.items() if k != "note"})


@dataclass(slots=True)
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp[key] += tp
        self.fp[key] += fp
        self.fn[key] += fn

    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def scores(self, key: str | None = None) -> tuple[int, int, int, float, float]:
        if key is None:
            tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        else:
            tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return tp, fp, fn, precision, recall


@dataclass(slots=True)
class Miss:
    kind: str
    file: str
    rule: str
    category: str | None
    where: str
    text: str


@dataclass(slots=True)
class Evaluation:
    by_rule: Tally = field(default_factory=Tally)
    by_category: Tally = field(default_factory=Tally)
    misses: list[Miss] = field(default_factory=list)
    files: int = 0


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def matches(expected: Expected, finding: Finding) -> bool:
    if expected.rule != finding.rule_id:
        return False
    if expected.category is not None and expected.category != finding.category:
        return False
    loc = finding.location
    for key in ("line", "paragraph", "page"):
        want = getattr(expected, key)
        if want is not None and want != getattr(loc, key):
            return False
    if expected.text is not None:
        want = _norm(expected.text)
        got = _norm(finding.value) or _norm(finding.snippet)
        if not want or not got or (want not in got and got not in want):
            return False
    return True


def pair(
    expected: Sequence[Expected], findings: Sequence[Finding]
) -> tuple[list[tuple[Expected, Finding]], list[Expected], list[Finding]]:
    """Greedy one-to-one matching, most specific expectations first."""

    def specificity(e: Expected) -> int:
        return sum(v is not None for v in (e.category, e.text, e.line, e.paragraph, e.page))

    left = list(findings)
    pairs: list[tuple[Expected, Finding]] = []
    unmatched: list[Expected] = []
    for exp in sorted(expected, key=specificity, reverse=True):
        hit = next((f for f in left if matches(exp, f)), None)
        if hit is None:
            unmatched.append(exp)
        else:
            left.remove(hit)
            pairs.append((exp, hit))
    return pairs, unmatched, left


def evaluate_set(truth_path: Path, evaluation: Evaluation) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    base = truth_path.parent
    rules = tuple(truth.get("rules", ()))
    settings = Settings(root=base, ruleset=truth.get("ruleset", "default"), select=rules)
    engine = Engine(settings)
    for rel, items in truth["files"].items():
        expected = [Expected.from_json(item) for item in items]
        result = engine.check_file(base / rel)
        findings = [f for f in result.findings if not rules or f.rule_id in rules]
        pairs, missed, extra = pair(expected, findings)
        evaluation.files += 1
        for exp, found in pairs:
            evaluation.by_rule.add(exp.rule, tp=1)
            evaluation.by_category.add(found.category or exp.category or "-", tp=1)
        for exp in missed:
            evaluation.by_rule.add(exp.rule, fn=1)
            evaluation.by_category.add(exp.category or "-", fn=1)
            where = next(
                (
                    f"{k} {getattr(exp, k)}"
                    for k in ("line", "paragraph", "page")
                    if getattr(exp, k) is not None
                ),
                "",
            )
            evaluation.misses.append(
                Miss("FN", f"{base.name}/{rel}", exp.rule, exp.category, where, exp.text or "")
            )
        for found in extra:
            evaluation.by_rule.add(found.rule_id, fp=1)
            evaluation.by_category.add(found.category or "-", fp=1)
            evaluation.misses.append(
                Miss(
                    "FP",
                    f"{base.name}/{rel}",
                    found.rule_id,
                    found.category,
                    found.location.describe(),
                    found.value or found.render_message(True),
                )
            )


def evaluate(paths: Iterable[Path]) -> Evaluation:
    evaluation = Evaluation()
    for root in paths:
        truths = [root] if root.name == "truth.json" else sorted(root.rglob("truth.json"))
        for truth in truths:
            evaluate_set(truth, evaluation)
    return evaluation


def format_table(title: str, tally: Tally) -> str:
    lines = [title, f"{'':<22}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}"]
    for key in tally.labels():
        tp, fp, fn, p, r = tally.scores(key)
        lines.append(f"{key:<22}{tp:>6}{fp:>6}{fn:>6}{p:>11.3f}{r:>9.3f}")
    tp, fp, fn, p, r = tally.scores()
    lines.append(f"{'ALL':<22}{tp:>6}{fp:>6}{fn:>6}{p:>11.3f}{r:>9.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mslint.evaluate", description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path, help="corpus folders or truth.json files")
    parser.add_argument("--misses", action="store_true", help="list false positives and negatives")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    evaluation = evaluate(args.paths)
    if args.json:

        def table(t: Tally) -> dict[str, dict[str, float]]:
            keys = [*t.labels(), None]
            return {
                k or "ALL": dict(
                    zip(("tp", "fp", "fn", "precision", "recall"), t.scores(k), strict=True)
                )
                for k in keys
            }

        print(
            json.dumps(
                {
                    "files": evaluation.files,
                    "rules": table(evaluation.by_rule),
                    "categories": table(evaluation.by_category),
                },
                indent=2,
            )
        )
        return 0
    print(f"{evaluation.files} files evaluated\n")
    print(format_table("Per rule", evaluation.by_rule))
    print()
    print(format_table("Per category", evaluation.by_category))
    if args.misses and evaluation.misses:
        print("\nMisses (synthetic corpus values shown)")
        for m in evaluation.misses:
            print(f"  {m.kind} {m.file} {m.rule} {m.category or '-'} {m.where}: {m.text[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
