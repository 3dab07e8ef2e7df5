"""Writing files without ever leaving one half-written."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

from claimcheck import paths
from claimcheck.errors import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with every lone surrogate as U+FFFD, so that it encodes as UTF-8.

    A file name that is not UTF-8 reaches Python as surrogate escapes (PEP 383);
    printed in a report, it must not make the whole report unwritable.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def write_atomic(path: Path, content: str) -> None:
    """Write to a temporary file in the same folder, then rename over the target.

    A crash or Ctrl-C mid-write leaves the previous file intact; rename within
    one folder is atomic on POSIX and Windows.
    """
    folder = path.parent if str(path.parent) else Path(".")
    paths.check(path, writing=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(folder, path.name)
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror})", path=str(path)) from None
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(encodable(content))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _temp_prefix(name: str) -> str:
    # The writer's pid is in the name: a later run can tell a killed writer's file
    # (its process is gone) from one being written right now.
    return f".{name}.claimcheck-{os.getpid()}-"


_OURS = re.compile(r"\.(?P<name>.+)\.claimcheck-(?P<pid>\d+)-[a-z0-9_]{8}\.tmp")
# What mkstemp named them before the pid was in the name (claimcheck 0.1).
_OLD = re.compile(r"\.(?P<name>.+\.json)\.[a-z0-9_]{8}\.tmp")
_OLD_AGE = 600  # seconds; no write takes that long


def clean_stale_temps(folder: Path, name: str | None = None) -> list[Path]:
    """Delete the temporary files that a killed claimcheck left in ``folder``.

    Only ours: named as ``write_atomic`` names them (``.<target>.claimcheck-<pid>-…
    .tmp``, with ``name`` only those of that target) by a process that no longer
    runs, or in the 0.1 naming (``.<target>.json.XXXXXXXX.tmp``) next to their
    target and older than ten minutes. Any other file is left alone.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.endswith(".tmp") or not entry.is_file(follow_symlinks=False):
            continue
        ours = _OURS.fullmatch(entry.name)
        old = _OLD.fullmatch(entry.name) if ours is None else None
        match = ours or old
        if match is None or (name is not None and match.group("name") != name):
            continue
        try:
            if ours is not None and _running(int(ours.group("pid"))):
                continue
            if old is not None and (
                now - entry.stat(follow_symlinks=False).st_mtime < _OLD_AGE
                or not (folder / old.group("name")).exists()
            ):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's live process, or a pid we cannot ask about
    return True


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets what open() would give it.

    mkstemp creates 0600 files, which would make reports and ledgers
    unreadable to the CI step or teammate that reads them next.
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class BatchWriter:
    """Many files written atomically with one flush to disk instead of one per file.

    ``add`` writes a temporary file beside its target; ``flush`` makes every
    temporary file durable at once (``os.sync``), renames each over its target,
    then syncs the folders so the renames are durable too. A crash before the
    renames leaves every target as it was (and temporary files that the next
    write of the same target replaces); after, every target is whole.
    """

    def __init__(self, limit: int = 512) -> None:
        self.limit = limit
        self._pending: list[tuple[str, Path]] = []

    def add(self, path: Path, content: str) -> None:
        folder = path.parent if str(path.parent) else Path(".")
        paths.check(path, writing=True)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(f"cannot write here ({exc.strerror})", path=str(path)) from None
        try:
            os.chmod(tmp, _mode_for(path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(encodable(content))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._pending.append((tmp, path))
        if len(self._pending) >= self.limit:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        os.sync()
        folders = set()
        for tmp, path in self._pending:
            os.replace(tmp, path)
            folders.add(path.parent if str(path.parent) else Path("."))
        self._pending = []
        for folder in sorted(folders):
            _fsync_dir(folder)

    def discard(self) -> None:
        for tmp, _ in self._pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._pending = []


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder that cannot be opened (Windows): the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
