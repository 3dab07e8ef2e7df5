"""Other written forms of one name: an acronym the article defines, a spelling variant.

"Immigration, Refugees and Citizenship Canada (IRCC)" makes "IRCC" that body;
"Jody Wilson-Raybould" and a caption's "Jodie Wilson-Raybould" are one person.
Both are read from the document alone.
"""

from __future__ import annotations

import re

# An acronym in brackets, and the run of capitalised words (with the small words of
# a name between them) right before it: "Royal Canadian Mounted Police (RCMP)".
# The brackets are found first, so the run is only read where one follows.
_BRACKETS = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")
_RUN = re.compile(r"(?:(?:[A-Z][\w’'&-]*|and|of|for|the|on|&)[ \t,]+){1,10}$")

# _RUN read backwards: its search before a bracket tried a match at each of the 160
# starts; on the reversed text one anchored match finds the same leftmost start (each
# word taken whole, so as many words as the run allows). A newline just before the
# bracket is where ``$`` matched.
_RUN_REVERSED = re.compile(r"(?:[ \t,]+(?:[\w’'&-]*[A-Z]|dna|fo|rof|eht|no|&)){1,10}")


def run_before(text: str, lo: int, end: int) -> str | None:
    """``_RUN.search(text, lo, end).group()``, or None."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    m = _RUN_REVERSED.match(text[lo:end][::-1])
    return None if m is None else text[end - m.end() : end]


_SMALL = frozenset("and of for the on &".split())


def acronyms(text: str) -> dict[str, str]:
    """Acronym -> long form, where the initials of the long form spell it."""
    out: dict[str, str] = {}
    for b in _BRACKETS.finditer(text):
        run = run_before(text, max(0, b.start() - 160), b.start())
        if run is None:
            continue
        words = run.replace(",", " ").split()
        acr = b.group(1)
        letters = acr.replace("&", "")
        # The long form is the shortest tail whose capitalised words spell the acronym.
        for i in range(len(words) - 1, -1, -1):
            tail = words[i:]
            if tail[0] in _SMALL:
                continue
            initials = "".join(w[0] for w in tail if w not in _SMALL)
            if initials.upper() == letters.upper() or _short_form(acr, tail):
                out.setdefault(acr, _long_form(run, tail))
                break
    return out


_CHUNK = re.compile(r"[A-Z][a-z]+")


def _short_form(acr: str, tail: list[str]) -> bool:
    """ "CalFire" for "California Department of Forestry and Fire Protection".

    Each capitalised piece of the short form begins a word of the long form, in
    order, the first piece its first word; one-letter pieces are initialisms and
    handled above.
    """
    chunks = _CHUNK.findall(acr)
    if len(chunks) < 2 or "".join(chunks) != acr or not tail[0].startswith(chunks[0]):
        return False
    rest = iter(w for w in tail[1:] if w not in _SMALL)
    return all(any(w.lower().startswith(c.lower()) for w in rest) for c in chunks[1:])


def _long_form(run: str, tail: list[str]) -> str:
    """The tail of ``run`` as written, commas kept: "Immigration, Refugees and …"."""
    first = tail[0]
    at = run.rfind(first, 0, len(run) - len(" ".join(tail[1:])) + 1) if len(tail) > 1 else -1
    text = run[at:] if at >= 0 else " ".join(tail)
    return " ".join(text.split()).rstrip(" ,")


_TAILS = ("y", "i", "ie", "ey", "ee", "e", "")


def spelling_variant(a: str, b: str) -> bool:
    """ "Jody" / "Jodie", "Jon" / "John"? Only an ending's vowel spelling: never "Mark" / "Mary"."""
    if a == b or min(len(a), len(b)) < 4 or a[:3] != b[:3]:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[n:] in _TAILS and b[n:] in _TAILS
