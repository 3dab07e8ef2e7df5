"""``claimcheck lsp``: the language server, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.common import ConfigOpt, fail
from claimcheck.errors import UsageError


def lsp(
    stdio: Annotated[
        bool, typer.Option("--stdio", help="Talk LSP on stdin/stdout (the default and only way).")
    ] = True,
    config: ConfigOpt = None,
    delay: Annotated[
        int,
        typer.Option(
            "--delay", metavar="MS", min=0, help="Wait this long after the last keystroke (100)."
        ),
    ] = 100,
) -> None:
    """Run the language server: misquotes shown in the editor as the writer types.

    An editor starts it and talks the Language Server Protocol on stdin and
    stdout. Markdown and plain-text drafts are checked against the corpus the
    nearest config names (as claimcheck verify finds it, from the draft's folder
    or the workspace root) when opened and after each pause in typing. Findings
    are diagnostics with the rule as their code and the source passage as
    related information; code actions offer the source's exact wording and a
    suppression comment with a reason. Needs the lsp extra:
    pip install 'claimcheck-news[lsp]'. Editor settings: docs/editor.md.

    Examples:
      claimcheck lsp
      claimcheck lsp --config newsroom/claimcheck.toml --delay 250

    Exit codes:
      0  the editor asked the server to exit
      2  pygls is not installed, or a bad option
    """
    try:
        from claimcheck.lsp.server import serve
    except ImportError as exc:
        fail(
            UsageError(
                f"the language server needs pygls ({exc.name} is missing)",
                hint="pip install 'claimcheck-news[lsp]'",
            )
        )
    serve(config=Path(config).resolve() if config else None, delay=delay / 1000)
