"""Index: the lookups verify asks of a corpus, in memory, in a file, or on a server.

Between ``corpus`` (ledgers) and ``verify`` (matching). Modules, in the order
they run:

1. ``keys``      what a claim or passage is cut into and how it is hashed
2. ``memory``    ``ClaimIndex`` / ``TextIndex`` built in memory, and the candidate
                 rules every store shares
3. ``rows``      one document's ledger and prose as table rows
4. ``schema``    the tables, the same on every backend
   ``packed``    a key's posting ids as one packed value, grouped and merged
5. ``store``     a connection to an index: SQLite (``sqlite``) or PostgreSQL
                 (``postgres``); ``open_store(location)`` picks one
6. ``update``    bring an index up to date with a corpus: only the documents whose
                 size, mtime and then sha256 changed, extracted on every core
   ``manifest``  every document's path, id and stamp as one row, so that
                 comparing a folder with the index reads one row
7. ``stored``    ``ClaimIndex`` / ``TextIndex`` answered from a store, streaming
8. ``location``  where the index is when none is named

The write path for other producers (a cluster that extracts) is
``Store.add_ledgers(items)``: one transaction per batch.
"""
