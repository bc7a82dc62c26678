"""Build the identifier development set: manuscripts in Markdown, LaTeX, DOCX and PDF with
planted identifiers of every category and hard negatives of every kind, plus truth.json.

Run from the repository root: ``.venv/bin/python corpus/identifiers/generate.py``. The
output is deterministic (seeded), so the committed files can be rebuilt and diffed.
Needs python-docx, PyMuPDF and Pillow (all in the project's environment).
"""

from __future__ import annotations

import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import content as C  # noqa: E402

RULE_OF = {
    "name": "MS201", "initials": "MS202", "mrn": "MS203", "nhs-number": "MS203",
    "ssn": "MS203", "national-id": "MS203", "health-plan": "MS203", "account": "MS203",
    "licence": "MS203", "phone": "MS204", "email": "MS204", "url": "MS204", "ip": "MS204",
    "address": "MS205", "postcode": "MS205", "place": "MS205", "date": "MS206",
    "age": "MS207", "device-id": "MS208", "vehicle-id": "MS208",
    "distinctive-feature": "MS209",
}
RULES = sorted(set(RULE_OF.values()))
_MARK = re.compile(r"\[\[([a-z-]+):(.+?)\]\]")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _nhs(rng: random.Random, first: str = "") -> str:
    while True:
        nine = first + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(first)))
        total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            digits = nine + str(check)
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _iran(rng: random.Random) -> str:
    nine = "".join(str(rng.randint(0, 9)) for _ in range(9))
    s = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11
    return nine + str(s if s < 2 else 11 - s)


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(2015, 2023), rng.randint(1, 12), rng.randint(1, 28)
    month = MONTHS[m - 1]
    forms = (
        f"{d} {month} {y}", f"{month} {d}, {y}", f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
        f"{d:02d}.{m:02d}.{y}", f"{_ordinal(d)} {month} {y}", f"the {_ordinal(d)} of {month} {y}",
        f"{d}-{month[:3]}-{y}", f"{month[:3]}. {d}, {y}", f"{d:02d}-{m:02d}-{y % 100:02d}",
        f"{m}/{d}/{y}", f"{month} {_ordinal(d)}",
    )
    return rng.choice(forms)


def _date_month(rng: random.Random) -> str:
    y, m = rng.randint(2015, 2023), rng.randint(1, 12)
    return rng.choice((f"{MONTHS[m - 1]} {y}", f"{m:02d}/{y}", f"{MONTHS[m - 1][:3]} {y}",
                       f"{y}-{m:02d}"))


def values(rng: random.Random) -> dict[str, str]:
    first, first2 = rng.sample(C.FIRST_NAMES, 2)
    last, last2 = rng.sample(C.SURNAMES, 2)
    letters = "ABCDEFGHJKLMNPRSTW"
    first_ssn = rng.choice([n for n in range(1, 900) if n != 666])
    return {
        "first": first, "last": last, "first2": first2, "last2": last2,
        "one": rng.choice(letters),
        "ini": rng.choice(letters) + "." + rng.choice(letters) + ".",
        "age_old": f"{rng.randint(90, 99)}-year-old",
        "age_pred": rng.choice((f"aged {rng.randint(90, 99)}", f"{rng.randint(90, 99)} years old",
                                f"{rng.randint(90, 99)} years of age", "in her 90s",
                                "in his early nineties", f"{rng.randint(90, 99)} y/o")),
        "date": _date(rng), "date_alt": _date(rng), "date_month": _date_month(rng),
        "mrn": rng.choice((f"{rng.randint(0, 99999999):08d}", f"H{rng.randint(10**6, 10**7 - 1)}",
                           f"{rng.randint(2015, 2023)}-{rng.randint(1000, 999999):06d}")),
        "mrn_digits": f"{rng.randint(10**7, 10**8 - 1)}",
        "ur": f"{rng.randint(10**6, 10**7 - 1)}",
        "nhs": _nhs(rng), "hc": _nhs(rng, rng.choice("3") + str(rng.randint(2, 9))),
        "ssn": f"{first_ssn:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}",
        "plan": f"{''.join(rng.choice(letters) for _ in range(3))}-{rng.randint(10**6, 10**7 - 1)}",
        "iran_code": _iran(rng),
        "town": rng.choice(("Leeds", "Aberdeen", "Galway", "Taunton")),
        "iran_town": rng.choice(("Shiraz", "Kerman", "Yazd", "Rasht", "Tabriz")),
        "street": rng.choice(("42 Baker Street", "17 Elm Road", "221 Maple Drive",
                              "8 Station Lane", "Flat 3, 27 Oak Road", "1600 Cedar Avenue")),
        "uk_postcode": rng.choice(("NW1 6XE", "LS6 2AB", "BS8 1TH", "EH3 9DR", "M20 4BX")),
        "zip": rng.choice(("90210", "10027", "60614", "94110")),
        "uk_phone": f"07700 900{rng.randint(100, 999)}",
        "ir_phone": f"+98 912 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        "nhs_bare": _nhs(rng).replace(" ", ""),
        "vin": rng.choice(("1HGCM82633A004352", "JH4KA7561PC008269", "WVWZZZ1JZXW000001")),
        "uk_landline": rng.choice(("+44 20 7946 0958", "0113 496 0123", "0161 496 0777")),
        "us_phone": f"(212) 555-01{rng.randint(10, 99)}",
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@gmail.com",
        "url": f"https://www.{first.lower()}s-journey.blogspot.com/{rng.randint(2015, 2023)}",
        "ip": f"{rng.choice((81, 92, 151, 203))}.{rng.randint(0, 255)}.{rng.randint(0, 255)}."
              f"{rng.randint(1, 254)}",
        "serial": f"PJN{rng.randint(10**5, 10**6 - 1)}H",
        "lot": f"{rng.randint(1, 9)}F{rng.randint(1000, 9999)}A",
        "plate": rng.choice(("AB12 CDE", "KX19 LMN", "YR07 PTF")),
        "licence": f"MORGA{rng.randint(100000, 999999)}SM9IJ",
        "account": f"{rng.randint(10**7, 10**9)}",
        "topic": rng.choice(C.TOPICS),
    }


def plant(template: str, vals: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """Fill the slots, then strip ``[[category:text]]`` markers, returning what was planted."""
    filled = template.format(**vals)
    planted: list[tuple[str, str]] = []

    def repl(m: re.Match[str]) -> str:
        planted.append((m.group(1), m.group(2)))
        return m.group(2)

    return _MARK.sub(repl, filled), planted


@dataclass
class Manuscript:
    """One manuscript as parts a format writer lays out."""

    title: str
    authors: list[tuple[str, str]]
    received: str
    abstract: str
    introduction: list[str]
    case: list[str]
    legends: list[str]
    table: list[tuple[str, str, str]]
    discussion: list[str]
    consent: str
    declarations: list[tuple[str, str]]
    acknowledgements: str
    references: list[str]
    comment: str = ""
    hidden: str = ""
    deletion: str = ""
    alt_text: str = ""
    planted: list[tuple[str, str]] = field(default_factory=list)


def build(index: int, fmt: str) -> Manuscript:
    rng = random.Random(1000 + index)
    vals = values(rng)
    planted: list[tuple[str, str]] = []

    def p(template: str) -> str:
        text, got = plant(template, vals)
        planted.extend(got)
        return text

    authors = rng.sample(C.AUTHORS, rng.randint(2, 3))
    corr = authors[0][0]
    case = [p(t) for t in rng.sample(C.CASE_PARAGRAPHS, 4)]
    # Each manuscript draws fresh slot values for its later paragraphs too.
    vals.update(values(rng) | {"topic": vals["topic"]})
    legends = [p(t) for t in rng.sample(C.LEGENDS, 2)]
    table_date = _date(rng)
    planted.append(("date", table_date))
    y = rng.randint(2016, 2022)
    m = MONTHS[rng.randint(0, 11)]
    manuscript = Manuscript(
        title=p(rng.choice(C.TITLES)),
        authors=authors,
        received=f"Received: {rng.randint(1, 28)} {m} {y}; Accepted: {rng.randint(1, 28)} "
                 f"{MONTHS[(MONTHS.index(m) + 3) % 12]} {y + 1}",
        abstract=p("We report a [[age:{age_old}]] patient with {topic}. "
                   "Relative times are used throughout (day 0 = admission)."),
        introduction=[rng.choice(C.HARD_NEGATIVE_SENTENCES) for _ in range(2)]
        + [f"{vals['topic'].capitalize()} was first described in 1987."],
        case=case,
        legends=legends,
        table=[("Time", "Setting", "Result"), (table_date, "Admission", "CRP 120 mg/L"),
               ("Day 3", "Ward", "CRP 40 mg/L"), ("Week 6", "Clinic", "Normal")],
        discussion=rng.sample(C.HARD_NEGATIVE_SENTENCES, 3),
        consent="Written informed consent for publication of this case and the images was "
                "obtained from the patient's next of kin. A copy is available to the editor "
                "on request.",
        declarations=[
            ("Ethics approval", "The report was approved by the Research Ethics Committee of "
             f"Tehran University of Medical Sciences (IR.TUMS.MEDICINE.REC.{1395 + index % 8}."
             f"{100 + index}) on {rng.randint(1, 28)} {MONTHS[rng.randint(0, 11)]} {y}."),
            ("Trial registration", f"NCT0{rng.randint(1000000, 5999999)}. Registered "
             f"{rng.randint(1, 28)} {MONTHS[rng.randint(0, 11)]} {y}."),
            ("Funding", f"This work was supported by grant no. R01 HL{rng.randint(100000, 999999)}"
             " from the National Heart, Lung, and Blood Institute."),
            ("Competing interests", "The authors declare no competing interests."),
        ],
        acknowledgements="We thank Dr Nasrin Tavakoli and Nurse Helen Gray for their care of "
                         "the patient, and Professor Brennan for reviewing the images.",
        references=[r.format(title=rng.choice(C.REFERENCE_TITLES))
                    for r in rng.sample(C.CITED, 4)],
        planted=planted,
    )
    manuscript.authors = authors
    manuscript.declarations.insert(0, (
        "Correspondence", f"{corr}, {authors[0][1]}. Email: "
        f"{corr.split()[0][0].lower()}.{corr.split()[-1].lower()}@univ.example.org; "
        "Tel: +44 113 496 0000"))
    if fmt in ("docx", "pdf"):
        # Text a reader does not see: hidden runs (DOCX) or invisible text (PDF); DOCX also
        # carries a comment, a tracked deletion and image alt text.
        manuscript.hidden = p("Contact [[name:{first2} {last2}]] on [[phone:{uk_phone}]].")
    if fmt == "docx":
        manuscript.comment = p("Reviewer: please remove the MRN [[mrn:{mrn_digits}]] here.")
        manuscript.deletion = p("admitted on [[date:{date_alt}]] ")
        manuscript.alt_text = p("Photograph of [[name:Mrs {last2}]]'s forearm")
    return manuscript


# ---------------------------------------------------------------- writers


def _tex_escape(text: str) -> str:
    return re.sub(r"([&%#_$])", r"\\\1", text).replace("~", r"\textasciitilde{}")


def write_markdown(ms: Manuscript, path: Path, yaml_front: bool) -> None:
    out: list[str] = []
    if yaml_front:
        out += ["---", f'title: "{ms.title}"', "author:"]
        out += [f"  - {name}" for name, _ in ms.authors]
        out += ["---", ""]
    else:
        out += [f"# {ms.title}", ""]
        out += [", ".join(f"{n}^{i + 1}^" for i, (n, _) in enumerate(ms.authors)), ""]
        out += [f"{i + 1} {aff}  " for i, (_, aff) in enumerate(ms.authors)] + [""]
    out += [ms.received, "", "## Abstract", "", ms.abstract, "", "## Introduction", ""]
    out += [" ".join(ms.introduction), "", "## Case presentation", ""]
    for para in ms.case:
        out += [para, ""]
    out += ["Table 1. Timeline of the admission.", ""]
    out += ["| " + " | ".join(row) + " |" for row in ms.table[:1]]
    out += ["|---|---|---|"] + ["| " + " | ".join(row) + " |" for row in ms.table[1:]] + [""]
    out += ["## Discussion", "", " ".join(ms.discussion), "", "## Figure legends", ""]
    for i, legend in enumerate(ms.legends):
        out += [f"**Figure {i + 1}.** {legend}", ""]
    out += ["## Consent for publication", "", ms.consent, ""]
    for title, text in ms.declarations:
        out += [f"## {title}", "", text, ""]
    out += ["## Acknowledgements", "", ms.acknowledgements, "", "## References", ""]
    out += [f"{i + 1}. {ref}" for i, ref in enumerate(ms.references)]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_latex(ms: Manuscript, path: Path) -> None:
    e = _tex_escape
    out = [r"\documentclass{article}", r"\usepackage{authblk}", rf"\title{{{e(ms.title)}}}"]
    for i, (name, aff) in enumerate(ms.authors):
        out += [rf"\author[{i + 1}]{{{name}}}", rf"\affil[{i + 1}]{{{e(aff)}}}"]
    out += [r"\date{}", r"\begin{document}", r"\maketitle", "", e(ms.received), ""]
    out += [r"\begin{abstract}", e(ms.abstract), r"\end{abstract}", ""]
    out += [r"\section{Introduction}", e(" ".join(ms.introduction)), ""]
    out += [r"\section{Case presentation}"]
    for para in ms.case:
        out += [e(para), ""]
    out += [r"\begin{table}[h]", r"\caption{Timeline of the admission.}", r"\begin{tabular}{lll}"]
    out += [" & ".join(e(c) for c in row) + r" \\" for row in ms.table]
    out += [r"\end{tabular}", r"\end{table}", ""]
    for i, legend in enumerate(ms.legends):
        out += [r"\begin{figure}[h]", r"\centering", rf"\caption{{{e(legend)}}}",
                rf"\label{{fig:{i + 1}}}", r"\end{figure}", ""]
    out += [r"\section{Discussion}", e(" ".join(ms.discussion)), ""]
    out += [r"\section*{Declarations}", r"\subsection*{Consent for publication}", e(ms.consent)]
    for title, text in ms.declarations:
        out += [rf"\subsection*{{{title}}}", e(text), ""]
    out += [r"\section*{Acknowledgements}", e(ms.acknowledgements), ""]
    out += [r"\begin{thebibliography}{9}"]
    out += [rf"\bibitem{{r{i + 1}}} {e(ref)}" for i, ref in enumerate(ms.references)]
    out += [r"\end{thebibliography}", r"\end{document}"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 140, 120)).save(buf, "PNG")
    return buf.getvalue()


def _tracked_deletion(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), "901")
    deletion.set(qn("w:author"), "Co-author")
    deletion.set(qn("w:date"), "2024-01-01T00:00:00Z")
    run = OxmlElement("w:r")
    deleted = OxmlElement("w:delText")
    deleted.set(qn("xml:space"), "preserve")
    deleted.text = text
    run.append(deleted)
    deletion.append(run)
    paragraph._p.append(deletion)


def write_docx(ms: Manuscript, path: Path) -> None:
    import docx
    from docx.shared import Inches

    d = docx.Document()
    d.core_properties.author = ""
    d.core_properties.last_modified_by = ""
    d.add_paragraph(ms.title, style="Title")
    d.add_paragraph(", ".join(f"{n}{i + 1}" for i, (n, _) in enumerate(ms.authors)))
    for i, (_, aff) in enumerate(ms.authors):
        d.add_paragraph(f"{i + 1} {aff}")
    d.add_paragraph(ms.received)
    d.add_heading("Abstract", level=1)
    d.add_paragraph(ms.abstract)
    d.add_heading("Introduction", level=1)
    d.add_paragraph(" ".join(ms.introduction))
    d.add_heading("Case presentation", level=1)
    for i, para in enumerate(ms.case):
        paragraph = d.add_paragraph(para)
        if i == 0 and ms.comment:
            d.add_comment(paragraph.runs, text=ms.comment, author="Reviewer 2", initials="R2")
        if i == 1 and ms.hidden:
            run = paragraph.add_run(" " + ms.hidden)
            run.font.hidden = True
        if i == 2 and ms.deletion:
            _tracked_deletion(paragraph, ms.deletion)
    d.add_paragraph("Table 1. Timeline of the admission.", style="Caption")
    table = d.add_table(rows=len(ms.table), cols=3)
    for r, row in enumerate(ms.table):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    d.add_heading("Discussion", level=1)
    d.add_paragraph(" ".join(ms.discussion))
    for i, legend in enumerate(ms.legends):
        if i == 0 and ms.alt_text:
            d.add_picture(io.BytesIO(_png()), width=Inches(1.5))
            inline = d.inline_shapes[-1]._inline
            inline.docPr.set("descr", ms.alt_text)
        d.add_paragraph(f"Figure {i + 1}. {legend}", style="Caption")
    d.add_heading("Declarations", level=1)
    d.add_heading("Consent for publication", level=2)
    d.add_paragraph(ms.consent)
    for title, text in ms.declarations:
        d.add_heading(title, level=2)
        d.add_paragraph(text)
    d.add_heading("Acknowledgements", level=1)
    d.add_paragraph(ms.acknowledgements)
    d.add_heading("References", level=1)
    for i, ref in enumerate(ms.references):
        d.add_paragraph(f"{i + 1}. {ref}")
    d.save(path)


class _PdfWriter:
    """Lays out headings and wrapped paragraphs on A4 pages with PyMuPDF."""

    def __init__(self) -> None:
        import pymupdf

        self.pymupdf = pymupdf
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=595, height=842)
        self.y = 60.0

    def _line(self, text: str, size: float, font: str, render_mode: int = 0) -> None:
        if self.y > 790:
            self.page = self.doc.new_page(width=595, height=842)
            self.y = 60.0
        self.page.insert_text((56, self.y), text, fontsize=size, fontname=font,
                              render_mode=render_mode)
        self.y += size * 1.35

    def para(self, text: str, size: float = 10, font: str = "helv", gap: float = 6,
             render_mode: int = 0) -> None:
        words, line = text.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if self.pymupdf.get_text_length(trial, fontname=font, fontsize=size) > 480:
                self._line(line, size, font, render_mode)
                line = word
            else:
                line = trial
        if line:
            self._line(line, size, font, render_mode)
        self.y += gap

    def heading(self, text: str) -> None:
        self.y += 6
        self.para(text, size=13, font="hebo", gap=4)

    def save(self, path: Path) -> None:
        self.doc.set_metadata({"producer": "mslint corpus generator", "creator": ""})
        self.doc.save(path, garbage=3, deflate=True, no_new_id=True)


def write_pdf(ms: Manuscript, path: Path) -> None:
    w = _PdfWriter()
    w.para(ms.title, size=16, font="hebo", gap=8)
    w.para(", ".join(f"{n}{i + 1}" for i, (n, _) in enumerate(ms.authors)), size=11)
    for i, (_, aff) in enumerate(ms.authors):
        w.para(f"{i + 1} {aff}", size=8.5, gap=2)
    w.para(ms.received, size=8.5)
    w.heading("Abstract")
    w.para(ms.abstract)
    w.heading("Introduction")
    w.para(" ".join(ms.introduction))
    w.heading("Case presentation")
    for i, para in enumerate(ms.case):
        w.para(para)
        if i == 1 and ms.hidden:
            w.para(ms.hidden, render_mode=3)
    w.para("Table 1. Timeline of the admission.", size=9)
    for row in ms.table:
        w.para("    ".join(row), size=9, gap=1)
    w.heading("Discussion")
    w.para(" ".join(ms.discussion))
    w.heading("Figure legends")
    for i, legend in enumerate(ms.legends):
        w.para(f"Figure {i + 1}. {legend}", size=9)
    w.heading("Consent for publication")
    w.para(ms.consent)
    for title, text in ms.declarations:
        w.heading(title)
        w.para(text)
    w.heading("Acknowledgements")
    w.para(ms.acknowledgements)
    w.heading("References")
    for i, ref in enumerate(ms.references):
        w.para(f"{i + 1}. {ref}", size=8.5, gap=2)
    w.save(path)


def write_negative(kind: str, title: str, sentences: tuple[str, ...], fmt: str,
                   path: Path) -> None:
    """A manuscript made only of hard negatives: byline, affiliations, Received/Accepted,
    eponyms or drugs or relative times, registration lines, references with dates."""
    ms = Manuscript(
        title=f"{title}: a narrative review", authors=list(C.AUTHORS[:3]),
        received="Received: 3 February 2022; Accepted: 14 May 2022; Published online: 2 June 2022",
        abstract="We review the literature; no patient data are reported.",
        introduction=list(sentences[:2]), case=list(sentences[2:]), legends=[
            "Flow diagram of the literature search (PRISMA 2020)."],
        table=[("Year", "Studies", "Patients"), ("2019", "12", "340"), ("2020", "9", "212")],
        discussion=["Smith et al. [1] and Andersson and Larsen [3] reached similar conclusions."],
        consent="Not applicable: this review contains no individual patient data.",
        declarations=[
            ("Correspondence", "Sara Ahmadi, Department of Internal Medicine, Tehran University "
             "of Medical Sciences, Keshavarz Boulevard, Tehran 14197-33141, Iran. Email: "
             "s.ahmadi@tums.example.ac.ir; Tel: +98 21 6643 2100; Fax: +98 21 6643 2101"),
            ("Ethics approval", "Approved by the institutional review board (IRB 2021-0345) on "
             "12 March 2021; REC reference 21/LO/0123; IR.TUMS.REC.1400.077."),
            ("Trial registration", "ISRCTN12345678 and NCT04512345, registered 3 August 2020."),
            ("Funding", "Supported by grant no. MR/T012345/1 from the Medical Research Council."),
        ],
        acknowledgements="We thank Dr Nasrin Tavakoli, Professor Michael Brennan and Helen Gray "
                         "for comments on the draft.",
        references=[r.format(title=t) for r, t in zip(C.CITED, C.REFERENCE_TITLES, strict=True)],
    )
    {"md": lambda: write_markdown(ms, path, yaml_front=kind == "eponyms"),
     "tex": lambda: write_latex(ms, path),
     "docx": lambda: write_docx(ms, path),
     "pdf": lambda: write_pdf(ms, path)}[fmt]()


def main() -> None:
    files: dict[str, list[dict[str, str]]] = {}
    plan = [("md", 13), ("tex", 13), ("docx", 11), ("pdf", 11)]
    index = 0
    for fmt, count in plan:
        (HERE / fmt).mkdir(exist_ok=True)
        for _ in range(count):
            index += 1
            ms = build(index, fmt)
            rel = f"{fmt}/case-{index:02d}.{fmt}"
            path = HERE / rel
            if fmt == "md":
                write_markdown(ms, path, yaml_front=index % 2 == 0)
            elif fmt == "tex":
                write_latex(ms, path)
            elif fmt == "docx":
                write_docx(ms, path)
            else:
                write_pdf(ms, path)
            files[rel] = [{"rule": RULE_OF[c], "category": c, "text": t} for c, t in ms.planted]
    (HERE / "negatives").mkdir(exist_ok=True)
    formats = ("md", "tex", "docx", "pdf")
    for i, (kind, (title, sentences)) in enumerate(C.NEGATIVE_FILES.items()):
        for fmt in (formats[i], formats[(i + 2) % 4]):
            rel = f"negatives/{kind}.{fmt}"
            write_negative(kind, title, sentences, fmt, HERE / rel)
            files[rel] = []
    truth = {"rules": RULES, "ruleset": "default", "files": files}
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    planted = sum(len(v) for v in files.values())
    print(f"{len(files)} files, {planted} planted identifiers")


if __name__ == "__main__":
    main()
