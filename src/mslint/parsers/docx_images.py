"""Images, OLE objects and embedded packages of a DOCX package.

DrawingML pictures (``wp:inline`` / ``wp:anchor``, grouped pictures included), VML
``v:imagedata`` and OLE objects (``o:OLEObject``) are read from the drawing elements the
paragraph walk hands over. Each image part becomes one `EmbeddedImage` whose id is its part
name; its pixel size is read from the header with Pillow, never by decoding the pixels.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from mslint.model import Crop, EmbeddedFile, EmbeddedImage, Location
from mslint.parsers.docx_runs import TXBX
from mslint.parsers.ooxml_package import OoxmlPackage, Relationship

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
V = "{urn:schemas-microsoft-com:vml}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
EMU_PER_POINT = 12700
_VML_LENGTH = re.compile(r"(width|height)\s*:\s*(\d+(?:\.\d+)?)\s*(pt|in|px|cm|mm)?",
                         re.IGNORECASE)
_TO_POINTS = {"pt": 1.0, "in": 72.0, "px": 0.75, "cm": 72 / 2.54, "mm": 72 / 25.4, "": 0.75}
_PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "tiff": "TIFF", "bmp": "BMP",
                   "webp": "WEBP", "emf": "WMF", "wmf": "WMF"}
_EXT_FORMATS = {
    ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".gif": "gif", ".tif": "tiff",
    ".tiff": "tiff", ".bmp": "bmp", ".emf": "emf", ".wmf": "wmf", ".webp": "webp",
    ".svg": "svg",
}


@dataclass(slots=True)
class AltText:
    """A ``descr`` or ``title`` written for an image."""

    image_id: str
    field: str
    text: str


@dataclass(slots=True)
class DrawingContent:
    """What one drawing element shows."""

    image_ids: list[str] = field(default_factory=list)
    alt_texts: list[AltText] = field(default_factory=list)


def image_format(name: str) -> str:
    """Pillow-style format name guessed from a part name or URI."""
    return _EXT_FORMATS.get(posixpath.splitext(name.split("?")[0])[1].lower(), "unknown")


def read_header(data: bytes, max_pixels: int, hint: str = "unknown"
                ) -> tuple[str | None, int | None, int | None, bool]:
    """``(format, width, height, over_limit)`` from the image header; pixels stay encoded.

    Pillow tries the format the part name suggests first, then all it knows."""
    from PIL import Image

    plugin = _PILLOW_FORMATS.get(hint)
    for formats in ([plugin], None) if plugin else (None,):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                saved = Image.MAX_IMAGE_PIXELS
                Image.MAX_IMAGE_PIXELS = None
                try:
                    img = Image.open(io.BytesIO(data), formats=formats)
                finally:
                    Image.MAX_IMAGE_PIXELS = saved
                fmt = (img.format or "").lower() or None
                width, height = img.size
        except Exception:  # any unreadable header: the bytes are still reported
            continue
        return fmt, width, height, width * height > max_pixels
    return None, None, None, False


def _crop_fraction(value: str | None, per_unit: float) -> float:
    if not value:
        return 0.0
    try:
        fraction = float(value[:-1]) / 65536 if value.endswith("f") else float(value) / per_unit
    except ValueError:
        return 0.0
    return 0.0 if math.isnan(fraction) else min(1.0, max(0.0, fraction))


class ImageCollector:
    """Collects images and embedded files as drawings are met, in order of appearance."""

    def __init__(self, package: OoxmlPackage, max_pixels: int) -> None:
        self.package = package
        self.max_pixels = max_pixels
        self.images: dict[str, EmbeddedImage] = {}
        self.files: dict[str, EmbeddedFile] = {}
        self._overrides, self._defaults = package.content_types()

    def content_type(self, part: str) -> str | None:
        ext = posixpath.splitext(part)[1].lstrip(".").lower()
        return self._overrides.get(part) or self._defaults.get(ext)

    def read_drawing(self, el: Any, rels: dict[str, Relationship], container: str,
                     paragraph: int | None) -> DrawingContent:
        """Images, alt texts and OLE objects of a ``w:drawing``, ``w:pict`` or ``w:object``."""
        out = DrawingContent()
        for frame in el.iter(f"{WP}inline", f"{WP}anchor"):
            if _inside_text_box(frame, el):
                continue
            self._drawingml(frame, rels, container, paragraph, out)
        for data in el.iter(f"{V}imagedata"):
            if _inside_text_box(data, el):
                continue
            self._vml(data, rels, container, paragraph, out)
        for ole in el.iter(f"{OFFICE}OLEObject"):
            rel = rels.get(ole.get(f"{R}id") or "")
            if rel is not None and not rel.external:
                self.add_file(rel.target, rel.type, paragraph, ole.get("ProgID"))
        return out

    def _drawingml(self, frame: Any, rels: dict[str, Relationship], container: str,
                   paragraph: int | None, out: DrawingContent) -> None:
        doc_pr = frame.find(f"{WP}docPr")
        extent = frame.find(f"{WP}extent")
        frame_size = emu_size(extent)
        blips = [b for b in frame.iter(f"{A}blip") if not _inside_text_box(b, frame)]
        for blip in blips:
            pic = _ancestor(blip, f"{PIC}pic", frame)
            props = pic.find(f"{PIC}nvPicPr/{PIC}cNvPr") if pic is not None else None
            size = frame_size
            if len(blips) > 1 and pic is not None:
                size = emu_size(pic.find(f"{PIC}spPr/{A}xfrm/{A}ext")) or frame_size
            fill = blip.getparent()
            src = fill.find(f"{A}srcRect") if fill is not None else None
            crop = None
            if src is not None:
                crop = Crop(*(_crop_fraction(src.get(k), 100000.0) for k in "ltrb"))
            rid = blip.get(f"{R}embed") or blip.get(f"{R}link") or ""
            image = self._image(rels.get(rid), rid, container, paragraph, size, crop)
            if image is None:
                continue
            image.attrs["anchored"] = frame.tag == f"{WP}anchor"
            out.image_ids.append(image.id)
            self._alt(image, out, [props, doc_pr])

    def _vml(self, data: Any, rels: dict[str, Relationship], container: str,
             paragraph: int | None, out: DrawingContent) -> None:
        rid = data.get(f"{R}id") or data.get(f"{OFFICE}relid") or data.get(f"{R}href") or ""
        shape = data.getparent()
        size = vml_size(shape.get("style") or "") if shape is not None else None
        crop = Crop(*(_crop_fraction(data.get(f"crop{k}"), 1.0)
                      for k in ("left", "top", "right", "bottom")))
        image = self._image(rels.get(rid), rid, container, paragraph, size,
                            crop if crop.hidden_fraction > 0 else None)
        if image is None:
            return
        image.attrs["vml"] = True
        out.image_ids.append(image.id)
        texts = [("descr", shape.get("alt") if shape is not None else None),
                 ("title", data.get(f"{OFFICE}title"))]
        self._alt_pairs(image, out, texts)

    def _alt(self, image: EmbeddedImage, out: DrawingContent, holders: list[Any]) -> None:
        for holder in holders:
            if holder is None:
                continue
            name = holder.get("name")
            if name and "name" not in image.attrs:
                image.attrs["name"] = name
            pairs = [("descr", holder.get("descr")), ("title", holder.get("title"))]
            if any(text and text.strip() for _, text in pairs):
                self._alt_pairs(image, out, pairs)
                return

    def _alt_pairs(self, image: EmbeddedImage, out: DrawingContent,
                   pairs: list[tuple[str, str | None]]) -> None:
        for field_name, text in pairs:
            if text and text.strip():
                out.alt_texts.append(AltText(image.id, field_name, text.strip()))
                if not image.alt_text:
                    image.alt_text = text.strip()

    def _image(self, rel: Relationship | None, rid: str, container: str,
               paragraph: int | None, size: tuple[float, float] | None,
               crop: Crop | None) -> EmbeddedImage | None:
        if rel is None:
            return None
        image_id = rel.target
        known = self.images.get(image_id)
        if known is not None:
            known.attrs["uses"] = known.attrs.get("uses", 1) + 1
            return known
        location = Location(paragraph=paragraph, part=None if rel.external else rel.target)
        attrs: dict[str, Any] = {"container": container, "rid": rid, "uses": 1}
        if rel.external:
            image = EmbeddedImage(id=image_id, format=image_format(rel.target),
                                  location=location, displayed_size=size, crop=crop,
                                  external_uri=rel.target, attrs=attrs)
        else:
            image = self.read_image_part(rel.target, location, attrs)
            image.displayed_size = size
            image.crop = crop
        self.images[image_id] = image
        return image

    def read_image_part(self, part: str, location: Location,
                        attrs: dict[str, Any]) -> EmbeddedImage:
        """An image stored in the package: bytes, format and pixel size from the header."""
        if not self.package.has(part):
            attrs["missing"] = True
            return EmbeddedImage(id=part, format=image_format(part), location=location,
                                 attrs=attrs)
        data = self.package.read(part)
        guessed = image_format(part)
        fmt, width, height, over = read_header(data, self.max_pixels, guessed)
        if guessed in ("emf", "wmf", "svg") or fmt is None:
            fmt = guessed
        if over:
            attrs["over_pixel_limit"] = True
        content_type = self.content_type(part)
        if content_type:
            attrs["content_type"] = content_type
        return EmbeddedImage(id=part, format=fmt, location=location, data=data, width=width,
                             height=height, attrs=attrs)

    def add_thumbnail(self, part: str) -> None:
        """``docProps/thumbnail.*``: a picture of the first page, itself an image to check."""
        if part in self.images or not self.package.has(part):
            return
        image = self.read_image_part(part, Location(part=part), {"thumbnail": True})
        self.images[part] = image

    def add_file(self, part: str, rel_type: str, paragraph: int | None,
                 prog_id: str | None = None) -> None:
        """An OLE object or embedded package part."""
        if part in self.files or not self.package.has(part):
            return
        is_package = rel_type == "package" or not part.lower().endswith((".bin", ".ole"))
        if prog_id and prog_id.lower().startswith("package"):
            is_package = True
        self.files[part] = EmbeddedFile(
            name=part,
            kind="package" if is_package and rel_type != "oleObject" else "ole",
            location=Location(paragraph=paragraph, part=part),
            size=self.package.size(part),
            content_type=self.content_type(part),
        )

    def add_unreferenced_parts(self) -> None:
        """Files under ``word/embeddings/`` no drawing pointed to, and media parts no drawing
        shows (an image kept as an image, anything else as an embedded file)."""
        for name in self.package.names:
            if name.endswith("/") or name in self.images or name in self.files:
                continue
            if name.startswith("word/embeddings/"):
                self.add_file(name, "oleObject" if name.lower().endswith(".bin") else "package",
                              None)
            elif name.startswith("word/media/"):
                if image_format(name) != "unknown":
                    self.images[name] = self.read_image_part(
                        name, Location(part=name), {"unreferenced": True})
                else:
                    self.add_file(name, "package", None)


def _inside_text_box(el: Any, stop: Any) -> bool:
    return _ancestor(el, TXBX, stop) is not None


def _ancestor(el: Any, tag: str, stop: Any) -> Any:
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == tag:
            return node
        node = node.getparent()
    return None


def emu_size(el: Any) -> tuple[float, float] | None:
    """(width, height) in points of a DrawingML extent (``cx``/``cy`` in EMU)."""
    if el is None:
        return None
    try:
        return int(el.get("cx") or 0) / EMU_PER_POINT, int(el.get("cy") or 0) / EMU_PER_POINT
    except ValueError:
        return None


def vml_size(style: str) -> tuple[float, float] | None:
    """(width, height) in points from a VML shape's CSS ``style``."""
    dims: dict[str, float] = {}
    for name, value, unit in _VML_LENGTH.findall(style):
        dims[name.lower()] = float(value) * _TO_POINTS[(unit or "").lower()]
    if "width" in dims and "height" in dims:
        return dims["width"], dims["height"]
    return None
