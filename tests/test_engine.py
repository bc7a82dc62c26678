"""The engine: discovery, MS901 for unreadable files without stopping the batch,
worker processes, inline suppressions, per-file ignores and the baseline."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from mslint.config import Settings
from mslint.engine import Engine, check_paths, discover
from mslint.filters import write_baseline
from mslint.findings import Finding, Severity
from mslint.hookspecs import hookimpl
from mslint.model import Document, Location
from mslint.plugins import Plugins
from mslint.rule import RuleContext, RuleDoc, RuleMeta


class WordRule:
    """Test rule: reports the word 'PLANTED' wherever it appears."""

    meta = RuleMeta(
        "MS998",
        "planted-word",
        "test",
        Severity.ERROR,
        RuleDoc(what="w", why="y", example="e", fix="f"),
    )

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        for block in document.text_blocks():
            i = block.text.find("PLANTED")
            if i >= 0:
                yield ctx.finding_in_block(block, i, i + 7, "found {value}", category="test")


class BrokenRule:
    meta = RuleMeta(
        "MS997", "broken", "test", Severity.ERROR, RuleDoc(what="w", why="y", example="e", fix="f")
    )

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        raise RuntimeError("bug in a rule")


class TestPlugin:
    @hookimpl
    def mslint_rules(self) -> list[object]:
        return [WordRule(), BrokenRule()]


@pytest.fixture
def plugins() -> Plugins:
    p = Plugins(entry_point_plugins=False)
    p.register(TestPlugin(), name="test-rules")
    return p


def settings(root: Path, **kw) -> Settings:
    return Settings(root=root, select=("MS998", "MS901"), **kw)


def test_a_bad_file_gives_ms901_and_the_batch_goes_on(tmp_path, plugins) -> None:
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 not a pdf at all")
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "good.md").write_text("PLANTED here\n", encoding="utf-8")
    report = check_paths([tmp_path], settings(tmp_path), plugins=plugins)
    by_file = {r.path: r for r in report.results}
    assert by_file["good.md"].findings[0].rule_id == "MS998"
    for name in ("fake.pdf", "empty.docx"):
        (finding,) = by_file[name].findings
        assert finding.rule_id == "MS901" and "\n" not in finding.message
        assert by_file[name].error
    assert report.exit_code == 1


def test_a_crashing_rule_is_reported_not_raised(tmp_path, plugins) -> None:
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    report = check_paths([tmp_path], Settings(root=tmp_path, select=("MS997",)), plugins=plugins)
    (finding,) = report.results[0].findings
    assert finding.rule_id == "MS901" and "MS997 failed" in finding.message


def test_unsupported_extension_named_explicitly_is_ms901(tmp_path, plugins) -> None:
    odd = tmp_path / "notes.xyz"
    odd.write_text("x", encoding="utf-8")
    report = check_paths([odd], settings(tmp_path), plugins=plugins)
    assert "not supported" in report.results[0].findings[0].message


def test_file_that_is_not_what_its_extension_says_is_named_in_plain_words(tmp_path,
                                                                           plugins) -> None:
    (tmp_path / "photo.jpg").write_text("just text", encoding="utf-8")
    (tmp_path / "paper.pdf").write_bytes(b"PK\x03\x04" + bytes(64))
    report = check_paths([tmp_path], settings(tmp_path), plugins=plugins)
    messages = sorted(r.findings[0].message for r in report.results)
    assert messages[0].startswith("not a PDF file, whatever its name says (looks like a ZIP")
    assert messages[1].startswith("not an image file, whatever its name says")


def test_directory_walk_skips_hidden_and_vendor_dirs(tmp_path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("x", encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "y.md").write_text("y", encoding="utf-8")
    (tmp_path / "paper.md").write_text("z", encoding="utf-8")
    (tmp_path / "data.csv").write_text("z", encoding="utf-8")
    assert discover([tmp_path], frozenset({".md"})) == [tmp_path / "paper.md"]


def test_inline_suppression_on_the_line_or_the_line_before(tmp_path, plugins) -> None:
    (tmp_path / "a.md").write_text(
        "PLANTED <!-- mslint: ignore[MS998] -->\n\n<!-- mslint: ignore -->\nPLANTED\n\nPLANTED\n",
        encoding="utf-8",
    )
    result = check_paths([tmp_path / "a.md"], settings(tmp_path), plugins=plugins).results[0]
    assert [f.location.line for f in result.findings] == [6]
    assert result.suppressed == 2


def test_per_file_ignores_match_globs(tmp_path, plugins) -> None:
    (tmp_path / "a.md").write_text("PLANTED\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("PLANTED\n", encoding="utf-8")
    s = settings(tmp_path, per_file_ignores={"a.*": ("MS998",)})
    report = check_paths([tmp_path], s, plugins=plugins)
    assert {r.path: len(r.findings) for r in report.results} == {"a.md": 0, "b.md": 1}


def test_baseline_accepts_known_findings_only(tmp_path, plugins) -> None:
    paper = tmp_path / "a.md"
    paper.write_text("PLANTED\n", encoding="utf-8")
    first = check_paths([paper], settings(tmp_path), plugins=plugins)
    baseline = tmp_path / "baseline.json"
    assert write_baseline(baseline, first.findings()) == 1
    paper.write_text("PLANTED\n\nnew PLANTED\n", encoding="utf-8")
    second = check_paths([paper], settings(tmp_path, baseline=baseline), plugins=plugins)
    assert [f.location.line for f in second.findings()] == [3]


def test_worker_processes_give_the_same_findings(tmp_path) -> None:
    for i in range(4):
        (tmp_path / f"p{i}.md").write_text(f"# T\n\nnothing {i}\n", encoding="utf-8")
    (tmp_path / "bad.pdf").write_bytes(b"garbage")
    base = Settings(root=tmp_path, select=("MS901",))
    one = check_paths([tmp_path], base)
    two = check_paths([tmp_path], replace(base, jobs=2))
    assert [(r.path, [f.fingerprint() for f in r.findings]) for r in one.results] == [
        (r.path, [f.fingerprint() for f in r.findings]) for r in two.results
    ]


class ProcessRule:
    """Test rule: says which process checked the document."""

    meta = RuleMeta(
        "MS996", "process", "test", Severity.INFO, RuleDoc(what="w", why="y", example="e", fix="f")
    )

    def check(self, document: Document, ctx: RuleContext) -> Iterator[Finding]:
        yield ctx.finding(f"checked in process {os.getpid()}", Location())


class ProcessPlugin:
    @hookimpl
    def mslint_rules(self) -> list[object]:
        return [ProcessRule()]


def test_forked_workers_check_with_the_callers_own_plugins(tmp_path, plugins) -> None:
    plugins.register(ProcessPlugin(), name="process")
    for i in range(4):
        (tmp_path / f"p{i}.md").write_text(f"# T\n\nPLANTED {i}\n", encoding="utf-8")
    base = Settings(root=tmp_path, select=("MS998", "MS996"), jobs=2)
    report = check_paths([tmp_path], base, plugins=plugins)
    rules = [sorted(f.rule_id for f in r.findings) for r in report.results]
    assert rules == [["MS996", "MS998"]] * 4
    processes = {f.message for r in report.results for f in r.findings if f.rule_id == "MS996"}
    assert f"checked in process {os.getpid()}" not in processes


def test_fail_on_decides_the_exit_code(tmp_path, plugins) -> None:
    (tmp_path / "a.md").write_text("PLANTED\n", encoding="utf-8")
    s = Settings(
        root=tmp_path, select=("MS998",), rule_overrides={"MS998": {"severity": "warning"}}
    )
    assert check_paths([tmp_path], s, plugins=plugins).exit_code == 0
    assert (
        check_paths([tmp_path], replace(s, fail_on=Severity.WARNING), plugins=plugins).exit_code
        == 1
    )
    assert check_paths([tmp_path], replace(s, fail_on=None), plugins=plugins).exit_code == 0


def test_engine_parse_names_what_the_bytes_look_like(tmp_path) -> None:
    from mslint.parser import UnreadableFile

    fake = tmp_path / "x.md.png"
    fake.write_bytes(b"%PDF-1.7 not an image")
    with pytest.raises(UnreadableFile, match="looks like a PDF"):
        Engine(Settings(root=tmp_path)).parse(fake)


def test_an_image_a_manuscript_references_is_not_checked_twice(tmp_path) -> None:
    from PIL import Image

    (tmp_path / "figs").mkdir()
    Image.new("RGB", (8, 8)).save(tmp_path / "figs" / "a.png")
    Image.new("RGB", (8, 8)).save(tmp_path / "figs" / "b.png")
    (tmp_path / "paper.md").write_text("![Figure 1. x](figs/a.png)\n", encoding="utf-8")
    report = check_paths([tmp_path], Settings(root=tmp_path, select=("MS901",)))
    assert sorted(r.path for r in report.results) == ["figs/b.png", "paper.md"]


def test_resources_know_which_rules_run(tmp_path) -> None:
    engine = Engine(Settings(root=tmp_path, select=("MS101",)))
    assert engine.resources.wants("MS101") and not engine.resources.wants("MS302", "MS201")


def test_extensionless_files_are_claimed_by_their_magic_bytes(tmp_path, plugins) -> None:
    class MagicParser:
        format = "magic"
        extensions = (".magic",)

        def sniff(self, head: bytes) -> bool:
            return head.startswith(b"MAGIC")

        def claims_extensionless(self, head: bytes) -> bool:
            return head.startswith(b"MAGIC")

        def parse(self, path: Path, options) -> Document:
            return Document(path=path, format="magic")

    class MagicPlugin:
        @hookimpl
        def mslint_parsers(self) -> list[MagicParser]:
            return [MagicParser()]

    plugins.register(MagicPlugin(), name="magic")
    (tmp_path / "IM0001").write_bytes(b"MAGIC data")
    (tmp_path / "README").write_bytes(b"plain text")
    report = check_paths([tmp_path], settings(tmp_path), plugins=plugins)
    assert [(r.path, r.format) for r in report.results] == [("IM0001", "magic")]
