"""The LaTeX parser: sections, paragraphs with exact locations, figures and captions,
\\input with a cycle guard, front matter, bibliography, comments and suppressions."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from mslint.model import BlockKind
from mslint.parser import ParseOptions
from mslint.parsers.latex import LatexParser

PAPER = r"""\documentclass{article}
\title{A rare rash}
\author{Ada Byron \and Grace Hopper}
\begin{document}
\maketitle
\begin{abstract}
We describe a 45-year-old woman.
\end{abstract}
\section{Case presentation}
A 45-year-old \textbf{woman} presented on 12~March 2021. % mslint: ignore[MS206]
Her MRN was 12345678.\footnote{Seen at the day unit.}
% Jane Doe's note is a comment and is not checked
\input{discussion}
\begin{figure}[h]
\includegraphics[width=\linewidth]{rash}
\caption{Clinical photograph of the rash on the forearm.}
\end{figure}
\begin{tabular}{ll}
Day & Finding \\
3 & Fever \\
\end{tabular}
\section*{Consent for publication}
Written informed consent was obtained from the patient.
\begin{thebibliography}{9}
\bibitem{a} Smith J. A paper. Lancet. 2019.
\end{thebibliography}
\end{document}
"""


def parse(tmp_path: Path, text: str = PAPER, discussion: str = "\\section{Discussion}\nRare.\n"):
    (tmp_path / "main.tex").write_text(text, encoding="utf-8")
    (tmp_path / "discussion.tex").write_text(discussion, encoding="utf-8")
    Image.new("RGB", (30, 20), "red").save(tmp_path / "rash.png")
    return LatexParser().parse(tmp_path / "main.tex", ParseOptions(root=tmp_path))


def test_paragraph_text_keeps_exact_source_locations(tmp_path) -> None:
    doc = parse(tmp_path)
    block = next(b for b in doc.blocks if "MRN" in b.text)
    assert block.section == ("Case presentation",)
    assert "12 March 2021" in block.text
    loc = block.location_at(block.text.index("12345678"))
    assert (loc.line, loc.column) == (11, 13)


def test_comments_are_not_text_but_suppressions_are_kept(tmp_path) -> None:
    doc = parse(tmp_path)
    assert not any("Jane" in b.text for b in doc.blocks)
    assert doc.suppressions[("", 10)] == frozenset({"MS206"})


def test_input_files_are_followed_and_located_in_their_own_file(tmp_path) -> None:
    doc = parse(tmp_path)
    rare = next(b for b in doc.blocks if b.text == "Rare.")
    assert rare.section == ("Discussion",)
    assert (rare.location.source, rare.location.line) == ("discussion.tex", 2)
    assert doc.includes == ["discussion.tex"]


def test_an_input_cycle_is_followed_once(tmp_path) -> None:
    doc = parse(tmp_path, discussion="\\section{Discussion}\nRare.\n\\input{main}\n")
    assert sum(1 for b in doc.blocks if b.text == "Rare.") == 1


def test_figure_environment_pairs_caption_and_image(tmp_path) -> None:
    doc = parse(tmp_path)
    (figure,) = doc.figures
    assert figure.label == "Figure 1"
    assert figure.legend == "Clinical photograph of the rash on the forearm."
    assert figure.image_ids == ("rash.png",)
    assert doc.images[0].width == 30
    assert doc.blocks[figure.legend_block].kind is BlockKind.CAPTION


def test_front_matter_footnotes_tables_and_references(tmp_path) -> None:
    doc = parse(tmp_path)
    assert doc.authors == ["Ada Byron", "Grace Hopper"]
    kinds = {b.text: (b.kind, b.section) for b in doc.blocks}
    assert kinds["Seen at the day unit."][0] is BlockKind.FOOTNOTE
    assert kinds["Fever"][0] is BlockKind.TABLE_CELL
    assert kinds["We describe a 45-year-old woman."][1] == ("Abstract",)
    assert kinds["Smith J. A paper. Lancet. 2019."][1][-1] == "References"
    assert kinds["Written informed consent was obtained from the patient."][1] == (
        "Consent for publication",
    )


def test_preamble_text_is_not_body_text(tmp_path) -> None:
    doc = parse(
        tmp_path,
        "\\documentclass{article}\n\\newcommand{\\x}{Secret}\n"
        "\\begin{document}\nBody.\n\\end{document}\n",
    )
    assert [b.text for b in doc.blocks] == ["Body."]


def test_legends_written_as_headings_in_a_figures_section(tmp_path) -> None:
    doc = parse(
        tmp_path,
        "\\begin{document}\n\\section*{Figures}\n"
        "\\subsection*{Figure 1 - Skin lesion}\nA photograph of the lesion.\n"
        "\\end{document}\n",
    )
    (figure,) = doc.figures
    assert figure.label == "Figure 1"
    assert figure.legend == "Skin lesion A photograph of the lesion."
