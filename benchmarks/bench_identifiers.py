"""Identifier detection speed, and the development set's hard negatives.

On the text blocks of the identifier development set (``corpus/identifiers``, parsed by
mslint's parsers) it prints:

1. throughput of the detectors that need no model (records, phones, contact, geography,
   dates, ages, devices, marks, titles/initials/given names), in MB of text per second:
   per block of the set (short blocks, dense with planted identifiers), on the set joined
   into one text of over 1 MB, and per block of the real manuscripts in
   ``../shared/realcorpus`` (when present: ordinary text, as submitted);
2. the bare spaCy NER pipeline (``nlp(text)`` per block, the pipeline `Resources` loads)
   against all detectors with NER on the same blocks, and their ratio;
3. the hard-negative files of the set and how many MS201-MS209 findings each gives
   (the target is zero).

Medians of ``--repeats`` runs after a warm-up, in CPU seconds of this process (the
machine is shared, so wall time mostly measures the neighbours; its median is printed
beside for the record); read the ratios. Bare spaCy and all detectors run alternately,
and their ratio is the median of the per-pair ratios. ``--per-detector`` adds each no-NER detector's
own CPU time on the blocks (each then lowers and counts digits of a text for itself, so
the parts add up to more than the whole).

    .venv/bin/python benchmarks/bench_identifiers.py [--repeats 5] [--per-detector]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "corpus" / "identifiers"
REALCORPUS = ROOT.parent / "shared" / "realcorpus"
MANUSCRIPT_SUFFIXES = (".docx", ".pdf", ".tex", ".md")


def manuscript_texts(engine: Any) -> list[str]:
    """The text blocks of the real-world manuscripts (empty when the corpus is absent)."""
    from mslint.parser import UnreadableFile

    texts: list[str] = []
    if not REALCORPUS.is_dir():
        return texts
    for path in sorted(REALCORPUS.rglob("*")):
        if path.is_file() and path.suffix.lower() in MANUSCRIPT_SUFFIXES:
            try:
                texts += [b.text for b in engine.parse(path).text_blocks()]
            except UnreadableFile:
                continue
    return texts


def identifier_engine() -> Any:
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.plugins import Plugins

    truth = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))
    return Engine(Settings(root=DEVSET, select=tuple(truth["rules"])),
                  Plugins(entry_point_plugins=False))


def median_seconds(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median CPU and wall seconds of ``run`` after one warm-up call. Read the CPU time:
    the machine is shared, and every measured step runs in this one process."""
    run()
    cpu, wall = [], []
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall)


def paired_medians(base: Callable[[], object], other: Callable[[], object],
                   repeats: int) -> tuple[float, float, float]:
    """Median CPU seconds of ``base`` and ``other`` run alternately ``repeats`` times after a
    warm-up of each, and the median of the per-pair ratios other/base: a neighbour's load
    that comes and goes then weighs on both sides of each ratio alike."""
    base()
    other()
    first, second = [], []
    for _ in range(repeats):
        for run, out in ((base, first), (other, second)):
            c0 = time.process_time()
            run()
            out.append(time.process_time() - c0)
    ratios = [b / a for a, b in zip(first, second, strict=True)]
    return statistics.median(first), statistics.median(second), statistics.median(ratios)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--per-detector", action="store_true")
    args = parser.parse_args(argv)

    from mslint.detector import DetectionContext
    from mslint.identifiers.names import NerDetector
    from mslint.identifiers.plugin import regex_detectors

    engine = identifier_engine()
    truth = json.loads((DEVSET / "truth.json").read_text(encoding="utf-8"))
    documents = {rel: engine.parse(DEVSET / rel) for rel in truth["files"]}
    texts = [b.text for d in documents.values() for b in d.text_blocks()]
    size = sum(len(t.encode("utf-8")) for t in texts)
    words = sum(len(t.split()) for t in texts)
    resources = engine.resources
    ctx = DetectionContext(resources)
    plain = regex_detectors()
    ner = NerDetector()
    nlp = resources.nlp(("ner",))
    nlp("Warm-up text for John Smith on 1 May 2020.")

    def regex_only() -> None:
        for text in texts:
            for detector in plain:
                list(detector.detect(text, ctx))

    big = "\n\n".join(texts)
    big = big * max(1, (1_000_000 // len(big)) + 1)
    big_mb = len(big.encode("utf-8")) / 1e6

    def regex_one_text() -> None:
        for detector in plain:
            list(detector.detect(big, ctx))

    def bare_spacy() -> None:
        for text in texts:
            nlp(text)

    def all_detectors() -> None:
        for text in texts:
            for detector in plain:
                list(detector.detect(text, ctx))
            list(ner.detect(text, ctx))

    real = manuscript_texts(engine)
    real_size = sum(len(t.encode("utf-8")) for t in real)

    def regex_real() -> None:
        for text in real:
            for detector in plain:
                list(detector.detect(text, ctx))

    (t_regex, w_regex) = median_seconds(regex_only, args.repeats)
    (t_big, w_big) = median_seconds(regex_one_text, max(1, args.repeats // 2))
    (t_spacy, t_all, ner_ratio) = paired_medians(bare_spacy, all_detectors, args.repeats)

    print(f"identifier development set: {len(texts)} text blocks, {size / 1e6:.3f} MB, "
          f"{words} words; median of {args.repeats} runs")
    if real:
        print(f"real manuscripts ({REALCORPUS.name}): {len(real)} text blocks, "
              f"{real_size / 1e6:.2f} MB")
    print()
    print(f"{'what (CPU time)':<52}{'seconds':>9}{'MB/s':>8}{'words/s':>10}{'wall MB/s':>11}")
    print(f"{'detectors without NER, per block':<52}{t_regex:>9.3f}{size / t_regex / 1e6:>8.2f}"
          f"{words / t_regex:>10.0f}{size / w_regex / 1e6:>11.2f}")
    print(f"{f'detectors without NER, one {big_mb:.1f} MB text':<52}{t_big:>9.3f}"
          f"{big_mb / t_big:>8.2f}{'':>10}{big_mb / w_big:>11.2f}")
    if real:
        (t_real, w_real) = median_seconds(regex_real, args.repeats)
        label = f"detectors without NER, {len(real)} real-manuscript blocks"
        print(f"{label:<52}{t_real:>9.3f}{real_size / t_real / 1e6:>8.2f}{'':>10}"
              f"{real_size / w_real / 1e6:>11.2f}")
    print(f"{'bare spaCy NER pipeline, per block':<52}{t_spacy:>9.3f}"
          f"{size / t_spacy / 1e6:>8.3f}{words / t_spacy:>10.0f}")
    print(f"{'all detectors with NER, per block':<52}{t_all:>9.3f}{size / t_all / 1e6:>8.3f}"
          f"{words / t_all:>10.0f}")
    print(f"\nwith NER / bare spaCy: {ner_ratio:.2f}x the time, median of {args.repeats} "
          "interleaved pairs (target <= 1.3x)")
    if args.per_detector:
        print(f"\n{'no-NER detector, per block (CPU)':<52}{'seconds':>9}{'share':>8}")
        for detector in plain:
            def one(detector: Any = detector) -> None:
                for text in texts:
                    list(detector.detect(text, ctx))
            (t_one, _) = median_seconds(one, args.repeats)
            print(f"{detector.name:<52}{t_one:>9.3f}{t_one / t_regex:>8.0%}")

    print("\nhard negatives (files that must give no MS201-MS209 finding)")
    print(f"{'file':<34}{'findings':>9}")
    total = 0
    for rel, expected in truth["files"].items():
        if expected:
            continue
        result = engine.check_document(documents[rel], rel)
        count = sum(f.rule_id.startswith("MS2") for f in result.findings)
        total += count
        print(f"{rel:<34}{count:>9}")
    print(f"{'ALL':<34}{total:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
