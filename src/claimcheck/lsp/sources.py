"""The corpus behind the server: loaded once per project, reused by every check.

``CorpusSource`` is the one thing the server asks ("the corpus for this
project"); ``LoadedCorpora`` builds it in memory with ``verify.load_corpus``
the first time and keeps it until ``reload``. A persistent on-disk index can
take its place behind the same interface.
"""

from __future__ import annotations

import threading
from typing import Protocol

from claimcheck.lsp.project import Project
from claimcheck.verify import Corpus, aliases, load_corpus

Key = tuple[str, str | None, tuple[tuple[str, tuple[str, ...]], ...]]


class CorpusSource(Protocol):
    def get(self, project: Project) -> Corpus: ...

    def reload(self) -> None: ...


def key(project: Project) -> Key:
    claims = project.claims
    speakers = tuple(sorted((k, tuple(v)) for k, v in project.settings.speakers.items()))
    return str(project.corpus), str(claims) if claims else None, speakers


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
        with self._lock:
            self._corpora.clear()


def _load(project: Project) -> Corpus:
    claims = project.claims
    corpus = load_corpus(str(project.corpus), str(claims) if claims else None)
    speakers = project.settings.speakers
    if speakers:
        ledgers = aliases.apply(corpus.ledgers, speakers)
        corpus = Corpus.from_ledgers(ledgers, text=corpus.text)
    return corpus
