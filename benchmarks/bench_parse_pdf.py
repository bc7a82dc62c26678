"""Benchmark: mslint's PDF parser against a bare PyMuPDF pass on a 300-page PDF.

Builds (in a temporary directory) a 300-page PDF of running text with 100 images, half
stored as JPEG (DCT) and half as Flate (PNG origin). Prints, as medians over repeats:

* the bare PyMuPDF pass: open, ``get_text()`` of every page, the raw stream of every image;
* mslint's ``PdfParser.parse`` of the same file;
* their ratio (goal: at most 1.5), in CPU time and in wall time;
* for context, a second bare pass that asks for ``get_text("dict")`` (the spans with fonts,
  colours and boxes the parser needs; image decoding off) instead of plain text;
* the peak RSS of parsing the file in a fresh subprocess, beside the RSS of the bare pass;
* for four unreadable files (password-protected, truncated, a DOCX named .pdf, garbage in a
  PDF frame), the time, peak RSS and one-line reason of `Engine.parse`, each in a fresh
  process.

The passes are run in turn, round after round, so that load from other processes on a shared
machine falls on all of them alike; CPU time (``time.process_time``) is the steadier figure.

Run: ``.venv/bin/python benchmarks/bench_parse_pdf.py [--repeats 5] [--pages 300]``.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def _bare(path: Path, text: Callable[[Any], int]) -> int:
    import pymupdf

    doc = pymupdf.open(path)
    total = 0
    seen: set[int] = set()
    for page in doc:
        total += text(page)
        for item in page.get_images(full=True):
            xref = item[0]
            if xref not in seen:
                seen.add(xref)
                total += len(doc.xref_stream_raw(xref))
    doc.close()
    return total


def bare_pass(path: Path) -> int:
    """What any PyMuPDF user would do: all text, every image's stored stream."""
    return _bare(path, lambda page: len(page.get_text()))


def bare_dict_pass(path: Path) -> int:
    """The bare pass with spans: ``get_text("dict")`` without image decoding."""
    import pymupdf

    flags = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES
    return _bare(path, lambda page: len(page.get_text("dict", flags=flags)["blocks"]))


def mslint_pass(path: Path) -> int:
    from mslint.parser import ParseOptions
    from mslint.parsers.pdf import PdfParser

    doc = PdfParser().parse(path, ParseOptions(root=path.parent))
    return len(doc.blocks) + len(doc.images)


def _timings(passes: dict[str, Callable[[Path], int]], path: Path, repeats: int
             ) -> dict[str, tuple[float, float]]:
    """(median CPU seconds, median wall seconds) of each pass, the passes run in turn."""
    cpu: dict[str, list[float]] = {name: [] for name in passes}
    wall: dict[str, list[float]] = {name: [] for name in passes}
    for _ in range(repeats):
        for name, func in passes.items():
            gc.collect()
            started_cpu, started = time.process_time(), time.perf_counter()
            func(path)
            cpu[name].append(time.process_time() - started_cpu)
            wall[name].append(time.perf_counter() - started)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name]))
            for name in passes}


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

import time
base = high_water_kib()
started = time.perf_counter()
result = getattr(bench, {func!r})(Path({path!r}))
seconds = time.perf_counter() - started
print(json.dumps({{"before_kib": base, "peak_kib": high_water_kib(), "seconds": seconds,
                   "result": result}}))
"""


def peak_rss(path: Path, func: str) -> dict[str, Any]:
    """Peak RSS (KiB), seconds and result of a fresh interpreter running ``func`` on
    ``path``."""
    code = _RSS_CHILD.format(bench_dir=str(Path(__file__).parent), func=func, path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def unreadable_reason(path: Path) -> dict[str, Any]:
    """What `Engine.parse` says of a file it cannot read (the MS901 message), and how long
    it took to say it (the engine is built before the clock starts)."""
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.parser import UnreadableFile

    engine = Engine(Settings(select=("MS901",), root=path.parent))
    started = time.perf_counter()
    try:
        engine.parse(path)
        reason = "parsed (unexpected)"
    except UnreadableFile as exc:
        reason = str(exc)
    return {"reason": reason, "seconds": time.perf_counter() - started}


def build_bad_inputs(folder: Path, good: Path) -> dict[str, Path]:
    """A password-protected PDF, the benchmark PDF cut in half, a DOCX named .pdf and a
    file with a PDF header and end marker around garbage."""
    import pymupdf

    locked = folder / "locked.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Patient record", fontsize=11)
    doc.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret",
             owner_pw="owner")
    doc.close()
    cut = folder / "truncated.pdf"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    docx = folder / "really-a-docx.pdf"
    docx.write_bytes(b"PK\x03\x04" + bytes(2048))
    garbage = folder / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 400 + b"\n%%EOF\n")
    return {"password-protected": locked, "truncated (half of it)": cut,
            "DOCX named .pdf": docx, "garbage in a PDF frame": garbage}


def built_pdf(folder: Path, pages: int, images: int) -> Path:
    """`build_pdf` into ``folder/bench.pdf``, saying what was built and how long it took."""
    path = folder / "bench.pdf"
    started = time.perf_counter()
    build_pdf(path, pages, images)
    print(f"built {pages}-page PDF with {images} images "
          f"({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--images", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = built_pdf(Path(tmp), args.pages, args.images)
        passes = {"bare": bare_pass, "bare-dict": bare_dict_pass, "mslint": mslint_pass}
        for func in passes.values():
            func(path)  # warm every pass (imports, page cache) before timing
        timed = _timings(passes, path, args.repeats)
        labels = {"bare": "bare PyMuPDF (text + raw image streams)",
                  "bare-dict": 'bare PyMuPDF, get_text("dict") + raw streams',
                  "mslint": "mslint PdfParser.parse"}
        print(f"medians of {args.repeats}, passes interleaved:")
        for name, (cpu, wall) in timed.items():
            print(f"  {labels[name]:<46} CPU {cpu:.3f} s  wall {wall:.3f} s")
        (bare_cpu, bare_wall), (ours_cpu, ours_wall) = timed["bare"], timed["mslint"]
        print(f"ratio mslint / bare: CPU {ours_cpu / bare_cpu:.2f}, "
              f"wall {ours_wall / bare_wall:.2f}  (goal <= 1.5)")
        dict_cpu = timed["bare-dict"][0]
        print(f"ratio mslint / bare-dict: CPU {ours_cpu / dict_cpu:.2f}  (context)")
        rss_bare = peak_rss(path, "bare_pass")
        rss_ours = peak_rss(path, "mslint_pass")
        print(f"peak RSS parsing in a fresh process: bare {rss_bare['peak_kib'] / 1024:.0f} MiB, "
              f"mslint {rss_ours['peak_kib'] / 1024:.0f} MiB "
              f"(interpreter + pymupdf before parsing: {rss_ours['before_kib'] / 1024:.0f} MiB)")
        print("bad inputs (Engine.parse in a fresh process each):")
        for name, bad in build_bad_inputs(Path(tmp), path).items():
            run = peak_rss(bad, "unreadable_reason")
            said = run["result"]
            print(f"  {name:24} {bad.stat().st_size / 1e6:6.2f} MB {said['seconds'] * 1000:7.1f} ms"
                  f"  peak RSS {run['peak_kib'] / 1024:4.0f} MiB  -> {said['reason']}")


if __name__ == "__main__":
    main()
