"""What the CI commands share: output formats, failure options, settings, ``emit``.

``emit`` is the one place that turns a finished report into outputs and an
exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from claimcheck.errors import ClaimcheckError
from claimcheck.files import encodable, write_atomic

if TYPE_CHECKING:
    from claimcheck.ci import outputs as ci
    from claimcheck.ci import settings as settings_mod
    from claimcheck.index.ahead import Ahead
    from claimcheck.models import Report


# Set by ``app.main``, the program's entry point: the process runs one command and exits
# (``typer.testing`` and the language server call the app in a process that goes on).
ONE_COMMAND = {"process": False}


def collect_after_imports(command: str | None) -> None:
    """In a process that runs one command, the collector is off while it imports (``main``):
    what a module creates lives until the process exits, and the ~100 collections of a
    cold ``verify``'s imports found nothing to free (~4% of its CPU). ``verify`` turns it
    back on once its pipeline is imported (``freeze_imports``); every other command now,
    before its work, which may make cycles for as long as it runs."""
    if ONE_COMMAND["process"] and command != "verify":
        import gc

        gc.enable()


def sync_ahead(corpus: str, claims: str | None, index: str | None) -> Ahead | None:
    """In a process that runs one command, bring the index verify will answer from up to
    date in a child process while this one imports the pipeline (``index.ahead``)."""
    if not ONE_COMMAND["process"]:
        return None  # tests, the editor server: no fork of a process with threads
    from claimcheck.index.ahead import start
    from claimcheck.index.location import index_in_use

    location = index_in_use(corpus, index)
    return None if location is None else start(location, corpus, claims)


def freeze_imports() -> None:
    """In a process that runs one command, keep what is alive now out of the collector's way.

    The modules a command has just imported live until the process exits; frozen, they are
    not walked again by the collector's full passes (two such passes walked them for
    0.1-0.2 s of a cold ``verify``'s 1.6 s of CPU at 10k articles).
    """
    if ONE_COMMAND["process"]:
        import gc

        gc.freeze()
        # A young generation of 10,000 objects, not 700: a cold verify's check makes
        # ~160,000 objects at 100k articles (rows, entries, parses), nearly none of them
        # cyclic garbage, and its ~230 collections of 700 cost ~0.06 s of CPU. Cycles
        # are still collected, a few MB later.
        gc.set_threshold(10_000, 10, 10)
        gc.enable()


def say(line: str) -> None:
    """A line for the person on stderr; names and texts from files cannot drive the terminal."""
    from claimcheck.render.words import visible

    typer.echo(visible(line), err=True)


def fail(err: ClaimcheckError) -> NoReturn:
    say(f"claimcheck: error: {err.one_line()}")
    raise typer.Exit(2)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    github = "github"
    sarif = "sarif"
    rdjson = "rdjson"
    rdjsonl = "rdjsonl"
    junit = "junit"
    markdown = "markdown"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


FormatOpt = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="text, json, jsonl, github, sarif, rdjson, rdjsonl, junit or markdown "
        "(default: text).",
    ),
]

ReportOpt = Annotated[
    list[str] | None,
    typer.Option("--report", metavar="FORMAT:FILE", help="Also write FORMAT to FILE (repeatable)."),
]

FailOnOpt = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        metavar="LEVEL",
        help="Lowest severity that fails (exit 1): error (default), warning, info, never.",
    ),
]

MaxWarningsOpt = Annotated[
    int | None,
    typer.Option("--max-warnings", min=0, metavar="N", help="Fail on more warnings than N."),
]

ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even with findings (run errors still 2).")
]

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config", metavar="FILE", help="Use this config file, not the nearest one upward."
    ),
]

IsolatedOpt = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]

BaselineOpt = Annotated[
    Path | None,
    typer.Option("--baseline", metavar="FILE", help="Only findings not in this file count."),
]

DiffOpt = Annotated[
    str | None, typer.Option("--diff", metavar="REF", help="Only lines changed since REF.")
]


def bind(fn: Callable[[Report, bool], str], color: bool) -> Callable[[Report], str]:
    return lambda report: fn(report, color)


def color_ok() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def load_settings(
    config: Path | None, isolated: bool, **options: tuple[str, Any]
) -> settings_mod.Loaded:
    """``options``: setting name -> (the flag, its value or None when not given)."""
    from claimcheck.ci import settings as settings_mod

    return settings_mod.load(Path.cwd(), config=config, isolated=isolated, overrides=options)


AllowOutsideOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--allow-outside",
        metavar="DIR",
        help="Also read and write under DIR, outside the project (repeatable; see SECURITY.md).",
    ),
]


def confine(
    loaded: settings_mod.Loaded | None,
    allow: list[Path] | None,
    *trusted: str | Path | None,
) -> None:
    """Keep the run inside the project: the config file's folder, else the working directory.

    ``trusted``: the paths the command line named. A path the config names
    outside the project is refused here, naming the option that would allow it.
    """
    from claimcheck import paths
    from claimcheck.errors import ConfigError

    cwd = Path.cwd()
    root = cwd
    named = [p for p in trusted if p not in (None, "", "-")]
    if loaded is not None and loaded.file is not None:
        folder = (cwd / loaded.file).parent
        if cwd.resolve().is_relative_to(folder.resolve()):
            root = folder  # found upward from here: the project is the config's folder
        else:
            named.append(folder)  # --config elsewhere: the command line chose that folder
    paths.confine(root, [p for p in named if p is not None], allow or ())
    if loaded is None or loaded.file is None:
        return
    values = loaded.settings.model_dump()
    for key in ("corpus", "claims", "baseline"):
        value = values.get(key)
        if not value or loaded.origin(key) != loaded.file.as_posix():
            continue
        try:
            paths.check(value)
        except ClaimcheckError:
            raise ConfigError(
                f"{key} = {value!r} is outside the project root {root.resolve().as_posix()}; "
                "a config file may not point there",
                path=loaded.file.as_posix(),
                hint=f"pass --{key} {value} or --allow-outside {value} on the command line",
            ) from None


def report_paths(specs: list[str] | None) -> list[str]:
    return [spec.partition(":")[2] for spec in specs or [] if ":" in spec]


def policy_flags(
    fail_on: FailOn | None, max_warnings: int | None, baseline: Path | None
) -> dict[str, tuple[str, Any]]:
    return {
        "fail_on": ("--fail-on", fail_on.value if fail_on else None),
        "max_warnings": ("--max-warnings", max_warnings),
        "baseline": ("--baseline", baseline.as_posix() if baseline else None),
    }


def configured_drafts(loaded: settings_mod.Loaded) -> list[str]:
    from claimcheck.ci import selection

    return selection.configured_drafts(loaded, Path.cwd())


def expand_folders(drafts: list[str]) -> list[str]:
    from claimcheck.ci import selection

    return selection.expand_folders(drafts)


def filter_named(
    loaded: settings_mod.Loaded, cwd: Path, drafts: list[str]
) -> tuple[list[str], list[str]]:
    from claimcheck.ci import selection

    return selection.filter_named(loaded, cwd, drafts)


def ci_options(
    loaded: settings_mod.Loaded,
    fmt: OutputFormat,
    reports: list[str] | None,
    exit_zero: bool,
    diff: str | None,
    output: Path | None = None,
) -> ci.Options:
    from claimcheck.ci import outputs as ci
    from claimcheck.ci.exit_policy import ExitPolicy

    s = loaded.settings
    return ci.Options(
        fmt=fmt.value,
        output=output,
        reports=tuple(ci.parse_report_spec(spec) for spec in reports or []),
        exit=ExitPolicy(fail_on=s.fail_on, max_warnings=s.max_warnings, exit_zero=exit_zero),
        severity=s.severity,
        baseline=Path(s.baseline) if s.baseline else None,
        diff=diff,
    )


def emit(
    report: Report,
    options: ci.Options,
    base: Mapping[str, Callable[[Report], str]] | None = None,
    drafts: list[str] | None = None,
    texts: Mapping[str, str] | None = None,
) -> NoReturn:
    """Post-process, write every report, print the chosen format, exit by policy.

    ``texts``: each draft's text, when it is not the file on disk (a git revision).
    """
    from claimcheck.ci import exit_policy as policy
    from claimcheck.ci import outputs as ci

    try:
        texts = ci.draft_texts(report, drafts or []) if texts is None else texts
        report = ci.postprocess(report, texts, options)
        ci.write_reports(report, texts, options.reports, base)
        rendered = ci.render(options.fmt, report, texts, base)
        if options.output is not None:
            write_atomic(options.output, rendered)
        else:
            sys.stdout.write(encodable(rendered))
        if options.fmt == "github":
            ci.append_step_summary(report)
    except ClaimcheckError as err:
        fail(err)
    from claimcheck.catalogue import is_notice

    for e in report.errors:
        if not is_notice(e):
            say(f"claimcheck: error: {e.message}")
        elif e.code == "stale-ledger" or (e.code == "draft-not-checked" and options.fmt != "text"):
            # The text report shows a draft's notice; machine formats on stdout get it on
            # stderr too. A stale ledger is about the corpus: stderr always.
            say(f"claimcheck: warning: {e.path}: {e.message}")
    raise typer.Exit(policy.exit_code(report, options.exit))
