"""The OCR engine: RapidOCR with the PP-OCR ONNX models its wheel ships, loaded once.

Nothing is downloaded: the model paths are given explicitly, so RapidOCR never reaches
its download code. ONNX Runtime 1.2x+ keeps a telemetry device id and an event database
under ``~/.cache/Microsoft/DeveloperTools`` unless ``ORT_DISABLE_TELEMETRY`` is set
before it is first imported; the engine sets it before importing anything.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL.Image import Image

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
#: Lines the recogniser is less sure of than this are dropped.
MIN_LINE_SCORE = 0.5
#: A "line" taller than this share of the image is a shape the detector took for text
#: (an ultrasound sector read as "D"), not a line of text.
MAX_LINE_HEIGHT_SHARE = 0.25
#: Detector box score below which a region is dropped (RapidOCR: 0.5); small 14-pixel
#: header fonts on a dark frame score 0.3-0.5.
DET_BOX_THRESHOLD = 0.3


#: ONNX Runtime threads per process (``MSLINT_OCR_THREADS``). One: batches run in parallel
#: as ``--jobs`` processes, and a second thread spin-waiting on a shared machine cost 60 %
#: more CPU for a slower wall time (benchmarks/bench_ocr.py).
THREADS_ENV = "MSLINT_OCR_THREADS"


def thread_count() -> int:
    try:
        return max(1, int(os.environ.get(THREADS_ENV, "1")))
    except ValueError:
        return 1


class OcrUnavailable(RuntimeError):
    """The OCR engine or its bundled models are missing."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of text read from an image; ``box`` is (x0, y0, x1, y1) in image pixels."""

    text: str
    score: float
    box: tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class ImageReading:
    """What OCR found in one image; ``graphic`` marks charts and diagrams (mostly white)."""

    lines: tuple[OcrLine, ...]
    graphic: bool

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def engine_id() -> str:
    """Names the engine and models; part of every cache key, so an upgrade re-reads."""
    return (f"rapidocr-{version('rapidocr')}/{DET_MODEL}/{REC_MODEL}"
            f"/score{MIN_LINE_SCORE}/box{DET_BOX_THRESHOLD}/height{MAX_LINE_HEIGHT_SHARE}"
            "/overlay-view-150-220")


def models_dir() -> Path:
    """The directory inside the installed rapidocr package that holds its ONNX models."""
    from importlib.util import find_spec

    spec = find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise OcrUnavailable("the rapidocr package is not installed")
    return Path(spec.origin).parent / "models"


class OcrEngine:
    """Wraps one RapidOCR instance; counts how many images it really read."""

    def __init__(self) -> None:
        self.calls = 0
        self._ocr: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        models = models_dir()
        paths = {name: models / name for name in (DET_MODEL, REC_MODEL, CLS_MODEL)}
        missing = [name for name, path in paths.items() if not path.is_file()]
        if missing:
            raise OcrUnavailable(f"rapidocr is installed without its models: {', '.join(missing)}")
        from rapidocr import RapidOCR

        return RapidOCR(params={
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Global.text_score": MIN_LINE_SCORE,
            "Det.box_thresh": DET_BOX_THRESHOLD,
            "Det.model_path": str(paths[DET_MODEL]),
            "Rec.model_path": str(paths[REC_MODEL]),
            "Cls.model_path": str(paths[CLS_MODEL]),
            "EngineConfig.onnxruntime.intra_op_num_threads": min(thread_count(),
                                                                 os.cpu_count() or 1),
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        })

    def read(self, image: Image) -> list[OcrLine]:
        """Text lines of an RGB Pillow image, top to bottom, left to right."""
        with self._lock:
            if self._ocr is None:
                self._ocr = self._load()
            self.calls += 1
            result = self._ocr(image)
        if result.txts is None or result.boxes is None:
            return []
        lines: list[OcrLine] = []
        for text, score, quad in zip(result.txts, result.scores, result.boxes, strict=True):
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
            if box[3] - box[1] > MAX_LINE_HEIGHT_SHARE * image.height:
                continue
            lines.append(OcrLine(text=str(text), score=float(score), box=box))
        lines.sort(key=lambda line: (line.box[1] // 8, line.box[0]))
        return lines


_ENGINE: OcrEngine | None = None


def get_engine() -> OcrEngine:
    """The process-wide engine; the models load on its first `read`."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = OcrEngine()
    return _ENGINE
