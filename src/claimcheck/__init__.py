"""claimcheck: verify quotes and attributed claims against a corpus of sources.

The Python API is ``claimcheck.verify(drafts, corpus, settings) -> Report`` and
``claimcheck.extract.extract(document) -> Ledger``. Importing ``claimcheck`` is
cheap: the pipelines load on first use, so ``claimcheck --help`` starts fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

# The function shadows the subpackage of the same name on purpose; helpers are
# imported with ``from claimcheck.verify import Settings, Corpus, load_corpus``.
from claimcheck.verify import verify

__all__ = ["__version__", "verify"]
