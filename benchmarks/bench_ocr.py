"""Benchmark: mslint-ocr on ultrasound-style images, against a bare RapidOCR call.

Prints, as medians over repeats (the machine is shared: quote medians and ratios):

* the engine's load time with its first read (models from the rapidocr wheel, once per
  process);
* OCR of one 1024x768 ultrasound-style image: the bare RapidOCR call with its default
  settings (same bundled models) on the picture, and mslint-ocr's full read (decode, the
  overlay view, OCR, clean-up; cache off), wall and CPU time, and their ratio (goal:
  mslint < 1.5 s);
* a 20-image Markdown manuscript (1024x768 figures) checked in two separate processes
  sharing one cache directory: engine calls and wall time of each run (goal: the second
  run's engine calls = 0);
* the peak RSS of the first run.

Run: ``.venv/bin/python benchmarks/bench_ocr.py [--repeats 7]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins" / "mslint-ocr" / "tests"))
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

LAYOUT_CYCLE = ("top-left", "top-right", "bottom-bar", "two-lines-centre", "small-font",
                "inverted", "coloured", "on-image", "corners", "labelled-header")


def timed(fn, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``fn()`` over ``repeats`` calls."""
    walls, cpus = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def single_image(repeats: int) -> None:
    from mslint_ocr.cache import OcrCache
    from mslint_ocr.engine import get_engine
    from mslint_ocr.reader import ImageReader
    from rapidocr import RapidOCR
    from ultrasound_images import png_bytes, ultrasound_image

    from mslint.model import EmbeddedImage, Location

    img = ultrasound_image("labelled-header", seed=5)
    assert img.size == (1024, 768)
    data = png_bytes(img)

    bare = RapidOCR(params={"Global.log_level": "error"})
    started = time.perf_counter()
    engine = get_engine()
    engine.read(img)
    mslint_load_and_first = time.perf_counter() - started

    reader = ImageReader(engine=engine, cache=OcrCache(None))
    image = EmbeddedImage(id="us.png", format="png", location=Location(), data=data)
    bare(img)
    print(f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    bare_wall, bare_cpu = timed(lambda: bare(img), repeats)
    one_wall, one_cpu = timed(lambda: engine.read(img), repeats)
    full_wall, full_cpu = timed(lambda: reader.read(image), repeats)
    print(f"mslint-ocr engine load + first read: {mslint_load_and_first:.2f} s")
    print(f"1024x768 ultrasound image, median of {repeats}:")
    print(f"  bare RapidOCR (defaults)          wall {bare_wall:.3f} s   cpu {bare_cpu:.3f} s")
    print(f"  mslint-ocr engine on the picture wall {one_wall:.3f} s   cpu {one_cpu:.3f} s")
    print(f"  mslint-ocr full read              wall {full_wall:.3f} s   cpu {full_cpu:.3f} s"
          f"   ratio to bare {full_wall / bare_wall:.2f}x   goal < 1.5 s: "
          f"{'met' if full_wall < 1.5 else 'NOT met'}")


def write_manuscript(root: Path) -> Path:
    from ultrasound_images import ultrasound_image

    figures = root / "figures"
    figures.mkdir()
    lines = ["# Case series", ""]
    for i in range(20):
        name = f"figures/us{i:02d}.png"
        ultrasound_image(LAYOUT_CYCLE[i % len(LAYOUT_CYCLE)], seed=i).save(root / name)
        lines += [f"![Figure {i + 1}. Ultrasound, case {i + 1}.]({name})", ""]
    paper = root / "paper.md"
    paper.write_text("\n".join(lines), encoding="utf-8")
    return paper


def run_once(paper: Path) -> None:
    """One check of the manuscript, as a fresh mslint process would do it."""
    import mslint_ocr.plugin
    from mslint_ocr.engine import get_engine

    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.plugins import Plugins

    plugins = Plugins(entry_point_plugins=False)
    plugins.register(mslint_ocr.plugin, name="mslint-ocr")
    engine = Engine(Settings(root=paper.parent, select=("MS302",)), plugins)
    started = time.perf_counter()
    result = engine.check_file(paper)
    seconds = time.perf_counter() - started
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"calls": get_engine().calls, "seconds": seconds,
                      "findings": len(result.findings), "peak_rss": peak_rss}))


def two_runs() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paper = write_manuscript(root)
        env = {**os.environ, "MSLINT_OCR_CACHE_DIR": str(root / "ocr-cache")}
        runs = []
        for _ in range(2):
            out = subprocess.run([sys.executable, __file__, "--run-once", str(paper)],
                                 env=env, capture_output=True, text=True, check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print("20-image manuscript (1024x768 figures), two runs in separate processes, one cache:")
    for i, run in enumerate(runs, start=1):
        print(f"  run {i}: engine calls {run['calls']:3d}   {run['seconds']:6.2f} s   "
              f"MS302 findings {run['findings']}   peak RSS {run['peak_rss'] / 2**20:.0f} MiB")
    print(f"  second run engine calls = {runs[1]['calls']} (goal 0: "
          f"{'met' if runs[1]['calls'] == 0 else 'NOT met'}); images read twice: "
          f"{'none' if runs[1]['calls'] == 0 else runs[1]['calls']}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--run-once", type=Path)
    args = parser.parse_args()
    if args.run_once:
        run_once(args.run_once)
        return
    single_image(args.repeats)
    two_runs()


if __name__ == "__main__":
    main()
