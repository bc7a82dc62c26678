"""Metadata carried inside image files, read from their bytes without decoding pixels.

`read_image_metadata` returns every field that can say something about a person, a place,
a time or a device: EXIF (with GPS and the MakerNote's presence), XMP, IPTC, PNG text
chunks, JPEG COM segments, GIF comments, and hidden extra images (EXIF/Photoshop thumbnails,
data after the end of the image). Each field has a `FieldKind` saying what it holds; the
rule (MS301) decides the severity, and the cleaner (`mslint.cleaning`) reuses the container
walkers to drop the same segments losslessly.

JPEG and PNG are walked segment by segment here (microseconds); other formats (TIFF, WebP,
GIF, AVIF) are opened lazily with Pillow, which reads headers but not pixels. Containers
Pillow cannot open (HEIC) are scanned for an embedded EXIF block or XMP packet.
"""

from mslint.imagemeta.containers import (
    EXIF_HEADER,
    JPEG_SOI,
    PNG_SIGNATURE,
    XMP_EXTENSION_HEADER,
    XMP_HEADER,
    JpegLayout,
    JpegSegment,
    PngChunk,
    PngLayout,
    jpeg_layout,
    png_layout,
)
from mslint.imagemeta.model import FieldKind, ImageMetadata, MetaField
from mslint.imagemeta.reader import read_image_metadata

__all__ = [
    "EXIF_HEADER",
    "JPEG_SOI",
    "PNG_SIGNATURE",
    "XMP_EXTENSION_HEADER",
    "XMP_HEADER",
    "FieldKind",
    "ImageMetadata",
    "JpegLayout",
    "JpegSegment",
    "MetaField",
    "PngChunk",
    "PngLayout",
    "jpeg_layout",
    "png_layout",
    "read_image_metadata",
]
