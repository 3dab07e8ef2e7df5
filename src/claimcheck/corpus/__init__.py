"""Corpus: the source files and their ledgers on disk.

``gather`` finds the source files under the paths a user gives; ``ledgers``
writes ``claims/<stem>.json`` (or only checks it, with ``--check``), reads it
back and says when it is stale; ``review`` carries a person's corrections from
an old ledger onto a new extraction, so regenerating never loses them.
"""
