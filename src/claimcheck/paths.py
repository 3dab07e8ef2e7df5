"""Files a run reads or writes stay inside the project root, symbolic links resolved.

claimcheck runs on pull requests, whose config, drafts and corpus an outside
contributor controls (see SECURITY.md). The command line and the environment
are trusted; a path that reaches outside the project through them is the
user's choice. A path from the repository's contents is not: a config's
``corpus = "/etc"``, a committed link ``drafts/leak.md -> /home/runner/secret``,
a linked ``claims/`` folder. ``confine`` (called by the CLI, never by the
library's own functions) names the root and what the command line allows
beyond it; from then on ``check`` refuses any other path, before it is opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError

OPTION = "--allow-outside"


@dataclass(frozen=True)
class Confinement:
    root: Path  # resolved
    allowed: tuple[Path, ...]  # resolved folders or files the command line named

    def permits(self, real: Path) -> bool:
        return any(real == p or real.is_relative_to(p) for p in (self.root, *self.allowed))


_CURRENT: ContextVar[Confinement | None] = ContextVar("claimcheck_confinement", default=None)


def confine(root: Path, trusted: Iterable[str | Path] = (), allow: Iterable[Path] = ()) -> None:
    """From now on, only ``root`` and what the command line allows may be read or written.

    ``trusted``: paths the command line named (drafts, ``--corpus``, ``--out``,
    ``--report`` files). One that lies outside the root as written is allowed,
    as typed; one written inside the root is not let out by a link in it.
    ``allow``: the folders of ``--allow-outside``.
    """
    real_root = Path(os.path.realpath(root))
    allowed = [Path(os.path.realpath(p)) for p in allow]
    for p in trusted:
        lexical = Path(os.path.abspath(p))
        if not lexical.is_relative_to(Path(os.path.abspath(root))):
            allowed.append(Path(os.path.realpath(p)))
    _CURRENT.set(Confinement(real_root, tuple(allowed)))


def release() -> None:
    _CURRENT.set(None)


def check(path: str | Path, shown: str | None = None, *, writing: bool = False) -> None:
    """Refuse ``path`` when it resolves outside the root (and nothing allows it)."""
    current = _CURRENT.get()
    if current is None:
        return
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        return  # the reader reports what is wrong with the path itself
    if current.permits(real):
        return
    shown = shown if shown is not None else Path(path).as_posix()
    how = "written" if writing else "read"
    linked = "" if real == Path(os.path.abspath(path)) else f" (a link to {real.as_posix()})"
    folder = real.parent if writing or not real.is_dir() else real
    raise InputError(
        f"is outside the project root {current.root.as_posix()}{linked}; not {how}",
        path=shown,
        hint=f"to allow it, pass {OPTION} {folder.as_posix()} on the command line",
    )


def root() -> Path | None:
    current = _CURRENT.get()
    return current.root if current is not None else None
