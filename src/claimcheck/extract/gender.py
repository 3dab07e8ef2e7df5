"""What the document says of a person's gender, before any pronoun is resolved.

"He" and "she" are resolved to a person the article agrees with: a title that
says it ("Mr. Das", "Ms. May"), or the pronoun the article itself uses of them
right after their name ("Lonechild said she …", "Al Hashish and her husband").
The evidence is read from the document alone: a person whose name the article
follows with "he" or "his" is a he, whatever the name would suggest elsewhere.
"""

from __future__ import annotations

import re

from claimcheck.extract.people import FEMALE_TITLES, MALE_TITLES, name_parts

# A subject pronoun soon after a name, in the same clause: "Lonechild said she".
# A capitalised word between them (another name) or a sentence end breaks the
# link; "his" and "her" are left out: "Meltzer tweeted … news of her death".
_AFTER = re.compile(r"[^.!?;:“”\"A-Z]{0,40}?\b(he|she)\b")

_MALE = frozenset(["he"])


def evidence(text: str, names_at: list[tuple[int, str]]) -> dict[tuple[str, ...], str]:
    """Name tokens -> "m" or "f" where the document's own words agree on it.

    Keyed by the full name, and by the surname alone only where one person of the
    text bears it: "Melania Trump … her" says nothing of Donald Trump.
    """
    votes: dict[tuple[str, ...], set[str]] = {}
    bearers: dict[str, set[tuple[str, ...]]] = {}
    for at, name in names_at:
        # The cached tuples themselves: nothing here edits them, and a name's key is one.
        titles, key = name_parts(name)
        if not key:
            continue
        if len(key) >= 2:
            bearers.setdefault(key[-1], set()).add(key)
        said = _title_gender(titles) or _kin_gender(text, at)
        if said is None:
            m = _AFTER.match(text, at + len(name))
            if m is not None and not _object_of_verb(text, at):
                said = "m" if m.group(1) in _MALE else "f"
        if said is not None:
            votes.setdefault(key, set()).add(said)
    out = {k: next(iter(v)) for k, v in votes.items() if len(v) == 1}
    for surname, keys in bearers.items():
        if len(keys) == 1:
            (only,) = keys
            if only in out and votes.get((surname,), {out[only]}) == {out[only]}:
                out[(surname,)] = out[only]
    return out


def _title_gender(titles: tuple[str, ...] | list[str]) -> str | None:
    for t in titles:
        low = t.lower().rstrip(".")
        if low in FEMALE_TITLES:
            return "f"
        if low in MALE_TITLES:
            return "m"
    return None


# A relation written before the name: "husband Mohammad Al Mnajer", "his wife, Jane".
_KIN_WORDS = tuple(
    "husband wife son daughter father mother brother sister grandfather grandmother "
    "uncle aunt nephew niece widow widower boyfriend girlfriend dad mom mum".split()
)
_KIN_BEFORE = re.compile(r"\b(" + "|".join(_KIN_WORDS) + r")\s*,?\s+$")
_KIN_MALE = frozenset(
    "husband son father brother grandfather uncle nephew widower boyfriend dad".split()
)


def _kin_gender(text: str, at: int) -> str | None:
    before = text[max(0, at - 16) : at]
    # What the pattern needs at the window's end, tested first: most names have no kin word.
    if not before[-1:].isspace() or not before.rstrip().rstrip(",").rstrip().endswith(_KIN_WORDS):
        return None
    m = _KIN_BEFORE.search(text, max(0, at - 16), at)
    if m is None:
        return None
    return "m" if m.group(1) in _KIN_MALE else "f"


_OBJECT_BEFORE = re.compile(r"\b(?:to|with|told|asked|by|from|for|met|called|and)\s+$")


def _object_of_verb(text: str, at: int) -> bool:
    """ "… told Das she": the pronoun may be the subject's, not the name's."""
    return _OBJECT_BEFORE.search(text, max(0, at - 12), at) is not None
