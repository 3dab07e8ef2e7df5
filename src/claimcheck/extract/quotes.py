"""Pair quotation marks of every style into quotation spans.

A single left-to-right pass with a stack, so any number of marks (even an odd
number, or 100,000 of them) costs linear time and never raises. Straight marks
are ambiguous; whether one opens or closes is read from its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 8
DOUBLE = "double"
SINGLE = "single"
GUILLEMET = "guillemet"

_OPEN = {"“": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": GUILLEMET, "‘": SINGLE, "‚": SINGLE}
_CLOSE = {"”": DOUBLE, "»": GUILLEMET, "’": SINGLE}
_SPACE_LIKE = " \t\n\r\u00a0\u2028\u2029"
_OPENING_CONTEXT = _SPACE_LIKE + "([{—–-/:;“‘«„"
_CLOSING_CONTEXT = _SPACE_LIKE + ".,;:!?)]}—–-/”’»…"


# Only the marks are visited: linear in the text, cheap on long paragraphs.
# Every alternative starts with a literal character, so the engine skips straight
# to the next mark instead of trying the pattern at every position (2.5x faster
# than the same alternation written with a character class).
_MARKS = re.compile(r"“|”|„|‟|«|»|‘|’|‚|\"|''?|``")


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` bound the words inside the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just past the closing mark (== end when unclosed)
    family: str
    depth: int
    unclosed: bool = False
    continued: bool = False  # opens a paragraph that continues the previous one's quote

    # As Subject's (extract.subjects): the instance's dict is written directly, at half
    # the cost of the generated __init__ of a frozen dataclass; same fields and defaults.
    def __init__(
        self,
        start: int,
        end: int,
        open_at: int,
        close_at: int,
        family: str,
        depth: int,
        unclosed: bool = False,
        continued: bool = False,
    ) -> None:
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["open_at"] = open_at
        d["close_at"] = close_at
        d["family"] = family
        d["depth"] = depth
        d["unclosed"] = unclosed
        d["continued"] = continued


@dataclass
class _Open:
    at: int
    width: int
    family: str


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Quotation spans in ``text[start:end]`` (one paragraph), in order of opening."""
    stop = len(text) if end is None else end
    stack: list[_Open] = []
    found: list[Quote] = []
    for m in _MARKS.finditer(text, start, stop):
        mark = m.group()
        i = m.start()
        if (
            (mark == "’" or mark == "'")
            and start < i < stop - 1
            and text[i - 1].isalnum()
            and text[i + 1].isalnum()
        ):
            continue  # an apostrophe inside a word ("it’s"), most marks: _classify's "none"
        _handle(text, i, len(mark), mark, start, stop, stack, found)
    # Marks still open at the end of the paragraph: news style leaves a quote open
    # when it continues into the next paragraph.
    for opened in stack:
        if opened.family == SINGLE:
            continue
        depth = sum(1 for o in stack if o.at < opened.at and o.family != SINGLE)
        found.append(
            Quote(
                start=opened.at + opened.width,
                end=_rstrip(text, opened.at + opened.width, stop),
                open_at=opened.at,
                close_at=stop,
                family=opened.family,
                depth=depth,
                unclosed=True,
            )
        )
    found.sort(key=lambda q: (q.open_at, q.depth))
    return [q for q in found if q.end > q.start]


def _handle(
    text: str,
    i: int,
    width: int,
    mark: str,
    lo: int,
    hi: int,
    stack: list[_Open],
    found: list[Quote],
) -> int:
    left = text[i - 1] if i > lo else " "
    right = text[i + width] if i + width < hi else " "
    role, family = _classify(mark, left, right, stack)
    if role == "open":
        stack.append(_Open(i, width, family))
        if len(stack) > MAX_DEPTH:
            # Real quotations nest two or three deep; a run of marks must not make
            # every later mark pay for a deep stack (that would be quadratic).
            del stack[0]
    elif role == "close":
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].family == family:
                opened = stack[k]
                del stack[k:]
                depth = sum(1 for o in stack if o.family != SINGLE or family == SINGLE)
                found.append(
                    Quote(
                        start=opened.at + opened.width,
                        end=_trim_comma(text, opened.at + opened.width, i),
                        open_at=opened.at,
                        close_at=i + width,
                        family=family,
                        depth=depth,
                    )
                )
                break
    return i + width


def _classify(mark: str, left: str, right: str, stack: list[_Open]) -> tuple[str, str]:
    open_families = {o.family for o in stack}
    if mark in ("``",):
        return "open", DOUBLE
    if mark in ('"', "''"):
        return _straight(left, right, DOUBLE in open_families), DOUBLE
    if mark == "'":
        if left.isalnum() and (right.isalnum()):
            return "none", SINGLE  # don't, it's
        if SINGLE in open_families and not right.isalnum():
            return "close", SINGLE
        if left in _OPENING_CONTEXT and right.isalpha() and DOUBLE in open_families:
            return "open", SINGLE
        return "none", SINGLE
    if mark == "’":
        if left.isalnum() and right.isalnum():
            return "none", SINGLE  # an apostrophe inside a word
        if SINGLE in open_families and not right.isalnum():
            return "close", SINGLE
        return "none", SINGLE  # a possessive (Jones’ dog) or elision
    if mark in ("‘", "‚"):
        if left in _OPENING_CONTEXT and not right.isspace() and not right.isdigit():
            return "open", SINGLE
        return "none", SINGLE
    if mark in _OPEN:
        family = _OPEN[mark]
        # “ used as a closing mark (some typesetting) closes an open double quote.
        closes_open = DOUBLE in open_families and left not in _OPENING_CONTEXT
        if mark == "“" and closes_open and right in _CLOSING_CONTEXT:
            return "close", DOUBLE
        return "open", family
    family = _CLOSE[mark]
    if family not in open_families and mark == "”" and left in _OPENING_CONTEXT:
        return "open", DOUBLE  # ” typed as an opener
    return "close", family


def _straight(left: str, right: str, double_open: bool) -> str:
    opens = left in _OPENING_CONTEXT and not right.isspace()
    closes = not left.isspace() and (right in _CLOSING_CONTEXT or right == "'")
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close" if double_open else "none"
    return "close" if double_open else "open"


def _trim_comma(text: str, lo: int, hi: int) -> int:
    # “…region,” Das said: the comma stands in for the sentence's punctuation.
    hi = _rstrip(text, lo, hi)
    if hi > lo and text[hi - 1] == ",":
        hi = _rstrip(text, lo, hi - 1)
    return hi


def _rstrip(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in _SPACE_LIKE:
        hi -= 1
    return hi


def top_level(quotes: list[Quote]) -> list[Quote]:
    """Outermost quotations only: nested ones are part of their container."""
    out: list[Quote] = []
    for q in quotes:
        if out and q.open_at < out[-1].close_at and q.start >= out[-1].start:
            continue
        out.append(q)
    return out


def opens_with_quote(text: str, start: int, end: int) -> bool:
    """Whether a paragraph begins with an opening mark (multi-paragraph quotes)."""
    i = start
    while i < end and text[i] in _SPACE_LIKE:
        i += 1
    return i < end and (text[i] in '“„«"' or text.startswith("``", i))
