"""Benchmark: the consent checks (MS101-MS105, MS110) on a 5,000-word case report.

Builds a `Document` in memory: a case report of about 5,000 words (case presentation,
long discussion, references), figure legends (photographs with and without consent, CT,
histology, with pixels for one), a consent paragraph in the declarations, consent to
surgery in the case text and consent mentions in the discussion. Prints, as medians over
repeats:

* the one-time cost of loading the spaCy pipeline the checks use (tok2vec + parser);
* the six rules run through the engine on the document, pipeline already loaded
  (goal: under 0.5 s);
* for scale, the same pipeline parsing every block of the document (what the checks would
  cost without the keyword prefilter), and the full en_core_web_sm pipeline doing so;
* how many words the checks actually parsed;
* two harder documents of the same length: consent discussed in every paragraph of the
  Discussion (those general sentences are not parsed), and the same text with no headings
  at all (every sentence naming consent is a candidate; past 1,500 such words only those
  about the manuscript's own case are parsed).

Run: ``.venv/bin/python benchmarks/bench_consent.py [--repeats 7] [--words 5000]``.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from mslint.config import Settings
from mslint.consent.statements import NLP_COMPONENTS, candidates
from mslint.engine import Engine
from mslint.model import BlockKind, Document, EmbeddedImage, Figure, Location, TextBlock
from mslint.plugins import Plugins
from mslint.resources import DEFAULT_SPACY_MODEL, load_spacy

RULES = ("MS101", "MS102", "MS103", "MS104", "MS105", "MS110")

_CASE = (
    "A 45-year-old woman presented to the emergency department with a two-week history of "
    "fever, night sweats and painful lumps on both shins. She had no relevant past medical "
    "history and took no regular medication. On examination, she had tender erythematous "
    "nodules on the anterior aspect of both legs and bilateral ankle swelling. Blood tests "
    "showed a raised C-reactive protein and erythrocyte sedimentation rate."
)
_DISCUSSION = (
    "Erythema nodosum is the most common nonspecific cutaneous manifestation of sarcoidosis. "
    "Its recognition allows an early diagnosis of Lofgren syndrome, which carries a good "
    "prognosis in most series. The differential diagnosis includes streptococcal infection, "
    "tuberculosis, inflammatory bowel disease and drug reactions, and the history and chest "
    "imaging usually separate them. Treatment is supportive in most patients, with "
    "nonsteroidal anti-inflammatory drugs for pain and corticosteroids for severe disease."
)
_DISCUSSION_CONSENT = (
    "Informed consent is an essential part of clinical practice and of case reporting. "
    "Patients in earlier reports gave consent for treatment with corticosteroids [12]."
)
_CONSENT_TALK = (
    "Informed consent for publication is required for case reports. In one survey, most "
    "patients agreed to publication of their images, but consent for online publication was "
    "less often given. Authors should state that consent was obtained."
)
_REFERENCE = ("Smith J, Jones K, Brown L, et al. Erythema nodosum and sarcoidosis: a "
              "retrospective cohort of 212 patients. J Clin Dermatol. 2019;14:101-9.")


def _photo_png() -> bytes:
    from PIL import Image

    img = Image.new("RGB", (320, 240))
    px = img.load()
    for x in range(320):
        for y in range(240):
            px[x, y] = (170 + x // 6, 120 + y // 3, 90 + (x + y) // 8)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def build_document(words: int = 5000, seed: int = 11) -> Document:
    """A case report of about ``words`` words with legends and consent text."""
    rng = random.Random(seed)
    doc = Document(path=Path("bench.md"), format="markdown")
    section: tuple[str, ...] = ()

    def add(text: str, kind: BlockKind = BlockKind.BODY, **attrs: object) -> int:
        doc.blocks.append(TextBlock(text=text, kind=kind, location=Location(
            line=len(doc.blocks) + 1), section=section, attrs=dict(attrs)))
        return len(doc.blocks) - 1

    def heading(title: str, level: int = 1) -> None:
        nonlocal section
        section = (*section[: level - 1], title)
        add(title, BlockKind.HEADING)

    heading("Erythema nodosum as the first sign of sarcoidosis")
    heading("Case presentation", 2)
    add(_CASE + " Informed consent for surgery was obtained before the biopsy.")
    for _ in range(6):
        add(_CASE)
    legends = [
        ("Clinical photograph of both shins showing erythematous nodules. Published with the "
         "patient's written consent.", None),
        ("Chest CT showing bilateral hilar lymphadenopathy.", None),
        ("Histology of the skin biopsy showing septal panniculitis (H&E, x200).", None),
        ("The nodules at six weeks.", _photo_png()),
    ]
    for number, (legend, pixels) in enumerate(legends, start=1):
        label = f"Figure {number}"
        index = add(f"{label}. {legend}", BlockKind.CAPTION, figure_label=label)
        image_ids: tuple[str, ...] = ()
        if pixels is not None:
            doc.images.append(EmbeddedImage(id=f"fig{number}.png", format="png",
                                            location=Location(), data=pixels))
            image_ids = (f"fig{number}.png",)
        doc.figures.append(Figure(label=label, legend=legend, location=Location(line=index + 1),
                                  number=str(number), image_ids=image_ids, legend_block=index))
    heading("Discussion", 2)
    add(_DISCUSSION_CONSENT)
    heading("Declarations", 2)
    heading("Consent for publication", 3)
    add("Written informed consent for publication of this case report and any accompanying "
        "images was obtained from the patient. A copy of the written consent is available for "
        "review by the editor of this journal.")
    heading("Competing interests", 3)
    add("The authors declare that they have no competing interests.")
    heading("References", 2)
    insert_at = next(i for i, b in enumerate(doc.blocks) if b.text == _DISCUSSION_CONSENT)
    discussion_section = doc.blocks[insert_at].section
    while _count(doc) < words - 600:
        sentences = _DISCUSSION.split(". ")
        rng.shuffle(sentences)
        doc.blocks.insert(insert_at, TextBlock(
            text=". ".join(sentences), kind=BlockKind.BODY, location=Location(line=insert_at),
            section=discussion_section))
    section = ("Erythema nodosum as the first sign of sarcoidosis", "References")
    while _count(doc) < words:
        add(_REFERENCE)
    for i, block in enumerate(doc.blocks):
        block.location = Location(line=i + 1)
    for figure in doc.figures:
        figure.legend_block = next(i for i, b in enumerate(doc.blocks)
                                   if b.attrs.get("figure_label") == figure.label)
    return doc


def consent_heavy(doc: Document, headings: bool) -> Document:
    """The same document with consent discussed in every Discussion paragraph; without
    headings, no block knows its section."""
    blocks = []
    for block in doc.blocks:
        text = block.text
        if block.kind is BlockKind.BODY and block.section[-1:] == ("Discussion",):
            text = f"{_CONSENT_TALK} {_CONSENT_TALK}"
        if not headings and block.kind is BlockKind.HEADING:
            continue
        blocks.append(TextBlock(text=text, kind=block.kind, location=block.location,
                                section=block.section if headings else (),
                                attrs=dict(block.attrs)))
    heavy = Document(path=doc.path, format=doc.format, blocks=blocks, images=doc.images)
    for figure in doc.figures:
        index = next(i for i, b in enumerate(blocks) if b.attrs.get("figure_label") == figure.label)
        heavy.figures.append(Figure(label=figure.label, legend=figure.legend,
                                    location=figure.location, number=figure.number,
                                    image_ids=figure.image_ids, legend_block=index))
    return heavy


def _count(doc: Document) -> int:
    return sum(len(b.text.split()) for b in doc.blocks)


def _median(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args()

    doc = build_document(args.words)
    words = _count(doc)
    started = time.perf_counter()
    nlp = load_spacy(DEFAULT_SPACY_MODEL, NLP_COMPONENTS)
    load_seconds = time.perf_counter() - started
    engine = Engine(Settings(select=RULES), Plugins(entry_point_plugins=False))
    findings = engine.check_document(doc, "bench.md").findings

    checks = _median(lambda: engine.check_document(doc, "bench.md"), args.repeats)
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.METADATA]
    parse_all = _median(lambda: list(nlp.pipe(texts)), max(3, args.repeats // 2))
    import spacy

    full = spacy.load(DEFAULT_SPACY_MODEL)
    parse_full = _median(lambda: list(full.pipe(texts)), max(3, args.repeats // 2))
    parsed_words = sum(len(c.text.split()) for c in candidates(doc))

    print(f"document: {words} words, {len(doc.blocks)} blocks, {len(doc.figures)} figures")
    print(f"findings: {', '.join(sorted(f.rule_id for f in findings)) or 'none'}")
    print(f"load spaCy {'+'.join(NLP_COMPONENTS)} (once):        {load_seconds:8.3f} s")
    print(f"consent checks, median of {args.repeats}:          {checks:8.3f} s  (goal < 0.5 s)")
    print(f"  candidate words the checks parse:        {parsed_words:8d} of {words}")
    print(f"same pipeline parsing every block:         {parse_all:8.3f} s  "
          f"(checks/that = {checks / parse_all:.2f})")
    print(f"full en_core_web_sm parsing every block:   {parse_full:8.3f} s  "
          f"(checks/that = {checks / parse_full:.2f})")
    for title, heavy in (("consent discussed throughout", consent_heavy(doc, True)),
                         ("same, no headings (worst case)", consent_heavy(doc, False))):
        engine.check_document(heavy, "bench.md")
        seconds = _median(lambda h=heavy: engine.check_document(h, "bench.md"), args.repeats)
        found = sum(len(c.text.split()) for c in candidates(heavy))
        print(f"{title + ':':<43}{seconds:8.3f} s  ({found} of {_count(heavy)} words are "
              "candidates)")


if __name__ == "__main__":
    main()
