"""Compiled regular expressions kept between processes, as ``.pyc`` files keep code.

CPython compiles a pattern in Python (``re._parser``, ``re._compiler``): the
extractor's ~220 module-level patterns, two of them 10 KB alternations of every
cue form, cost ~0.25 s of CPU at every start, the largest part of what importing
the extractor costs a cold ``claimcheck verify``. The compiler's output (the
pattern's code, a list of ints, and its groups) is what ``_sre.compile`` turns into
a ``re.Pattern`` in microseconds: ``cached()`` keeps it in the package's
``__pycache__`` and builds the patterns from it at the next start.

The same patterns, not similar ones: an entry is kept only when the pattern it
builds compares equal to ``re.compile``'s (CPython compares the flags, the pattern
text and its code), and a file is read only by the interpreter build that wrote it.
A pattern missing from the file is compiled as before (twice, once to check its
entry: ~0.25 s once per install), and the file is rewritten with the patterns of
this start. Where bytecode is not written (``PYTHONDONTWRITEBYTECODE``, a read-only
install) nothing is written either, and every pattern is compiled as before.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from importlib.util import cache_from_source
from typing import Any

try:  # CPython's pattern compiler (3.11+); elsewhere every pattern is compiled as usual
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = None

# (flags, code, groups - 1, groupindex, indexgroup): _sre.compile's arguments after the pattern
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_VERSION = f"{sys.version} {getattr(_sre, 'MAGIC', '')}"
_REAL_COMPILE = re.compile
_OWN = "claimcheck."


def cache_file() -> str:
    """The cache beside the package's bytecode (``sys.pycache_prefix`` respected)."""
    package = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__init__.py")
    folder = os.path.dirname(cache_from_source(package))
    return os.path.join(folder, f"regexes.{sys.implementation.cache_tag}.marshal")


def _load(path: str) -> dict[tuple[str, int], _Entry]:
    try:
        with open(path, "rb") as fh:
            stored = marshal.loads(fh.read())  # marshal.load(fh) reads a file in small pieces
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != _VERSION:
        return {}
    entries = stored.get("patterns")
    return entries if isinstance(entries, dict) else {}


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    built: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    return built


def _entry(pattern: str, flags: int, real: re.Pattern[str]) -> _Entry | None:
    """``_sre.compile``'s arguments for ``real``, as ``re._compiler.compile`` makes them,
    if they build a pattern equal to it."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    entry = (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    built = _build(pattern, entry)
    same = built == real and built.groups == real.groups and built.groupindex == real.groupindex
    return entry if same else None


class _Cache:
    def __init__(self, path: str) -> None:
        self.path = path
        self.stored = _load(path)
        self.used: dict[tuple[str, int], _Entry] = {}
        self.compiled = 0  # patterns compiled here: none once the file holds them all

    def compile(self, pattern: Any, flags: Any = 0) -> re.Pattern[Any]:
        flags = int(flags)
        if type(pattern) is not str or flags & re.DEBUG:
            return _REAL_COMPILE(pattern, flags)
        key = (pattern, flags)
        entry = self.used.get(key) or self.stored.get(key)
        if entry is not None:
            try:
                built = _build(pattern, entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                pass  # not code this interpreter accepts: compiled below
            else:
                self.used[key] = entry
                return built
        self.compiled += 1
        real = _REAL_COMPILE(pattern, flags)
        if not sys.dont_write_bytecode:
            try:
                made = _entry(pattern, flags, real)
            except Exception:  # a compiler's internals are not an API
                made = None
            if made is not None:
                self.used[key] = made
        return real

    def save(self) -> None:
        """Rewrite the file when this start compiled a pattern, with this start's patterns."""
        if not self.compiled or sys.dont_write_bytecode or not self.used:
            return
        data = marshal.dumps({"version": _VERSION, "patterns": self.used})
        folder = os.path.dirname(self.path)
        with contextlib.suppress(OSError):  # a read-only install compiles at every start
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regexes-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.chmod(tmp, 0o644)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise


LAST: list[_Cache] = []  # the last cache used, for tests (its ``compiled`` count)


@contextlib.contextmanager
def cached(path: str | None = None) -> Iterator[None]:
    """While importing claimcheck's modules, their ``re.compile`` built from the cache.

    Only claimcheck's own modules are served (the caller's ``__name__``); a library
    imported meanwhile compiles its patterns as usual.
    """
    if _sre is None or re.compile is not _REAL_COMPILE:  # not CPython, or already inside
        yield
        return
    cache = _Cache(path or cache_file())
    LAST[:] = [cache]

    def compile(pattern: Any, flags: Any = 0) -> re.Pattern[Any]:
        if sys._getframe(1).f_globals.get("__name__", "").startswith(_OWN):
            return cache.compile(pattern, flags)
        return _REAL_COMPILE(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = _REAL_COMPILE
        cache.save()
