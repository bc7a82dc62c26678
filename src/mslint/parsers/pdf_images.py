"""Images of a PDF: stored bytes without decoding, pixel size, and every place each is drawn.

JPEG (DCT) and JPEG 2000 streams are standalone image files and are kept as stored. Other
streams (Flate, LZW, CCITT, JBIG2 ...) are raw samples: `PdfImageDecoder` turns one into PNG
only when a check asks for pixels, so a 100-image file is never decoded at once.

Placements come from running each page that uses images through a small MuPDF device that
keeps the clip stack: every drawing of an image gives its rectangle and the part left visible
by the clip paths and the page box (zero-area when nothing is left), and whether text drawn
before it lies under that part (a picture pasted over words hides them). Images written inline in
a content stream have no object of their own: they are listed as ``p<page>-inline<n>`` with
PNG bytes (unless over the pixel limit). Page thumbnails (``/Thumb``) are listed too.

A stencil mask (``/ImageMask true``) is not a picture but paint: its set pixels take the fill
colour, as a filled path's would. TeX and Word exports draw coloured bars and boxes this way
(a 1x1 mask scaled to the bar), so each drawing of one at least `MIN_SHAPE_SIDE` wide and
high is a `Shape` of kind ``image-mask`` with that colour, where the checks of text over
boxes look for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Any

from mslint.model import EmbeddedImage, Location, Placement, Shape
from mslint.parsers.pdf_text import MIN_SHAPE_SIDE

Rect = tuple[float, float, float, float]
_FORMATS = {"DCTDecode": "jpeg", "JPXDecode": "jpx", "JBIG2Decode": "jbig2"}
_STANDALONE = frozenset({"DCTDecode", "JPXDecode"})
#: The operator that starts an image written inside a content stream.
_INLINE_IMAGE = re.compile(rb"(?:^|\s)BI\s*/")


def _round(rect: Any) -> Rect:
    return (round(rect[0], 2), round(rect[1], 2), round(rect[2], 2), round(rect[3], 2))


def _intersect(a: Rect, b: Rect) -> Rect:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _overlap(a: Rect, b: Rect) -> bool:
    """Whether two boxes share an area (more than a hairline)."""
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def _over_text(visible: Rect, texts: list[Rect], drawn_before: int) -> bool:
    """Whether any of the first ``drawn_before`` text boxes of the page lies under
    ``visible``."""
    return any(_overlap(visible, box) for box in islice(texts, drawn_before))


def _visible(rect: Rect, clip: Rect | None, page: Rect) -> Rect:
    """The part of ``rect`` inside the clip and the page; zero-area when nothing is left."""
    part = _intersect(rect, page)
    if clip is not None:
        part = _intersect(part, clip)
    if part[2] <= part[0] or part[3] <= part[1]:
        return (rect[0], rect[1], rect[0], rect[1])
    return _round(part)


@dataclass(slots=True)
class PdfImageDecoder:
    """Decodes one image stream of a PDF to PNG bytes on demand (picklable: it keeps the
    path and object number, not an open document). Raises ``ValueError`` for images over
    the pixel limit and for streams that cannot be decoded."""

    path: str
    xref: int
    max_pixels: int

    def __call__(self) -> bytes:
        import pymupdf

        with pymupdf.open(self.path) as doc:
            width = _int_key(doc, self.xref, "Width")
            height = _int_key(doc, self.xref, "Height")
            if width * height > self.max_pixels:
                raise ValueError(f"image object {self.xref} has {width}x{height} pixels, "
                                 "over the limit")
            try:
                pix = pymupdf.Pixmap(doc, self.xref)
                if pix.colorspace is not None and pix.colorspace.n > 3:
                    pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
                return pix.tobytes("png")
            except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
                raise ValueError(f"image object {self.xref} cannot be decoded: {exc}") from None


def _int_key(doc: Any, xref: int, key: str) -> int:
    kind, value = doc.xref_get_key(xref, key)
    if kind == "xref":
        value = doc.xref_object(int(value.split()[0]), compressed=True)
    try:
        return int(float(value))
    except ValueError:
        return 0


def _filters(doc: Any, xref: int) -> list[str]:
    _, value = doc.xref_get_key(xref, "Filter")
    return re.findall(r"/(\w+)", value or "")


@dataclass(slots=True)
class _Candidate:
    xref: int
    width: int
    height: int
    length: int
    doc: Any
    _raw: bytes | None = None

    def raw(self) -> bytes:
        if self._raw is None:
            self._raw = self.doc.xref_stream_raw(self.xref)
        return self._raw


@dataclass(slots=True)
class _Mask:
    """One painting of a stencil mask: where, the clip in force, its RGB colour, alpha."""

    rect: Rect
    clip: Rect | None
    fill: tuple[float, float, float] | None
    alpha: float
    #: How many of the page's text boxes were drawn before it.
    texts_before: int = 0


@dataclass(slots=True)
class _Drawn:
    """One drawing of an image: its object number, or 0 and PNG bytes for an inline image."""

    xref: int
    rect: Rect
    clip: Rect | None
    png: bytes | None = None
    size: tuple[int, int] | None = None
    #: How many of the page's text boxes were drawn before it.
    texts_before: int = 0

    def placement(self, page: int, page_box: Rect, texts: list[Rect]) -> Placement:
        """Where it is drawn on ``page`` (box ``page_box``; ``texts``: the page's text boxes
        in drawing order)."""
        rect = _round(self.rect)
        visible = _visible(rect, self.clip, page_box)
        return Placement(page, rect, visible,
                         over_text=_over_text(visible, texts, self.texts_before))


def _page_contents(page_obj: Any) -> bytes:
    """The page's /Contents streams joined by spaces, as ``Page.read_contents`` gives them
    (read through MuPDF directly: PyMuPDF's wrapper costs several times the decoding)."""
    import pymupdf

    mupdf = pymupdf.mupdf
    contents = mupdf.pdf_dict_get(page_obj, mupdf.PDF_ENUM_NAME_Contents)
    if not mupdf.pdf_is_array(contents):
        if not contents.m_internal:
            return b""
        return mupdf.fz_buffer_extract_copy(mupdf.pdf_load_stream(contents))
    parts: list[bytes] = []
    for i in range(mupdf.pdf_array_len(contents)):
        if i:
            parts.append(b" ")
        stream = mupdf.pdf_array_get(contents, i)
        if mupdf.pdf_is_stream(stream):
            parts.append(mupdf.fz_buffer_extract_copy(mupdf.pdf_load_stream(stream)))
    return b"".join(parts)


def page_images(page_obj: Any) -> list[tuple[int, int, int]]:
    """``(xref, width, height)`` of the image XObjects a page's resources name, its Form
    XObjects' resources included: the entries ``Page.get_images`` lists, in its order, read
    without building the columns it adds (colour space, filter and names as strings)."""
    import pymupdf

    mupdf = pymupdf.mupdf
    found: list[tuple[int, int, int]] = []
    resources = mupdf.pdf_dict_get_inheritable(page_obj, mupdf.PDF_ENUM_NAME_Resources)
    if resources.m_internal:
        _scan_resources(mupdf, resources, found, [])
    return found


def _scan_resources(mupdf: Any, resources: Any, found: list[tuple[int, int, int]],
                    seen: list[int]) -> None:
    """Images of one resource dictionary, then of the Form XObjects it names (PyMuPDF's
    walk: a resource dictionary met again stops it, as does a form met again)."""
    if mupdf.pdf_mark_obj(resources):
        return
    try:
        xobjects = mupdf.pdf_dict_get(resources, mupdf.PDF_ENUM_NAME_XObject)
        count = mupdf.pdf_dict_len(xobjects)
        for i in range(count):
            image = mupdf.pdf_dict_get_val(xobjects, i)
            if not mupdf.pdf_is_dict(image) or not mupdf.pdf_name_eq(
                    mupdf.pdf_dict_get(image, mupdf.PDF_ENUM_NAME_Subtype),
                    mupdf.PDF_ENUM_NAME_Image):
                continue
            width = mupdf.pdf_dict_geta(image, mupdf.PDF_ENUM_NAME_Width, mupdf.PDF_ENUM_NAME_W)
            height = mupdf.pdf_dict_geta(image, mupdf.PDF_ENUM_NAME_Height,
                                         mupdf.PDF_ENUM_NAME_H)
            found.append((mupdf.pdf_to_num(image), mupdf.pdf_to_int(width),
                          mupdf.pdf_to_int(height)))
        for i in range(count):
            xobject = mupdf.pdf_dict_get_val(xobjects, i)
            xref = mupdf.pdf_to_num(xobject) if mupdf.pdf_is_stream(xobject) else 0
            inner = mupdf.pdf_dict_get(xobject, mupdf.PDF_ENUM_NAME_Resources)
            if inner.m_internal:
                if xref in seen:
                    return
                seen.append(xref)
                _scan_resources(mupdf, inner, found, seen)
    finally:
        mupdf.pdf_unmark_obj(resources)


def _has_inline_image(page_obj: Any) -> bool:
    contents = _page_contents(page_obj)
    return b"BI" in contents and _INLINE_IMAGE.search(contents) is not None


def _inline_png(image: Any, max_pixels: int) -> bytes | None:
    """An inline image (no object of its own) as PNG bytes, unless it is too large."""
    import pymupdf

    mupdf = pymupdf.mupdf
    if image.w * image.h > max_pixels:
        return None
    pixmap = pymupdf.Pixmap(mupdf.fz_get_unscaled_pixmap_from_image(
        mupdf.FzImage(mupdf.ll_fz_keep_image(image))))
    if pixmap.colorspace is not None and pixmap.colorspace.n > 3:
        pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
    return pixmap.tobytes("png")


@cache
def _placement_device_class() -> type:
    """The MuPDF device class recording each drawn image with the clip in force when drawn
    (defined once: it subclasses a PyMuPDF class, and a class per page costs more than the
    page's images)."""
    import pymupdf

    mupdf = pymupdf.mupdf
    unit = mupdf.FzRect(0, 0, 1, 1)
    rgb_space = mupdf.FzColorspace(mupdf.FzColorspace.Fixed_RGB)
    color_params = mupdf.FzColorParams()

    def as_rect(r: Any) -> Rect:
        return (r.x0, r.y0, r.x1, r.y1)

    class PlacementDevice(mupdf.FzDevice2):  # type: ignore[misc]
        def __init__(self, candidates: list[_Candidate], out: list[_Drawn],
                     masks: list[_Mask], texts: list[Rect], max_pixels: int) -> None:
            super().__init__()
            for hook in ("fill_text", "stroke_text", "fill_image", "fill_image_mask",
                         "clip_path", "clip_stroke_path", "clip_text", "clip_stroke_text",
                         "clip_image_mask", "pop_clip"):
                getattr(self, f"use_virtual_{hook}")()
            self.clips: list[Rect | None] = []
            self.candidates = candidates
            self.out = out
            self.masks = masks
            self.max_pixels = max_pixels
            #: Boxes of the visible text drawn so far, in drawing order.
            self.texts = texts

        def _push(self, bounds: Rect | None) -> None:
            top = self.clips[-1] if self.clips else None
            if bounds is None:
                self.clips.append(top)
            else:
                self.clips.append(bounds if top is None else _intersect(top, bounds))

        def clip_path(self, ctx: Any, path: Any, even_odd: Any, ctm: Any, scissor: Any) -> None:
            self._push(as_rect(mupdf.ll_fz_bound_path(path, None, ctm)))

        def clip_stroke_path(self, ctx: Any, path: Any, stroke: Any, ctm: Any,
                             scissor: Any) -> None:
            self._push(as_rect(mupdf.ll_fz_bound_path(path, stroke, ctm)))

        def clip_text(self, ctx: Any, text: Any, ctm: Any, scissor: Any) -> None:
            self._push(as_rect(mupdf.ll_fz_bound_text(text, None, ctm)))

        def clip_stroke_text(self, ctx: Any, text: Any, stroke: Any, ctm: Any,
                             scissor: Any) -> None:
            self._push(as_rect(mupdf.ll_fz_bound_text(text, stroke, ctm)))

        def clip_image_mask(self, ctx: Any, image: Any, ctm: Any, scissor: Any) -> None:
            self._push(as_rect(mupdf.ll_fz_transform_rect(unit.internal(), ctm)))

        def pop_clip(self, ctx: Any) -> None:
            if self.clips:
                self.clips.pop()

        def fill_text(self, ctx: Any, text: Any, ctm: Any, colorspace: Any, color: Any,
                      alpha: float, params: Any) -> None:
            if alpha > 0:
                self.texts.append(as_rect(mupdf.ll_fz_bound_text(text, None, ctm)))

        def stroke_text(self, ctx: Any, text: Any, stroke: Any, ctm: Any, colorspace: Any,
                        color: Any, alpha: float, params: Any) -> None:
            if alpha > 0:
                self.texts.append(as_rect(mupdf.ll_fz_bound_text(text, stroke, ctm)))

        def fill_image_mask(self, ctx: Any, image: Any, ctm: Any, colorspace: Any, color: Any,
                            alpha: float, params: Any) -> None:
            rect = as_rect(mupdf.ll_fz_transform_rect(unit.internal(), ctm))
            fill = None
            if colorspace is not None:
                rgb = mupdf.ll_fz_convert_color(colorspace, color, rgb_space.m_internal, None,
                                                color_params.internal())
                fill = (round(rgb[0], 3), round(rgb[1], 3), round(rgb[2], 3))
            self.masks.append(_Mask(rect, self.clips[-1] if self.clips else None, fill, alpha,
                                    len(self.texts)))

        def fill_image(self, ctx: Any, image: Any, ctm: Any, alpha: Any, params: Any) -> None:
            rect = as_rect(mupdf.ll_fz_transform_rect(unit.internal(), ctm))
            clip = self.clips[-1] if self.clips else None
            texts = len(self.texts)
            xref = _match(image, self.candidates)
            if xref:
                self.out.append(_Drawn(xref, rect, clip, texts_before=texts))
                return
            try:
                png = _inline_png(image, self.max_pixels)
            except (RuntimeError, ValueError, mupdf.FzErrorBase):
                png = None  # undecodable samples: the placement is still worth knowing
            self.out.append(_Drawn(0, rect, clip, png, (image.w, image.h), texts))

    return PlacementDevice


def _placement_device(candidates: list[_Candidate], out: list[_Drawn], masks: list[_Mask],
                      texts: list[Rect], max_pixels: int) -> Any:
    """A MuPDF device recording each drawn image, and each stencil mask painted, with the
    clip in force and the number of text boxes drawn before it (``texts`` collects them)."""
    return _placement_device_class()(candidates, out, masks, texts, max_pixels)


def _match(image: Any, candidates: list[_Candidate]) -> int:
    """The object number of a drawn image, told apart by pixel size, stored length and,
    when those are alike, the stored bytes."""
    import pymupdf

    mupdf = pymupdf.mupdf
    same = [c for c in candidates if c.width == image.w and c.height == image.h]
    if len(same) > 1:
        buffer = mupdf.ll_fz_compressed_image_buffer(image)
        if buffer is not None and buffer.buffer is not None:
            same = [c for c in same if c.length == buffer.buffer.len] or same
            if len(same) > 1:
                stored = bytes(mupdf.fz_buffer_storage_memoryview(
                    mupdf.FzBuffer(mupdf.ll_fz_keep_buffer(buffer.buffer))))
                same = [c for c in same if c.raw() == stored] or same
    return same[0].xref if same else 0


@dataclass(slots=True)
class PendingPage:
    """A page whose images are registered, with the device recording where it draws them."""

    number: int
    device: Any
    drawn: list[_Drawn]
    masks: list[_Mask]
    texts: list[Rect]


@dataclass(slots=True)
class ImageCollector:
    """Gathers the images of a document page by page, each object once."""

    doc: Any
    path: str
    max_pixels: int
    images: dict[int, EmbeddedImage] = field(default_factory=dict)
    inline: list[EmbeddedImage] = field(default_factory=list)

    def _image(self, xref: int, page: int, width: int, height: int) -> EmbeddedImage:
        image = self.images.get(xref)
        if image is not None:
            return image
        filters = _filters(self.doc, xref)
        last = filters[-1] if filters else None
        length = _int_key(self.doc, xref, "Length")
        image = EmbeddedImage(
            id=f"p{page}-x{xref}",
            format=_FORMATS.get(last or "", "png"),
            location=Location(page=page, xref=xref),
            width=width or None,
            height=height or None,
            stream_filter=" ".join(filters) or None,
            attrs={"stored_size": length},
        )
        if len(filters) == 1 and last in _STANDALONE:
            image.data = self.doc.xref_stream_raw(xref)
        else:
            image.format = "png"
            image.decoder = PdfImageDecoder(self.path, xref, self.max_pixels)
        self.images[xref] = image
        return image

    def start_page(self, page: Any, page_obj: Any) -> PendingPage | None:
        """Register the images ``page`` (dictionary ``page_obj``) uses; the device to run
        the page into to learn where it draws them (None when the page uses no image)."""
        number = page.number + 1
        candidates: list[_Candidate] = []
        for xref, width, height in page_images(page_obj):
            if xref <= 0:
                continue
            image = self._image(xref, number, width, height)
            candidates.append(_Candidate(xref, width, height, image.attrs["stored_size"],
                                         self.doc))
        if not candidates and not _has_inline_image(page_obj):
            return None
        drawn: list[_Drawn] = []
        masks: list[_Mask] = []
        texts: list[Rect] = []
        device = _placement_device(candidates, drawn, masks, texts, self.max_pixels)
        return PendingPage(number, device, drawn, masks, texts)

    def finish_page(self, pending: PendingPage, page_box: Rect) -> list[Shape]:
        """Record the placements seen by a page's device (``page_box``: the page's box);
        the stencil masks it painted, as shapes (their visible part)."""
        for drawn in pending.drawn:
            rect = _round(drawn.rect)
            if not drawn.xref:
                self._add_inline(pending.number, drawn, rect, page_box, pending.texts)
                continue
            image = self.images[drawn.xref]
            placement = drawn.placement(pending.number, page_box, pending.texts)
            image.placements = (*image.placements, placement)
            if image.displayed_size is None:
                image.displayed_size = (round(rect[2] - rect[0], 2), round(rect[3] - rect[1], 2))
                image.location = Location(page=pending.number, bbox=rect, xref=drawn.xref)
        shapes: list[Shape] = []
        for mask in pending.masks:
            visible = _visible(_round(mask.rect), mask.clip, page_box)
            if min(visible[2] - visible[0], visible[3] - visible[1]) >= MIN_SHAPE_SIDE:
                over = _over_text(visible, pending.texts, mask.texts_before)
                shapes.append(Shape(page=pending.number, rect=visible, fill=mask.fill,
                                    opacity=round(mask.alpha, 3), kind="image-mask",
                                    over_text=over))
        return shapes

    def _add_inline(self, page: int, drawn: _Drawn, rect: Rect, page_box: Rect,
                    texts: list[Rect]) -> None:
        number = sum(1 for img in self.inline if img.location.page == page) + 1
        width, height = drawn.size or (0, 0)
        self.inline.append(EmbeddedImage(
            id=f"p{page}-inline{number}", format="png", location=Location(page=page, bbox=rect),
            data=drawn.png, width=width or None, height=height or None,
            displayed_size=(round(rect[2] - rect[0], 2), round(rect[3] - rect[1], 2)),
            placements=(drawn.placement(page, page_box, texts),),
            attrs={"inline": True, "drawn": True, "too_large": drawn.png is None},
        ))

    def add_thumbnail(self, page: Any, page_obj: Any) -> None:
        """Record the thumbnail image (``/Thumb``) of ``page`` (dictionary ``page_obj``)."""
        import pymupdf

        mupdf = pymupdf.mupdf
        thumb = mupdf.pdf_dict_get(page_obj, mupdf.PDF_ENUM_NAME_Thumb)
        if thumb.m_internal and mupdf.pdf_is_indirect(thumb):
            xref = mupdf.pdf_to_num(thumb)
            thumb = self._image(xref, page.number + 1, _int_key(self.doc, xref, "Width"),
                                _int_key(self.doc, xref, "Height"))
            thumb.attrs["thumbnail"] = True

    def result(self) -> list[EmbeddedImage]:
        for xref, image in self.images.items():
            image.attrs["drawn"] = bool(image.placements)
            if image.placements:
                image.id = f"p{image.placements[0].page}-x{xref}"
        return [*self.images.values(), *self.inline]
