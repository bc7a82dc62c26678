"""Benchmark: what the forensics rules (MS301, MS305, MS401-MS406) add to parsing a PDF.

Builds the PDF parser benchmark's document (300 pages of running text, 100 images, half
JPEG and half Flate; the builder is imported from ``bench_parse_pdf``), parses it with
mslint's PDF parser, then runs the forensics rules on the parsed Document. Prints medians
over repeats of the parse, of the rules (with the real identifier detectors registered, warm,
and with none), each rule's own median, and the ratio rules / parse (goal: at most 0.20).

A second figure does the same with every JPEG carrying a full EXIF block (GPS, dates,
owner, serials, comment), so MS301 really reads metadata instead of skipping bare JFIF.

Run: ``.venv/bin/python benchmarks/bench_forensics.py [--repeats 5] [--pages 300]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_parse_pdf  # the shared PDF builder

FORENSIC = ("MS301", "MS305", "MS401", "MS402", "MS403", "MS404", "MS405", "MS406")


def _median(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _with_exif(path: Path, out: Path) -> None:
    """A copy of the PDF whose JPEG streams all carry a full EXIF block."""
    import io

    import piexif
    import pymupdf
    from PIL import Image

    exif = piexif.dump({
        "0th": {piexif.ImageIFD.Make: b"Canon", piexif.ImageIFD.Artist: b"Dr A Example",
                piexif.ImageIFD.ImageDescription: b"wound, left leg"},
        "Exif": {piexif.ExifIFD.DateTimeOriginal: b"2023:04:05 10:11:12",
                 piexif.ExifIFD.BodySerialNumber: b"SN1234",
                 piexif.ExifIFD.UserComment: b"ASCII\x00\x00\x00seen in clinic 4"},
        "GPS": {piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((51, 1), (30, 1), (0, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"W",
                piexif.GPSIFD.GPSLongitude: ((0, 1), (7, 1), (0, 1))},
    })
    doc = pymupdf.open(path)
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Filter") == ("name", "/DCTDecode"):
            raw = doc.xref_stream_raw(xref)
            buf = io.BytesIO()
            piexif.insert(exif, raw, buf)
            Image.open(io.BytesIO(buf.getvalue())).verify()
            doc.update_stream(xref, buf.getvalue(), compress=False)
            doc.xref_set_key(xref, "Filter", "/DCTDecode")
    doc.save(out, garbage=3)
    doc.close()


def measure(path: Path, repeats: int, label: str) -> None:
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.plugins import Plugins
    from mslint.resources import Resources
    from mslint.rule import RuleContext

    plugins = Plugins(entry_point_plugins=False)
    engine = Engine(Settings(root=path.parent), plugins)
    rules = [r for r in plugins.rules if r.meta.id in FORENSIC]
    document = engine.parse(path)

    def run_rules(resources: Resources, only: object = None) -> int:
        resources.start_document()
        count = 0
        for rule in rules:
            if only is not None and rule is not only:
                continue
            settings = engine.rule_settings[rule.meta.id]
            ctx = RuleContext(rule.meta, path.name, settings.params, settings.severity,
                              resources)
            count += sum(1 for _ in rule.check(document, ctx))
        return count

    with_detectors = engine.resources
    bare = Resources(())
    findings = run_rules(with_detectors)  # warm: imports, detector models if any text asks
    run_rules(bare)
    parse = _median(lambda: engine.parse(path), repeats)
    rules_real = _median(lambda: run_rules(with_detectors), repeats)
    rules_bare = _median(lambda: run_rules(bare), repeats)
    print(f"\n[{label}] {len(document.blocks)} blocks, {len(document.images)} images, "
          f"{findings} forensic findings")
    print(f"  parse (Engine.parse -> PdfParser):        {parse:.3f} s  (median of {repeats})")
    print(f"  forensics rules, real detectors (warm):   {rules_real:.3f} s  "
          f"-> +{rules_real / parse:.1%} of parse time (goal <= 20%)")
    print(f"  forensics rules, no detectors:            {rules_bare:.3f} s  "
          f"-> +{rules_bare / parse:.1%}")
    for rule in rules:
        own = _median(lambda rule=rule: run_rules(with_detectors, rule), repeats)
        print(f"    {rule.meta.id} {rule.meta.name:<22} {own * 1000:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--images", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = bench_parse_pdf.built_pdf(Path(tmp), args.pages, args.images)
        measure(path, args.repeats, "as built: JPEGs with bare JFIF headers")
        exif_path = Path(tmp) / "bench-exif.pdf"
        _with_exif(path, exif_path)
        measure(exif_path, args.repeats, "every JPEG carries GPS/date/owner/serial EXIF")


if __name__ == "__main__":
    main()
