"""Rendering the first frame of a DICOM file's pixel data as an 8-bit PNG.

Burnt-in annotation is drawn at the brightest (or, in MONOCHROME1, darkest) stored value,
so a plain min-max stretch keeps it readable whatever the window a viewer would use; a cine
loop repeats its header on every frame, so the first frame is enough for OCR.
"""

from __future__ import annotations

import io
from pathlib import Path


def first_frame_png(path: Path, max_pixels: int) -> bytes:
    """PNG bytes of frame 1; ``ValueError`` when there is no decodable pixel data."""
    import numpy as np
    from PIL import Image
    from pydicom import dcmread
    from pydicom.pixels import pixel_array

    try:
        ds = dcmread(path, stop_before_pixels=True, force=True)
        rows, columns = int(ds.Rows), int(ds.Columns)
        if rows * columns > max_pixels:
            raise ValueError(f"{columns}x{rows} pixels, over the limit")
        # Only frame 1 is decoded: a cine loop of hundreds of frames never sits in memory.
        arr = pixel_array(path, index=0)
    except ValueError:
        raise
    except Exception as exc:  # pydicom raises many types for unsupported or damaged data
        raise ValueError(f"pixel data cannot be decoded: {type(exc).__name__}: {exc}") from None
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2")).upper()
    if arr.ndim == 3 and arr.shape[-1] in (3, 4):
        rgb = arr[..., :3].astype(np.float64)
        return encode(Image.fromarray(stretch(rgb), mode="RGB"))
    grey = stretch(arr.astype(np.float64))
    if photometric == "MONOCHROME1":
        grey = 255 - grey
    return encode(Image.fromarray(grey, mode="L"))


def stretch(arr: object) -> object:
    import numpy as np

    values = np.asarray(arr, dtype=np.float64)
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        return np.zeros(values.shape, dtype=np.uint8)
    return ((values - lo) * (255.0 / (hi - lo))).round().astype(np.uint8)


def encode(img: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")  # type: ignore[attr-defined]
    return buf.getvalue()
