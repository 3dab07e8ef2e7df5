"""claimcheck: verify quotes and attributed claims against a corpus of sources."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
