"""What a parser is, the limits it must respect, and the error it raises on bad input."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from mslint.model import Document


class UnreadableFile(Exception):
    """Raised by a parser for corrupt, encrypted, oversized or unsupported input.

    The message is one line a person can act on; the engine turns it into an MS901 finding.
    """


@dataclass(frozen=True, slots=True)
class ParseLimits:
    """Bounds that keep hostile files from exhausting memory or time."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_decompressed_bytes: int = 1024 * 1024 * 1024
    max_part_bytes: int = 256 * 1024 * 1024
    max_image_pixels: int = 120_000_000
    max_include_depth: int = 16


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """``root`` is the directory display paths are relative to."""

    root: Path
    limits: ParseLimits = ParseLimits()


@runtime_checkable
class Parser(Protocol):
    """Turns one file of its format into a `Document`.

    ``extensions`` are lower-case with the dot; ``sniff`` looks at the first bytes to tell
    whether the file really is of this format (a ``.docx`` that is a PDF is unreadable,
    not a crash). A parser may also define ``claims_extensionless(head: bytes) -> bool`` to
    take files without an extension whose first bytes are unmistakably its format (DICOM's
    ``DICM`` marker): directory walks then pick those files up too.
    """

    format: str
    extensions: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def parse(self, path: Path, options: ParseOptions) -> Document: ...


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the body of the ``with``.

    A parser that turns a long file into hundreds of thousands of small dicts, tuples and
    strings (PyMuPDF's spans, one per line) triggers a collection every few hundred
    allocations, and each full one walks every live object, the spans kept so far included:
    about a tenth of a 300-page PDF's parse. Those objects hold no reference cycles, so
    nothing is lost by collecting once afterwards, when the collector is enabled again.
    Nested uses leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
