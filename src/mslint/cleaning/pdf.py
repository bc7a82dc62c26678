"""Cleaning a PDF with PyMuPDF: Info and XMP removed, attachments and file-attachment
annotations dropped, page thumbnails and private application data removed, EXIF stripped
from JPEG image streams, and the file written in full (no incremental update), so earlier
revisions and unreferenced objects are gone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mslint.cleaning.images import strip_jpeg


class PdfCleanError(ValueError):
    """The PDF cannot be cleaned (unreadable or encrypted)."""


def _strip_jpeg_streams(doc: Any) -> int:
    count = 0
    for xref in range(1, doc.xref_length()):
        if not doc.xref_is_stream(xref):
            continue
        if doc.xref_get_key(xref, "Subtype") != ("name", "/Image"):
            continue
        if doc.xref_get_key(xref, "Filter") != ("name", "/DCTDecode"):
            continue
        raw = doc.xref_stream_raw(xref)
        try:
            result = strip_jpeg(raw)
        except ValueError:
            continue
        if result.changed:
            doc.update_stream(xref, result.data, compress=False)
            doc.xref_set_key(xref, "Filter", "/DCTDecode")
            count += 1
    return count


def _drop_keys(doc: Any, xref: int, keys: tuple[str, ...]) -> int:
    dropped = 0
    for key in keys:
        if doc.xref_get_key(xref, key)[0] != "null":
            doc.xref_set_key(xref, key, "null")
            dropped += 1
    return dropped


def clean_pdf(source: Path, dest: Path) -> list[str]:
    """Write a cleaned copy of ``source`` to ``dest``; returns what was done."""
    import pymupdf

    try:
        doc = pymupdf.open(source)
    except Exception as exc:
        raise PdfCleanError(f"not a readable PDF: {exc}") from None
    with doc:
        if doc.needs_pass:
            raise PdfCleanError("the PDF is password-protected; remove the password first")
        actions: list[str] = []
        revisions = doc.version_count
        if any(v for k, v in (doc.metadata or {}).items() if k not in ("format", "encryption")):
            actions.append("removed the Info dictionary")
        doc.set_metadata({})
        if doc.get_xml_metadata():
            doc.del_xml_metadata()
            actions.append("removed the XMP metadata")
        names = doc.embfile_names()
        for name in names:
            doc.embfile_del(name)
        if names:
            actions.append(f"removed {len(names)} embedded file(s)")
        annots = thumbs = 0
        for page in doc:
            for annot in list(page.annots(types=[pymupdf.PDF_ANNOT_FILE_ATTACHMENT])):
                page.delete_annot(annot)
                annots += 1
            thumbs += _drop_keys(doc, page.xref, ("Thumb", "PieceInfo"))
        if annots:
            actions.append(f"removed {annots} file-attachment annotation(s)")
        if thumbs:
            actions.append(f"removed {thumbs} page thumbnail(s) / private page data")
        private = sum(_drop_keys(doc, xref, ("Metadata", "PieceInfo"))
                      for xref in range(1, doc.xref_length()))
        if private:
            actions.append(f"removed XMP / private application data from {private} object(s)")
        jpegs = _strip_jpeg_streams(doc)
        if jpegs:
            actions.append(f"stripped metadata from {jpegs} JPEG image stream(s)")
        doc.save(dest, garbage=4, deflate=True, incremental=False)
        if revisions > 1:
            actions.append(f"wrote the file in full: {revisions - 1} earlier revision(s) gone")
    return actions
