"""`mslint clean`: write a copy of a manuscript or image with its hidden metadata removed.

`clean_file` never touches the input: it writes a new file (refusing to overwrite the input,
and an existing output unless ``force``), strips image metadata without re-encoding pixels,
clears DOCX properties and comments, removes PDF Info/XMP, attachments and earlier
revisions. It does not accept or reject tracked changes, delete hidden text or apply
redactions: those are the author's decisions, and the result lists them as what remains,
found by re-checking the cleaned file with the forensics rules.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mslint.findings import Finding

#: The rules whose findings a cleaned file is re-checked for.
FORENSIC_RULES = ("MS301", "MS305", "MS401", "MS402", "MS403", "MS404", "MS405", "MS406")

_TODO = {
    "MS301": "image metadata the cleaner could not strip (convert those images to PNG/JPEG)",
    "MS305": "cropped images whose hidden parts are still stored: crop them in an editor",
    "MS401": "document properties the cleaner could not clear",
    "MS402": "comments or annotations: resolve and delete them",
    "MS403": "tracked changes: accept or reject them in Word",
    "MS404": "hidden text: delete it rather than hide it",
    "MS405": "failed redactions: delete the text under the boxes or apply the redactions",
    "MS406": "embedded objects: remove them from the document",
}


class CleaningError(Exception):
    """The file cannot be cleaned; the message is one line a person can act on."""


@dataclass(slots=True)
class CleanResult:
    """What `clean_file` did (``actions``) and what the author still has to do
    (``remaining``: findings of the forensics rules on the cleaned file)."""

    source: Path
    dest: Path
    format: str
    actions: list[str] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    def todo(self) -> list[str]:
        """One line per rule still reporting something on the cleaned file."""
        counts = Counter(f.rule_id for f in self.remaining)
        return [f"{rule}: {n} x {_TODO.get(rule, 'see the findings')}"
                for rule, n in sorted(counts.items())]

    def summary(self) -> str:
        lines = [f"wrote {self.dest} ({self.format})"]
        lines += [f"  done: {a}" for a in self.actions] or ["  done: nothing to remove"]
        lines += [f"  left for you: {t}" for t in self.todo()]
        return "\n".join(lines)


def sniff_format(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    return None


def _check_paths(source: Path, dest: Path, force: bool) -> None:
    if not source.is_file():
        raise CleaningError(f"{source} is not a file")
    if dest.resolve() == source.resolve() or (dest.exists() and os.path.samefile(source, dest)):
        raise CleaningError("the output must be a new file, not the input itself")
    if dest.exists() and not force:
        raise CleaningError(f"{dest} exists (use --force to replace it)")
    if dest.exists() and not dest.is_file():
        raise CleaningError(f"{dest} is not a regular file")


def _write(fmt: str, source: Path, tmp: Path) -> list[str]:
    from mslint.cleaning.docx import DocxCleanError, clean_docx
    from mslint.cleaning.images import UnsupportedImage, strip_image
    from mslint.cleaning.pdf import PdfCleanError, clean_pdf

    try:
        if fmt == "pdf":
            return clean_pdf(source, tmp)
        if fmt == "docx":
            return clean_docx(source, tmp)
        result = strip_image(source.read_bytes())
        tmp.write_bytes(result.data)
        return [f"removed {', '.join(result.removed)}"] if result.removed else []
    except (DocxCleanError, PdfCleanError, UnsupportedImage) as exc:
        raise CleaningError(str(exc)) from None


def recheck(path: Path) -> list[Finding]:
    """Findings of the forensics rules on ``path`` (structure only: no detectors run)."""
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.plugins import Plugins
    from mslint.resources import Resources
    from mslint.rule import RuleContext

    plugins = Plugins(entry_point_plugins=False)
    engine = Engine(Settings(root=path.parent), plugins)
    document = engine.parse(path)
    resources = Resources(())
    findings: list[Finding] = []
    for rule in plugins.rules:
        if rule.meta.id not in FORENSIC_RULES:
            continue
        settings = engine.rule_settings[rule.meta.id]
        ctx = RuleContext(rule.meta, path.name, settings.params, settings.severity, resources)
        findings.extend(rule.check(document, ctx))
    return findings


def clean_file(source: Path, dest: Path, *, force: bool = False) -> CleanResult:
    """Write a cleaned copy of ``source`` to ``dest`` and say what remains to be done.

    Raises `CleaningError` when the paths are unsafe or the file cannot be cleaned.
    """
    source, dest = Path(source), Path(dest)
    _check_paths(source, dest, force)
    with source.open("rb") as fh:
        fmt = sniff_format(fh.read(1024))
    if fmt is None:
        raise CleaningError("unsupported file: mslint cleans DOCX, PDF, JPEG, PNG and WebP files")
    if fmt == "docx" and source.suffix.lower() not in (".docx", ".docm"):
        raise CleaningError("a ZIP file that is not named .docx: only Word documents are cleaned")
    fd, tmp_name = tempfile.mkstemp(prefix=".mslint-clean-", suffix=dest.suffix,
                                    dir=dest.parent if str(dest.parent) else ".")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        actions = _write(fmt, source, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    try:
        remaining = recheck(dest)
    except Exception as exc:  # the cleaned file is written; say what could not be checked
        actions.append(f"could not re-check the cleaned file ({type(exc).__name__}: {exc})")
        remaining = []
    return CleanResult(source, dest, fmt, actions, remaining)
