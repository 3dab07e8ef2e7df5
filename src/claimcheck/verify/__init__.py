"""Verify: drafts are checked against the corpus; the result is a ``Report``.

The stage order (``pipeline.verify``):

1. ``corpus``      current ledgers (``corpus.current``: a stale one re-extracted with its
                   corrections) → ``index.ClaimIndex``, and the documents' prose →
                   ``index.TextIndex``
2. ``statements``  a draft (or a YAML/JSON/CSV list) → ``StatementRef`` items
3. ``match``       candidates from the index, aligned word by word (``align``:
                   ``Edit``; ``wording``: typography is not meaning); ``verbatim``
                   when no claim holds the words: the documents' prose;
                   ``paraphrase`` for reported speech in the draft's own words
4. ``judge``       material changes, attribution, the verdict message
5. ``severity``    the ``Policy`` that grades a verdict error / warning / info
6. ``checker``     one statement through 3–5; ``evidence`` builds the source
7. ``summary``     the counts at the top of the report

``names`` and ``aliases`` compare speakers as people ("Das" is "Dr. Das").

The public API is re-exported here: ``verify``, ``run``, ``Settings``,
``Corpus``, ``load_corpus``, ``Policy``, ``check``, ``failed_report``. The pipeline loads
on first use, so ``import claimcheck`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimcheck.verify.checker import Settings, check
    from claimcheck.verify.corpus import Corpus, load_corpus
    from claimcheck.verify.pipeline import failed_report, run
    from claimcheck.verify.severity import Policy

__all__ = [
    "Corpus",
    "Policy",
    "Settings",
    "check",
    "failed_report",
    "load_corpus",
    "run",
    "verify",
]

_HOMES = {
    "Corpus": "claimcheck.verify.corpus",
    "load_corpus": "claimcheck.verify.corpus",
    "Settings": "claimcheck.verify.checker",
    "check": "claimcheck.verify.checker",
    "failed_report": "claimcheck.verify.pipeline",
    "run": "claimcheck.verify.pipeline",
    "Policy": "claimcheck.verify.severity",
}


if TYPE_CHECKING:
    from claimcheck.verify.pipeline import verify
else:

    def verify(*args: Any, **kwargs: Any) -> Any:
        """Check drafts against a corpus (``verify.pipeline.verify``, loaded on first use)."""
        from claimcheck.verify.pipeline import verify as run

        return run(*args, **kwargs)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'claimcheck.verify' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
