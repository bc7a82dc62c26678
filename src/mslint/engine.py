"""The engine: discover files, parse, run rules, filter, collect a `Report`.

One bad file never stops a batch: anything a parser raises becomes an MS901 finding.
``--jobs N`` checks files in N worker processes (fork start method where available), each
loading plugins and heavy resources once.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mslint.config import (
    ConfigError,
    Ruleset,
    RuleSettings,
    Settings,
    ignored_for_file,
    load_ruleset,
    resolve_rules,
)
from mslint.filters import file_ignored, inline_suppressed, read_baseline
from mslint.findings import Finding
from mslint.model import Document, Location
from mslint.parser import ParseOptions, Parser, UnreadableFile
from mslint.parsers.textsource import IMAGE_EXTENSIONS
from mslint.plugins import PLUGIN_RULES, Plugins
from mslint.report import FileResult, Report
from mslint.resources import DEFAULT_SPACY_MODEL, ResourceError, Resources
from mslint.rule import Rule, RuleContext
from mslint.rules.unreadable import UNREADABLE_FILE

log = logging.getLogger(__name__)

#: Manuscript formats a directory walk always picks up, even when no parser is installed
#: for them, so that the user hears about them (MS901) instead of silence.
MANUSCRIPT_EXTENSIONS = frozenset({".docx", ".pdf", ".tex", ".md", ".markdown"})
#: Detector confidence from which a span inside a snippet is masked (recall over precision:
#: masking a non-identifier costs a reader little, leaking one costs the patient).
SNIPPET_MASK_CONFIDENCE = 0.3
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def display_path(path: Path, root: Path) -> str:
    """Path relative to ``root`` with forward slashes; never absolute when avoidable."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path.resolve(), root.resolve())).as_posix()


def discover(
    paths: Iterable[Path],
    extensions: frozenset[str],
    extensionless: Callable[[Path], bool] = lambda _: False,
) -> list[Path]:
    """Files named directly, plus files of known formats found under directories
    (by extension, or for files without one, by ``extensionless(path)``)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(
                    d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".")
                )
                for name in sorted(filenames):
                    candidate = Path(dirpath) / name
                    known = candidate.suffix.lower() in extensions or (
                        not candidate.suffix and extensionless(candidate)
                    )
                    if known and candidate not in seen:
                        seen.add(candidate)
                        found.append(candidate)
        elif path not in seen:
            seen.add(path)
            found.append(path)
    return found


@dataclass(slots=True)
class _ActiveRule:
    rule: Rule
    settings: RuleSettings


class Engine:
    """Checks files with one configuration. Build one per process."""

    def __init__(self, settings: Settings, plugins: Plugins | None = None) -> None:
        self.settings = settings
        self.plugins = plugins or Plugins()
        self.ruleset: Ruleset = load_ruleset(settings.ruleset, self.plugins.ruleset_paths())
        metas = [r.meta for r in self.plugins.rules]
        self.rule_settings = resolve_rules(
            settings, self.ruleset, metas, known_ids=[req.rule_id for req in PLUGIN_RULES]
        )
        self.active = [
            _ActiveRule(r, self.rule_settings[r.meta.id])
            for r in self.plugins.rules
            if self.rule_settings[r.meta.id].enabled and r.meta.id != UNREADABLE_FILE.id
        ]
        for active in self.active:
            validate = getattr(active.rule, "validate_params", None)
            if validate is None:
                continue
            try:
                validate(active.settings.params)
            except ValueError as exc:
                raise ConfigError(f"{active.rule.meta.id}: {exc}") from None
        self.baseline = read_baseline(settings.baseline) if settings.baseline else frozenset()
        self.resources = Resources(
            self.plugins.detectors,
            spacy_model=settings.spacy_model or self.ruleset.spacy_model or DEFAULT_SPACY_MODEL,
            detector_params=dict(self.ruleset.detectors),
            enabled_rules=frozenset(a.rule.meta.id for a in self.active),
        )
        self._by_ext: dict[str, Parser] = {}
        for parser in self.plugins.parsers:
            for ext in parser.extensions:
                self._by_ext.setdefault(ext, parser)

    @property
    def extensions(self) -> frozenset[str]:
        return frozenset(self._by_ext) | MANUSCRIPT_EXTENSIONS

    def _claimant(self, head: bytes) -> Parser | None:
        """The parser that recognises an extensionless file by its first bytes."""
        for parser in self.plugins.parsers:
            claims = getattr(parser, "claims_extensionless", None)
            if claims is not None and claims(head):
                return parser
        return None

    def claims_extensionless(self, path: Path) -> bool:
        try:
            with path.open("rb") as fh:
                return self._claimant(fh.read(512)) is not None
        except OSError:
            return False

    def parse(self, path: Path) -> Document:
        """Parse one file; raises `UnreadableFile` with a one-line reason."""
        try:
            with path.open("rb") as fh:
                head = fh.read(512)
        except OSError as exc:
            raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
        parser = self._by_ext.get(path.suffix.lower())
        if parser is None and not path.suffix:
            parser = self._claimant(head)
        if parser is None:
            raise UnreadableFile(f"{path.suffix or 'extensionless'} files are not supported yet")
        if not parser.sniff(head):
            kind = "an image" if parser.format == "image" else f"a {parser.format.upper()}"
            raise UnreadableFile(
                f"not {kind} file, whatever its name says ({describe_magic(head)})"
            )
        options = ParseOptions(root=self.settings.root)
        return parser.parse(path, options)

    def check_file(self, path: Path) -> FileResult:
        started = time.perf_counter()
        shown = display_path(path, self.settings.root)
        try:
            document = self.parse(path)
        except UnreadableFile as exc:
            return self._unreadable(shown, str(exc), started)
        except MemoryError:
            return self._unreadable(shown, "file needs more memory than allowed to parse", started)
        except Exception as exc:  # a parser bug must not stop the batch
            log.debug("parser failed on %s", path, exc_info=True)
            first = str(exc).splitlines()[0] if str(exc) else ""
            return self._unreadable(
                shown, f"could not be parsed ({type(exc).__name__}: {first})", started
            )
        result = self.check_document(document, shown)
        result.seconds = time.perf_counter() - started
        return result

    def check_document(self, document: Document, shown: str) -> FileResult:
        """Run the enabled rules on a parsed document and apply the suppression filters."""
        self.resources.start_document()
        self.plugins.process_document(document, self.resources)
        raw: list[Finding] = []
        for active in self.active:
            ctx = RuleContext(
                meta=active.rule.meta,
                path=shown,
                params=active.settings.params,
                severity=active.settings.severity,
                resources=self.resources,
            )
            try:
                raw.extend(active.rule.check(document, ctx))
            except ResourceError as exc:
                raw.append(self._ms901(shown, f"{active.rule.meta.id} could not run: {exc}"))
            except Exception as exc:  # a rule bug must not stop the batch
                log.debug("rule %s failed on %s", active.rule.meta.id, shown, exc_info=True)
                raw.append(
                    self._ms901(
                        shown,
                        f"{active.rule.meta.id} failed on this file ({type(exc).__name__}: {exc})",
                    )
                )
        self._mask_identifiers(raw, document)
        kept, suppressed = self._filter(raw, shown, document)
        references = tuple(str(i.attrs["file"]) for i in document.images if "file" in i.attrs)
        return FileResult(
            path=shown,
            format=document.format,
            findings=kept,
            suppressed=suppressed,
            references=references,
        )

    def _mask_identifiers(self, findings: list[Finding], document: Document) -> None:
        """Every finding masks, in its snippet and message, the identifier values other
        findings reported and those the detectors see in its own snippet, whether or not
        the identifier rules run."""
        values = {f.value for f in findings if f.value and f.category}
        for finding in findings:
            if finding.snippet:
                spans = self.resources.identifiers(finding.snippet, document=document)
                values.update(s.text for s in spans if s.confidence >= SNIPPET_MASK_CONFIDENCE)
        for finding in findings:
            finding.mask_also = tuple(sorted({*finding.mask_also, *values}))

    def _filter(
        self, findings: list[Finding], shown: str, document: Document | None
    ) -> tuple[list[Finding], int]:
        """Drop what inline comments, per-file ignores and the baseline suppress."""
        ignored = ignored_for_file(self.settings, shown)
        kept = [
            f
            for f in findings
            if not (
                (document is not None and inline_suppressed(f, document))
                or file_ignored(f, ignored)
                or f.fingerprint() in self.baseline
            )
        ]
        kept.sort(key=Finding.sort_key)
        return kept, len(findings) - len(kept)

    def _ms901(self, shown: str, message: str) -> Finding:
        rs = self.rule_settings.get(UNREADABLE_FILE.id)
        return Finding(
            rule_id=UNREADABLE_FILE.id,
            message=message,
            severity=rs.severity if rs else UNREADABLE_FILE.default_severity,
            path=shown,
            location=Location(),
            category="unreadable",
        )

    def _unreadable(self, shown: str, reason: str, started: float) -> FileResult:
        rs = self.rule_settings.get(UNREADABLE_FILE.id)
        raw = [self._ms901(shown, reason)] if rs is None or rs.enabled else []
        findings, suppressed = self._filter(raw, shown, None)
        return FileResult(
            path=shown,
            format=None,
            findings=findings,
            error=reason,
            suppressed=suppressed,
            seconds=time.perf_counter() - started,
        )

    def report(self, results: list[FileResult], seconds: float) -> Report:
        metas = [r.meta for r in self.plugins.rules]
        return Report(
            results=results,
            rules=metas,
            root=self.settings.root,
            fail_on=self.settings.fail_on,
            show_values=self.settings.show_values,
            ruleset=self.ruleset.name,
            missing_plugins=[
                (r.rule_id, r.name, r.plugin) for r in self.plugins.missing_plugin_rules()
            ],
            seconds=seconds,
        )


def describe_magic(head: bytes) -> str:
    """What the first bytes of a file say it is."""
    signatures = (
        (b"%PDF", "looks like a PDF"),
        (b"PK\x03\x04", "looks like a ZIP package"),
        (b"\xd0\xcf\x11\xe0", "looks like a legacy Office (OLE) file"),
        (b"\xff\xd8\xff", "looks like a JPEG image"),
        (b"\x89PNG", "looks like a PNG image"),
        (b"{\\rtf", "looks like an RTF file"),
        (b"<!DOCTYPE html", "looks like an HTML page"),
        (b"<html", "looks like an HTML page"),
    )
    for magic, text in signatures:
        if head.startswith(magic):
            return text
    if not head:
        return "the file is empty"
    return "unrecognised content"


_WORKER: Engine | None = None


def _init_worker(setup: Engine | Settings) -> None:
    """A worker's engine: the parent's own when forked (nothing to load again), else one
    built from the settings."""
    global _WORKER
    _WORKER = setup if isinstance(setup, Engine) else Engine(setup)


def _check_in_worker(path: Path) -> FileResult:
    assert _WORKER is not None
    return _WORKER.check_file(path)


def check_paths(
    paths: Sequence[Path],
    settings: Settings,
    *,
    plugins: Plugins | None = None,
    on_result: Callable[[FileResult, int], None] | None = None,
) -> Report:
    """Check every file under ``paths``; ``on_result(result, total)`` reports progress."""
    started = time.perf_counter()
    engine = Engine(settings, plugins)
    files = discover(paths, engine.extensions, engine.claims_extensionless)
    # Manuscripts first, so that images they reference are not checked again on their own.
    manuscripts = [p for p in files if p.suffix.lower() not in IMAGE_EXTENSIONS]
    images = [p for p in files if p.suffix.lower() in IMAGE_EXTENSIONS]
    results: list[FileResult] = []
    total = len(files)

    def collect(batch: Iterable[FileResult]) -> None:
        for result in batch:
            results.append(result)
            if on_result:
                on_result(result, total)

    pool = None
    fork = "fork" in multiprocessing.get_all_start_methods()
    # Spawned workers build their engine from the settings, so only with the plugins
    # those settings load; forked ones inherit this engine, whatever its plugins.
    if settings.jobs > 1 and len(files) > 1 and (fork or plugins is None):
        pool = ProcessPoolExecutor(
            max_workers=min(settings.jobs, len(files)),
            mp_context=multiprocessing.get_context("fork" if fork else "spawn"),
            initializer=_init_worker,
            initargs=(engine if fork else settings,),
        )

    def check(batch: list[Path]) -> Iterable[FileResult]:
        if pool is not None:
            return pool.map(_check_in_worker, batch)
        return map(engine.check_file, batch)

    try:
        collect(check(manuscripts))
        referenced = {ref for r in results for ref in r.references}
        images = [p for p in images if str(p.resolve()) not in referenced]
        total = len(results) + len(images)
        collect(check(images))
    finally:
        if pool is not None:
            pool.shutdown()
    return engine.report(results, time.perf_counter() - started)
