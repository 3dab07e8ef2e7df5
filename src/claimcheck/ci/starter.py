"""``claimcheck init``: the newsroom layout written into a folder, never over anything.

The files come from ``ci/templates/``: a commented ``claimcheck.toml``, the GitHub
workflow (the same file as ``examples/newsroom``'s), a pre-commit config, and,
unless ``bare``, a sample source article in ``corpus/`` with its ledger in
``claims/`` and a sample draft in ``drafts/`` that is wrong on purpose. A file
that exists is left alone and reported as skipped.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from claimcheck.ci.settings import discover
from claimcheck.files import write_atomic

SAMPLE = "india-japan-defense"
# (target, template, what it is); the sample files come last, so ``bare`` drops a tail.
_FILES = (
    ("claimcheck.toml", "claimcheck.toml", "the settings, with comments"),
    (".github/workflows/claimcheck.yml", "claimcheck.yml", "checks drafts on every pull request"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml", "checks staged drafts on each commit"),
    (f"corpus/{SAMPLE}.txt", f"{SAMPLE}.txt", "a sample source article; add yours beside it"),
    ("drafts/example.md", "example.md", "a sample draft, wrong on purpose"),
)
_LEDGER = (f"claims/{SAMPLE}.json", "the sample's claims ledger, for review")


@dataclass
class Outcome:
    written: list[tuple[str, str]] = field(default_factory=list)  # (path, what it is)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


def _template(name: str) -> str:
    return resources.files("claimcheck.ci").joinpath("templates", name).read_text("utf-8")


def init(root: Path, *, bare: bool = False) -> Outcome:
    """Write the layout into ``root`` (created if missing); nothing that exists is touched."""
    root.mkdir(parents=True, exist_ok=True)
    out = Outcome()
    files = _FILES[:3] if bare else _FILES
    for target, template, what in files:
        path = root / target
        if path.exists():
            out.skipped.append((target, "exists"))
            continue
        if target == "claimcheck.toml":
            found = discover(root)
            if found is not None and found.resolve().parent == root.resolve():
                out.skipped.append((target, f"{found.name} already configures claimcheck here"))
                continue
        write_atomic(path, _template(template))
        out.written.append((target, what))
    if not bare:
        _ledger(root, out)
    return out


def _ledger(root: Path, out: Outcome) -> None:
    from claimcheck.corpus import ledgers

    target, what = _LEDGER
    if (root / target).exists():
        out.skipped.append((target, "exists"))
        return
    source = f"corpus/{SAMPLE}.txt"
    if not (root / source).is_file():
        return
    # Run from the folder, so the ledger names its document as extract would there.
    with contextlib.chdir(root):
        ledgers.write_ledgers([source], Path("claims"))
    out.written.append((target, what))
