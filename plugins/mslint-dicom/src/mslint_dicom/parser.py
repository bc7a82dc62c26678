"""A parser for DICOM files: the header as plain data, the pixels as an image.

The header is read without the pixel data (``stop_before_pixels``) and kept in
``Document.attrs["dicom"]``: every public attribute (nested sequence items included) with
its value as text, the private attributes counted by group and creator, and the facts the
rules need (modality, body part, slice thickness, de-identification declarations). The
pixel data becomes one `EmbeddedImage` whose decoder renders the first frame as PNG, so
the OCR plugin reads burnt-in text when it is installed.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mslint.model import Document, EmbeddedImage, Location
from mslint.parser import ParseOptions, UnreadableFile
from mslint_dicom.pixels import first_frame_png

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

#: Value representations whose values are bytes, not text.
BINARY_VRS = frozenset({"OB", "OW", "OF", "OD", "OL", "OV", "UN"})
MAX_VALUE_CHARS = 256
MAX_SEQUENCE_DEPTH = 8
PIXEL_DATA_GROUP = 0x7FE0


def sniff_dicom(head: bytes) -> bool:
    """``DICM`` after the 128-byte preamble, or a bare data set starting in group 0002/0008."""
    if head[128:132] == b"DICM":
        return True
    return len(head) >= 8 and head[:2] in (b"\x02\x00", b"\x08\x00") and head[3:4] == b"\x00"


def value_text(element: Any) -> str:
    """An element's value as one line of text (multi-values joined with ``\\``)."""
    if element.VR in BINARY_VRS:
        size = len(element.value) if element.value is not None else 0
        return f"<{size} bytes>" if size else ""
    value = element.value
    if value is None:
        return ""
    if isinstance(value, list | tuple) or type(value).__name__ == "MultiValue":
        text = "\\".join(str(v) for v in value)
    elif isinstance(value, bytes):
        text = value.decode("latin-1", "replace")
    else:
        text = str(value)
    text = " ".join(text.split())
    return text[:MAX_VALUE_CHARS]


def header_elements(ds: Dataset) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Public elements (with sequence paths) and private groups (counted per creator)."""
    elements: list[dict[str, Any]] = []
    private: dict[tuple[int, str], int] = {}
    creators: dict[tuple[int, int], str] = {}

    def walk(dataset: Dataset, prefix: str, depth: int) -> None:
        for element in dataset:
            tag = element.tag
            if tag.group == PIXEL_DATA_GROUP:
                continue
            if tag.is_private:
                if 0x10 <= tag.element <= 0xFF:
                    creators[(tag.group, tag.element)] = value_text(element)
                elif tag.element > 0xFF:
                    key = (tag.group, creators.get((tag.group, tag.element >> 8), ""))
                    private[key] = private.get(key, 0) + 1
                continue
            name = element.keyword or f"({tag.group:04X},{tag.element:04X})"
            path = f"{prefix}{name}"
            entry: dict[str, Any] = {
                "tag": int(tag),
                "keyword": element.keyword,
                "vr": element.VR,
                "path": path,
            }
            if element.VR == "SQ":
                items = list(element.value or ())
                entry["items"] = len(items)
                elements.append(entry)
                if depth < MAX_SEQUENCE_DEPTH:
                    for i, item in enumerate(items):
                        walk(item, f"{path}[{i}].", depth + 1)
            else:
                entry["value"] = value_text(element)
                elements.append(entry)

    walk(ds, "", 0)
    groups = [{"group": g, "creator": c, "count": n} for (g, c), n in sorted(private.items())]
    return elements, groups


def option_codes(ds: Dataset) -> list[str]:
    """Annex E option codes from DeidentificationMethodCodeSequence."""
    codes: list[str] = []
    for item in ds.get("DeidentificationMethodCodeSequence", None) or ():
        code = str(item.get("CodeValue", "") or "").strip()
        if code:
            codes.append(code)
    return codes


def number(ds: Dataset, keyword: str) -> float | None:
    try:
        value = ds.get(keyword, None)
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def text(ds: Dataset, keyword: str) -> str:
    value = ds.get(keyword, None)
    if value is None:
        return ""
    if isinstance(value, list | tuple) or type(value).__name__ == "MultiValue":
        return "\\".join(str(v) for v in value).strip()
    return str(value).strip()


def summary(ds: Dataset) -> dict[str, Any]:
    return {
        "modality": text(ds, "Modality").upper(),
        "body_part": text(ds, "BodyPartExamined").upper(),
        "descriptions": " | ".join(
            t
            for t in (
                text(ds, k) for k in ("StudyDescription", "SeriesDescription", "ProtocolName")
            )
            if t
        ),
        "slice_thickness": number(ds, "SliceThickness"),
        "spacing_between_slices": number(ds, "SpacingBetweenSlices"),
        "burned_in_annotation": text(ds, "BurnedInAnnotation").upper(),
        "recognizable_visual_features": text(ds, "RecognizableVisualFeatures").upper(),
        "patient_identity_removed": text(ds, "PatientIdentityRemoved").upper(),
        "deidentification_method": text(ds, "DeidentificationMethod"),
        "deidentification_options": option_codes(ds),
        "rows": int(number(ds, "Rows") or 0),
        "columns": int(number(ds, "Columns") or 0),
        "frames": int(number(ds, "NumberOfFrames") or 1),
    }


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class DicomParser:
    format = "dicom"
    extensions = (".dcm", ".dicom", ".dic", ".ima")

    def sniff(self, head: bytes) -> bool:
        return sniff_dicom(head)

    def claims_extensionless(self, head: bytes) -> bool:
        """DICOM exports often have no extension (``IM0001``): the ``DICM`` marker is proof."""
        return head[128:132] == b"DICM"

    def parse(self, path: Path, options: ParseOptions) -> Document:
        from pydicom import dcmread

        limits = options.limits
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
        if size > limits.max_file_bytes:
            raise UnreadableFile(
                f"DICOM file is {size} bytes, over the {limits.max_file_bytes}-byte limit"
            )
        try:
            with path.open("rb") as fh:
                preamble = fh.read(132)[128:132] == b"DICM"
            with warnings.catch_warnings():
                # pydicom warns on every odd element of a damaged file; the outcome is
                # reported once, as a finding or an unreadable file.
                warnings.simplefilter("ignore")
                ds = dcmread(path, stop_before_pixels=True, force=not preamble)
                elements, private = header_elements(ds)
                facts = summary(ds)
        except MemoryError:
            raise
        except Exception as exc:  # pydicom raises many types (NotImplementedError for an
            # unknown VR, struct.error, ...) on damaged input: all mean "unreadable".
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise UnreadableFile(f"not a readable DICOM file ({first})") from None
        if not elements:
            raise UnreadableFile("not a readable DICOM file (no data elements)")
        document = Document(
            path=path,
            format=self.format,
            attrs={"dicom": {**facts, "elements": elements, "private": private}},
        )
        rows, columns = facts["rows"], facts["columns"]
        if rows and columns:
            if rows * columns > limits.max_image_pixels:
                raise UnreadableFile(f"DICOM image has {columns}x{rows} pixels, over the limit")
            max_pixels = limits.max_image_pixels
            document.images.append(
                EmbeddedImage(
                    id=path.name,
                    format="png",
                    location=Location(part="PixelData"),
                    width=columns,
                    height=rows,
                    stream_filter="dicom-pixel-data",
                    decoder=lambda: first_frame_png(path, max_pixels),
                    attrs={
                        "clinical": True,
                        "content_sha256": file_sha256(path),
                        "frames": facts["frames"],
                        "modality": facts["modality"],
                    },
                )
            )
        return document
