"""Benchmark: mslint's PDF parser against a bare PyMuPDF pass on a 300-page PDF.

Builds (in a temporary directory) a 300-page PDF of running text with 100 images, half
stored as JPEG (DCT) and half as Flate (PNG origin). Prints, as medians over repeats:

* the bare PyMuPDF pass: open, ``get_text()`` of every page, the raw stream of every image;
* mslint's ``PdfParser.parse`` of the same file;
* their ratio (goal: at most 1.5);
* the peak RSS of parsing the file in a fresh subprocess, beside the RSS of the bare pass.

Run: ``.venv/bin/python benchmarks/bench_parse_pdf.py [--repeats 5] [--pages 300]``.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_PROSE = (
    "patient presented with acute abdominal pain fever and vomiting the history was "
    "unremarkable laboratory tests showed raised inflammatory markers imaging revealed "
    "a collection treated with antibiotics drainage follow up recovery outcome clinic"
)
WORDS = _PROSE.split()


def _image_bytes(rng: random.Random, fmt: str, index: int) -> bytes:
    from PIL import Image

    width, height = 640 + 16 * (index % 10), 480
    img = Image.effect_noise((width, height), 40 + index % 30).convert("RGB")
    tint = Image.new("RGB", (width, height), (rng.randrange(256), rng.randrange(256), 90))
    img = Image.blend(img, tint, 0.5)
    buf = io.BytesIO()
    img.save(buf, fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    return buf.getvalue()


def build_pdf(path: Path, pages: int = 300, images: int = 100, seed: int = 7) -> None:
    """Write the benchmark PDF: running text on every page, ``images`` pictures spread
    over the pages (alternately JPEG and PNG), each with a figure caption below it."""
    import pymupdf

    rng = random.Random(seed)
    doc = pymupdf.open()
    every = max(1, pages // images) if images else pages + 1
    figure = 0
    for number in range(pages):
        page = doc.new_page()
        top = 60
        if number == 0:
            page.insert_text((72, top), "Case report of a benchmark patient", fontsize=16,
                             fontname="hebo")
            top += 30
        if images and number % every == 0 and figure < images:
            fmt = "JPEG" if figure % 2 == 0 else "PNG"
            rect = pymupdf.Rect(72, top, 72 + 320, top + 240)
            page.insert_image(rect, stream=_image_bytes(rng, fmt, figure))
            figure += 1
            page.insert_textbox(pymupdf.Rect(72, rect.y1 + 6, 523, rect.y1 + 40),
                                f"Figure {figure}. Benchmark image number {figure}.",
                                fontsize=9)
            top = int(rect.y1) + 50
        if number % 25 == 5:
            page.insert_text((72, top), f"{number // 25 + 1}. Section title", fontsize=13,
                             fontname="hebo")
            top += 24
        text = " ".join(rng.choice(WORDS) for _ in range(420 if top < 100 else 260))
        page.insert_textbox(pymupdf.Rect(72, top, 523, 800), text.capitalize() + ".",
                            fontsize=10)
    doc.save(path, garbage=3, deflate=True)
    doc.close()


def bare_pass(path: Path) -> int:
    """What any PyMuPDF user would do: all text, every image's stored stream."""
    import pymupdf

    doc = pymupdf.open(path)
    total = 0
    seen: set[int] = set()
    for page in doc:
        total += len(page.get_text())
        for item in page.get_images(full=True):
            xref = item[0]
            if xref not in seen:
                seen.add(xref)
                total += len(doc.xref_stream_raw(xref))
    doc.close()
    return total


def mslint_pass(path: Path) -> int:
    from mslint.parser import ParseOptions
    from mslint.parsers.pdf import PdfParser

    doc = PdfParser().parse(path, ParseOptions(root=path.parent))
    return len(doc.blocks) + len(doc.images)


def _median_time(func, path: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


_RSS_CHILD = """
import json, sys
from pathlib import Path
sys.path.insert(0, {bench_dir!r})
import bench_parse_pdf as bench
import pymupdf  # imported up front in both modes so the figures compare like with like
import mslint.parsers.pdf

def high_water_kib():
    # VmHWM is per address space, so unlike ru_maxrss it does not carry over the parent's
    # peak through fork and exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

base = high_water_kib()
getattr(bench, {func!r})(Path({path!r}))
print(json.dumps({{"before_kib": base, "peak_kib": high_water_kib()}}))
"""


def peak_rss(path: Path, func: str) -> dict[str, int]:
    """Peak RSS (KiB) of a fresh interpreter running ``func`` on ``path``."""
    code = _RSS_CHILD.format(bench_dir=str(Path(__file__).parent), func=func, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--images", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        started = time.perf_counter()
        build_pdf(path, args.pages, args.images)
        print(f"built {args.pages}-page PDF with {args.images} images "
              f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
        bare_pass(path)
        mslint_pass(path)  # warm both (imports, page cache) before timing
        bare = _median_time(bare_pass, path, args.repeats)
        ours = _median_time(mslint_pass, path, args.repeats)
        print(f"bare PyMuPDF (text + raw image streams): {bare:.3f} s  (median of {args.repeats})")
        print(f"mslint PdfParser.parse:                  {ours:.3f} s  (median of {args.repeats})")
        print(f"ratio mslint / bare: {ours / bare:.2f}  (goal <= 1.5)")
        rss_bare = peak_rss(path, "bare_pass")
        rss_ours = peak_rss(path, "mslint_pass")
        print(f"peak RSS parsing in a fresh process: bare {rss_bare['peak_kib'] / 1024:.0f} MiB, "
              f"mslint {rss_ours['peak_kib'] / 1024:.0f} MiB "
              f"(interpreter + pymupdf before parsing: {rss_ours['before_kib'] / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
