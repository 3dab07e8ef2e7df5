"""Extract: a ``Document`` becomes a ``Ledger`` of attributed claims.

The stage order (``pipeline.extract``), each module one job:

1. ``segment``   paragraphs and sentences; headings, datelines, link lines skipped
2. ``quotes``    quotation spans of every mark style, open across paragraphs
3. ``cues``      reporting cues ("said", "according to") found by lemma
4. ``subjects``  the noun phrase a cue belongs to (who is speaking, as written)
5. ``attribute`` named, ordered rules that pair content, cue and speaker mention
6. ``speakers``  mentions resolved to one canonical person or body per document
7. ``pipeline``  the order above, and what carries between sentences

``patterns`` holds the regular-expression building blocks (names, noun phrases)
that cues, subjects and speakers share; ``headlines`` and ``transcripts`` read
the two kinds of line that are not prose. Word lists live in ``claimcheck.lexicon``.

Where a change goes: a new cue word is data (``lexicon/cues.py``); a new way
of pairing a quote with its speaker is a rule in ``attribute/`` (added to
``attribute.RULES``); a new way of naming a speaker goes in ``speakers``.
"""

from claimcheck import regexes

with regexes.cached():  # the extractor's patterns, compiled once per install (regexes)
    from claimcheck.extract.pipeline import extract

__all__ = ["extract"]
