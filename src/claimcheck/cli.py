"""The command line: parse, make one library call, render, exit code.

Exit codes: 0 clean, 1 findings at the fail level (or a stale ledger under
``--check``), 2 usage or input problems (one line on stderr, no traceback).
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.output import write_atomic

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
    from claimcheck import ledgers

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


class VerifyFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class ScopeChoice(StrEnum):
    quotes = "quotes"
    attributed = "attributed"
    all = "all"


@app.command()
def verify(
    drafts: Annotated[
        list[str] | None,
        typer.Argument(help="Drafts (.md .txt .html .docx), statement files, or - for stdin."),
    ] = None,
    corpus: Annotated[str, typer.Option("--corpus", help="Folder of source articles.")] = "corpus",
    claims: Annotated[
        str | None, typer.Option("--claims", help="Ledger folder (default: claims/ by the corpus).")
    ] = None,
    scope: Annotated[
        ScopeChoice, typer.Option("--scope", help="quotes | attributed (quotes too) | all.")
    ] = ScopeChoice.attributed,
    fmt: Annotated[VerifyFormat, typer.Option("--format", "-f")] = VerifyFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", min=0, max=100, help="Lowest fuzzy score.")
    ] = 80.0,
    text: Annotated[str | None, typer.Option("--text", help="Check this one statement.")] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Who --text is attributed to.")
    ] = None,
) -> None:
    """Check a draft's quotes and attributed claims against the corpus."""
    from claimcheck.render import RENDERERS
    from claimcheck.verify import Settings, run

    try:
        if not drafts and text is None:
            raise ClaimcheckError("nothing to check: give a DRAFT or --text", hint="see --help")
        if speaker is not None and text is None:
            raise ClaimcheckError("--speaker goes with --text")
        stdin = sys.stdin.read() if drafts and "-" in drafts else None
        settings = Settings(scope=scope.value, claims=claims, threshold=threshold)
        report = run(drafts or [], corpus, settings, text=text, speaker=speaker, stdin=stdin)
    except ClaimcheckError as err:
        fail(err)
    color = fmt == VerifyFormat.text and output is None and _color_ok()
    rendered = RENDERERS[fmt.value](report, color)
    try:
        if output is not None:
            write_atomic(output, rendered)
        else:
            sys.stdout.write(rendered)
    except ClaimcheckError as err:
        fail(err)
    for e in report.errors:
        typer.echo(f"claimcheck: error: {e.message}", err=True)
    raise typer.Exit(2 if report.errors else (1 if report.summary.errors else 0))


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


def main() -> None:
    app()
