"""Which drafts to check when none are named: include/exclude globs, minus gitignored files.

In a git work tree ``git ls-files`` answers (it knows nested ``.gitignore``
files, ``.git/info/exclude`` and the global excludes); elsewhere the root
``.gitignore`` is read with ``pathspec``. Globs use gitignore syntax.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.ci.settings import Loaded
from claimcheck.errors import UsageError

if TYPE_CHECKING:
    import pathspec


def _spec(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only the config's include/exclude need it: 45 ms of every start

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _git_files(root: Path) -> list[str] | None:
    try:
        proc = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if proc.returncode != 0:
        return None
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    # Deleted-but-still-tracked files are listed too; they cannot be checked.
    return [n for n in names if n and (root / n).is_file()]


def _walk(root: Path) -> list[str]:
    ignore_file = root / ".gitignore"
    lines = ignore_file.read_text(encoding="utf-8").splitlines() if ignore_file.is_file() else []
    ignored = _spec(lines)
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        dirs[:] = [d for d in dirs if d != ".git" and not ignored.match_file(prefix + d + "/")]
        found.extend(prefix + f for f in files if not ignored.match_file(prefix + f))
    return found


def select_drafts(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str] = (),
    skip_dirs: Sequence[str] = (),
) -> list[str]:
    """Paths relative to ``root``, POSIX, sorted; ``skip_dirs`` (corpus, claims) never count."""
    files = _git_files(root)
    if files is None:
        files = _walk(root)
    wanted, unwanted = _spec(include), _spec(exclude)
    skip = [d.rstrip("/") + "/" for d in skip_dirs if d not in ("", ".")]
    return sorted(
        f
        for f in files
        if wanted.match_file(f)
        and not unwanted.match_file(f)
        and not any(f.startswith(s) for s in skip)
    )


def configured_drafts(loaded: Loaded, cwd: Path) -> list[str]:
    """The drafts the config selects, relative to ``cwd``.

    Globs are relative to the config file's folder, as its paths are.
    """
    root = (cwd / loaded.file).parent if loaded.file else cwd
    s = loaded.settings
    skip = [os.path.relpath(cwd / p, root) for p in (s.corpus, s.claims) if p]
    found = [
        Path(os.path.relpath(root / f, cwd)).as_posix()
        for f in select_drafts(root, s.include, s.exclude, skip)
    ]
    if not found:
        raise UsageError(
            "nothing to check: no DRAFT given and no file matches the config's include",
            hint=f"include = {s.include}",
        )
    return found


def expand_folders(paths: Sequence[str]) -> list[str]:
    """Drafts named on the command line, with each folder replaced by the drafts in it.

    A folder contributes the document formats (.md .txt .html .docx), as a corpus
    folder does; statement lists (.yaml .json .csv) are checked only when named.
    """
    from claimcheck.corpus.gather import gather

    out: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = gather([path])
            if not found:
                raise UsageError("no drafts in this folder (.md .txt .html .docx)", path=path)
            out.extend(found)
        else:
            out.append(path)
    return out


def filter_named(loaded: Loaded, cwd: Path, paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """(kept, left out): named files the config's include/exclude select, and the rest.

    For ``--force-exclude``: pre-commit passes every staged file, and a file the
    config excludes (``drafts/archive/**``) must not block the commit.
    """
    if loaded.file is None:
        return list(paths), []
    root = ((cwd / loaded.file).parent).resolve()
    s = loaded.settings
    wanted, unwanted = _spec(s.include), _spec(s.exclude)
    skip = [
        os.path.relpath((cwd / p).resolve(), root).rstrip("/") + "/"
        for p in (s.corpus, s.claims)
        if p
    ]
    kept: list[str] = []
    dropped: list[str] = []
    for path in paths:
        rel = Path(os.path.relpath((cwd / path).resolve(), root)).as_posix()
        outside = rel.startswith("../")
        selected = path == "-" or (
            not outside
            and wanted.match_file(rel)
            and not unwanted.match_file(rel)
            and not any(rel.startswith(d) for d in skip)
        )
        (kept if selected else dropped).append(path)
    return kept, dropped
