"""The corpus behind the server: opened once per project, reused by every check.

``CorpusSource`` is the one thing the server asks ("the corpus for this
project"); ``LoadedCorpora`` opens it the first time with
``verify.corpus.open_corpus``, as ``claimcheck verify`` does: from the
persistent index when the project has one (``claimcheck index``; brought up
to date first, then answered from a snapshot on disk), else read and indexed
in memory. It keeps it until ``reload``.
"""

from __future__ import annotations

import threading
from typing import Protocol

from claimcheck.lsp.project import Project
from claimcheck.verify import Corpus
from claimcheck.verify.corpus import StoredCorpus, open_corpus

Key = tuple[str, str | None, str | None, tuple[tuple[str, tuple[str, ...]], ...]]


class CorpusSource(Protocol):
    def get(self, project: Project) -> Corpus: ...

    def reload(self) -> None: ...


def key(project: Project) -> Key:
    claims = project.claims
    speakers = tuple(sorted((k, tuple(v)) for k, v in project.settings.speakers.items()))
    return str(project.corpus), str(claims) if claims else None, project.index, speakers


class LoadedCorpora:
    """Corpora in memory, one per (corpus folder, ledger folder, speaker aliases)."""

    def __init__(self) -> None:
        self._corpora: dict[Key, Corpus] = {}
        self._lock = threading.Lock()  # one load at a time: a second caller waits, then reuses

    def get(self, project: Project) -> Corpus:
        k = key(project)
        with self._lock:
            found = self._corpora.get(k)
            if found is None:
                found = self._corpora[k] = _load(project)
            return found

    def reload(self) -> None:
        """Forget every corpus; an index's snapshot is closed (on the thread that opened it)."""
        with self._lock:
            for corpus in self._corpora.values():
                if isinstance(corpus, StoredCorpus):
                    corpus.close()
            self._corpora.clear()


def _load(project: Project) -> Corpus:
    claims = project.claims
    corpus, _synced = open_corpus(
        str(project.corpus),
        str(claims) if claims else None,
        project.index,
        declared=project.settings.speakers or None,
    )
    return corpus
