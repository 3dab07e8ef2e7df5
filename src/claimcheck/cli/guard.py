"""``claimcheck guard``: an edit kept every quotation of the earlier version."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.common import (
    ConfigOpt,
    ExitZeroOpt,
    FailOnOpt,
    FormatOpt,
    IsolatedOpt,
    MaxWarningsOpt,
    OutputFormat,
    ReportOpt,
    bind,
    ci_options,
    color_ok,
    emit,
    fail,
    load_settings,
    policy_flags,
)
from claimcheck.errors import ClaimcheckError, UsageError

if TYPE_CHECKING:
    from claimcheck.loaders.documents import Document


def guard(
    before: Annotated[
        str,
        typer.Argument(
            metavar="BEFORE",
            help="The earlier version (.md .txt .html .docx); with --rev, the one file.",
            show_default=False,
        ),
    ],
    after: Annotated[
        str | None,
        typer.Argument(
            metavar="AFTER", help="The edited version (not with --rev).", show_default=False
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            metavar="A..B",
            help="Compare BEFORE at git revision A with revision B (A.. or A: the working tree).",
        ),
    ] = None,
    allow_removed: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-removed",
            metavar="WORDS",
            help="A quotation the edit may drop, named by its first words (repeatable).",
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write --format here, not to stdout."),
    ] = None,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Check that an edit kept every quotation word for word, with its speaker.

    Each quotation of BEFORE must be in AFTER with the same words (curly or
    straight marks, case, dashes, line breaks and spacing aside) and the same
    speaker. A changed, merged, re-attributed or dropped quotation is an error
    with the word diff, in every --format verify has. A quotation dropped on
    purpose is declared in AFTER with a comment, or with --allow-removed; see
    docs/guard.md.

    Examples:
      claimcheck guard reporter.md copyedited.md
      claimcheck guard story.docx story-edited.docx --format sarif -o guard.sarif
      claimcheck guard drafts/story.md --rev HEAD~1..HEAD --format github
      <!-- claimcheck-removed: its first words -- why it went -->   (in AFTER)

    Exit codes:
      0  every quotation kept (nothing at the fail level)
      1  findings at the fail level, or more warnings than --max-warnings
      2  a bad option or config, a file or revision that cannot be read
    """
    from claimcheck.render import RENDERERS

    try:
        loaded = load_settings(config, isolated, **policy_flags(fail_on, max_warnings, None))
        options = ci_options(loaded, fmt, report, exit_zero, None, output)
        # A verify baseline records verify's findings; it has nothing to say about an edit.
        options = dataclasses.replace(options, baseline=None)
        earlier, edited = _documents(before, after, rev)
        from claimcheck.guard import guard_documents

        result = guard_documents(earlier, edited, allow_removed=allow_removed or ())
    except ClaimcheckError as err:
        fail(err)
    color = fmt == OutputFormat.text and output is None and color_ok()
    renderers = {name: bind(fn, color) for name, fn in RENDERERS.items()}
    emit(result, options, renderers, texts={edited.path: edited.text})


def _documents(before: str, after: str | None, rev: str | None) -> tuple[Document, Document]:
    from claimcheck.guard import revisions
    from claimcheck.loaders import documents

    if rev is None:
        if after is None:
            raise UsageError("give BEFORE and AFTER, or one FILE with --rev A..B")
        return documents.load(before), documents.load(after)
    if after is not None:
        raise UsageError("--rev takes one FILE, not BEFORE and AFTER")
    a, b = revisions.parse_range(rev)
    fmt = documents.FORMATS.get(Path(before).suffix.lower(), "txt")
    earlier = documents.load_bytes(revisions.show(before, a), f"{before}@{a}", fmt)
    if b is None:
        return earlier, documents.load(before)
    return earlier, documents.load_bytes(revisions.show(before, b), before, fmt)
