"""``claimcheck verify``: drafts checked against the corpus."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.common import (
    AllowOutsideOpt,
    BaselineOpt,
    ConfigOpt,
    DiffOpt,
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
    configured_drafts,
    confine,
    emit,
    expand_folders,
    fail,
    filter_named,
    freeze_imports,
    load_settings,
    policy_flags,
    report_paths,
    say,
    sync_ahead,
)
from claimcheck.errors import ClaimcheckError, InputError

if TYPE_CHECKING:
    from claimcheck.ci import settings as settings_mod
    from claimcheck.index.ahead import Ahead
    from claimcheck.models import Report
    from claimcheck.verify import Settings


class ScopeChoice(StrEnum):
    quotes = "quotes"
    attributed = "attributed"
    all = "all"


def verify(
    drafts: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="DRAFT...",
            help="Drafts (.md .txt .html .docx), statement lists (.yaml .json .jsonl .csv), "
            "or - for stdin. None: the drafts the config's include/exclude select.",
        ),
    ] = None,
    corpus: Annotated[
        str | None,
        typer.Option(
            "--corpus", metavar="DIR", help="Folder of source articles (default: corpus)."
        ),
    ] = None,
    claims: Annotated[
        str | None,
        typer.Option(
            "--claims",
            metavar="DIR",
            help="Folder of ledgers written by extract --out (default: claims/ beside the corpus).",
        ),
    ] = None,
    index: Annotated[
        str | None,
        typer.Option(
            "--index",
            metavar="FILE|URL",
            help="The corpus index (claimcheck index builds it; default: "
            ".claimcheck/index.sqlite beside the corpus, when it exists). "
            "Documents changed since are updated in it first.",
        ),
    ] = None,
    scope: Annotated[
        ScopeChoice | None,
        typer.Option(
            "--scope",
            metavar="SCOPE",
            help="quotes; attributed (quotes and reported speech; the default); "
            "all (the writer's own factual sentences too).",
        ),
    ] = None,
    fmt: FormatOpt = OutputFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write --format here, not to stdout."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0,
            max=100,
            metavar="N",
            help="Lowest fuzzy score, 0-100 (default: 80).",
        ),
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", metavar="TEXT", help="Check this one statement.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", metavar="NAME", help="Who --text is attributed to.")
    ] = None,
    report: ReportOpt = None,
    fail_on: FailOnOpt = None,
    max_warnings: MaxWarningsOpt = None,
    exit_zero: ExitZeroOpt = False,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    baseline: BaselineOpt = None,
    diff: DiffOpt = None,
    allow_outside: AllowOutsideOpt = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Check a named file only if the config's include/exclude select it "
            "(as black's and ruff's; the pre-commit hook passes every staged file).",
        ),
    ] = False,
) -> None:
    """Check a draft's quotes and attributed claims against the corpus.

    Every quotation and attributed claim of the drafts is looked up in the corpus
    (its ledgers in claims/, or the articles themselves): exact, fuzzy or missing,
    the speaker compared, the word changes shown and the material ones (a number,
    a negation, a name, a modal verb) flagged.

    Examples:
      claimcheck verify examples/draft.md
      claimcheck verify drafts/*.md --corpus corpus/ --format json -o report.json
      claimcheck verify --text "It was just to counter China" --speaker "Dr. Das"

    Exit codes:
      0  nothing at the fail level (--fail-on; errors by default)
      1  findings at the fail level, or more warnings than --max-warnings
      2  the run failed: a bad option or config, an unreadable draft or corpus
    """
    from claimcheck.render import RENDERERS

    try:
        loaded = load_settings(
            config,
            isolated,
            corpus=("--corpus", corpus),
            claims=("--claims", claims),
            index=("--index", index),
            scope=("--scope", scope.value if scope else None),
            threshold=("--threshold", threshold),
            **policy_flags(fail_on, max_warnings, baseline),
        )
        given = [*(drafts or []), corpus, claims, output, baseline, config, *report_paths(report)]
        confine(loaded, allow_outside, *given)
        if speaker is not None and text is None:
            raise ClaimcheckError("--speaker goes with --text")
        if drafts:
            drafts = expand_folders(drafts)
        if drafts and force_exclude:
            drafts, left_out = filter_named(loaded, Path.cwd(), drafts)
            if not drafts and text is None:
                from claimcheck.render.words import count

                named = count(len(left_out), "file")
                say(f"claimcheck: nothing to check: the config leaves out {named}")
                raise typer.Exit(0)
        elif not drafts and text is None and loaded.file is not None:
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
    color = fmt == OutputFormat.text and output is None and color_ok()
    emit(result, options, {name: bind(fn, color) for name, fn in RENDERERS.items()}, drafts)


def run_verify(
    loaded: settings_mod.Loaded,
    drafts: list[str],
    *,
    text: str | None = None,
    speaker: str | None = None,
) -> Report:
    """The verification the config describes, with the team's speaker aliases."""
    from claimcheck.index.location import default_index

    s = loaded.settings
    ahead = sync_ahead(s.corpus, s.claims, s.index)  # while the pipeline is imported
    from claimcheck.verify import Settings, run
    from claimcheck.verify.corpus import open_corpus

    freeze_imports()  # the pipeline is imported
    stdin = sys.stdin.read() if "-" in drafts else None
    settings = Settings(scope=s.scope, claims=s.claims, threshold=s.threshold)
    if s.claims and not Path(s.claims).is_dir():
        # A mistyped --claims would silently ignore every correction in the real folder.
        raise InputError(
            "ledger folder not found",
            path=s.claims,
            hint="check --claims (or `claims` in the config); to create it: "
            f"claimcheck extract {s.corpus} --out {s.claims}",
        )
    if ahead is not None:
        early = _check_ahead(loaded, ahead, drafts, settings, text, speaker, stdin)
        if early is not None:
            return early
    sources, synced = open_corpus(
        s.corpus, s.claims, s.index, declared=s.speakers or None, ahead=ahead
    )
    try:
        if synced is not None and (synced.added or synced.changed or synced.removed):
            say(synced.line(s.index or default_index(s.corpus)))
        return run(drafts, sources, settings, text=text, speaker=speaker, stdin=stdin)
    finally:
        sources.close()  # an index's connection (psycopg warns of one left open)


def _check_ahead(
    loaded: settings_mod.Loaded,
    ahead: Ahead,
    drafts: list[str],
    settings: Settings,
    text: str | None,
    speaker: str | None,
    stdin: str | None,
) -> Report | None:
    """The drafts checked against the index as it is, while the child brings it up to
    date; the report, if that sync found nothing to change (else None: check again).

    At 100k articles the sync is a stat of 200,000 files (~0.7 s of CPU) and checking
    the draft as much again: one after the other they were most of a cold verify's
    wall time, on a machine with a core to spare for each. The report is kept only
    when the sync added, changed and removed nothing and read the index at the token
    this snapshot has (no other writer in between): then this snapshot holds what a
    check after the sync reads, document for document (a sync that only re-stamps files
    whose bytes did not change writes no row a check reads). Otherwise, or if anything
    goes wrong here, the check runs again after the sync, as before: what this process
    reports is always the index brought up to date."""
    from claimcheck.corpus.current import ledger_folder
    from claimcheck.index.archive import is_archive_index
    from claimcheck.index.store import open_store
    from claimcheck.verify import run
    from claimcheck.verify.corpus import StoredCorpus

    s = loaded.settings
    report: Report | None = None
    try:
        # No ``create``: an index the child is making for the first time is its own.
        store = open_store(ahead.location)
    except Exception:  # the check after the sync meets it and reports it
        return None
    try:
        if is_archive_index(store):
            store.close()
            return None  # no folder to sync: open_corpus answers it
        sources = StoredCorpus(store, s.corpus, s.speakers or None)  # the snapshot
        try:
            token = store.token()
            ledger_dir = ledger_folder(s.corpus, s.claims)
            sources.notices = sources.stale_notices(ledger_dir)
            report = run(drafts, sources, settings, text=text, speaker=speaker, stdin=stdin)
        finally:
            sources.close()
    except Exception:  # as above: checked again after the sync
        store.close()
        return None
    synced = ahead.result()
    if (
        synced is None
        or not synced.token
        or synced.token != token
        or synced.added
        or synced.changed
        or synced.removed
        or synced.failed
        or not synced.documents
    ):
        return None
    return report
