"""The PDF parser (PyMuPDF): every layer of a PDF into the `Document` model.

Per page: text blocks in reading order (two columns handled), hidden text (render mode 3,
transparent, off-page), filled rectangles, images with their placements, annotations and
form fields. Per document: headings and section paths, figures paired with legends,
attachments, Info and XMP properties, revision count. Encrypted, truncated and damaged files
raise `UnreadableFile` with one line saying which.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mslint.hookspecs import hookimpl
from mslint.model import Document, TextBlock
from mslint.parser import ParseOptions, UnreadableFile, collector_paused

if TYPE_CHECKING:
    from mslint.parsers.pdf_annots import PageAnnotations

#: The ``%%EOF`` marker must appear this close to the end of a complete file.
EOF_WINDOW = 2048


class PdfParser:
    format = "pdf"
    extensions = (".pdf",)

    def sniff(self, head: bytes) -> bool:
        return b"%PDF-" in head[:1024]

    def parse(self, path: Path, options: ParseOptions) -> Document:
        with collector_paused():
            return self._parse(path, options)

    def _parse(self, path: Path, options: ParseOptions) -> Document:
        import pymupdf

        from mslint.parsers.pdf_annots import read_annotations, read_embedded_files
        from mslint.parsers.pdf_figures import pair_figures
        from mslint.parsers.pdf_images import ImageCollector
        from mslint.parsers.pdf_meta import metadata_blocks
        from mslint.parsers.pdf_order import reading_order
        from mslint.parsers.pdf_run import page_object
        from mslint.parsers.pdf_running import running_blocks
        from mslint.parsers.pdf_sections import build_blocks
        from mslint.parsers.pdf_text import RawBlock, read_page_text

        # What PyMuPDF raises on damaged objects ("bad xref" is a ValueError).
        mupdf_errors = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)
        doc = open_pdf(path, options)
        try:
            document = Document(path=path, format=self.format)
            images = ImageCollector(doc, str(path), options.limits.max_image_pixels)
            raw: list[RawBlock] = []
            annotations: list[PageAnnotations] = []
            heights: dict[int, float] = {}
            broken: list[int] = []
            # Counted before the walk: repairing a damaged file while loading its pages
            # can leave the document with no pages at all.
            pages = doc.page_count
            for number in range(pages):
                try:
                    page = doc.load_page(number)
                    box = tuple(page.rect)
                    page_obj = page_object(page)
                    pending = images.start_page(page, page_obj)
                    text = read_page_text(page, box, pending.device if pending else None)
                    masks = images.finish_page(pending, box) if pending is not None else []
                    images.add_thumbnail(page, page_obj)
                    found = read_annotations(page, page_obj)
                except (*mupdf_errors, TypeError):  # PyMuPDF's warning path can raise it
                    broken.append(number + 1)
                    continue
                heights[number + 1] = box[3] - box[1]
                order = reading_order([b.bbox for b in text.blocks])
                raw.extend(text.blocks[i] for i in order)
                document.shapes.extend(text.shapes)
                document.shapes.extend(masks)
                annotations.append(found)
            if len(broken) == pages:
                raise UnreadableFile("damaged PDF: none of its pages can be read")
            running = running_blocks(raw, heights)
            document.blocks = _with_annotations(build_blocks(raw, running), annotations)
            document.images = images.result()
            document.figures = pair_figures(document.blocks, document.images)
            for found in annotations:
                document.shapes.extend(found.shapes)
                document.embedded_files.extend(found.files)
            unread: list[str] = []
            try:
                document.embedded_files[:0] = read_embedded_files(doc)
            except mupdf_errors:
                unread.append("embedded files")
            try:
                document.metadata, meta_blocks = metadata_blocks(doc)
                document.blocks.extend(meta_blocks)
            except mupdf_errors:
                unread.append("metadata")
            document.attrs.update(_document_facts(doc, pages))
            if broken:
                document.attrs["pdf_unreadable_pages"] = broken
            if unread:
                document.attrs["pdf_unreadable_parts"] = unread
            return document
        except mupdf_errors as exc:
            raise UnreadableFile(f"damaged PDF: {_first_line(exc)}") from None
        finally:
            doc.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _with_annotations(blocks: list[TextBlock], pages: list[PageAnnotations]) -> list[TextBlock]:
    """Page text with each page's annotation text after it; an annotation block takes the
    section of the text before it."""
    pending = [found for found in pages if found.blocks]
    out: list[TextBlock] = []

    def flush(before_page: float) -> None:
        while pending and (pending[0].blocks[0].location.page or 0) < before_page:
            section = out[-1].section if out else ()
            for block in pending.pop(0).blocks:
                block.section = section
                out.append(block)

    for block in blocks:
        flush(block.location.page or 0)
        out.append(block)
    flush(float("inf"))
    return out


def _document_facts(doc: Any, pages: int) -> dict[str, Any]:
    return {
        "page_count": pages,
        "pdf_versions": max(1, doc.version_count),
        "pdf_encrypted": bool(doc.is_encrypted or doc.metadata.get("encryption")),
        "pdf_linearized": bool(doc.is_fast_webaccess),
        "pdf_repaired": bool(doc.is_repaired),
    }


def open_pdf(path: Path, options: ParseOptions) -> Any:
    """Open ``path`` with PyMuPDF, or raise `UnreadableFile` saying why it cannot be read."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, size - EOF_WINDOW))
            tail = fh.read()
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    if size > options.limits.max_file_bytes:
        raise UnreadableFile(f"PDF of {size // 2**20} MiB is over the "
                             f"{options.limits.max_file_bytes // 2**20} MiB limit")
    if b"%PDF-" not in head:
        raise UnreadableFile("not a PDF file: no %PDF header at its start")
    if b"%%EOF" not in tail:
        raise UnreadableFile("truncated PDF: the file ends before its end-of-file marker")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
        reason = _first_line(exc)
        if reason.startswith("Failed to open file"):  # PyMuPDF's words, with the full path
            reason = "no readable objects, and its cross-reference table cannot be repaired"
        raise UnreadableFile(f"damaged PDF: {reason.replace(str(path), path.name)}") from None
    if doc.needs_pass:
        doc.close()
        raise UnreadableFile("encrypted PDF: it needs a password to open; "
                             "submit an unprotected copy")
    if doc.page_count == 0:
        doc.close()
        raise UnreadableFile("damaged PDF: no readable pages")
    return doc


@hookimpl
def mslint_parsers() -> list[PdfParser]:
    return [PdfParser()]
