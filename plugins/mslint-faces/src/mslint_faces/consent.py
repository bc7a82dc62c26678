"""Does the legend of the figure showing an image state consent for publication?

When the core's consent analysis (`mslint.consent`) is available it decides, sharing the
per-document analysis with the consent rules (MS101-MS110). Without it, or when it cannot
run (no spaCy pipeline), a small phrase check of our own decides.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mslint.model import Document, EmbeddedImage, Figure
    from mslint.resources import Resources

log = logging.getLogger(__name__)

_CONSENT = r"(?:consent|permission|authori[sz]ation)"
_PUBLISH = (
    r"(?:publi(?:sh|cation)\w*|reproduc\w+|"
    r"to\s+(?:use|show|include)\s+(?:this|these|the)\s+(?:image|photo|picture|figure)s?)"
)
_STATED = re.compile(
    rf"{_CONSENT}\b[^.;]{{0,80}}?\b{_PUBLISH}|{_PUBLISH}[^.;]{{0,60}}?\b(?:with|after|under)\b"
    rf"[^.;]{{0,40}}?\b{_CONSENT}|\bpublished\s+with\b[^.;]{{0,40}}{_CONSENT}",
    re.IGNORECASE,
)
_DENIED = re.compile(
    rf"\b(?:no|not|without|never|declined|refused|withdrawn|waived)\b[^.;]{{0,40}}{_CONSENT}|"
    rf"{_CONSENT}\b[^.;]{{0,40}}\b(?:not|never)\s+(?:been\s+)?(?:obtained|given|sought|available)|"
    rf"{_CONSENT}\b[^.;]{{0,20}}\b(?:waived|declined|refused|withdrawn|pending)",
    re.IGNORECASE,
)


def figure_of(document: Document, image: EmbeddedImage) -> Figure | None:
    """The figure that shows ``image``: by its image ids, else by the image's label."""
    for figure in document.figures:
        if image.id in figure.image_ids:
            return figure
    if image.figure_label:
        for figure in document.figures:
            if figure.label == image.figure_label:
                return figure
    return None


def legend_states_consent(legend: str) -> bool:
    """Our own check: a publication-consent phrase that is not negated."""
    return bool(_STATED.search(legend)) and not _DENIED.search(legend)


def figure_states_consent(document: Document, figure: Figure, resources: Resources) -> bool:
    """The legend of ``figure`` states consent for publication."""
    verdict = _core_verdict(document, figure, resources)
    return legend_states_consent(figure.legend) if verdict is None else verdict


def _core_verdict(document: Document, figure: Figure, resources: Resources) -> bool | None:
    try:
        from mslint.consent.analysis import analyse_document
        from mslint.consent.classify import Purpose
    except ImportError:
        return None
    try:
        analysis = analyse_document(document, resources)
    except Exception as exc:  # the core analysis needs spaCy; fall back without it
        log.debug("consent analysis unavailable: %s", exc)
        return None
    for legend in analysis.figures:
        if legend.label != figure.label or not legend.statements:
            continue  # a legend it found no statement in: our own check decides
        return any(
            s.counts and s.classification.obtained
            and s.classification.purpose in (Purpose.PUBLICATION, Purpose.UNSPECIFIED)
            for s in legend.statements
        )
    return None
