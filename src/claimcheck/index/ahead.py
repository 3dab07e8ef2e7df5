"""Bring an index up to date in a second process while this one imports the rest.

A cold ``verify`` at 10k articles spends ~0.2 s importing the rest of its pipeline
(the extractor for the draft, the matcher, markdown) and ~0.13 s comparing the corpus
folder with the index (a stat of every source and ledger): neither needs the other,
so a forked child does the second while the parent does the first, on the core a
CI runner or a laptop has to spare. Then the parent checks the draft on the index as
it is (``cli.verify``; at 100k articles the sync is ~0.75 s of CPU, the check as much)
and keeps that report only if the child's sync added, changed and removed nothing at
the snapshot the parent read (``Summary.token``); else it waits for the child and
opens the index again, so it reads what the child wrote, as if it had synced itself.

Whatever goes wrong in the child (an unreadable corpus, a corrupt ledger, an
interrupted run) is not reported from there: the child says nothing and the parent
syncs as it always did, which meets the same problem and reports it the usual way.
Linux only: elsewhere ``fork`` is missing (Windows) or unsafe once system
libraries have started threads (macOS); there the sync stays in the process.
"""

from __future__ import annotations

import os
import pickle
import sys
from dataclasses import dataclass

# Imported before the fork, as the parent needs them too: the child inherits them and
# spends its time syncing, not importing a second time (~0.1 s of CPU, the models'
# classes among them).
from claimcheck.index import sqlite  # noqa: F401 - ``open_store``'s backend for a file
from claimcheck.index.archive import is_archive_index
from claimcheck.index.store import open_store
from claimcheck.index.update import Summary, sync


@dataclass
class Ahead:
    """A child syncing ``location``; ``result()`` waits for what it did."""

    pid: int
    fd: int
    location: str
    _done: bool = False
    _found: Summary | None = None

    def result(self) -> Summary | None:
        """The child's summary, or None when it did not finish (the caller syncs).
        Asked again, the same answer (the child is waited for once)."""
        if self._done:
            return self._found
        self._done = True
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not data or os.waitstatus_to_exitcode(status) != 0:
            return None  # it stopped before the end (an error, a signal): sync here
        self._found = pickle.loads(data)
        return self._found


def start(location: str, corpus: str, claims: str | None) -> Ahead | None:
    """Fork a child that syncs the index at ``location`` with ``corpus`` (None: not here)."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        return None
    read, write = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write)
        return Ahead(pid, read, location)
    os.close(read)
    _child(write, location, corpus, claims)
    raise AssertionError("unreachable")  # pragma: no cover


def _child(write: int, location: str, corpus: str, claims: str | None) -> None:  # pragma: no cover
    # Measured through whole processes (tests/test_index_ahead.py): coverage does not
    # follow a forked child that leaves by os._exit.
    import gc

    gc.enable()  # the parent's may be off while it imports (cli.common); a sync makes cycles
    code = 1
    try:
        store = open_store(location, create=True)
        try:
            if not is_archive_index(store):  # an archive's index has no folder to sync
                data = pickle.dumps(sync(store, corpus, claims))
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
                code = 0
        finally:
            store.close()
    except BaseException:  # the parent syncs again and reports it
        pass
    finally:
        # No atexit handlers, no flushing of the parent's buffered output a second time.
        os._exit(code)
