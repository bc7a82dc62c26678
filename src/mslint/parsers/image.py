"""Standalone image files (figures submitted beside a manuscript): one `EmbeddedImage`."""

from __future__ import annotations

from pathlib import Path

from mslint.hookspecs import hookimpl
from mslint.model import Document, EmbeddedImage, Location
from mslint.parser import ParseOptions, UnreadableFile
from mslint.parsers.textsource import IMAGE_EXTENSIONS, image_header

_MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


class ImageParser:
    format = "image"
    extensions = tuple(IMAGE_EXTENSIONS)

    def sniff(self, head: bytes) -> bool:
        if head.startswith(_MAGIC):
            return True
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return True
        return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"heif", b"msf1")

    def parse(self, path: Path, options: ParseOptions) -> Document:
        try:
            size = path.stat().st_size
            if size > options.limits.max_part_bytes:
                raise UnreadableFile(
                    f"image is {size} bytes, over the {options.limits.max_part_bytes}-byte limit"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
        width, height, fmt = image_header(data)
        if width is None or height is None:
            raise UnreadableFile("image data is damaged or in a format Pillow cannot read")
        if width * height > options.limits.max_image_pixels:
            raise UnreadableFile(f"image has {width}x{height} pixels, over the pixel limit")
        image = EmbeddedImage(
            id=path.name,
            format=fmt or IMAGE_EXTENSIONS.get(path.suffix.lower(), "unknown"),
            location=Location(part=path.name),
            data=data,
            width=width,
            height=height,
        )
        return Document(path=path, format=self.format, images=[image])


@hookimpl
def mslint_parsers() -> list[ImageParser]:
    return [ImageParser()]
