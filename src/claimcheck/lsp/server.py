"""The language server: open and edited drafts are checked off the event loop.

Typing is never blocked: the event loop only records edits and publishes
results. A check waits ``delay`` seconds after the last edit (debounce), then
runs on one worker thread; a newer edit cancels a check that has not started
and makes a running one's result stale (it is dropped: diagnostics always
belong to the version they were computed for). The corpus is loaded once, on
that worker, when the server starts, and reused by every check.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer

from claimcheck import __version__, paths
from claimcheck.errors import ClaimcheckError
from claimcheck.lsp import actions, checking
from claimcheck.lsp.diagnostics import Shown, diagnostics, problem
from claimcheck.lsp.positions import Lines
from claimcheck.lsp.project import project_for
from claimcheck.lsp.sources import CorpusSource, LoadedCorpora

RELOAD = "claimcheck.reloadCorpus"
LANGUAGES = frozenset({"markdown", "plaintext", "text"})
SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text"})
log = logging.getLogger(__name__)


@dataclass
class Checked:
    version: int | None
    lines: Lines
    shown: list[Shown] = field(default_factory=list)
    seconds: float = 0.0  # wall clock, on the worker
    cpu: float = 0.0  # the worker thread's CPU time


class ClaimcheckServer(LanguageServer):
    def __init__(
        self,
        sources: CorpusSource | None = None,
        *,
        config: Path | None = None,
        delay: float = 0.1,
    ) -> None:
        super().__init__("claimcheck", __version__)
        self.sources: CorpusSource = sources or LoadedCorpora()
        self.config = config
        self.delay = delay
        # One worker: checks run one at a time, the corpus is loaded once.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-check")
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.checked: dict[str, Checked] = {}
        self.drafts: set[str] = set()  # open documents that are drafts (Markdown, text)
        self.checkers: dict[int, checking.Checker] = {}  # by id of their corpus; worker only

    @property
    def root(self) -> Path | None:
        root = self.workspace.root_path
        if not root and self.workspace.folders:  # a client that sends only workspace folders
            root = uris.to_fs_path(next(iter(self.workspace.folders.values())).uri)
        return Path(root) if root else None

    def path_of(self, uri: str) -> Path:
        path = uris.to_fs_path(uri)
        if path:
            return Path(path)
        return (self.root or Path.cwd()) / "untitled.md"

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay``; a check still waiting for this document is dropped."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        encoding = str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        loop = asyncio.get_running_loop()
        done = await loop.run_in_executor(
            self.worker, self.run_check, self.path_of(uri), text, version, encoding
        )
        if self.workspace.get_text_document(uri).version != version:
            return  # the writer has typed on: this result is stale
        self.pending.pop(uri, None)
        self.checked[uri] = done
        self.window_log_message(
            types.LogMessageParams(
                type=types.MessageType.Log,
                message=f"claimcheck: checked {uri} version {version}: "
                f"{len(done.shown)} findings in {done.seconds * 1000:.0f} ms "
                f"({done.cpu * 1000:.0f} ms CPU)",
            )
        )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[s.diagnostic for s in done.shown]
            )
        )

    def run_check(self, path: Path, text: str, version: int | None, encoding: str) -> Checked:
        """On the worker: the whole check of one version of a document, timed."""
        wall, cpu = time.perf_counter(), time.thread_time()
        done = self._run_check(path, text, version, encoding)
        done.seconds, done.cpu = time.perf_counter() - wall, time.thread_time() - cpu
        return done

    def _run_check(self, path: Path, text: str, version: int | None, encoding: str) -> Checked:
        lines = Lines(text, encoding)
        try:
            project = project_for(path, self.root, self.config)
            # A draft's project is a repository someone else may have written: its config
            # reads nothing outside it (SECURITY.md). The draft and --config are the user's.
            paths.confine(project.base, [path, *([self.config] if self.config else [])])
            for named in (project.corpus, project.claims):
                if named is not None:
                    paths.check(named)
            corpus = self.sources.get(project)
            checker = self.checkers.get(id(corpus))
            if checker is None or checker.corpus is not corpus:
                checker = self.checkers[id(corpus)] = checking.Checker(corpus)
                # Next on the worker, once this first check has filled the corpus's caches.
                self.worker.submit(settle)
            report = checker.check_text(text, path, project)
            return Checked(version, lines, diagnostics(report, lines, project))
        except ClaimcheckError as err:
            return Checked(version, lines, [Shown(problem(err.one_line()), None, 0, 0)])
        except Exception as exc:  # a bug must not take the writer's editor down with it
            log.exception("check failed: %s", path)
            return Checked(version, lines, [Shown(problem(f"internal error: {exc}"), None, 0, 0)])
        finally:
            paths.release()

    def forget(self) -> None:
        """On the worker: drop the loaded corpora (reload), and let the collector free them."""
        self.sources.reload()
        self.checkers.clear()  # what they remember was checked against the old corpus
        gc.unfreeze()

    def warm(self) -> None:
        """Load the workspace's corpus now, before the first draft asks for it."""
        root = self.root
        if root is None:
            return
        with contextlib.suppress(ClaimcheckError):  # the first check reports it on the draft
            self.sources.get(project_for(root / "draft.md", root, self.config))


def settle() -> None:
    """After a corpus's first check: what is alive now (the corpus, its caches, the
    libraries) lives as long as the server, so the cyclic garbage collector stops
    scanning it.

    A full collection walks every object in the process; with a corpus loaded that is
    hundreds of thousands of objects (an index's caches) to millions (a corpus in
    memory), and one fell inside a check now and then: 45 ms of CPU became 250 ms
    (bench_lsp, 10k articles). Freezing is a move of lists, not a pass: no collection
    first (that took 0.6 s at the next edit); the little cyclic garbage of the moment
    stays until ``forget`` unfreezes. Frozen objects are still freed as soon as nothing
    refers to them."""
    gc.freeze()


def build(server: ClaimcheckServer) -> ClaimcheckServer:
    """Register the features; kept apart from the class so tests can build variants."""

    @server.feature(types.INITIALIZED)
    def initialized(ls: ClaimcheckServer, params: types.InitializedParams) -> None:
        asyncio.get_running_loop().run_in_executor(ls.worker, ls.warm)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        if doc.language_id in LANGUAGES or ls.path_of(doc.uri).suffix.lower() in SUFFIXES:
            ls.drafts.add(doc.uri)
            ls.schedule(doc.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.drafts:
            ls.schedule(params.text_document.uri, ls.delay)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.drafts.discard(uri)
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(
        ls: ClaimcheckServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        done = ls.checked.get(uri)
        current = ls.workspace.get_text_document(uri)
        if done is None or done.version != current.version:
            return None  # the findings belong to an older text; a new check is on its way
        start = done.lines.to_offset(params.range.start)
        end = done.lines.to_offset(params.range.end)
        return actions.actions(uri, done.shown, done.lines, start, end) or None

    @server.command(RELOAD)
    def reload(ls: ClaimcheckServer, *args: object) -> None:
        """Forget the loaded corpora (new articles, new ledgers) and check open drafts again."""

        # On the worker, after any check under way: an index is closed where it was opened.
        ls.worker.submit(ls.forget)
        for uri in list(ls.checked):
            ls.schedule(uri, 0.0)

    return server


def serve(config: Path | None = None, delay: float = 0.1) -> None:
    """Run the server on stdin/stdout until the client says exit."""
    build(ClaimcheckServer(config=config, delay=delay)).start_io()
