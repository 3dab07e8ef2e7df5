"""The command line: parse, make one library call, render, exit code.

One module per command (``extract``, ``verify``, ``report``, ``schema``,
``config``, ``baseline``); what the CI commands share is in ``common``. This
module only builds the typer app and registers the commands on it.

Exit codes: 0 clean, 1 findings at the fail level (or a stale ledger under
``--check``), 2 usage or input problems (one line on stderr, no traceback).
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.cli import baseline, config, extract, report, schema, verify

app = typer.Typer(
    name="claimcheck",
    help="Verify quotes and attributed claims against a corpus of source articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

schema_app = typer.Typer(help="Print the JSON Schema of an output contract.", no_args_is_help=True)

app.add_typer(schema_app, name="schema")


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


config_app = typer.Typer(help="Show the effective configuration.", no_args_is_help=True)

app.add_typer(config_app, name="config")

baseline_app = typer.Typer(help="Record today's findings so only new ones fail.")

app.add_typer(baseline_app, name="baseline")

app.command()(extract.extract)
app.command()(verify.verify)
schema_app.command("ledger")(schema.schema_ledger)
schema_app.command("report")(schema.schema_report)
app.command("report")(report.report_cmd)
config_app.command("show")(config.config_show)
schema_app.command("config")(schema.schema_config)
baseline_app.command("write")(baseline.baseline_write)


def main() -> None:
    app()
