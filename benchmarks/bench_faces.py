"""mslint-faces: detection recall, radiology false positives, masking verdicts, time per image.

Builds the synthetic sets of plugins/mslint-faces/tests/synthetic_faces.py (drawn faces, no
real person; radiology-like greyscale images), runs the plugin's analysis on each, and
prints recall, false positives, a verdict table per masking variant and the median time per
image, with the bare OpenCV cascade time measured in the same run as the peer.

    .venv/bin/python benchmarks/bench_faces.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "plugins" / "mslint-faces" / "tests" / "synthetic_faces.py"


def _load_synthetic():
    spec = importlib.util.spec_from_file_location("mslint_faces_synthetic", SYNTHETIC)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    import cv2
    from mslint_faces.analysis import analyse_rgb
    from mslint_faces.colour import skin_map
    from mslint_faces.detect import detect_faces
    from mslint_faces.geometry import Box
    from mslint_faces.rules import INADEQUATE_MASKING, InadequateMaskingRule

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    synth = _load_synthetic()
    faces = synth.face_set(24)
    radiology = synth.radiology_set(12)
    params = INADEQUATE_MASKING.parameters

    hits = 0
    for face in faces:
        gray = cv2.cvtColor(face.image, cv2.COLOR_RGB2GRAY)
        found = [d.box for d in detect_faces(gray, skin_map(face.image))]
        truth = Box(*face.box)
        hits += any(b.intersection(truth) >= 0.5 * min(b.area, truth.area) for b in found)
    print(f"detection recall: {hits}/{len(faces)} = {hits / len(faces):.2f}")
    detector_fp = sum(len(detect_faces(img, None)) for img in radiology)
    analysis_fp = sum(len(analyse_rgb(np.stack([img] * 3, -1)).faces) for img in radiology)
    print(f"radiology images: {len(radiology)}, detector boxes: {detector_fp}, "
          f"faces reported by the analysis: {analysis_fp}")

    variants = {
        "unmasked": lambda f: f,
        "eye bar": synth.eye_bar,
        "mouth patch": synth.mouth_patch,
        "pixelated, 16 blocks": lambda f: synth.pixelate(f, 16),
        "pixelated, 12 blocks": lambda f: synth.pixelate(f, 12),
        "pixelated, 6 blocks": lambda f: synth.pixelate(f, 6),
        "pixelated, 5 blocks": lambda f: synth.pixelate(f, 5),
        "eyes pixelated, 12": lambda f: synth.pixelate_eyes(f, 12),
        "blur 0.03 x width": lambda f: synth.blur(f, 0.03),
        "blur 0.08 x width": lambda f: synth.blur(f, 0.08),
    }
    print("\nverdicts per variant (24 faces; blocks = across the drawn face oval)")
    print(f"{'variant':24} {'fmt':5} {'MS303':>6} {'MS304':>6} {'none':>6}")
    for name, make in variants.items():
        for fmt in ("png", "jpeg"):
            counts: Counter[str] = Counter()
            for face in faces:
                data = synth.encode(make(face).image, fmt, quality=85)
                rgb = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
                result = analyse_rgb(rgb)
                kinds = {"MS303" if f.masking == "none" else "MS304"
                         for f in result.faces
                         if f.masking == "none" or InadequateMaskingRule.problem(f, params)}
                counts["MS304" if "MS304" in kinds else "MS303" if kinds else "none"] += 1
            print(f"{name:24} {fmt:5} {counts['MS303']:6} {counts['MS304']:6} {counts['none']:6}")

    images = [f.image for f in faces[:12]] + [np.stack([r] * 3, -1) for r in radiology[:6]]
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(args.repeats):
        for img in images:
            t = time.perf_counter()
            analyse_rgb(img)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
            cascade.detectMultiScale(gray, 1.1, 5)
            bare.append(time.perf_counter() - t)
    sizes = sorted({f"{img.shape[1]}x{img.shape[0]}" for img in images})
    print(f"\ntime per image ({len(images)} images, {', '.join(sizes)}; x{args.repeats}):")
    print(f"  mslint-faces analysis: median {statistics.median(ours) * 1000:.0f} ms")
    print(f"  bare OpenCV frontal cascade at full size: median "
          f"{statistics.median(bare) * 1000:.0f} ms")
    print(f"  ratio: {statistics.median(ours) / statistics.median(bare):.2f}")


if __name__ == "__main__":
    main()
