"""Figure legends of a DOCX found and matched to the images they describe.

A paragraph is a caption when it starts with a figure or table label and something says it
is one: a Caption-like style, a ``SEQ`` field, punctuation after the label (``Figure 2.``),
an image directly above or below it, a text box beside the image, or a place in a
"Figure legends" section. Captions next to images claim them (the document's dominant
layout, caption below or above, decides first); legends gathered in a legends section are
paired by number with the images left over, in order of appearance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from mslint.figures import FigureLabel, is_legends_section, parse_figure_label
from mslint.model import BlockKind, Document, Figure, Location, TextBlock
from mslint.parsers.docx_body import ParagraphRecord
from mslint.parsers.docx_runs import SeqField

_TABLE_LABEL = re.compile(
    r"^\s*(?:supplementa(?:ry|l)\s+)?tab(?:le|\.)\s*(S?\d{1,3}[A-Za-z]?)"
    r"(\s*[.:—–\-|)]|\s+(?=(?-i:[A-Z(]))|\s*$)",
    re.IGNORECASE,
)
_TABLE_START = re.compile(
    r"^\s*(?:supplementa(?:ry|l)\s+)?table\s*(S?\d{1,3}[A-Za-z]?)\b(?!\s+(?:"
    r"shows?|presents?|summari[sz]es?|lists?|gives?|displays?|provides?|reports?|describes?"
    r"|contains?|compares?|illustrates?|depicts?|demonstrates?|indicates?|reveals?|includes?"
    r"|outlines?|details?|is|are|was|were|has|have|and|or|in|of)\b)",
    re.IGNORECASE,
)
_SHORT_TABLE_CAPTION_WORDS = 25
_TABLE_SEQ = frozenset({"table", "tabelle", "tab", "tabla", "tableau"})
_NOT_FIGURE_SEQ = _TABLE_SEQ | {"equation", "formula", "gleichung", "listing"}
_STRONG_SEPARATORS = ".:—–-|)"
#: Cheap first test: could this text start with a figure or table label at all?
_MAYBE_LABEL = re.compile(
    r"\s*(?:supplementa|online|extended|fig|tab|abb|image|photo|plate)", re.IGNORECASE
)


@dataclass(slots=True)
class _Caption:
    block: int
    label: FigureLabel
    record: int
    position: str
    text: str
    location: Location
    image_ids: tuple[str, ...] = ()


def assign_figures(doc: Document, records: list[ParagraphRecord]) -> None:
    """Mark caption blocks and fill ``doc.figures``; images get their ``figure_label``."""
    image_rows = [i for i, r in enumerate(records) if r.image_ids]
    adjacent: list[_Caption] = []
    in_legends: list[_Caption] = []
    seq_counts: dict[str, int] = {}
    for i, record in enumerate(records):
        for box_block, box_fields in record.text_box_blocks:
            box = doc.blocks[box_block]
            label = _label(box.text, box_fields, seq_counts)
            if label is not None:
                images = tuple(record.image_ids or record.text_box_images)
                adjacent.append(_Caption(box_block, label, i, "text-box" if images else "",
                                         box.text, box.location, images))
        if record.block is None:
            continue
        if not record.seq_fields and not _MAYBE_LABEL.match(record.text):
            continue
        block = doc.blocks[record.block]
        if block.kind is not (BlockKind.TABLE_CELL if record.in_table else BlockKind.BODY):
            continue
        legends = any(is_legends_section(title) for title in block.section)
        if not record.in_table and _table_caption(block, record, _next_to_table(records, i)):
            continue
        label = _label(record.text, record.seq_fields, seq_counts)
        if label is None:
            continue
        near_image = _neighbour_rows(records, i, -1) or _neighbour_rows(records, i, 1)
        strong = (record.is_caption_style or bool(record.seq_fields) or legends
                  or bool(record.image_ids) or bool(near_image)
                  or _separator(record.text, label) in _STRONG_SEPARATORS)
        if not strong:
            continue
        caption = _Caption(record.block, label, i, "legends-section" if legends else "",
                           record.text, replace(block.location, paragraph=record.number))
        (in_legends if legends else adjacent).append(caption)
    claimed: set[int] = set()
    for caption in adjacent:
        if caption.image_ids:
            claimed.update(_rows_of(records, caption.image_ids))
        elif records[caption.record].image_ids:
            caption.position = "same-paragraph"
            caption.image_ids = tuple(records[caption.record].image_ids)
            claimed.add(caption.record)
    below_votes = sum(1 for c in adjacent if _neighbour_rows(records, c.record, -1))
    above_votes = sum(1 for c in adjacent if _neighbour_rows(records, c.record, 1))
    order = ((-1, "below"), (1, "above")) if below_votes >= above_votes else \
        ((1, "above"), (-1, "below"))
    for direction, position in order:
        for caption in adjacent:
            if caption.image_ids:
                continue
            rows = [r for r in _neighbour_rows(records, caption.record, direction)
                    if r not in claimed]
            if rows:
                claimed.update(rows)
                caption.position = position
                caption.image_ids = tuple(i for r in rows for i in records[r].image_ids)
    placed = {c.label.label.upper() for c in adjacent if c.image_ids}
    _pair_legends_section(records, image_rows, claimed,
                          [c for c in in_legends if c.label.label.upper() not in placed])
    _build_figures(doc, [*adjacent, *in_legends])


def _label(text: str, fields: list[SeqField], seq_counts: dict[str, int]) -> FigureLabel | None:
    """The figure label a caption starts with, or the one its ``SEQ Figure`` field numbers."""
    figure_fields = [f for f in fields if f.name.lower() not in _NOT_FIGURE_SEQ]
    for f in figure_fields:
        seq_counts[f.name.lower()] = seq_counts.get(f.name.lower(), 0) + 1
    label = parse_figure_label(text)
    if label is not None or not figure_fields:
        return label
    seq = figure_fields[0]
    if text[: seq.start].strip():
        return None
    shown = text[seq.start: seq.end].strip()
    number = shown if shown.isalnum() else str(seq_counts[seq.name.lower()])
    legend_start = seq.end
    while legend_start < len(text) and text[legend_start] in " \t.:—–-|)":
        legend_start += 1
    return FigureLabel(f"Figure {number}", number, False, legend_start)


def _next_to_table(records: list[ParagraphRecord], row: int) -> bool:
    return any(0 <= j < len(records) and records[j].in_table for j in (row - 1, row + 1))


def _table_caption(block: TextBlock, record: ParagraphRecord, next_to_table: bool) -> bool:
    """Mark a table caption; True when it is one.

    ``Table 1.`` / ``Table 1: ...`` / a lone ``Table 1`` / a table ``SEQ`` field always are;
    ``Table 1 Baseline ...`` is when styled as a caption or next to a table, and any short
    line starting ``Table N`` is when it sits directly above or below a table."""
    m = _TABLE_LABEL.match(block.text)
    seq_table = any(f.name.lower() in _TABLE_SEQ for f in record.seq_fields)
    start = _TABLE_START.match(block.text)
    short_beside_table = (start is not None and next_to_table
                          and len(block.text.split()) <= _SHORT_TABLE_CAPTION_WORDS)
    if m is None and not short_beside_table \
            and not (seq_table and parse_figure_label(block.text) is None):
        return False
    if m is not None and not (record.is_caption_style or seq_table or next_to_table
                              or m.group(2).strip()
                              or not block.text[m.end():].strip()):
        return False
    block.kind = BlockKind.CAPTION
    number = m or start
    if number is not None:
        block.attrs["table_label"] = f"Table {number.group(1)}"
    return True


def _separator(text: str, label: FigureLabel) -> str:
    rest = text[: label.legend_start].rstrip()
    return rest[-1] if rest else ""


def _neighbour_rows(records: list[ParagraphRecord], row: int, step: int) -> list[int]:
    """Image paragraphs directly before (step -1) or after (+1) ``row``, blank ones skipped."""
    rows: list[int] = []
    i = row + step
    while 0 <= i < len(records):
        record = records[i]
        if record.image_ids and not record.text.strip():
            rows.append(i)
        elif record.image_ids:
            rows.append(i)
            break
        elif record.text.strip() or record.text_box_blocks or rows:
            break
        i += step
    return sorted(rows)


def _neighbour_images(records: list[ParagraphRecord], row: int, step: int) -> list[str]:
    return [i for r in _neighbour_rows(records, row, step) for i in records[r].image_ids]


def _rows_of(records: list[ParagraphRecord], image_ids: tuple[str, ...]) -> set[int]:
    wanted = set(image_ids)
    return {i for i, r in enumerate(records) if wanted.intersection(r.image_ids)}


def _pair_legends_section(records: list[ParagraphRecord], image_rows: list[int],
                          claimed: set[int], legends: list[_Caption]) -> None:
    """Figure N of a legends section takes the N-th image paragraph if no caption took it;
    otherwise the legends left take the images left, in order."""
    waiting: list[_Caption] = []
    for caption in legends:
        number = caption.label.number
        if number.isdigit() and not caption.label.supplementary and \
                0 < int(number) <= len(image_rows) and image_rows[int(number) - 1] not in claimed:
            row = image_rows[int(number) - 1]
            claimed.add(row)
            caption.image_ids = tuple(records[row].image_ids)
        else:
            waiting.append(caption)
    free = [r for r in image_rows if r not in claimed]
    for caption, row in zip(waiting, free, strict=False):
        if caption.label.supplementary:
            continue
        caption.image_ids = tuple(records[row].image_ids)
        claimed.add(row)


def _build_figures(doc: Document, captions: list[_Caption]) -> None:
    by_label: dict[str, Figure] = {}
    for caption in sorted(captions, key=lambda c: c.block):
        block = doc.blocks[caption.block]
        if block.kind is not BlockKind.TABLE_CELL or block.text.strip() == caption.text.strip():
            block.kind = BlockKind.CAPTION
        block.attrs["figure_label"] = caption.label.label
        block.attrs["caption_position"] = caption.position or "alone"
        legend = caption.text[caption.label.legend_start:].strip()
        key = caption.label.label.upper()
        known = by_label.get(key)
        if known is None:
            figure = Figure(label=caption.label.label, legend=legend, location=caption.location,
                            number=caption.label.number, image_ids=caption.image_ids,
                            legend_block=caption.block)
            by_label[key] = figure
            doc.figures.append(figure)
        else:
            known.image_ids = tuple(dict.fromkeys((*known.image_ids, *caption.image_ids)))
            if len(legend) > len(known.legend):
                known.legend = legend
                known.location = caption.location
                known.legend_block = caption.block
    for figure in doc.figures:
        for image_id in figure.image_ids:
            image = doc.image(image_id)
            if image is not None and image.figure_label is None:
                image.figure_label = figure.label
