"""The source files under the paths a user gives.

Sorted, hidden files skipped, symbolic-link loops visited once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimcheck import paths
from claimcheck.errors import InputError
from claimcheck.loaders import documents

SOURCE_SUFFIXES = tuple(documents.FORMATS)


def gather(paths: Iterable[str], errors: list[InputError] | None = None) -> list[str]:
    """Files named directly, plus supported files found under folders (sorted, no hidden).

    A folder that cannot be listed is an InputError, or is added to ``errors``
    (and skipped) when that list is given, so the rest of a run can go on.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            seen: set[Path] = set()
            for child in sorted(_walk(p, seen, errors)):
                found.append(child.as_posix())
        else:
            found.append(raw.replace("\\", "/"))
    return found


def _walk(folder: Path, seen: set[Path], errors: list[InputError] | None) -> list[Path]:
    """Supported files under folder; symlink loops are visited once."""
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return []
    if real in seen:
        return []
    seen.add(real)
    out: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        err = InputError(f"cannot list folder ({exc.strerror})", path=folder.as_posix())
        if errors is None:
            raise err from None
        errors.append(err)
        return []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if entry.is_symlink():
                try:
                    paths.check(entry)
                except InputError as err:  # a linked folder that leads out of the project
                    if errors is None:
                        raise
                    errors.append(err)
                    continue
            out.extend(_walk(entry, seen, errors))
        elif entry.suffix.lower() in SOURCE_SUFFIXES:
            # Broken links, link loops and unreadable files are reported by the loader.
            out.append(entry)
    return out
