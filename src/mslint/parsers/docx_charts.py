"""Text inside charts and SmartArt diagrams drawn in a DOCX.

Chart titles, series names and category labels (``c:strCache``) and SmartArt node text live
in their own parts (``word/charts/chart1.xml``, ``word/diagrams/data1.xml``), out of reach of
the paragraph walk; a drawing names them by relationship id.
"""

from __future__ import annotations

from typing import Any

from mslint.parsers.ooxml_package import OoxmlPackage, Relationship

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def drawing_text_parts(el: Any, rels: dict[str, Relationship]) -> list[tuple[str, str]]:
    """``(part, "chart" | "diagram")`` for each chart or SmartArt a drawing shows."""
    found: list[tuple[str, str]] = []
    for chart in el.iter(f"{C}chart"):
        rel = rels.get(chart.get(f"{R}id") or "")
        if rel is not None and not rel.external:
            found.append((rel.target, "chart"))
    for ids in el.iter(f"{DGM}relIds"):
        rel = rels.get(ids.get(f"{R}dm") or "")
        if rel is not None and not rel.external:
            found.append((rel.target, "diagram"))
    return found


def read_drawing_text(package: OoxmlPackage, part: str, kind: str) -> list[str]:
    """The text pieces of a chart or diagram data part, in document order."""
    if not package.has(part):
        return []
    root = package.xml(part)
    texts: list[str] = []
    if kind == "diagram":
        for point in root.iter(f"{DGM}pt"):
            text = "".join(t.text or "" for t in point.iter(f"{A}t")).strip()
            if text:
                texts.append(text)
        return texts
    for title in root.iter(f"{C}title"):
        text = "".join(t.text or "" for t in title.iter(f"{A}t")).strip()
        if text:
            texts.append(text)
    for cache in root.iter(f"{C}strCache"):
        for value in cache.iter(f"{C}v"):
            if value.text and value.text.strip():
                texts.append(value.text.strip())
    return list(dict.fromkeys(texts))
