"""The corpus index on disk (SQLite) and on a server (PostgreSQL): the same tests, both backends.

What is checked: answers byte-identical to the index in memory (the real-quotes
variants, a whole draft's report), incremental updates that touch only the
documents that changed and still answer as a fresh build does (ties between
documents included), an interrupted update that leaves the index usable, a
reader that sees one snapshot while a writer commits, and clear errors for a
file that is not an index. The PostgreSQL server is real (``pgserver``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import realquotes
from claimcheck.errors import InputError
from claimcheck.index import rows as rows_mod
from claimcheck.index.packed import unpack
from claimcheck.index.store import REBUILD, Store, open_store
from claimcheck.index.update import sync
from claimcheck.models import dump_json
from claimcheck.verify import Settings, check, load_corpus, verify
from claimcheck.verify.corpus import StoredCorpus
from claimcheck.verify.statements import standalone

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "draft.md"
NO_LEDGERS = "no-ledgers-here"  # every document is extracted, as without claims/


ARTICLES = len(list(DATA.glob("*.txt")))  # the Wikinews fixtures


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DATA, folder)
    return folder


def _built(location: str, folder: Path) -> Store:
    store = open_store(location, create=True)
    sync(store, str(folder), str(folder.parent / NO_LEDGERS), jobs=1)
    return store


def _report(corpus: object, draft: Path) -> str:
    return dump_json(verify([str(draft)], corpus, Settings()))  # type: ignore[arg-type]


def test_real_quotes_are_answered_byte_for_byte_as_in_memory(location: str) -> None:
    store = _built(location, DATA)
    memory, stored = load_corpus(str(DATA)), StoredCorpus(store, str(DATA))
    assert stored.info() == memory.info()
    n = 0
    for v in realquotes.variants(memory):
        kind = "quote" if v.source is None else v.source.kind
        st = standalone(v.text, v.speaker, path="d", kind=kind)
        a, b = check(st, memory, Settings(), "x"), check(st, stored, Settings(), "x")
        assert a.model_dump_json() == b.model_dump_json(), v
        n += 1
    assert n > 200
    stored.close()


def test_a_draft_report_is_byte_identical(location: str, corpus_dir: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        'Callamard said Cengiz should be "patient and resilient."\n\n'
        + DRAFT.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    store = _built(location, corpus_dir)
    memory = load_corpus(str(corpus_dir), str(tmp_path / NO_LEDGERS))
    assert _report(StoredCorpus(store, str(corpus_dir)), draft) == _report(memory, draft)


def _wire_copy(folder: Path, name: str, who: str) -> None:
    (folder / name).write_text(
        "Wire copy\n\nThe harbour will reopen in the spring after repairs, "
        f"{who} said on Monday.\n",
        encoding="utf-8",
    )


def test_updates_touch_only_what_changed_and_answer_as_a_fresh_build(
    location: str, corpus_dir: Path, tmp_path: Path
) -> None:
    store = _built(location, corpus_dir)
    before = store.state()
    changed = corpus_dir / "arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new last line.\n", "utf-8")
    gone = corpus_dir / "200-in-new-delhi-india-drink-cow-urine-to-fight-off-covid-19.txt"
    gone.unlink()
    # Two copies of one sentence that sort before and after every other document:
    # ties between them are broken by path order, as in memory.
    _wire_copy(corpus_dir, "zz-wire.txt", "Ana Ruiz")
    _wire_copy(corpus_dir, "aa-wire.txt", "Omar Haddad")
    summary = sync(store, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert (summary.added, summary.changed, summary.removed) == (2, 1, 1)
    after = store.state()
    for path, state in before.items():
        if path not in (changed.name, gone.name):
            assert after[path] == state  # same id, same stamp: untouched
    # A changed document gets a new id (its old postings are left dead in their parts).
    assert after[changed.name].doc > max(s.doc for s in before.values())
    assert after[changed.name].sha256 != before[changed.name].sha256
    draft = tmp_path / "wire.md"
    draft.write_text(
        '"The harbour will reopen in the spring after repairs," Ruiz said.\n\n'
        '"A new last line," the mayor said.\n',
        encoding="utf-8",
    )
    memory = load_corpus(str(corpus_dir), str(tmp_path / NO_LEDGERS))
    stored = StoredCorpus(store, str(corpus_dir))
    assert _report(stored, draft) == _report(memory, draft)
    assert '"speakers": [\n          "Omar Haddad",\n          "Ana Ruiz"' in _report(memory, draft)
    again = sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS))
    # One article gone, two wire copies added.
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, ARTICLES + 1)


@pytest.mark.parametrize("few_dead", [64, 0])
def test_passages_asked_in_store_ids_are_those_asked_in_corpus_order(
    location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, few_dead: int
) -> None:
    """``StoredText.candidates`` runs the verbatim rule on store ids and drops removed
    documents' ids by id range (or id by id, past ``_FEW_DEAD``): the same passages as
    the rule asked of corpus-order ids. The rarest word's live passages are 14 (the rule
    stops there, at 16 or fewer); with the 10 dead ids of the documents changed since
    the build it would read 24 and go on to the next word, which no such passage holds."""
    from claimcheck.index import stored as stored_mod
    from claimcheck.index.memory import verbatim_candidates

    monkeypatch.setattr(stored_mod, "_FEW_DEAD", few_dead)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(14):
        seen = "\n\nA quokka was seen nearby." if n < 7 else ""
        (folder / f"a{n:02d}.txt").write_text(f"The zebra crossing opened, {n}.{seen}\n")
    for n in range(13):
        (folder / f"b{n:02d}.txt").write_text(f"A quokka was seen nearby, {n}.\n")
    store = _built(location, folder)
    for n in range(10):  # their old passages' ids stay in the parts, dead
        doc = folder / f"a{n:02d}.txt"
        doc.write_text(doc.read_text() + "\nThe council met again.\n")
    assert sync(store, str(folder), str(tmp_path / NO_LEDGERS), jobs=1).changed == 10
    corpus = StoredCorpus(store, str(folder))
    text = corpus.text
    assert isinstance(text, stored_mod.StoredText)
    for query in (["zebra", "quokka"], ["quokka", "seen"], ["council", "zebra"], ["nearby"]):
        expected = verbatim_candidates(text, query)  # ``holding``: corpus-order ids
        assert text.candidates(query) == expected, query
    assert len(text.candidates(["zebra", "quokka"])) == 14
    corpus.close()


def _interrupt_at_fifth_document(monkeypatch: pytest.MonkeyPatch) -> object:
    """Batches of two, and a Ctrl-C while the fifth document's rows are made: two
    batches are done, the third is not. Returns the real row maker."""
    made = rows_mod.doc_rows
    calls = []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return made(*args, **kwargs)

    monkeypatch.setattr("claimcheck.index.update.doc_rows", failing)
    monkeypatch.setattr("claimcheck.index.update.BATCH", 2)
    return made


def test_an_interrupted_update_leaves_the_index_usable(
    location: str, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _built(location, corpus_dir)
    draft = tmp_path / "d.md"
    draft.write_text(DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    good = _report(StoredCorpus(store, str(corpus_dir)), draft)
    for f in sorted(corpus_dir.iterdir()):
        f.write_text(f.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    made = _interrupt_at_fifth_document(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    # Two batches of two were committed, the fifth document was not: all are whole.
    reopened = StoredCorpus(open_store(location), str(corpus_dir))
    assert reopened.info().documents == ARTICLES
    monkeypatch.setattr("claimcheck.index.update.doc_rows", made)
    done = sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert done.changed == ARTICLES - 4 and done.unchanged == 4
    memory = load_corpus(str(corpus_dir), str(tmp_path / NO_LEDGERS))
    fresh = _report(StoredCorpus(open_store(location), str(corpus_dir)), draft)
    assert fresh == _report(memory, draft) and fresh != good


def _postings(store: Store) -> list[tuple[int, int, int]]:
    """Every live posting (kind, key, id), whatever parts hold them."""
    live = {d for (d,) in store.run("SELECT doc FROM docs")}
    return sorted(
        (kind, key, i)
        for kind, key, ids in store.run("SELECT kind, key, ids FROM post")
        for i in unpack(bytes(ids))
        if i >> rows_mod.LOCAL_BITS in live
    )


def _tables(store: Store) -> list[list[tuple[object, ...]]]:
    queries = [
        "SELECT kind, key, n FROM df ORDER BY kind, key",
        "SELECT * FROM entries ORDER BY id",
        "SELECT * FROM units ORDER BY id",
        "SELECT doc, rank, path, sha256, speakers, claims, stale FROM docs ORDER BY doc",
        "SELECT name, value FROM meta WHERE name IN ('format', 'version', 'summary') ORDER BY name",
    ]
    return [_postings(store), *([tuple(r) for r in store.run(q)] for q in queries)]


def test_a_build_from_empty_writes_the_rows_batches_write(
    location: str, corpus_dir: Path, tmp_path: Path
) -> None:
    """A build from nothing packs its postings into parts of many documents; the
    tables hold what documents written batch by batch (as an update writes them) do."""
    built = _built(location, corpus_dir)
    batched = open_store(str(tmp_path / "batched.sqlite"), create=True)
    rows = _rows_of(corpus_dir, tmp_path / NO_LEDGERS)  # in path order
    for i in range(0, len(rows), 3):
        batched.write(rows[i : i + 3], rerank=False)
    batched.write([], rerank=True)
    assert _tables(built) == _tables(batched)


def _rows_of(folder: Path, ledgers: Path) -> list[rows_mod.DocRows]:
    from claimcheck.index.update import Summary, _Job, _prepare, _scan

    out = []
    names = sorted(p.name for p in folder.iterdir())
    _, stamps = _scan(f"{folder.as_posix()}/", names, ledgers.as_posix(), Summary(), set())
    for i, name in enumerate(names):
        f = folder / name
        job = _Job(str(f), f.name, tuple(stamps[4 * i : 4 * i + 4]), None)  # type: ignore[arg-type]
        made = _prepare(job, ledgers)
        assert isinstance(made, rows_mod.DocRows)
        out.append(made)
    return out


def _by_path(store: Store) -> list[tuple[int, int, str, int]]:
    """The live postings with each id as (path, local id): ids change with updates."""
    paths = dict(store.run("SELECT doc, path FROM docs"))
    local = (1 << rows_mod.LOCAL_BITS) - 1
    return sorted(
        (k, key, paths[i >> rows_mod.LOCAL_BITS], i & local) for k, key, i in _postings(store)
    )


def _ids_stored(store: Store) -> int:
    return sum(len(ids) // 8 for (ids,) in store.run("SELECT ids FROM post"))


def test_merged_and_rewritten_parts_hold_the_postings_of_a_fresh_build(
    location: str, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Updates leave their parts and the old ids of what they replaced; merging the
    updates' parts, then rewriting every part, keeps exactly a fresh build's postings."""
    monkeypatch.setattr("claimcheck.index.store.COMPACT_PARTS", 2)
    store = _built(location, corpus_dir)
    articles = sorted(corpus_dir.glob("*.txt"))
    for n, article in enumerate(articles[:4]):
        article.write_text(article.read_text("utf-8") + f"\nLine {n} was added.\n", "utf-8")
        sync(store, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    # 4 update parts: the third write merged the three, the fourth added one.
    assert store.counter("small") == 2
    fresh = tmp_path / "fresh"
    shutil.copytree(corpus_dir, fresh)
    expected = _by_path(_built(str(tmp_path / "fresh.sqlite"), fresh))
    assert _by_path(store) == expected
    assert _ids_stored(store) > len(expected)  # the replaced documents' ids, dead
    # A merge that makes a part as large as a build's makes it one of the large ones.
    monkeypatch.setattr("claimcheck.index.store.PART", 1)
    articles[4].write_text(articles[4].read_text("utf-8") + "\nOne more.\n", "utf-8")
    shutil.copy(articles[4], fresh / articles[4].name)
    sync(store, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert store.counter("small") == 0
    assert store.counter("base") == store.counter("next_part") - 1
    expected = _by_path(_built(str(tmp_path / "fresh-2.sqlite"), fresh))
    assert _by_path(store) == expected
    store.begin_write()
    store.compact(everything=True)
    store.commit()
    assert _by_path(store) == expected
    assert _ids_stored(store) == len(expected) == store.counter("live")
    assert (store.counter("dead"), store.counter("small")) == (0, 0)
    assert len({p for (p,) in store.run("SELECT part FROM post")}) == 1


def test_an_interrupted_build_leaves_the_index_empty_and_usable(
    location: str, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _interrupt_at_fifth_document(monkeypatch)
    store = open_store(location, create=True)
    with pytest.raises(KeyboardInterrupt):
        sync(store, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    store.close()
    reopened = open_store(location)
    assert StoredCorpus(reopened, str(corpus_dir)).info().documents == 0
    reopened.close()
    monkeypatch.setattr("claimcheck.index.update.doc_rows", made)
    done = sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert done.added == ARTICLES


def test_a_reader_sees_one_snapshot_while_a_writer_commits(
    location: str, corpus_dir: Path, tmp_path: Path
) -> None:
    _built(location, corpus_dir).close()
    reader = StoredCorpus(open_store(location), str(corpus_dir))
    statement = standalone("The harbour will reopen in the spring after repairs", "Ana Ruiz")
    assert check(statement, reader, Settings(), "r").verdict == "missing"
    _wire_copy(corpus_dir, "wire.txt", "Ana Ruiz")
    (corpus_dir / "fianc-e-of-murdered-saudi-journalist-demands-justice-at-un-g.txt").unlink()
    writer = open_store(location)
    sync(writer, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    writer.close()
    # The reader's run goes on in its snapshot: the old state, all of it.
    assert check(statement, reader, Settings(), "r").verdict == "missing"
    callamard = standalone("patient and resilient", "Callamard")
    assert check(callamard, reader, Settings(), "r").verdict == "exact"
    assert reader.info().documents == ARTICLES
    reader.close()
    later = StoredCorpus(open_store(location), str(corpus_dir))
    assert check(statement, later, Settings(), "r").verdict == "exact"
    assert check(callamard, later, Settings(), "r").verdict == "missing"
    later.close()


def test_a_file_that_is_not_an_index_names_the_rebuild(tmp_path: Path) -> None:
    bogus = tmp_path / "index.sqlite"
    bogus.write_text("not a database", encoding="utf-8")
    with pytest.raises(InputError) as err:
        open_store(str(bogus))
    assert REBUILD in err.value.one_line()
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE meta (name TEXT, value TEXT)").connection.commit()
    with pytest.raises(InputError, match="not a claimcheck index") as err:
        open_store(str(other))
    assert REBUILD in err.value.one_line()


def test_an_index_of_an_older_version_names_the_rebuild(location: str) -> None:
    """An index written before a format change (rows per posting in version 2, packed
    parts without the docs indexes in 3, entries and units keyed beside their tables
    in 4) is refused, never misread."""
    from claimcheck.index import schema

    store = open_store(location, create=True)
    store.begin_write()
    store.run("UPDATE meta SET value = '3' WHERE name = 'version'")
    store.commit()
    store.close()
    with pytest.raises(InputError) as err:
        open_store(location)
    line = err.value.one_line()
    assert f"is an index of version 3, this claimcheck reads version {schema.VERSION}" in line
    assert REBUILD in line


def test_a_server_database_of_something_else_names_the_rebuild(postgres_url: str | None) -> None:
    if postgres_url is None:
        pytest.skip("no PostgreSQL server could be started here (see tests/pgserver.py)")
    import psycopg

    location = postgres_url
    with psycopg.connect(location, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for table in ("post", "df", "units", "entries", "docs", "meta"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute("CREATE TABLE meta (name TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('format', 'something-else')")
    with pytest.raises(InputError, match="not a claimcheck index") as err:
        open_store(location)
    assert REBUILD in err.value.one_line()


def test_a_verify_during_an_uncommitted_update_sees_the_old_documents_whole(
    location: str, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A verify that starts while ``index`` is writing (a changed document's old rows
    deleted and its new rows inserted, a new document added, not yet committed) sees
    every document as it was: the old text of the changed one, all of it, and no
    part of the new one."""
    _built(location, corpus_dir).close()
    changed = corpus_dir / "arrest-made-as-mayor-of-gda-sk-poland-stabbed-on-stage.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text + "\nThe festival will go on next year, the mayor said.\n", "utf-8")
    _wire_copy(corpus_dir, "wire.txt", "Ana Ruiz")
    old_line = next(s for s in text.split("\n") if len(s.split()) > 12)
    seen: list[tuple[str, str, str, int]] = []
    real = Store._insert

    def insert_then_look(self: Store, doc: int, rows: rows_mod.DocRows) -> list:  # type: ignore[type-arg]
        out = real(self, doc, rows)
        if rows.path == changed.name:
            reader = StoredCorpus(open_store(location), str(corpus_dir))
            seen.append(
                (
                    check(standalone(old_line.split(". ")[0]), reader, Settings(), "r").verdict,
                    check(
                        standalone("The festival will go on next year"), reader, Settings(), "r"
                    ).verdict,
                    check(
                        standalone("The harbour will reopen in the spring after repairs"),
                        reader,
                        Settings(),
                        "r",
                    ).verdict,
                    reader.info().documents,
                )
            )
            reader.close()
        return out

    monkeypatch.setattr(Store, "_insert", insert_then_look)
    sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert seen == [("exact", "missing", "missing", ARTICLES)]
    after = StoredCorpus(open_store(location), str(corpus_dir))
    assert (
        check(standalone("The festival will go on next year"), after, Settings(), "r").verdict
        == "exact"
    )
    assert after.info().documents == ARTICLES + 1
    after.close()


def test_a_sync_that_only_reranks_says_no_earlier_snapshot_is_current(
    location: str, corpus_dir: Path, tmp_path: Path
) -> None:
    """A sync that adds, changes and removes nothing hands back the token it read, for a
    check made ahead of it on that snapshot (``cli.verify``); one that gave documents
    their ranks (left unset by an interrupted build) hands back none: the rows a check
    reads changed."""
    store = _built(location, corpus_dir)
    plain = sync(store, str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert (plain.added, plain.changed, plain.removed) == (0, 0, 0)
    assert plain.token and plain.token == store.known()[0]
    store.begin_write()
    store.run("UPDATE docs SET rank = -doc WHERE rank = 0")  # as a build cut short leaves it
    store.commit()
    reranked = sync(open_store(location), str(corpus_dir), str(tmp_path / NO_LEDGERS), jobs=1)
    assert (reranked.added, reranked.changed, reranked.removed) == (0, 0, 0)
    assert reranked.token == ""
