"""Limits on what one input file may hold, which a user can see and raise (docs/limits.md).

Past a limit a file is refused with what was exceeded, where, and the variable
that raises it; the rest of the run goes on. The environment is trusted (see
SECURITY.md), so the limits are set there, not in a repository's config:

- ``CLAIMCHECK_MAX_FILE_MB``: the size of one file on disk (default 32 MB);
- ``CLAIMCHECK_MAX_PARAGRAPHS``: the paragraphs of one document (default 100,000).

Cost is linear in size (benchmarks/bench_limits.py), so these bound the time a
file can take, not only its memory.
"""

from __future__ import annotations

import os

from claimcheck.errors import InputError

FILE_MB = ("CLAIMCHECK_MAX_FILE_MB", 32)
PARAGRAPHS = ("CLAIMCHECK_MAX_PARAGRAPHS", 100_000)


def value(limit: tuple[str, int]) -> int:
    name, default = limit
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        n = int(raw)
    except ValueError:
        raise InputError(
            f"{name}={raw!r} is not a whole number", hint=f"default {default}"
        ) from None
    if n <= 0:
        raise InputError(f"{name}={raw!r} must be positive", hint=f"default {default}")
    return n


def max_bytes() -> int:
    return value(FILE_MB) * 2**20


def check_size(size: int, path: str) -> None:
    if size > max_bytes():
        name, _ = FILE_MB
        raise InputError(
            f"is too large ({size / 2**20:.1f} MB; the limit is {value(FILE_MB)} MB)",
            path=path,
            hint=f"set {name} to raise it",
        )


def check_paragraphs(count: int, path: str) -> None:
    limit = value(PARAGRAPHS)
    if count > limit:
        name, _ = PARAGRAPHS
        raise InputError(
            f"has {count:,} paragraphs, more than the limit of {limit:,}",
            path=path,
            hint=f"set {name} to raise it",
        )
