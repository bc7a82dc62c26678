"""``mslint extract``: a parsed `Document` as JSON, the debugging and triage view.

Image bytes appear as sizes and SHA-256 hashes, never as base64.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mslint.model import Document, EmbeddedImage, TextBlock
from mslint.reporters.common import location_dict


def _block(index: int, block: TextBlock) -> dict[str, Any]:
    attrs = {k: v for k, v in block.attrs.items() if k != "spans"}
    out: dict[str, Any] = {
        "index": index,
        "kind": str(block.kind),
        "section": list(block.section),
        "location": location_dict(block.location),
        "text": block.text,
    }
    if attrs:
        out["attrs"] = _jsonable(attrs)
    if "spans" in block.attrs:
        out["span_count"] = len(block.attrs["spans"])
    return out


def _image(image: EmbeddedImage) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": image.id,
        "format": image.format,
        "location": location_dict(image.location),
        "bytes": image.byte_size,
        "sha256": image.sha256,
        "pixels": [image.width, image.height] if image.width else None,
    }
    if image.displayed_size:
        out["displayed_size_pt"] = [round(v, 1) for v in image.displayed_size]
    if image.crop and image.crop.is_cropped:
        c = image.crop
        out["crop"] = {
            "left": c.left,
            "top": c.top,
            "right": c.right,
            "bottom": c.bottom,
            "hidden_fraction": round(c.hidden_fraction, 3),
        }
    if image.placements:
        out["placements"] = [
            {
                "page": p.page,
                "rect": [round(v, 1) for v in p.rect],
                "visible": [round(v, 1) for v in p.visible] if p.visible else None,
            }
            for p in image.placements
        ]
    for key in ("alt_text", "figure_label", "external_uri", "stream_filter"):
        value = getattr(image, key)
        if value:
            out[key] = value
    if image.attrs:
        out["attrs"] = _jsonable(image.attrs)
    return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def document_dict(document: Document, root: Path) -> dict[str, Any]:
    try:
        shown = document.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = document.path.name
    sections: list[list[str]] = []
    for block in document.blocks:
        if block.section and list(block.section) not in sections:
            sections.append(list(block.section))
    return {
        "path": shown,
        "format": document.format,
        "authors": document.authors,
        "sections": sections,
        "figures": [
            {
                "label": f.label,
                "number": f.number,
                "legend": f.legend,
                "location": location_dict(f.location),
                "image_ids": list(f.image_ids),
                "legend_block": f.legend_block,
            }
            for f in document.figures
        ],
        "images": [_image(i) for i in document.images],
        "metadata": document.metadata,
        "embedded_files": [
            {
                "name": e.name,
                "kind": e.kind,
                "size": e.size,
                "content_type": e.content_type,
                "location": location_dict(e.location),
            }
            for e in document.embedded_files
        ],
        "shapes": len(document.shapes),
        "includes": document.includes,
        "suppressions": [
            {"source": s, "line": ln, "rules": sorted(codes)}
            for (s, ln), codes in sorted(document.suppressions.items())
        ],
        "attrs": _jsonable(document.attrs),
        "blocks": [_block(i, b) for i, b in enumerate(document.blocks)],
    }


def document_json(document: Document, root: Path) -> str:
    return json.dumps(document_dict(document, root), indent=2, ensure_ascii=False) + "\n"
