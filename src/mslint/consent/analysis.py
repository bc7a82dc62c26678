"""Everything the consent rules need to know about one document, computed once.

MS101-MS105 and MS110 share one `ConsentAnalysis` per document (through
`Resources.memo`): the statements, the Permission ID lines, whether the manuscript
describes a patient, whether that patient is a child, deceased or lacks capacity, and what
each figure shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mslint.consent.classify import Purpose, Status
from mslint.consent.image_kind import ImageKind, figure_kind
from mslint.consent.patient_content import Cue, patient_content_cues, vulnerable_cues
from mslint.consent.statements import (
    NLP_COMPONENTS,
    PermissionIdLine,
    Statement,
    empty_consent_sections,
    find_permission_ids,
    find_statements,
)
from mslint.figures import parse_figure_label
from mslint.model import BlockKind, Document, Location, TextBlock

if TYPE_CHECKING:
    from mslint.resources import Resources

MEMO_KEY = "mslint.consent.analysis"


@dataclass(frozen=True, slots=True)
class FigureLegend:
    """A figure legend, what the figure shows, and the consent statements inside it."""

    label: str
    legend: str
    block: TextBlock | None
    block_index: int | None
    location: Location
    kind: ImageKind
    from_pixels: bool
    statements: tuple[Statement, ...]

    @property
    def states_consent(self) -> bool:
        """The legend says consent was given (any statement that is not a placeholder)."""
        return any(s.placeholder is None and s.classification.status is not Status.UNKNOWN
                   for s in self.statements)


@dataclass(frozen=True, slots=True)
class ConsentAnalysis:
    statements: tuple[Statement, ...]
    permission_ids: tuple[PermissionIdLine, ...]
    empty_sections: tuple[tuple[int, TextBlock], ...]
    patient_cues: tuple[Cue, ...]
    vulnerable: tuple[Cue, ...]
    figures: tuple[FigureLegend, ...]

    @property
    def patient_content(self) -> bool:
        return bool(self.patient_cues)

    def is_photograph(self, figure: FigureLegend) -> bool:
        """A clinical photograph: named so by its legend, or a colour photograph in a
        manuscript about a patient (in other papers a colour picture is not clinical)."""
        return figure.kind is ImageKind.PHOTOGRAPH and (
            not figure.from_pixels or self.patient_content
        )

    @property
    def has_photographs(self) -> bool:
        return any(self.is_photograph(f) for f in self.figures)

    @property
    def identifiable(self) -> bool:
        """The manuscript describes a patient or shows a clinical photograph."""
        return self.patient_content or self.has_photographs

    def counted(self) -> list[Statement]:
        """Statements that say something about consent (placeholders excluded)."""
        return [s for s in self.statements if s.counts]

    def publication_statements(self) -> list[Statement]:
        """Statements that consent for publication (or of unstated purpose) was obtained."""
        return [s for s in self.counted()
                if s.classification.obtained
                and s.classification.purpose in (Purpose.PUBLICATION, Purpose.UNSPECIFIED)]


def analyse_document(document: Document, resources: Resources) -> ConsentAnalysis:
    """The shared analysis, computed on first use for the current document."""
    return resources.memo(f"{MEMO_KEY}:{id(document)}", lambda: _analyse(document, resources))


def _analyse(document: Document, resources: Resources) -> ConsentAnalysis:
    nlp = resources.nlp(NLP_COMPONENTS)
    statements = find_statements(document, nlp)
    skip = [(id(s.block), s.start, s.end) for s in statements]
    return ConsentAnalysis(
        statements=tuple(statements),
        permission_ids=tuple(find_permission_ids(document)),
        empty_sections=tuple(empty_consent_sections(document)),
        patient_cues=tuple(patient_content_cues(document)),
        vulnerable=tuple(vulnerable_cues(document, skip)),
        figures=tuple(_figures(document, statements)),
    )


def _figures(document: Document, statements: list[Statement]) -> list[FigureLegend]:
    out: list[FigureLegend] = []
    used_blocks: set[int] = set()
    for figure in document.figures:
        index = figure.legend_block
        block = document.blocks[index] if index is not None else None
        if index is not None:
            used_blocks.add(index)
            inside = [s for s in statements if s.block_index == index]
        else:
            inside = [s for s in statements if s.block.kind is BlockKind.CAPTION
                      and " ".join(s.text.split()) in " ".join(figure.legend.split())]
        images = [img for i in figure.image_ids if (img := document.image(i)) is not None]
        kind, from_pixels = figure_kind(figure.legend, images)
        out.append(FigureLegend(figure.label, figure.legend, block, index, figure.location,
                                kind, from_pixels, tuple(inside)))
    for index, block in enumerate(document.blocks):
        if block.kind is not BlockKind.CAPTION or index in used_blocks:
            continue
        label = block.attrs.get("figure_label")
        parsed = parse_figure_label(block.text)
        if not label and parsed is None:
            continue
        legend = block.text[parsed.legend_start:] if parsed else block.text
        inside = [s for s in statements if s.block_index == index]
        kind, from_pixels = figure_kind(legend, [])
        out.append(FigureLegend(label or (parsed.label if parsed else ""), legend, block, index,
                                block.location, kind, from_pixels, tuple(inside)))
    return out
