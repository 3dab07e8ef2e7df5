"""Load: a file's bytes become a ``Document`` (stage 0 of both pipelines).

``documents`` is the only module that touches the file system: it reads the
bytes, decodes them (``encoding``) and hands the text to the reader for its
format (``html``, ``markdown``, ``docx``; plain text needs none). Each reader
turns decoded text (or, for .docx, bytes) into a ``Parsed`` (``base``): the
document text, a same-length ``view`` with non-prose blanked, the prose blocks
and a title. Readers only see data already in memory.

A new input format is one reader module and one entry in ``documents.FORMATS``.
"""

from claimcheck.loaders.documents import (
    FORMATS,
    Document,
    decode,
    from_text,
    load,
    load_bytes,
)

__all__ = ["FORMATS", "Document", "decode", "from_text", "load", "load_bytes"]
