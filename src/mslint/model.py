"""The `Document` model: the one contract between parsers and rules.

A parser turns a file into a `Document`; rules read it and never open files themselves.
Everything here is plain data (dataclasses), cheap to build and safe to pickle across
worker processes.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any


class BlockKind(StrEnum):
    """Where a piece of text lives in the file. Rules scope themselves by kind."""

    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    FOOTNOTE = "footnote"
    TABLE_CELL = "table-cell"
    HEADER_FOOTER = "header-footer"
    TEXT_BOX = "text-box"
    COMMENT = "comment"
    TRACKED_INSERTION = "tracked-insertion"
    TRACKED_DELETION = "tracked-deletion"
    HIDDEN = "hidden"
    ALT_TEXT = "alt-text"
    ANNOTATION = "annotation"
    METADATA = "metadata"
    OCR = "ocr"


#: Block kinds whose text a reader of the published article sees.
VISIBLE_KINDS = frozenset(
    {
        BlockKind.BODY,
        BlockKind.HEADING,
        BlockKind.CAPTION,
        BlockKind.FOOTNOTE,
        BlockKind.TABLE_CELL,
        BlockKind.HEADER_FOOTER,
        BlockKind.TEXT_BOX,
        BlockKind.TRACKED_INSERTION,
    }
)


@dataclass(frozen=True, slots=True)
class Location:
    """A place a person can follow.

    Text formats use 1-based ``line``/``column``; DOCX a 1-based body ``paragraph``; PDF a
    1-based ``page`` and a ``bbox`` in points (x0, y0, x1, y1). ``part`` names a package part
    (``word/media/image3.jpeg``, ``word/comments.xml``) and ``xref`` a PDF object.
    ``source`` is set when the text comes from another file than the one checked (a LaTeX
    ``\\input``, an image referenced by a Markdown file), relative to the checked file.
    """

    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    paragraph: int | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    part: str | None = None
    xref: int | None = None
    source: str | None = None

    def describe(self) -> str:
        """A short human description: ``12:5``, ``page 3``, ``paragraph 14``."""
        bits: list[str] = []
        if self.source:
            bits.append(self.source)
        if self.line is not None:
            bits.append(f"{self.line}:{self.column or 1}")
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.paragraph is not None:
            bits.append(f"paragraph {self.paragraph}")
        if self.part and not bits:
            bits.append(self.part)
        return ", ".join(bits) if bits else "file"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Maps an offset in a block's text back to a line and column of the source file."""

    offset: int
    line: int
    column: int


@dataclass(slots=True)
class TextBlock:
    """A run of text with its kind, its section path and where it is.

    ``anchors`` (text formats) map offsets in ``text`` back to source lines and columns,
    so a finding at any character of the block gets an exact line:column. ``attrs`` holds
    format details rules may need: comment author, font colour, render mode, style name.
    """

    text: str
    kind: BlockKind
    location: Location
    section: tuple[str, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    boxes: tuple[tuple[int, tuple[float, float, float, float]], ...] = ()
    attrs: dict[str, Any] = field(default_factory=dict)

    def location_at(self, offset: int) -> Location:
        """The location of the character at ``offset`` in ``text``.

        Text formats map it through ``anchors`` to a line and column; PDF blocks through
        ``boxes`` (offset of each text line -> its bounding box) to the line's box.
        """
        if self.boxes:
            starts = [b[0] for b in self.boxes]
            j = max(0, bisect.bisect_right(starts, offset) - 1)
            return replace(self.location, bbox=self.boxes[j][1])
        if not self.anchors:
            return self.location
        keys = [a.offset for a in self.anchors]
        i = max(0, bisect.bisect_right(keys, offset) - 1)
        a = self.anchors[i]
        return replace(self.location, line=a.line, column=a.column + max(0, offset - a.offset))

    @property
    def section_title(self) -> str:
        return self.section[-1] if self.section else ""


@dataclass(frozen=True, slots=True)
class Crop:
    """Fractions (0..1) of the stored image hidden on each side when displayed."""

    left: float = 0.0
    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0

    @property
    def hidden_fraction(self) -> float:
        """Share of the stored pixel area that is not displayed."""
        shown = max(0.0, 1 - self.left - self.right) * max(0.0, 1 - self.top - self.bottom)
        return 1.0 - shown

    @property
    def is_cropped(self) -> bool:
        return self.hidden_fraction > 0.005


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an image is drawn on a PDF page; ``visible`` is the part not clipped away;
    ``over_text`` says it was drawn after text that part overlaps (it hides that text)."""

    page: int
    rect: tuple[float, float, float, float]
    visible: tuple[float, float, float, float] | None = None
    over_text: bool = False


@dataclass(slots=True)
class EmbeddedImage:
    """An image inside the document or referenced by it.

    ``data`` holds the encoded bytes as stored (a JPEG/PNG/TIFF file's bytes); for PDF images
    whose stream is not a standalone image format (Flate-compressed raw samples) ``data`` is
    None, ``stream_filter`` names the filter and ``decoder`` produces a standalone encoding
    (PNG) on demand: only checks that need pixels call `open_pixels`.
    """

    id: str
    format: str
    location: Location
    data: bytes | None = None
    width: int | None = None
    height: int | None = None
    displayed_size: tuple[float, float] | None = None
    crop: Crop | None = None
    placements: tuple[Placement, ...] = ()
    alt_text: str = ""
    figure_label: str | None = None
    external_uri: str | None = None
    stream_filter: str | None = None
    decoder: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)
    attrs: dict[str, Any] = field(default_factory=dict)

    def encoded(self) -> bytes | None:
        """Bytes of a standalone image file: as stored, or decoded on demand."""
        if self.data is not None:
            return self.data
        return self.decoder() if self.decoder is not None else None

    def open_pixels(self, max_pixels: int = 120_000_000) -> Any:
        """A Pillow image of the pixels, refusing images over ``max_pixels``.

        Raises ``ValueError`` when there are no pixels to read or they are too many.
        """
        import io

        from PIL import Image

        raw = self.encoded()
        if raw is None:
            raise ValueError(f"image {self.id} has no pixel data")
        img = Image.open(io.BytesIO(raw))
        if img.width * img.height > max_pixels:
            raise ValueError(f"image {self.id} has {img.width}x{img.height} pixels, over the limit")
        return img

    @property
    def sha256(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data is not None else None

    @property
    def byte_size(self) -> int:
        return len(self.data) if self.data is not None else int(self.attrs.get("stored_size", 0))


@dataclass(slots=True)
class Figure:
    """A figure: its label (``Figure 2``), its legend and the images it shows."""

    label: str
    legend: str
    location: Location
    number: str | None = None
    image_ids: tuple[str, ...] = ()
    legend_block: int | None = None


@dataclass(slots=True)
class EmbeddedFile:
    """A file carried inside the document: PDF attachment, OLE object, embedded package."""

    name: str
    kind: str
    location: Location
    size: int | None = None
    content_type: str | None = None


@dataclass(frozen=True, slots=True)
class Shape:
    """A filled vector shape (PDF drawing, annotation box) that may cover text.

    ``over_text`` says the shape was drawn after text it overlaps (PDF content order), so it
    hides that text instead of lying under it as a background does."""

    page: int
    rect: tuple[float, float, float, float]
    fill: tuple[float, float, float] | None
    opacity: float = 1.0
    kind: str = "drawing"
    over_text: bool = False


@dataclass(slots=True)
class Document:
    """A parsed manuscript.

    ``metadata`` is the file's own properties (DOCX core/app/custom, PDF Info/XMP) as
    ``field -> value``. ``suppressions`` maps ``(source, line)`` of an inline
    ``mslint: ignore[...]`` comment (``source`` is ``""`` for the checked file itself, else the
    included file's relative path, as in `Location.source`) to the rule ids it switches off on
    that line and the next (``"*"`` for all). ``attrs`` holds format facts such as
    ``pdf_versions`` (incremental updates).
    """

    path: Path
    format: str
    blocks: list[TextBlock] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    images: list[EmbeddedImage] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    embedded_files: list[EmbeddedFile] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    suppressions: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    includes: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def blocks_of(self, *kinds: BlockKind) -> Iterator[TextBlock]:
        wanted = set(kinds)
        return (b for b in self.blocks if b.kind in wanted)

    def text_blocks(self) -> Iterator[TextBlock]:
        """Blocks of manuscript text (everything but file metadata)."""
        return (b for b in self.blocks if b.kind is not BlockKind.METADATA)

    def image(self, image_id: str) -> EmbeddedImage | None:
        for img in self.images:
            if img.id == image_id:
                return img
        return None

    @property
    def full_text(self) -> str:
        return "\n".join(b.text for b in self.text_blocks())
