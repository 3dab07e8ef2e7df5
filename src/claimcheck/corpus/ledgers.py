"""Ledgers on disk: write ``claims/<stem>.json``, read it back, say when it is stale.

Writing a ledger over an existing one keeps the person's corrections in it
(``review.carry_corrections``); a ledger for a new name takes them from the old
ledger of the same document (a rename, ``review.carried_from``).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from claimcheck import paths as confinement
from claimcheck.corpus.gather import gather
from claimcheck.corpus.review import carried_from, carry_corrections, corrections_in
from claimcheck.errors import InputError
from claimcheck.files import BatchWriter, clean_stale_temps
from claimcheck.loaders import documents
from claimcheck.models import Ledger, dump_json, dump_jsonl
from claimcheck.render.words import plural


def ledger_for(path: str, notes: list[str] | None = None) -> Ledger:
    """The ledger of one source file; its loader's warnings go to ``notes``."""
    document = documents.load(path)
    if notes is not None:
        empty = "; its ledger has no claims" if not document.blocks else ""
        notes.extend(f"claimcheck: warning: {document.path}: {w}{empty}" for w in document.warnings)
    from claimcheck.extract.pipeline import extract

    return extract(document)


@dataclass
class Rendered:
    """Ledgers printed for stdout, with per-file errors and warnings for stderr."""

    text: str = ""
    messages: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def render_paths(paths: list[str], fmt: str) -> Rendered:
    """Print ledgers; a file that cannot be read is reported and the rest go on."""
    errors: list[InputError] = []
    files = gather(paths, errors)
    if not files and not errors:
        raise InputError("no source files found", path=", ".join(paths))
    if fmt == "summary":
        return _summary(paths, files, errors)
    if fmt == "json" and len(files) > 1:
        raise InputError(
            "--format json prints one ledger; use --format jsonl or --out for several files",
            path=", ".join(paths),
        )
    result = Rendered()
    _report(result.messages, result.failed, errors)
    pieces: list[str] = []
    for f in files:
        try:
            ledger = ledger_for(f, result.messages)
        except InputError as err:
            _report(result.messages, result.failed, [err])
            continue
        pieces.append(_render_one(ledger, fmt))
    result.text = ("\n" if fmt == "text" else "").join(pieces)
    return result


def _summary(paths: list[str], files: list[str], errors: list[InputError]) -> Rendered:
    from claimcheck.render.ledger_summary import render_summary

    result = Rendered()
    _report(result.messages, result.failed, errors)
    found: list[Ledger] = []
    for f in files:
        try:
            found.append(ledger_for(f, result.messages))
        except InputError as err:
            _report(result.messages, result.failed, [err])
    result.text = render_summary(found, paths[0] if len(paths) == 1 else " ".join(paths))
    return result


def _render_one(ledger: Ledger, fmt: str) -> str:
    if fmt == "jsonl":
        return dump_jsonl(ledger) + "\n"
    if fmt == "text":
        from claimcheck.render.ledger_text import render_ledger

        return render_ledger(ledger)
    return dump_json(ledger)


def _report(messages: list[str], failed: list[str], errors: list[InputError]) -> None:
    for err in errors:
        messages.append(f"claimcheck: error: {err.one_line()}")
        failed.append(err.path or "")


@dataclass
class WriteOutcome:
    written: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # errors, warnings, stale ledgers
    failed: list[str] = field(default_factory=list)
    sources: int = 0
    claims: int = 0  # in the ledgers written
    seconds: float = 0.0

    def line(self, out: Path) -> str:
        """The run in one line, as ``extract --out`` ends."""
        same = self.sources - len(self.written) - len(self.failed) - len(self.stale)
        bad = f", {len(self.failed):,} unreadable" if self.failed else ""
        written = len(self.written)
        return (
            f"extract: {written:,} {plural(written, 'ledger')} written "
            f"({self.claims:,} {plural(self.claims, 'claim')}), "
            f"{same:,} up to date{bad}, in {self.seconds:.1f} s: {out.as_posix()}"
        )


def read_ledger(path: Path) -> Ledger:
    """A ledger from disk; a corrupt one is an InputError naming the file."""
    confinement.check(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ledger ({exc.strerror})", path=path.as_posix()) from None
    except UnicodeDecodeError:
        raise InputError("ledger is not UTF-8", path=path.as_posix()) from None
    try:
        return Ledger.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        where = f"{loc}: " if loc else ""
        raise InputError(
            f"ledger is corrupt ({where}{first['msg']})",
            path=path.as_posix(),
            hint="delete it and run claimcheck extract --out again",
        ) from None


def write_ledgers(
    paths: list[str],
    out: Path,
    *,
    check: bool = False,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> WriteOutcome:
    """Extract every source file into ``out/<stem>.json`` (or only compare, with check).

    A source or ledger that cannot be read is reported in ``failed`` and its
    ledger left untouched; the other files are still written. Extraction runs on
    ``jobs`` processes (default: every core); ledgers are written in batches,
    each made durable with one flush (``files.BatchWriter``).
    """
    started = time.perf_counter()
    outcome = WriteOutcome()
    if out.exists() and not out.is_dir():
        raise InputError("is not a folder", path=out.as_posix(), hint="--out takes a folder")
    errors: list[InputError] = []
    files = gather(paths, errors)
    if not files and not errors:
        raise InputError("no source files found", path=", ".join(paths))
    files = _confined(files, errors)  # here: worker processes may not inherit the confinement
    _report(outcome.messages, outcome.failed, errors)
    if out.is_dir() and not check:
        for stale in clean_stale_temps(out):
            outcome.messages.append(f"removed {stale.as_posix()} (left by a run that was killed)")
    stems = _stems(files)
    renamed = _Orphans(out, set(stems))
    outcome.sources = len(files)
    writer = BatchWriter()
    try:
        extracted = _extracted(files, jobs or os.cpu_count() or 1)
        for n, (f, (ledger, notes)) in enumerate(zip(files, extracted, strict=True)):
            outcome.messages.extend(notes)
            try:
                if isinstance(ledger, InputError):
                    raise ledger
                _write_one(f, out, check, outcome, renamed, writer, ledger)
            except InputError as err:
                _report(outcome.messages, outcome.failed, [err])
            if progress is not None:
                progress(n + 1, len(files))
        writer.flush()
    finally:
        writer.discard()
    if out.is_dir():
        known = {f"{stem}.json" for stem in stems}
        for orphan in sorted(out.glob("*.json")):
            if orphan.name not in known and _is_ledger(orphan):
                outcome.messages.append(
                    f"claimcheck: warning: {orphan.as_posix()} has no source among the inputs; "
                    "left in place (delete it by hand if its document is gone)"
                )
    if check and outcome.stale:
        outcome.messages.append(
            f"{len(outcome.stale)} ledger(s) stale; run: claimcheck extract "
            f"{' '.join(paths)} --out {out.as_posix()}"
        )
    outcome.seconds = time.perf_counter() - started
    return outcome


def _extract_one(f: str) -> tuple[Ledger | InputError, list[str]]:
    notes: list[str] = []
    try:
        return ledger_for(f, notes), notes
    except InputError as err:
        return err, notes


def _extracted(files: list[str], jobs: int) -> Iterator[tuple[Ledger | InputError, list[str]]]:
    """Each file's fresh ledger, in input order: extraction is the work, so it runs on
    ``jobs`` processes when there is enough of it; carrying corrections and writing
    stay in this process, in order."""
    if jobs <= 1 or len(files) < 16:
        yield from map(_extract_one, files)
        return
    from concurrent.futures import ProcessPoolExecutor  # with multiprocessing: 15 ms

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(
            _extract_one, files, chunksize=max(1, min(32, len(files) // (jobs * 8)))
        )


def _confined(files: list[str], errors: list[InputError]) -> list[str]:
    kept: list[str] = []
    for f in files:
        try:
            confinement.check(f)
        except InputError as err:
            errors.append(err)
            continue
        kept.append(f)
    return kept


def _stems(files: list[str]) -> dict[str, str]:
    stems: dict[str, str] = {}
    for f in files:
        stem = Path(f).stem
        if stem in stems:
            raise InputError(
                f"two sources would write the same ledger {stem}.json ({stems[stem]} and {f})",
                path=f,
                hint="rename one of them",
            )
        stems[stem] = f
    return stems


class _Orphans:
    """Ledgers in ``out`` whose source is not among the inputs, read once when first needed.

    A document renamed since the last run has its old ledger among them.
    """

    def __init__(self, out: Path, stems: set[str]) -> None:
        self.out, self.stems = out, stems
        self._ledgers: list[tuple[Path, Ledger]] | None = None

    def ledgers(self) -> list[tuple[Path, Ledger]]:
        if self._ledgers is None:
            self._ledgers = []
            paths = sorted(self.out.glob("*.json")) if self.out.is_dir() else []
            for path in paths:
                if path.stem not in self.stems and _is_ledger(path):
                    try:
                        self._ledgers.append((path, read_ledger(path)))
                    except InputError:
                        continue  # reported as an orphan below; corrupt, so nothing to carry
        return self._ledgers


def _write_one(
    f: str,
    out: Path,
    check: bool,
    outcome: WriteOutcome,
    renamed: _Orphans,
    writer: BatchWriter,
    ledger: Ledger,
) -> None:
    target = out / f"{Path(f).stem}.json"
    current: str | None = None
    previous: Ledger | None = None
    if target.exists():
        previous = read_ledger(target)
        current = target.read_text(encoding="utf-8")
    else:
        found = carried_from(ledger, (old for _, old in renamed.ledgers()))
        if found is not None:
            previous = found
            source = next(p for p, old in renamed.ledgers() if old is found)
            outcome.messages.append(
                f"claimcheck: warning: {target.as_posix()}: {corrections_in(found)} "
                f"correction(s) carried from {source.as_posix()} (its document seems renamed "
                f"to {f}); that ledger is left in place"
            )
    if previous is not None:
        ledger, pending = carry_corrections(ledger, previous)
        if pending:
            first = " ".join(pending[0].text.split())[:60]
            outcome.messages.append(
                f"claimcheck: warning: {target.as_posix()}: {len(pending)} correction(s) wait "
                f"for claims whose text changed (first: “{first}”); kept in "
                "pending_corrections until the text returns or you delete them"
            )
    content = dump_json(ledger)
    if current == content:
        return
    if check:
        outcome.stale.append(target.as_posix())
        outcome.messages.append(_stale_summary(target, current, ledger))
        return
    writer.add(target, content)
    outcome.written.append(target.as_posix())
    outcome.claims += len(ledger.claims)


def _is_ledger(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "claims" in data and "document" in data


def _stale_summary(target: Path, current: str | None, ledger: Ledger) -> str:
    if current is None:
        return f"{target.as_posix()}: missing"
    try:
        old = Ledger.model_validate_json(current)
    except ValidationError:
        return f"{target.as_posix()}: stale (unreadable)"
    old_keys = {(c.kind, c.text, c.speaker) for c in old.claims}
    new_keys = {(c.kind, c.text, c.speaker) for c in ledger.claims}
    added = len(new_keys - old_keys)
    removed = len(old_keys - new_keys)
    doc = "document changed; " if old.document.sha256 != ledger.document.sha256 else ""
    return f"{target.as_posix()}: stale ({doc}+{added} / -{removed} claims)"
