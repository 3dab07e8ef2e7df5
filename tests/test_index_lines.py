"""The summary lines of index updates and archive loads count in words: "1 document"."""

from __future__ import annotations

from claimcheck.index.archive import IndexWriter, Loaded
from claimcheck.index.update import Summary


def test_one_document_is_singular() -> None:
    line = Summary(documents=1, changed=1).line("ix.sqlite")
    assert line.startswith("index: 1 document (0 added, 1 changed, 0 removed, 0 unchanged) in ")
    assert Loaded(documents=1, claims=1).line("ix").startswith("index: 1 document (1 claim) loaded")
    writer = IndexWriter("ix", documents=1)
    writer.store = _Closed()  # type: ignore[assignment]
    assert writer.finish()[0].startswith("index: 1 document written in ")


def test_many_keep_their_thousands_separator() -> None:
    line = Summary(documents=10000, unchanged=10000).line("ix")
    assert line.startswith("index: 10,000 documents (0 added, 0 changed, 0 removed, 10,000 unch")
    assert Loaded(documents=0, claims=2).line("ix").startswith("index: 0 documents (2 claims)")


class _Closed:
    def write(self, *args: object, **kwargs: object) -> None:
        pass

    def close(self) -> None:
        pass
