"""Running a PDF page's content stream into MuPDF devices.

One device: the page is interpreted straight into it. Several: the page is interpreted once
into a display list, which is then replayed into each device (replay skips parsing the
content stream and loading fonts again). Only the page's own contents are run: annotation
appearances are read separately.
"""

from __future__ import annotations

from typing import Any

#: A box larger than any page, so nothing drawn outside the page box is culled.
UNBOUNDED = (-1e5, -1e5, 1e5, 1e5)


def page_object(page: Any) -> Any:
    """The page's dictionary (a ``mupdf.PdfObj``), to look keys up without PyMuPDF's
    per-call overhead."""
    return page._pdf_page().obj()


def run_page_contents(page: Any, devices: list[Any]) -> None:
    """Run the contents of ``page`` (a pymupdf.Page) into every device, then close them."""
    import pymupdf

    mupdf = pymupdf.mupdf
    try:
        if len(devices) == 1:
            mupdf.pdf_run_page_contents(page._pdf_page(), devices[0], mupdf.FzMatrix(),
                                        mupdf.FzCookie())
            return
        area = mupdf.FzRect(*UNBOUNDED)
        recording = mupdf.FzDisplayList(area)
        recorder = mupdf.fz_new_list_device(recording)
        try:
            mupdf.pdf_run_page_contents(page._pdf_page(), recorder, mupdf.FzMatrix(),
                                        mupdf.FzCookie())
        finally:
            mupdf.fz_close_device(recorder)
        for device in devices:
            mupdf.fz_run_display_list(recording, device, mupdf.FzMatrix(), area,
                                      mupdf.FzCookie())
    finally:
        for device in devices:
            mupdf.fz_close_device(device)
