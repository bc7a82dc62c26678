"""The command line. It parses arguments and wires objects together; it decides nothing.

Heavy modules (spaCy, PyMuPDF, python-docx) are imported only by the code that checks
files, never for ``--help``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from mslint import __version__

app = typer.Typer(
    name="mslint",
    help="Check medical manuscripts (DOCX, PDF, LaTeX, Markdown) for consent and privacy "
    "problems before submission.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    rich = "rich"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _fail(message: str) -> NoReturn:
    typer.echo(f"mslint: error: {message}", err=True)
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mslint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """mslint: consent and privacy checks for medical manuscripts."""


def _codes(values: list[str] | None) -> tuple[str, ...]:
    return tuple(c.strip() for v in values or [] for c in v.split(",") if c.strip())


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to check.")],
    ruleset: Annotated[
        str | None, typer.Option(help="default, iums, radiopaedia, gmc, hipaa, or a .toml file.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rules (codes or prefixes, comma-separated)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules (codes or prefixes).")
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Report format.")
    ] = OutputFormat.rich,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Lowest severity that makes the exit status 1.")
    ] = None,
    show_values: Annotated[
        bool, typer.Option("--show-values", help="Print found identifiers unmasked.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Accept the findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Record all current findings in this file and exit 0.")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Read settings from this TOML file.")] = None,
    sarif_compat: Annotated[
        str | None, typer.Option(help="'github': add line regions GitHub code scanning needs.")
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain text report.")] = False,
) -> None:
    """Check manuscripts and report what breaches consent and privacy policy."""
    from mslint.config import ConfigError, load_settings, parse_fail_on
    from mslint.engine import check_paths
    from mslint.filters import BaselineError
    from mslint.filters import write_baseline as save_baseline
    from mslint.plugins import PluginError, Plugins
    from mslint.reporters.base import ReportOptions

    if sarif_compat not in (None, "github"):
        _fail(f"--sarif-compat takes 'github', not {sarif_compat!r}")
    try:
        settings = load_settings(Path.cwd(), config)
        plugins = Plugins()
        changes: dict[str, object] = {}
        if ruleset:
            changes["ruleset"] = ruleset
        if select:
            changes["select"] = _codes(select)
        if ignore:
            changes["ignore"] = settings.ignore + _codes(ignore)
        if fail_on is not None:
            changes["fail_on"] = parse_fail_on(fail_on.value)
        if show_values:
            changes["show_values"] = True
        if jobs is not None:
            changes["jobs"] = jobs
        if baseline is not None:
            changes["baseline"] = baseline
        settings = replace(settings, **changes)  # type: ignore[arg-type]
        progress = (
            _ProgressBar() if output_format is OutputFormat.rich and sys.stdout.isatty() else None
        )
        try:
            report = check_paths(paths, settings, plugins=plugins, on_result=progress)
        finally:
            if progress is not None:
                progress.close()
    except (ConfigError, BaselineError, PluginError) as exc:
        _fail(str(exc))
    if write_baseline is not None:
        count = save_baseline(write_baseline, report.findings())
        typer.echo(f"mslint: wrote {count} fingerprints to {write_baseline}", err=True)
        raise typer.Exit(0)
    reporter = plugins.reporters.get(output_format.value)
    if reporter is None:
        _fail(f"no reporter named {output_format.value!r}")
    color = not no_color and output is None and sys.stdout.isatty()
    text = reporter.render(
        report,
        ReportOptions(show_values=settings.show_values, sarif_compat=sarif_compat, color=color),
    )
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    raise typer.Exit(report.exit_code)


class _ProgressBar:
    """A transient rich progress bar for batches; stopped before the report prints."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def __call__(self, result: object, total: int) -> None:
        if total < 2 and self._bar is None:
            return
        if self._bar is None:
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("checking", total=total)
        self._bar.update(self._task, total=total, advance=1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def rules(
    output_format: Annotated[str, typer.Option("--format", help="'table' or 'json'.")] = "table",
) -> None:
    """List every rule: code, name, default severity, and what it catches."""
    from mslint.catalogue import rule_listing

    try:
        text = rule_listing(output_format)
    except ValueError as exc:
        _fail(str(exc))
    sys.stdout.write(text)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code (MS206) or name (exact-date).")],
) -> None:
    """Explain a rule: what it catches, why, the policy clause, an example, the fix."""
    from mslint.catalogue import explain_rule

    try:
        text = explain_rule(rule)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    sys.stdout.write(text)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="The manuscript to parse.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the JSON to this file.")
    ] = None,
) -> None:
    """Print the parsed document (sections, figures, legends, images, metadata) as JSON."""
    from mslint.config import Settings
    from mslint.engine import Engine
    from mslint.extract import document_json
    from mslint.parser import UnreadableFile

    if not file.is_file():
        _fail(f"{file}: no such file")
    try:
        document = Engine(Settings(root=Path.cwd())).parse(file)
    except UnreadableFile as exc:
        typer.echo(f"mslint: {file}: MS901 unreadable-file: {exc}", err=True)
        raise typer.Exit(1) from None
    text = document_json(document, Path.cwd())
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def clean(
    file: Annotated[Path, typer.Argument(help="Image, DOCX or PDF to clean.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Where to write the cleaned copy.")
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUTPUT if it exists.")] = False,
) -> None:
    """Write a copy with metadata, comments and attachments removed (never the input)."""
    from mslint.cleaning import CleaningError, clean_file

    try:
        result = clean_file(file, output, force=force)
    except CleaningError as exc:
        _fail(str(exc))
    typer.echo(result.summary())


def main() -> None:
    # ONNX Runtime (used by the OCR plugin) writes a device id and telemetry files under
    # ~/.cache/Microsoft when imported unless this is set; a privacy tool leaves no traces.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    app()
