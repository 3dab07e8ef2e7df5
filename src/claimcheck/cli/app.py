"""The command line: parse, make one library call, render, exit code.

Exit codes: 0 clean, 1 findings at the fail level (or a stale ledger under
``--check``), 2 usage or input problems (one line on stderr, no traceback).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.files import write_atomic

if TYPE_CHECKING:
    from claimcheck.ci import outputs as ci
    from claimcheck.ci import settings as settings_mod
    from claimcheck.models import Report

app = typer.Typer(
    name="claimcheck",
    help="Verify quotes and attributed claims against a corpus of source articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
schema_app = typer.Typer(help="Print the JSON Schema of an output contract.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")


def fail(err: ClaimcheckError) -> NoReturn:
    typer.echo(f"claimcheck: error: {err.one_line()}", err=True)
    raise typer.Exit(2)


# Options shared by ``verify`` and ``report`` (the CI layer).


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


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Format for stdout.")]
ReportOpt = Annotated[
    list[str] | None,
    typer.Option("--report", metavar="FORMAT:FILE", help="Also write FORMAT to FILE (repeatable)."),
]
FailOnOpt = Annotated[
    FailOn | None, typer.Option("--fail-on", help="Lowest severity that fails (exit 1).")
]
MaxWarningsOpt = Annotated[
    int | None, typer.Option("--max-warnings", min=0, help="Fail on more warnings than N.")
]
ExitZeroOpt = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even with findings (run errors still 2).")
]
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", help="Use this config file instead of discovery.")
]
IsolatedOpt = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]
BaselineOpt = Annotated[
    Path | None, typer.Option("--baseline", help="Only findings not in this file count.")
]
DiffOpt = Annotated[
    str | None, typer.Option("--diff", metavar="REF", help="Only lines changed since REF.")
]


class ExtractFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of source articles.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write <stem>.json ledgers into this folder.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="With --out: exit 1 if any ledger is stale.")
    ] = False,
) -> None:
    """Split articles into attributed claims (the claims ledger)."""
    from claimcheck.corpus import ledgers

    try:
        if out is not None:
            outcome = ledgers.write_ledgers(paths, out, check=check)
            for line in outcome.messages:
                typer.echo(line, err=True)
            # A file that could not be read outranks a stale ledger.
            raise typer.Exit(2 if outcome.failed else 1 if (check and outcome.stale) else 0)
        if check:
            raise ClaimcheckError("--check needs --out DIR")
        rendered = ledgers.render_paths(paths, fmt.value)
    except ClaimcheckError as err:
        fail(err)
    sys.stdout.write(rendered.text)
    for line in rendered.messages:
        typer.echo(line, err=True)
    if rendered.failed:
        raise typer.Exit(2)


class ScopeChoice(StrEnum):
    quotes = "quotes"
    attributed = "attributed"
    all = "all"


@app.command()
def verify(
    drafts: Annotated[
        list[str] | None,
        typer.Argument(
            help="Drafts (.md .txt .html .docx), statement files, or - for stdin. "
            "None: the drafts the config's include/exclude select."
        ),
    ] = None,
    corpus: Annotated[
        str | None, typer.Option("--corpus", help="Folder of source articles (default: corpus).")
    ] = None,
    claims: Annotated[
        str | None, typer.Option("--claims", help="Ledger folder (default: claims/ by the corpus).")
    ] = None,
    scope: Annotated[
        ScopeChoice | None,
        typer.Option(
            "--scope", help="quotes | attributed (quotes too) | all (default: attributed)."
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write --format here, not to stdout.")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", min=0, max=100, help="Lowest fuzzy score (default: 80)."),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Check this one statement.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Who --text is attributed to.")
    ] = None,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    diff: DiffOpt = None,
) -> None:
    """Check a draft's quotes and attributed claims against the corpus."""
    from claimcheck.render import RENDERERS

    try:
        loaded = load_settings(
            config,
            isolated,
            corpus=("--corpus", corpus),
            claims=("--claims", claims),
            scope=("--scope", scope.value if scope else None),
            threshold=("--threshold", threshold),
            **_policy_flags(fail_on, max_warnings, baseline),
        )
        if speaker is not None and text is None:
            raise ClaimcheckError("--speaker goes with --text")
        if not drafts and text is None and loaded.file is not None:
            drafts = configured_drafts(loaded)
        if not drafts and text is None:
            raise ClaimcheckError("nothing to check: give a DRAFT or --text", hint="see --help")
        options = ci_options(loaded, fmt, report, exit_zero, diff, output)
    except ClaimcheckError as err:
        fail(err)
    try:
        result = run_verify(loaded, drafts or [], text=text, speaker=speaker)
    except ClaimcheckError as err:
        # The run itself failed (a corrupt ledger, an empty corpus): machine formats
        # still get a report, with the problem in errors[], and the exit code is 2.
        if fmt == OutputFormat.text:
            fail(err)
        from claimcheck.verify.pipeline import failed_report

        result = failed_report(err)
    color = fmt == OutputFormat.text and output is None and _color_ok()
    emit(result, options, {name: _bind(fn, color) for name, fn in RENDERERS.items()}, drafts)


def run_verify(
    loaded: settings_mod.Loaded,
    drafts: list[str],
    *,
    text: str | None = None,
    speaker: str | None = None,
) -> Report:
    """The verification the config describes, with the team's speaker aliases."""
    from claimcheck.verify import Corpus, Settings, aliases, load_corpus, run

    s = loaded.settings
    stdin = sys.stdin.read() if "-" in drafts else None
    settings = Settings(scope=s.scope, claims=s.claims, threshold=s.threshold)
    sources = load_corpus(s.corpus, s.claims)
    if s.speakers:
        sources = Corpus.from_ledgers(aliases.apply(sources.ledgers, s.speakers))
    return run(drafts, sources, settings, text=text, speaker=speaker, stdin=stdin)


def _bind(fn: Callable[[Report, bool], str], color: bool) -> Callable[[Report], str]:
    return lambda report: fn(report, color)


def _color_ok() -> bool:
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


@schema_app.command("ledger")
def schema_ledger() -> None:
    """JSON Schema of the claims ledger."""
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("ledger"), indent=2, sort_keys=True))


@schema_app.command("report")
def schema_report() -> None:
    """JSON Schema of the verification report."""
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("report"), indent=2, sort_keys=True))


# ---------------------------------------------------------------- CI layer
# Options shared by ``verify`` and ``report``; ``emit`` is the one place that
# turns a finished report into outputs and an exit code.

config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")
baseline_app = typer.Typer(help="Record today's findings so only new ones fail.")
app.add_typer(baseline_app, name="baseline")


def load_settings(
    config: Path | None, isolated: bool, **options: tuple[str, Any]
) -> settings_mod.Loaded:
    """``options``: setting name -> (the flag, its value or None when not given)."""
    from claimcheck.ci import settings as settings_mod

    return settings_mod.load(Path.cwd(), config=config, isolated=isolated, overrides=options)


def _policy_flags(
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
) -> NoReturn:
    """Post-process, write every report, print the chosen format, exit by policy."""
    from claimcheck.ci import exit_policy as policy
    from claimcheck.ci import outputs as ci

    try:
        texts = ci.draft_texts(report, drafts or [])
        report = ci.postprocess(report, texts, options)
        ci.write_reports(report, texts, options.reports, base)
        rendered = ci.render(options.fmt, report, texts, base)
        if options.output is not None:
            write_atomic(options.output, rendered)
        else:
            sys.stdout.write(rendered)
        if options.fmt == "github":
            ci.append_step_summary(report)
    except ClaimcheckError as err:
        fail(err)
    from claimcheck.catalogue import is_notice

    for e in report.errors:
        if not is_notice(e):
            typer.echo(f"claimcheck: error: {e.message}", err=True)
        elif e.code == "draft-not-checked" and options.fmt != "text":
            # The text report shows it; machine formats on stdout get it on stderr too.
            typer.echo(f"claimcheck: warning: {e.path}: {e.message}", err=True)
    raise typer.Exit(policy.exit_code(report, options.exit))


@app.command("report")
def report_cmd(
    file: Annotated[Path, typer.Argument(help="A report saved with --format json.")],
    fmt: FormatOpt = OutputFormat.text,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    diff: DiffOpt = None,
) -> None:
    """Re-render a saved JSON report in any format, under the CI failure policy."""
    from claimcheck.ci import outputs as ci

    try:
        loaded = load_settings(config, isolated, **_policy_flags(fail_on, max_warnings, baseline))
        options = ci_options(loaded, fmt, report, exit_zero, diff)
        saved = ci.read_report(file)
    except ClaimcheckError as err:
        fail(err)
    emit(saved, options)


@config_app.command("show")
def config_show(config: ConfigOpt = None, isolated: IsolatedOpt = False) -> None:
    """Print the effective settings and where each one came from."""
    from claimcheck.ci import settings as settings_mod

    try:
        loaded = load_settings(config, isolated)
    except ClaimcheckError as err:
        fail(err)
    sys.stdout.write(settings_mod.show(loaded))


@schema_app.command("config")
def schema_config() -> None:
    """JSON Schema of the configuration ([tool.claimcheck] / claimcheck.toml)."""
    from claimcheck.ci.settings import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True))


@baseline_app.command("write")
def baseline_write(
    drafts: Annotated[
        list[str] | None, typer.Argument(help="Drafts (default: those the config selects).")
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option("--from", help="Use a saved JSON report instead of running verify."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Default: the configured baseline.")
    ] = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Write the fingerprints of today's errors and warnings to the baseline file."""
    from claimcheck.ci import baseline
    from claimcheck.ci import outputs as ci

    try:
        loaded = load_settings(config, isolated)
        target = output or Path(loaded.settings.baseline or "claimcheck-baseline.json")
        if source is not None:
            found = ci.read_report(source)
        else:
            if not drafts and loaded.file is not None:
                drafts = configured_drafts(loaded)
            if not drafts:
                raise ClaimcheckError("nothing to check: give a DRAFT or --from REPORT")
            found = run_verify(loaded, drafts)
        texts = ci.draft_texts(found, drafts or [])
        options = ci.Options(severity=loaded.settings.severity)
        count = baseline.write(ci.postprocess(found, texts, options), target)
    except ClaimcheckError as err:
        fail(err)
    typer.echo(f"claimcheck: wrote {count} finding(s) to {target.as_posix()}", err=True)


def main() -> None:
    app()
