"""What the Markdown and LaTeX parsers share: reading source text, inline suppression
comments, line/column arithmetic, and loading the images a manuscript references."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from mslint.model import EmbeddedImage, Location
from mslint.parser import ParseLimits, UnreadableFile

SUPPRESSION = re.compile(r"mslint:\s*ignore(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE)

IMAGE_EXTENSIONS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".gif": "gif",
    ".webp": "webp",
    ".bmp": "bmp",
    ".heic": "heic",
    ".heif": "heif",
}
#: Extensions LaTeX tries, in order, for ``\includegraphics{name}`` without one.
GRAPHICS_FALLBACKS = (".pdf", ".png", ".jpg", ".jpeg", ".eps", ".tif", ".tiff")


def read_source(path: Path, limits: ParseLimits) -> str:
    """A text manuscript's content; UTF-8 (with BOM) or, failing that, Latin-1."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise UnreadableFile(
                f"file is {size} bytes, over the {limits.max_file_bytes}-byte limit"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    if b"\x00" in raw[:4096]:
        raise UnreadableFile("binary content where text was expected")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def suppression_codes(comment: str) -> frozenset[str] | None:
    """Rule codes an ``mslint: ignore[MS206,MS201]`` comment names (``*`` when bare)."""
    m = SUPPRESSION.search(comment)
    if not m:
        return None
    codes = m.group("codes")
    if codes is None:
        return frozenset({"*"})
    return frozenset(c.strip().upper() for c in codes.split(",") if c.strip())


class LineIndex:
    """Offset -> (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, column: int = 1) -> int:
        return self.starts[line - 1] + column - 1


def load_referenced_image(
    manuscript: Path,
    target: str,
    location: Location,
    limits: ParseLimits,
    fallbacks: tuple[str, ...] = (),
) -> EmbeddedImage:
    """An image a text manuscript points to, read from disk relative to the manuscript.

    URLs stay external; files that do not exist are kept with ``attrs["missing"]``; images
    read from disk record their resolved path in ``attrs["file"]`` so a batch does not check
    the same file again as a standalone image.
    """
    target = target.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.IGNORECASE) or target.startswith("data:"):
        return EmbeddedImage(
            id=target[:200], format="external", location=location, external_uri=target[:200]
        )
    base = manuscript.parent
    candidates = [base / target]
    if not Path(target).suffix:
        candidates += [base / (target + ext) for ext in fallbacks]
    for candidate in candidates:
        if candidate.is_file():
            return _read_image_file(candidate, target, location, limits)
    return EmbeddedImage(
        id=target,
        format=IMAGE_EXTENSIONS.get(Path(target).suffix.lower(), "unknown"),
        location=location,
        attrs={"missing": True},
    )


def _read_image_file(
    path: Path, target: str, location: Location, limits: ParseLimits
) -> EmbeddedImage:
    ext = path.suffix.lower()
    size = path.stat().st_size
    image_id = target if Path(target).suffix else target + ext
    if ext not in IMAGE_EXTENSIONS:
        return EmbeddedImage(
            id=image_id,
            format=ext.lstrip(".") or "unknown",
            location=location,
            attrs={"stored_size": size, "not_raster": True},
        )
    if size > limits.max_part_bytes:
        return EmbeddedImage(
            id=image_id,
            format=IMAGE_EXTENSIONS[ext],
            location=location,
            attrs={"stored_size": size, "too_large": True},
        )
    data = path.read_bytes()
    width, height, fmt = image_header(data)
    return EmbeddedImage(
        id=image_id,
        format=fmt or IMAGE_EXTENSIONS[ext],
        location=location,
        data=data,
        width=width,
        height=height,
        attrs={"file": str(path.resolve())},
    )


def image_header(data: bytes) -> tuple[int | None, int | None, str | None]:
    """Pixel size and format from an encoded image's header, without decoding pixels."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            return img.width, img.height, (img.format or "").lower() or None
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None, None, None
