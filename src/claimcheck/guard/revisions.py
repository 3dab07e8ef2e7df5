"""Two git revisions of one file: ``--rev A..B`` (``A..`` or ``A``: against the working tree)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from claimcheck.errors import InputError, UsageError


def parse_range(spec: str) -> tuple[str, str | None]:
    """``"A..B"`` -> (A, B); ``"A.."`` and ``"A"`` -> (A, None), None being the working tree."""
    if "..." in spec:
        raise UsageError(f"--rev {spec!r}: use A..B (two dots)", hint="e.g. --rev HEAD~1..HEAD")
    a, sep, b = spec.partition("..")
    if not a:
        raise UsageError(f"--rev {spec!r}: no first revision", hint="e.g. --rev HEAD~1..HEAD")
    return a, (b or None) if sep else None


def show(path: str, rev: str) -> bytes:
    """The file's bytes at ``rev``, read with ``git show`` from the file's own folder."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "show", f"{rev}:./{p.name}"],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise InputError("git is not installed", path=path) from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"not readable at revision {rev} ({why[-1] if why else 'git failed'})",
            path=path,
            hint="check the revision and that the file is in a git repository",
        )
    return done.stdout
