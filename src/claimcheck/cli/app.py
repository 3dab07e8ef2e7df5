"""The command line: parse, make one library call, render, exit code.

One module per command (``extract``, ``verify``, ``index``, ``guard``, ``lsp``, ``report``,
``schema``, ``config``, ``baseline``); what the CI commands share is in ``common``. This
module only builds the typer app and registers the commands on it.

Exit codes: 0 clean, 1 findings at the fail level (or a stale ledger under
``--check``), 2 usage or input problems (one line on stderr, no traceback).
"""

from __future__ import annotations

from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.cli import (
    baseline,
    common,
    config,
    extract,
    guard,
    index,
    init,
    lsp,
    report,
    schema,
    verify,
)
from claimcheck.cli.help import App

ROOT_HELP = """Check quotes and attributed claims in drafts against a corpus of source articles.

claimcheck reads the source articles (the corpus), lists who said what in each
(the claims ledger) and checks every quotation and attributed claim of a draft
against them: exact, fuzzy or missing, the speaker too, with changed numbers,
negations and names flagged.

Examples:
  claimcheck init                        # a newsroom layout in this folder
  claimcheck verify examples/draft.md    # check a draft against corpus/
  claimcheck extract corpus/             # who says what, per article

Exit codes:
  0  success: nothing at the fail level
  1  findings at the fail level (verify, report), stale ledgers (extract --check)
  2  a usage or input problem: one line on stderr, never a traceback

'claimcheck COMMAND --help' shows a command's options.
"""

app = App(name="claimcheck", help=ROOT_HELP, no_args_is_help=True)

schema_app = App(help="Print the JSON Schema of an output contract.", no_args_is_help=True)

app.add_typer(schema_app, name="schema")


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    from claimcheck import paths

    # A command confines its run to the project (paths.confine); the confinement
    # ends with the command, so a process that runs several (tests, the editor
    # server) starts each one free.
    ctx.call_on_close(paths.release)
    common.collect_after_imports(ctx.invoked_subcommand)
    if version:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


config_app = App(help="Show the effective configuration.", no_args_is_help=True)

app.add_typer(config_app, name="config")

baseline_app = App(help="Record today's findings so only new ones fail.")

app.add_typer(baseline_app, name="baseline")

app.command()(init.init)
app.command()(extract.extract)
app.command()(verify.verify)
app.command()(index.index)
app.command()(guard.guard)
app.command()(lsp.lsp)
schema_app.command("ledger")(schema.schema_ledger)
schema_app.command("report")(schema.schema_report)
app.command("report")(report.report_cmd)
config_app.command("show")(config.config_show)
schema_app.command("config")(schema.schema_config)
baseline_app.command("write")(baseline.baseline_write)


def main() -> None:
    import gc

    gc.disable()  # until the command's imports are done: ``common.collect_after_imports``
    common.ONE_COMMAND["process"] = True
    app()
