"""Bytes to text: which encodings are accepted, and what counts as binary.

Accepted: UTF-8 with or without a BOM, UTF-16 and UTF-32 with a BOM, and
UTF-16 *without* a BOM when the NUL-byte pattern leaves no doubt (ASCII-heavy
text saved by some Windows tools: every other byte is NUL). That case is
decoded, not refused, because the guess is unambiguous and refusing would only
make the writer re-save a file we can read; a warning says what was assumed.
UTF-16 without a BOM and without that pattern (e.g. all-CJK text) is not
guessed: it fails as invalid UTF-8 with a hint to add a BOM.

Binary files (known magic numbers, or many NUL/control bytes) are refused with
what they look like. A few NUL bytes in otherwise good text are kept in the
text (offsets must index what is on disk) and blanked in the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimcheck.errors import InputError

SUPPORTED = "claimcheck reads .txt, .md, .html and .docx"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"RIFF", "a RIFF media file"),
)
_SAMPLE = 65536
# Bytes that never occur in text files (tab, newlines, form feed, escape are fine).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


@dataclass(frozen=True)
class Decoded:
    text: str
    warnings: tuple[str, ...] = ()


def binary_kind(data: bytes) -> str | None:
    """What a binary file looks like, or None if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:_SAMPLE]
    if not sample or _utf16_guess(sample) is not None:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    # A handful of stray NULs is damaged text; a tenth of the bytes is binary.
    return "binary data" if controls > max(8, len(sample) // 10) else None


def _utf16_guess(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in ASCII-heavy UTF-16."""
    sample = sample[: len(sample) & ~1]
    half = len(sample) // 2
    # Too short a sample is noise: "aaa\x00" is damaged UTF-8, not "慡a".
    if half < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd * 10 >= half * 7 and even * 20 <= half:
        return "utf-16-le"
    if even * 10 >= half * 7 and odd * 20 <= half:
        return "utf-16-be"
    return None


def decode(data: bytes, path: str, *, declared: str | None = None) -> Decoded:
    """Text from bytes, or an InputError naming the byte and offset.

    ``declared`` is an encoding the file itself names (an HTML ``<meta
    charset>``); it is tried only when the bytes are not UTF-8.
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            skip = len(bom) if codec == "utf-8" else 0
            return Decoded(_strict(data[skip:], codec, path))
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"is a binary file (looks like {kind})", path=path, hint=SUPPORTED)
    guess = _utf16_guess(data[:_SAMPLE])
    if guess is not None:
        note = f"has no byte-order mark; read as {guess.upper()}"
        return Decoded(_strict(data, guess, path), (note,))
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        fallback = _declared(data, declared)
        if fallback is not None:
            text, name = fallback
            how = name if name == (declared or "").lower() else f"{name} (charset {declared!r})"
            return Decoded(text, (f"is not UTF-8; read as {how} as it declares",))
        raise _not_utf8(data, exc.start, path, declared) from None


def _strict(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = codec.upper().replace("-LE", "").replace("-BE", "")
        raise InputError(
            f"is not valid {name} (at byte offset {exc.start})",
            path=path,
            hint="re-save it as UTF-8",
        ) from None


def _declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    """The bytes read in the encoding the page declares, if browsers know that label.

    Only the WHATWG labels count ("latin1", "shift_jis", "windows-1251", …):
    Python's codec registry also knows byte transforms (base64, zlib, rot13) and
    escapes (unicode_escape) that are no text encoding a page can be written in.
    """
    encoding = _web_encoding(declared)
    if encoding is None:
        return None
    try:
        text, _ = encoding.codec_info.decode(data, "strict")
    except (UnicodeError, LookupError, ValueError):
        return None
    return str(text), str(encoding.name)


def _web_encoding(declared: str | None) -> Any:
    if not declared:
        return None
    import webencodings

    encoding = webencodings.lookup(declared)
    if encoding is None or encoding.name in ("utf-8", "replacement"):
        return None  # "replacement": a label browsers refuse to decode (iso-2022-kr)
    if encoding.name in ("utf-16le", "utf-16be"):
        return None  # a <meta> readable as ASCII is no UTF-16: HTML reads it as UTF-8
    if encoding.name == "x-user-defined":
        return webencodings.lookup("windows-1252")  # as HTML's <meta> rules say
    return encoding


def _not_utf8(data: bytes, offset: int, path: str, declared: str | None = None) -> InputError:
    bad = data[offset]
    hint = "re-save it as UTF-8"
    if declared and _web_encoding(declared) is None:
        hint = f"it declares charset {declared!r}, which claimcheck does not read; {hint}"
    elif 0x80 <= bad <= 0x9F:
        hint = "it looks like Windows-1252; re-save it as UTF-8"
    elif data.count(0, 0, _SAMPLE):
        hint = "if it is UTF-16, re-save it as UTF-8 or with a byte-order mark"
    head = data[:offset]
    # Lines end at \n, \r\n or a lone \r, as Document.line_col counts them.
    line = head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
    return InputError(
        f"is not valid UTF-8 (byte 0x{bad:02x} at offset {offset})", path=path, line=line, hint=hint
    )
