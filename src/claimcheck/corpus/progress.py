"""A one-line progress display on stderr, redrawn in place; silent when not a terminal.

Shows parts done out of all, articles and articles per second. A pipe, a file
or a CI log gets nothing from it (only the run's summary line).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, every: float = 0.25) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.total = total
        self.every = every
        self.parts = 0
        self.articles = 0
        self.started = time.perf_counter()
        self._shown = 0.0
        self._width = 0

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.articles / elapsed if elapsed > 0 else 0.0

    def advance(self, articles: int) -> None:
        self.parts += 1
        self.articles += articles
        now = time.perf_counter()
        if self.enabled and (now - self._shown >= self.every or self.parts == self.total):
            self._shown = now
            self._draw(
                f"extract: {self.parts:,}/{self.total:,} partitions, "
                f"{self.articles:,} articles, {self.rate():,.1f} articles/s"
            )

    def clear(self) -> None:
        """Erase the line, so a message printed next starts at the left margin."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self, line: str) -> None:
        pad = max(0, self._width - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)
