"""Where a corpus's index is when none is named: a name only, so a command that
just needs the default (``claimcheck index``) imports nothing else of the index."""

from __future__ import annotations

from pathlib import Path

INDEX_FILE = ".claimcheck/index.sqlite"


def default_index(corpus: str) -> str:
    """``.claimcheck/index.sqlite`` beside the corpus folder (as ``claims/`` is)."""
    return (Path(corpus).parent / INDEX_FILE).as_posix()


def index_in_use(corpus: str, index: str | None) -> str | None:
    """The index a verify answers from: the one named, else the default one when it exists;
    None: no index, every ledger is read into memory."""
    location = index or default_index(corpus)
    if index is None and not Path(location).exists():
        return None
    return location
