"""The source files under the paths a user gives.

Sorted, hidden files skipped, symbolic-link loops visited once.

A corpus folder is listed with ``os.scandir`` and plain strings: every verify
of an indexed corpus lists it to find what changed, and ``pathlib`` objects
(made, compared part by part to sort, made relative again) cost ~25 µs a file,
a quarter of a second at 10k articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from operator import itemgetter
from pathlib import Path

from claimcheck import paths
from claimcheck.errors import InputError
from claimcheck.loaders import documents

SOURCE_SUFFIXES = tuple(documents.FORMATS)
_SUFFIXES = frozenset(SOURCE_SUFFIXES)
_FIRST = itemgetter(0)


def gather(paths: Iterable[str], errors: list[InputError] | None = None) -> list[str]:
    """Files named directly, plus supported files found under folders (sorted, no hidden).

    A folder that cannot be listed is an InputError, or is added to ``errors``
    (and skipped) when that list is given, so the rest of a run can go on.
    """
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            prefix = folder_prefix(p)
            found.extend(prefix + rel for rel in gather_under(p, errors))
        else:
            found.append(raw.replace("\\", "/"))
    return found


def folder_prefix(folder: Path) -> str:
    """What ``gather`` puts before a path relative to ``folder`` (as ``Path / rel`` spells it)."""
    text = folder.as_posix()
    if text == ".":
        return ""
    return text if text.endswith("/") else text + "/"


def gather_under(folder: Path, errors: list[InputError] | None = None) -> list[str]:
    """The supported files under ``folder``, relative to it (POSIX), in ``gather``'s order:
    paths compared part by part, as ``pathlib`` sorts them."""
    out: list[str] = []
    seen: set[Path] = set()
    _walk(folder, "", seen, errors, out)
    if len(seen) > 1:  # one folder: its listing's order by name is already this one
        out.sort(key=lambda rel: rel.split("/"))
    return out


def suffix(name: str) -> str:
    """``Path(name).suffix``: the last dot's part, none for ".name" or "name."."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _walk(
    folder: Path, rel: str, seen: set[Path], errors: list[InputError] | None, out: list[str]
) -> None:
    """Supported files under folder (appended to ``out``); symlink loops are visited once."""
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return
    if real in seen:
        return
    seen.add(real)
    files: list[str] = []
    folders: list[tuple[str, os.DirEntry[str]]] = []
    suffixes = _SUFFIXES
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                name = entry.name
                if name[0] == ".":
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    folders.append((name, entry))
                    continue
                # ``suffix(name)`` inline: a call per file is ~0.05 s of a verify at 100k.
                # Broken links, link loops and unreadable files are reported by the loader.
                dot = name.rfind(".")
                if 0 < dot < len(name) - 1 and name[dot:].lower() in suffixes:
                    files.append(name)
    except OSError as exc:
        err = InputError(f"cannot list folder ({exc.strerror})", path=folder.as_posix())
        if errors is None:
            raise err from None
        errors.append(err)
        return
    # Files sorted as strings (no key function: ~0.1 s less at 100k). Their place among
    # the subfolders' files does not matter: with subfolders, ``gather_under`` sorts
    # everything by parts at the end. Subfolders are visited in name order, which
    # decides which path of a folder linked twice is the one kept.
    files.sort()
    out.extend([rel + name for name in files] if rel else files)
    folders.sort(key=_FIRST)
    for name, entry in folders:
        child = folder / name
        if entry.is_symlink():
            try:
                paths.check(child)
            except InputError as err:  # a linked folder that leads out of the project
                if errors is None:
                    raise
                errors.append(err)
                continue
        _walk(child, rel + name + "/", seen, errors, out)
