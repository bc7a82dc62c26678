"""The forensics rules on real-world files (../shared/realcorpus): the leaks each file is
known to carry are found, and files known to be clean of a leak do not get it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mslint.config import Settings
from mslint.engine import Engine
from mslint.plugins import Plugins

FORENSIC = ("MS301", "MS305", "MS401", "MS402", "MS403", "MS404", "MS405", "MS406")

#: file -> (rule, category, severity) triples it must give.
EXPECTED = {
    "exif-samples/DSCN0010.jpg": {("MS301", "gps", "error"), ("MS301", "date", "error")},
    "python-docx/court-exif.jpg": {("MS301", "gps", "error"), ("MS301", "free-text", "warning")},
    "mat2/dirty.docx": {("MS301", "free-text", "warning")},
    "pandoc/comments.docx": {("MS402", "comment", "warning")},
    "mat2/comment.docx": {("MS402", "comment", "warning")},
    "docling/docx_comments.docx": {("MS402", "comment", "warning")},
    "mat2/revision.docx": {("MS403", "tracked-deletion", "warning")},
    "pandoc/track_changes_deletion.docx": {("MS403", "tracked-deletion", "warning")},
    "x-ray/rectangles_yes.pdf": {("MS405", "failed-redaction", "error")},
    "x-ray/bad_cross_hatched_redactions.pdf": {("MS405", "failed-redaction", "error")},
    "docling/invisible_text_layer.pdf": {("MS404", "hidden-text", "warning")},
    "PyMuPDF/test_4670.pdf": {("MS404", "ocr-layer", "info")},
    "PyMuPDF/test_annot_file_info.pdf": {("MS406", "embedded-file", "warning"),
                                         ("MS403", "pdf-revisions", "info")},
    "pandoc/image_vml_as_object.docx": {("MS406", "embedded-file", "warning")},
    "hellp_manuscript/supp_4_data.pdf": {("MS403", "pdf-revisions", "info"),
                                         ("MS401", "name", "warning")},
}

#: file -> rules that must stay silent on it.
SILENT = {
    "x-ray/rectangles_no.pdf": {"MS405"},
    "mat2/dirty.pdf": {"MS405", "MS404"},
    "pdffigures2/498bb0efad6ec15dd09d941fb309aa18d6df9f5f.pdf": {"MS403"},  # linearized
    "hellp_manuscript/fig1.jpeg": {"MS301:error", "MS301:warning"},  # GIMP "Screenshot"
    "exif-samples/Canon_40D.jpg": {"MS301:gps"},  # GPS IFD with only a version tag
    "patients-in-shock-ofi/manuscript.pdf": {"MS404"},
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Settings(root=Path("/"), select=FORENSIC), Plugins(entry_point_plugins=False))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_known_leak_is_found(engine: Engine, realcorpus: Path, name: str) -> None:
    result = engine.check_file(realcorpus / name)
    found = {(f.rule_id, f.category, f.severity.label) for f in result.findings}
    assert EXPECTED[name] <= found, EXPECTED[name] - found


@pytest.mark.parametrize("name", sorted(SILENT))
def test_no_false_alarm_where_the_file_is_clean(engine: Engine, realcorpus: Path,
                                                name: str) -> None:
    findings = engine.check_file(realcorpus / name).findings
    keys = {f.rule_id for f in findings} | {f"{f.rule_id}:{f.severity.label}" for f in findings} \
        | {f"{f.rule_id}:{f.category}" for f in findings}
    assert not SILENT[name] & keys
