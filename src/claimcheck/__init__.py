"""claimcheck: verify quotes and attributed claims against a corpus of sources."""

from __future__ import annotations

__version__ = "0.1.0"

# The function shadows the submodule of the same name on purpose: the Python API
# is ``claimcheck.verify(drafts, corpus, settings) -> Report``. Import helpers
# with ``from claimcheck.verify import Settings, Corpus``.
from claimcheck.verify import verify

__all__ = ["__version__", "verify"]
