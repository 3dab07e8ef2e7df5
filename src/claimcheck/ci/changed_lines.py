"""``--diff REF``: which lines of each draft changed since a git ref.

Parses ``git diff -U0 REF -- FILE`` hunk headers; a file git does not track
yet is new, so all of it counts as changed.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from claimcheck.ci.exit_policy import with_results
from claimcheck.errors import UsageError
from claimcheck.models import Report

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
ALL = frozenset({0})  # sentinel: every line changed


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise UsageError(f"--diff needs git ({exc.strerror})") from None


def _refs_hint(ref: str, cwd: Path) -> str:
    """What to pass instead: the refs this repository has, the likeliest first."""
    if _git(["rev-parse", "--git-dir"], cwd).returncode != 0:
        return "--diff needs a git repository; run it inside one"
    listed = _git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes"], cwd)
    refs = [r for r in listed.stdout.split() if r and not r.endswith("/HEAD")]
    if not refs:
        return "this repository has no commits yet; commit first, or drop --diff"
    near = difflib.get_close_matches(ref, refs, n=3, cutoff=0.3)
    shown = [*near, *(r for r in refs if r not in near)][:5]
    more = f" and {len(refs) - len(shown)} more" if len(refs) > len(shown) else ""
    fetch = "; in CI, check out with fetch-depth: 0"
    return "refs here: " + ", ".join(shown) + more + (fetch if "/" in ref else "")


def parse_hunks(diff: str) -> frozenset[int]:
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
        lines.update(range(start, start + count))
    return frozenset(lines)


def changed_lines(ref: str, paths: Iterable[str], cwd: Path) -> dict[str, frozenset[int]]:
    probe = _git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd)
    if probe.returncode != 0:
        raise UsageError(f"--diff: {ref!r} is not a git commit here", hint=_refs_hint(ref, cwd))
    out: dict[str, frozenset[int]] = {}
    for path in paths:
        tracked = _git(["ls-files", "--error-unmatch", "--", path], cwd).returncode == 0
        known = _git(["cat-file", "-e", f"{ref}:./{path}"], cwd).returncode == 0
        if not tracked or not known:
            out[path] = ALL
            continue
        diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", ref, "--", path], cwd)
        if diff.returncode != 0:
            raise UsageError(f"git diff failed: {diff.stderr.strip()}", path=path)
        out[path] = parse_hunks(diff.stdout)
    return out


def only_changed(report: Report, changed: Mapping[str, frozenset[int]]) -> Report:
    """Keep results whose statement touches a changed line, and notices on changed lines."""

    def touched(path: str, first: int, last: int) -> bool:
        lines = changed.get(path, frozenset())
        return lines is ALL or any(n in lines for n in range(first, last + 1))

    results = [
        r
        for r in report.results
        if touched(r.statement.path, r.statement.line, r.statement.end_line)
    ]
    errors = [
        e
        for e in report.errors
        if e.code != "unused-suppression"
        or (e.path is not None and touched(e.path, e.line or 1, e.line or 1))
    ]
    return with_results(report.model_copy(update={"errors": errors}), results)
