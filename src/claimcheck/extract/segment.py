"""Paragraphs and sentences with offsets; lines that are not the article's prose.

Sentences never split inside a quotation: a multi-sentence quote and its cue
stay one unit, because attribution needs them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.quotes import Quote
from claimcheck.lexicon.cues import FORMS, SPEECH
from claimcheck.lexicon.names import ABBREVIATIONS

_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "for",
        "and",
        "or",
        "on",
        "at",
        "by",
        "with",
        "from",
        "amid",
        "as",
        "vs",
        "but",
        "nor",
        "is",
        "are",
        "be",
        "its",
        "via",
        "over",
        "into",
        "after",
        "before",
        "than",
        "that",
        "this",
        "up",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# "[.?!…][.?!…]*", not "[.?!…]+": a pattern that opens with a character class
# lets the engine skip to the next candidate character; one that opens with a
# repeat is tried at every position (twice the cost).
_BOUNDARY = re.compile(r"[.?!…][.?!…]*[\"'”’»)\]]*(?=\s+)")
_CLOSERS = "\"'”’»)]"
_BYLINE = re.compile(r"^(?:by|words by|written by|reporting by|edited by)\s+[A-Z]", re.I)
_CAPTION = re.compile(
    r"^(?:photo|photograph|image|picture|file photo|caption|credit|source|video|watch|"
    r"listen|read more|read the rest|related|see also|advertisement|sponsored|subscribe|"
    r"sign up|follow us|click here|share this|follow [A-Z@][^.]{0,60}\bon (?:twitter|x|"
    r"facebook|instagram))\b",
    re.I,
)
# A credit at a short paragraph's end makes it a caption, however it starts: "Jorgensen
# with a supporter.Image: Gage Skidmore.", "Sirhan in 1969 (Image: CDCR)".
_CREDIT_END = re.compile(
    r"(?:Image|Photo|Photograph|Picture|Credit|Video|Photo credit)\s?:\s?"
    r"[^\s:.\"“”][^:\"“”]{0,80}?[.)]?\s*$"
)
# "\s*+": the two runs of spaces around the optional "(AP)" would otherwise share a
# long run of blanks every possible way (quadratic); no match changes, as what follows
# the first run never starts with a space.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*+(?:\([\w .]+\))?\s*[—–-]{1,2}\s+"
)
# A line that is only a date ("Friday, January 4, 2019", "4 Jan 2019", "2019-01-04"),
# as news sites print above the text: a dateline, wherever it stands.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})"
    r"(?:,?\s+\d{4})?(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"|\d{4}-\d{2}-\d{2}",
    re.I,
)
_KICKER = re.compile(r"^([A-Z][\w’'&.-]*(?:[ -][A-Z0-9][\w’'&.-]*){0,5}):\s+(?=[A-Z“\"])")


_QUOTE_END = "\"”’»'"
_SHORT_TAIL = re.compile(r"(?:\s+(?!that\b)[\w’'-]+){0,6}?\s*(?:[,;]|[.!?](?:\s|$)|$)")
_CUE_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’-]*|the|a|an|his|her|their)\s+){1,4}(?:"
    + "|".join(
        sorted((f for f in FORMS if " " not in f and FORMS[f] in SPEECH), key=len, reverse=True)
    )
    + r")\b|\s+(?:"
    + "|".join(
        sorted((f for f in FORMS if " " not in f and FORMS[f] in SPEECH), key=len, reverse=True)
    )
    + r")\s+(?:[A-Z]|the\b|a\b|an\b|his\b|her\b)"
)

_OPENS_QUOTE = re.compile(r"\s*[,:]\s*[“\"]")

# After “… failure.” Lee said: a clause of its own ("it would work"), so the full stop
# inside the marks ended the sentence and Lee says something else.
_OWN_CLAUSE = re.compile(
    r"\s+(?:(?:it|he|she|they|we|I|there|this)\s|"
    r"(?:[\w’'-]+\s+){0,3}?(?:is|was|are|were|will|would|could|can|should|may|might|must|has|"
    r"have|had|did|does|do)\s)"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    # As Subject's (extract.subjects): every sentence of a document makes one, and the
    # generated __init__ of a frozen dataclass sets each field through object.__setattr__;
    # writing the instance's dict gives the same object at a third of the cost.
    def __init__(self, start: int, end: int) -> None:
        d = self.__dict__
        d["start"] = start
        d["end"] = end


@dataclass(frozen=True)
class LineVerdict:
    """Why a paragraph (or its first part) is not prose."""

    reason: str
    end: int  # skip up to here; for a kicker, the rest of the paragraph is prose

    def __init__(self, reason: str, end: int) -> None:  # as Sentence's
        d = self.__dict__
        d["reason"] = reason
        d["end"] = end


def split_sentences(text: str, start: int, end: int, quotes: list[Quote]) -> list[Sentence]:
    """Sentences of ``text[start:end]``; boundaries inside quotations are ignored."""
    spans = [(q.open_at, q.close_at) for q in quotes]
    out: list[Sentence] = []
    cur = start
    k = 0
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        while k < len(spans) and spans[k][1] < cut:
            k += 1
        if any(a < m.start() < b and cut < b for a, b in spans[k : k + 3]):
            continue
        if not _is_boundary(text, m.start(), cut, end):
            continue
        _push(out, text, cur, cut)
        cur = cut
    _push(out, text, cur, end)
    return out


def _push(out: list[Sentence], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(a, b))


def _is_boundary(text: str, dot: int, cut: int, end: int) -> bool:
    nxt = cut
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return False
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in "“\"‘'«(["):
        return False
    after = _CUE_AFTER.match(text, cut, min(end, cut + 80)) if text[cut - 1] in _QUOTE_END else None
    if (
        after is not None
        and (
            text[dot] != "."
            or (
                _SHORT_TAIL.match(text, after.end(), min(end, after.end() + 60))
                and not _OWN_CLAUSE.match(text, after.end(), min(end, after.end() + 60))
            )
        )
        and not _OPENS_QUOTE.match(text, after.end(), min(end, after.end() + 8))
    ):
        # “Is this fair?” Das asked.  A full stop inside the marks ends the sentence
        # unless only the cue's speaker follows: “… liar.” Fry said Ruiz … is two sentences,
        # and so is “… the region.” Kino Gabriel said, “…”, whose cue opens the next quote.
        return False
    if text[dot] != ".":
        return True
    # The word before the full stop: an abbreviation or an initial is no boundary.
    j = dot
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in '(“"':
        j -= 1
    word = text[j:dot].lower().strip(_CLOSERS)
    if word in ABBREVIATIONS or word.replace(".", "") in ABBREVIATIONS:
        nxt_word = _NEXT_WORD.match(text, nxt, min(end, nxt + 30))
        if (
            word in _PLACE_ABBREVIATIONS
            and nxt_word is not None
            and nxt_word.group() in _NAME_AFTER_ABBREV
        ):
            return False  # "the U.S. Department of State": a name runs on
        return _abbrev_ends_sentence(word, following)
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. Smith"
    return not (word.count(".") >= 1 and len(word) <= 6 and word.replace(".", "").isalpha())


_NEXT_WORD = re.compile(r"[A-Z][a-z]+")
_PLACE_ABBREVIATIONS = frozenset(["u.s", "u.k", "u.n", "d.c", "u.s.a", "e.u"])
# Words that continue a name after "U.S.", "U.K.", "U.N.", "D.C.": an office or body.
_NAME_AFTER_ABBREV = frozenset(
    """Department Army Navy Air Senate House Embassy Court Congress Supreme District Attorney
    Attorneys Marshals Coast Customs Border Postal Census Treasury State Secretary Ambassador
    President Representative Representatives Senator Rep Sen Capitol Geological Forest
    Agency Chamber Institute Federal Government Justice Bureau Centers Food Special Military
    Marine Marines Olympic Cyber Space Patent Citizenship Immigration National Security
    General Council Mission Forces Central Southern Northern Pacific European Africa Command
    Consulate Trade Energy Health Commerce Labor Education Transportation Defense Homeland
    Intelligence Office Chief Secretary-General Envoy Circuit""".split()
)


def _abbrev_ends_sentence(word: str, following: str) -> bool:
    # "U.S." may end a sentence; titles such as "Dr." never do.
    return word in ("u.s", "u.k", "u.n", "etc", "inc", "co", "ltd", "corp", "d.c") and (
        following in '“"' or following.isupper()
    )


def title_case_ratio(line: str) -> float:
    words = capitals = 0  # one loop, no list or generator: every paragraph start asks this
    for w in _WORD.findall(line):
        if w.lower() not in _SMALL:
            words += 1
            capitals += w[0].isupper()
    return capitals / words if words else 0.0


def classify_line(text: str, start: int, end: int, index: int, kind: str) -> LineVerdict | None:
    """A reason to skip this paragraph (or its kicker), or None when it is prose."""
    line = text[start:end]
    stripped = line.strip()
    if len(stripped) <= 40 and _DATE_LINE.fullmatch(stripped):
        return LineVerdict("dateline", end)
    if kind == "heading":
        return LineVerdict("headline" if index == 0 else "heading", end)
    # Only the word count up to 25 matters below (no test looks past it), so a long
    # paragraph is not split into all its words: the first 31 are enough.
    words = stripped.split(maxsplit=30)
    if not words:
        return LineVerdict("empty", end)
    if _BYLINE.match(stripped) and len(words) <= 12:
        return LineVerdict("byline", end)
    if _CAPTION.match(stripped) and (len(words) <= 25 or ":" in stripped[:30]):
        return LineVerdict("caption", end)
    if len(words) <= 30 and _CREDIT_END.search(stripped, max(0, len(stripped) - 100)):
        return LineVerdict("caption", end)
    kicker = _KICKER.match(line) if index == 0 and kind != "title" else None
    if kicker and len(words) > 8 and title_case_ratio(kicker.group(1)) == 1.0:
        rest = line[kicker.end() :]
        if title_case_ratio(rest) >= 0.75 and len(rest.split()) <= 22:
            return LineVerdict("headline", end)  # "Pence: Flowers Won’t Be at Debate"
        return LineVerdict("kicker", start + kicker.end())
    if index <= 2 and _DATELINE.match(line):
        m = _DATELINE.match(line)
        assert m is not None
        return LineVerdict("dateline", start + m.end())
    if kind == "title":
        return LineVerdict("headline", end)
    return _headline_like(stripped, words, index, end)


_MARK = re.compile('[“”"«»]')  # a quotation mark anywhere: no headline


def _headline_like(line: str, words: list[str], index: int, end: int) -> LineVerdict | None:
    if len(words) > 22 or _MARK.search(line):
        return None
    terminal = line[-1] in ".!:;,"
    tc = title_case_ratio(line)
    if index == 0 and tc >= 0.75 and len(words) <= 22:
        return LineVerdict("headline", end)
    if terminal:
        return None
    if tc >= 0.75 and len(words) >= 2:
        if ":" in line:
            return LineVerdict("heading", end)
        if line.endswith("?") or len(words) >= 6:
            return LineVerdict("related-link", end)
        return LineVerdict("heading", end)
    if len(words) <= 6 and not line.endswith(("?", "!")):
        return LineVerdict("heading", end)
    return None
