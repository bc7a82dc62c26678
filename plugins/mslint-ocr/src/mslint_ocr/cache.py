"""An on-disk cache of OCR results, keyed by a hash of the image and of the engine.

A batch that meets the same figure twice (resubmissions, the same image in the DOCX and
the PDF) and a repeated run read each image once. The cache holds text read from clinical
images, identifiers included, so it lives only where the user's own cache does
(``$XDG_CACHE_HOME/mslint/ocr``, ``~/.cache/mslint/ocr``), with owner-only permissions, or
in the directory ``MSLINT_OCR_CACHE_DIR`` names; ``MSLINT_OCR_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path

from mslint_ocr.engine import ImageReading, OcrLine

CACHE_ENV = "MSLINT_OCR_CACHE_DIR"
_OFF = frozenset({"", "0", "off", "none", "false"})


def default_cache_dir() -> Path | None:
    """Where results are kept, or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in _OFF else Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mslint" / "ocr"


def cache_key(content_hash: str, engine: str) -> str:
    return hashlib.sha256(f"{engine}\x1f{content_hash}".encode()).hexdigest()


class OcrCache:
    """Maps a cache key to an `ImageReading`; a damaged entry is treated as a miss."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> ImageReading | None:
        if self.directory is None:
            self.misses += 1
            return None
        try:
            raw = json.loads(self._path(key).read_text(encoding="utf-8"))
            lines = tuple(
                OcrLine(str(t), float(s), (int(b[0]), int(b[1]), int(b[2]), int(b[3])))
                for t, s, b in raw["lines"]
            )
            reading = ImageReading(lines=lines, graphic=bool(raw["graphic"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return reading

    def put(self, key: str, reading: ImageReading) -> None:
        """Store atomically (write a temporary file, then rename); failures are ignored."""
        if self.directory is None:
            return
        path = self._path(key)
        payload = json.dumps({
            "graphic": reading.graphic,
            "lines": [[ln.text, ln.score, list(ln.box)] for ln in reading.lines],
        })
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
