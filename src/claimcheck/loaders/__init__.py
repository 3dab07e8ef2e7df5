"""Format readers behind ``claimcheck.documents.load``.

Each reader turns decoded text (or, for .docx, bytes) into a ``Parsed``:
the document text, a same-length ``view`` with non-prose blanked, the prose
blocks and a title. ``documents.py`` stays the only module that touches the
file system; readers only see data already in memory.
"""
