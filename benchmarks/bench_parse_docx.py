"""DOCX parse cost against a bare python-docx pass.

Builds a 40-page DOCX with 30 images (python-docx, in a temporary directory), then times
mslint's DOCX parser beside python-docx opening the file and pulling only paragraph text and
image blobs. Prints medians over the repeats and the ratio (goal: at most 1.5).

    .venv/bin/python benchmarks/bench_parse_docx.py [--repeats 7]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORDS = [
    "patient", "presented", "with", "acute", "abdominal", "pain", "fever", "and", "vomiting",
    "after", "surgery", "the", "laboratory", "results", "showed", "raised", "inflammatory",
    "markers", "imaging", "confirmed", "collection", "drained", "under", "guidance",
    "antibiotics", "were", "continued", "recovery", "was", "uneventful", "follow", "up",
]


def build(path: Path, pages: int = 40, images: int = 30, flat: bool = False) -> None:
    """About 500 words a page, a heading every two pages, a table every ten, and distinct
    noisy images (photograph-sized JPEG and PNG files; ``flat`` makes them one colour and
    tiny, so that text dominates) with a caption below each."""
    import docx
    from docx.shared import Inches
    from PIL import Image

    rng = random.Random(7)
    doc = docx.Document()
    doc.core_properties.author = "Benchmark Author"
    image_at = {round(i * pages * 5 / images) for i in range(images)}
    figure = 0
    for para in range(pages * 5):
        if para % 10 == 0:
            doc.add_heading(f"Section {para // 10 + 1}", level=1)
        doc.add_paragraph(" ".join(rng.choice(WORDS) for _ in range(100)).capitalize() + ".")
        if para % 50 == 25:
            table = doc.add_table(rows=6, cols=4)
            for cell in table._cells:
                cell.text = str(rng.randint(1, 999))
        if para in image_at and figure < images:
            figure += 1
            buf = io.BytesIO()
            img = Image.new("RGB", (800, 600), (figure * 8, 90, 140))
            if not flat:
                noise = Image.effect_noise((800, 600), 40 + figure).convert("RGB")
                img = Image.blend(noise, img, 0.5)
            if figure % 2:
                img.save(buf, "JPEG", quality=85)
            else:
                img.save(buf, "PNG")
            doc.add_picture(io.BytesIO(buf.getvalue()), width=Inches(4))
            doc.add_paragraph(f"Figure {figure}. Legend of figure {figure}.")
    doc.save(str(path))


def bare_python_docx(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    blobs = [rel.target_part.blob for rel in document.part.rels.values()
             if rel.reltype.endswith("/image") and not rel.is_external]
    return len(text) + len(blobs)


def mslint_parse(path: Path) -> int:
    from mslint.parser import ParseOptions
    from mslint.parsers.docx import DocxParser

    doc = DocxParser().parse(path, ParseOptions(root=path.parent))
    return len(doc.blocks) + len(doc.images)


def median_seconds(fn: Callable[[Path], int], path: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--flat-images", action="store_true",
                    help="one-colour images of a few KB, so the text walk dominates")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-40-pages.docx"
        build(path, flat=args.flat_images)
        from mslint.parser import ParseOptions
        from mslint.parsers.docx import DocxParser

        doc = DocxParser().parse(path, ParseOptions(root=path.parent))
        words = sum(len(b.text.split()) for b in doc.text_blocks())
        media = [i for i in doc.images if not i.attrs.get("thumbnail")]
        print(f"fixture: {path.stat().st_size / 1e6:.1f} MB, {words} words, "
              f"{len(media)} images, {len(doc.figures)} figures, {len(doc.blocks)} blocks")
        mslint_parse(path)
        bare_python_docx(path)  # warm both (imports, page cache)
        bare = median_seconds(bare_python_docx, path, args.repeats)
        ours = median_seconds(mslint_parse, path, args.repeats)
        print(f"python-docx text + image blobs : {bare * 1000:7.1f} ms (median of {args.repeats})")
        print(f"mslint DocxParser.parse         : {ours * 1000:7.1f} ms (median of {args.repeats})")
        print(f"ratio mslint / python-docx      : {ours / bare:7.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
