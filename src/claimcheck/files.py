"""Writing files without ever leaving one half-written."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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
