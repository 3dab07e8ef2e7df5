"""The manifest: a folder compared with its index from one row, on both backends.

What is checked: a folder that did not change is compared without reading the
documents' rows; a file rewritten with the same size and a new mtime is read
again; a file changed again with its recorded size and mtime, as one edited
within the filesystem's timestamp granularity after the scan keeps them, is read
again when that mtime is close to the scan (its source hashed, its ledger read),
and not when an old mtime is given back (the documented limit, as for ``make``);
another writer's rows make the manifest stale, and the next scan reads every row;
the ranks a verify reads from the manifest are those of ``docs``.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from claimcheck.corpus.ledgers import ledger_for
from claimcheck.index.store import Store, open_store
from claimcheck.index.stored import Ranks
from claimcheck.index.update import sync
from claimcheck.models import dump_json

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
NAME = "arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt"
HOUR = 3600 * 10**9


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DATA, folder)
    return folder


def _sync(store: Store, folder: Path) -> tuple[int, int, int, int]:
    s = sync(store, str(folder), str(folder.parent / "claims"), jobs=1)
    return s.added, s.changed, s.removed, s.unchanged


def _same_size_edit(path: Path) -> None:
    text = path.read_bytes()
    i = text.index(b"the")
    path.write_bytes(text[:i] + b"THE" + text[i + 3 :])


def _set_mtime(path: Path, ns: int) -> None:
    os.utime(path, ns=(ns, ns))


def test_an_unchanged_folder_is_compared_from_the_manifest(
    location: str, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(location, create=True)
    n = _sync(store, corpus_dir)[0]
    manifest = store.manifest()
    assert manifest is not None
    state = store.state()
    assert sorted(manifest.paths) == sorted(state)
    assert [state[p].doc for p in manifest.paths] == list(manifest.docs)
    assert list(manifest.stamps) == [x for p in manifest.paths for x in state[p].stamp]

    def no_rows(self: Store) -> None:
        raise AssertionError("every document's row was read")

    with monkeypatch.context() as patched:
        patched.setattr(Store, "_states", no_rows)
        assert _sync(open_store(location), corpus_dir) == (0, 0, 0, n)
    # A new mtime, same size and bytes: hashed, re-stamped, unchanged.
    path = corpus_dir / NAME
    _set_mtime(path, path.stat().st_mtime_ns - HOUR)
    assert _sync(store, corpus_dir) == (0, 0, 0, n)
    assert store.state()[NAME].mtime_ns == path.stat().st_mtime_ns
    # The same size, other bytes, a new mtime: read again.
    before = store.state()[NAME].sha256
    _same_size_edit(path)
    _set_mtime(path, path.stat().st_mtime_ns + HOUR)
    assert _sync(store, corpus_dir) == (0, 1, 0, n - 1)
    assert store.state()[NAME].sha256 != before
    store.close()


def test_a_change_that_keeps_a_recent_stamp_is_seen(location: str, corpus_dir: Path) -> None:
    """An mtime at (here: after) the scan's time is not trusted: the file is hashed."""
    path = corpus_dir / NAME
    future = time.time_ns() + HOUR
    _set_mtime(path, future)
    store = open_store(location, create=True)
    n = _sync(store, corpus_dir)[0]
    before = store.state()[NAME]
    _same_size_edit(path)
    _set_mtime(path, future)  # the stamp the index recorded
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.size, before.mtime_ns)
    assert _sync(store, corpus_dir) == (0, 1, 0, n - 1)
    assert store.state()[NAME].sha256 != before.sha256
    store.close()


def test_a_change_given_back_an_old_stamp_is_not_seen(location: str, corpus_dir: Path) -> None:
    """The limit, as documented (``index.manifest``): ``claimcheck index --rebuild``."""
    path = corpus_dir / NAME
    old = time.time_ns() - HOUR
    _set_mtime(path, old)
    store = open_store(location, create=True)
    n = _sync(store, corpus_dir)[0]
    before = store.state()[NAME]
    _same_size_edit(path)
    _set_mtime(path, old)
    assert _sync(store, corpus_dir) == (0, 0, 0, n)
    assert store.state()[NAME].sha256 == before.sha256
    store.close()


def test_a_ledger_changed_within_its_recent_stamp_is_read_again(
    location: str, corpus_dir: Path
) -> None:
    claims = corpus_dir.parent / "claims"
    claims.mkdir()
    name = "200-in-new-delhi-india-drink-cow-urine-to-fight-off-covid-19"
    ledger = claims / f"{name}.json"
    ledger.write_text(dump_json(ledger_for(str(corpus_dir / f"{name}.txt"))), encoding="utf-8")
    future = time.time_ns() + HOUR
    _set_mtime(ledger, future)
    store = open_store(location, create=True)
    n = _sync(store, corpus_dir)[0]
    speakers = store.run("SELECT speakers FROM docs WHERE path = ?", (f"{name}.txt",))[0][0]
    assert "Chakrapani" in speakers
    ledger.write_text(
        ledger.read_text(encoding="utf-8").replace("Chakrapani", "Chakrapanu"), encoding="utf-8"
    )
    _set_mtime(ledger, future)
    assert _sync(store, corpus_dir) == (0, 1, 0, n - 1)
    speakers = store.run("SELECT speakers FROM docs WHERE path = ?", (f"{name}.txt",))[0][0]
    store.commit()
    assert "Chakrapanu" in speakers and "Chakrapani" not in speakers
    store.close()


def test_another_writers_rows_make_the_manifest_stale(location: str, corpus_dir: Path) -> None:
    store = open_store(location, create=True)
    n = _sync(store, corpus_dir)[0]
    assert store.manifest() is not None
    store.commit()
    other = open_store(location)
    other.add_ledgers([("elsewhere.txt", ledger_for(str(corpus_dir / NAME)), None)])
    other.close()
    assert store.manifest() is None
    store.commit()
    # Not in the folder: dropped by the next scan, which read every row.
    assert _sync(store, corpus_dir) == (0, 0, 1, n)
    assert "elsewhere.txt" not in store.state()
    assert store.manifest() is not None
    store.close()


def test_the_ranks_read_from_the_manifest_are_those_of_docs(
    location: str, corpus_dir: Path
) -> None:
    store = open_store(location, create=True)
    _sync(store, corpus_dir)
    (corpus_dir / "aa-first.txt").write_text("First\n\nThe mayor said so.\n", encoding="utf-8")
    (corpus_dir / "sub").mkdir()
    (corpus_dir / "sub" / "inner.txt").write_text("In\n\nHe said no.\n", encoding="utf-8")
    (corpus_dir / NAME).unlink()
    assert _sync(store, corpus_dir)[:3] == (2, 0, 1)
    store.begin_read()
    from_docs = dict(store.run("SELECT doc, rank FROM docs"))
    ranks = Ranks(store, str(corpus_dir))
    ranks.learn()
    assert store.manifest() is not None
    assert ranks.rank == from_docs
    store.commit()
    store.close()


def test_the_fingerprint_kept_packed_is_the_one_counted_from_docs(
    location: str, corpus_dir: Path
) -> None:
    """The summary a write makes from the sha256s it keeps sorted (its deletions and
    insertions applied) is the one counted from every document's row."""
    store = open_store(location, create=True)
    _sync(store, corpus_dir)
    path = corpus_dir / NAME
    path.write_text(path.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    (corpus_dir / "aa-first.txt").write_text("First\n\nThe mayor said so.\n", encoding="utf-8")
    next(p for p in sorted(corpus_dir.glob("*.txt")) if p.name[0] == "2").unlink()
    for step in range(3):
        assert _sync(store, corpus_dir)[:3] == [(1, 1, 1), (0, 0, 0), (0, 0, 0)][step]
        assert store.info() == store._count()
        kept = store.run("SELECT token FROM manifest WHERE name = 'sha256'")
        store.commit()
        assert kept and kept[0][0] == json.dumps(store._count())
        (corpus_dir / "aa-first.txt").touch()  # re-stamped only: the same summary
    store.close()


def test_recent_stamps_are_those_the_racy_test_finds_one_by_one() -> None:
    """``Manifest.recent`` tests only the files near the scan, and finds what testing
    every file finds: whole-second and sub-second mtimes, at and around both windows."""
    import random
    from array import array

    from claimcheck.index.manifest import Manifest

    scanned = 1_800_000_000 * 10**9 + 123_456_789
    near = [0, 1, -1, 10**6, 49_999_999, 50_000_000, 50_000_001, 1_999_999_999]
    near += [2 * 10**9, 2 * 10**9 + 1, 3 * 10**9, HOUR]
    rng = random.Random(7)
    for _ in range(200):
        stamps: array[int] = array("q")
        for _ in range(rng.randrange(1, 40)):
            pair = []
            for _ in range(2):
                back = rng.choice(near)
                mtime = scanned - back
                if rng.random() < 0.4:  # a whole-second mtime
                    mtime -= mtime % 10**9
                pair.append(0 if rng.random() < 0.1 else mtime)
            stamps.extend((10, pair[0], 20, pair[1]))
        m = Manifest([], array("q"), stamps, scanned)
        every = [i for i in range(len(stamps) // 4) if m.suspect(stamps, [i])]
        assert m.recent(stamps) == every
