"""Typography is not meaning: contractions, spelling variants and house style.

Two word sequences that differ only by a contraction spelled out ("I've" / "I
have", "won't" / "will not", "Let's" / "Let us"), a British or American
spelling (defence / defense, -ise / -ize, travelling / traveling, honour /
honor), a hyphen ("re-emergence") or a month's abbreviation are the same words
as far as meaning goes: such an edit is shown, but it is never a material change.

>>> same_words(["I've"], ["I", "have"]), same_words(["won't"], ["will", "not"])
(True, True)
>>> same_words(["shouldn't"], ["should"]), same_words(["travelling"], ["traveling"])
(False, True)
>>> same_words(["that's", "been"], ["that", "has", "been"])
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Irregular negative contractions; every other "xn't" is "x not".
_NEGATIVE = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not"}
_NEGATIVE["ain't"] = "is not"
# "'s" and "'d" are ambiguous ("it's" is "it is" or "it has"): either reading matches.
_SUFFIXES = {
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'m": "am",
    "'s": "is|has",
    "'d": "would|had",
}
# "'s" is a contraction only after these; after a name it is a possessive.
_S_HOSTS = frozenset(
    "it he she that there here what who where when how let everyone everybody nobody".split()
)
_MONTHS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
# Spellings no suffix rule covers: British first.
_PAIRS = {
    "programme": "program",
    "grey": "gray",
    "tyre": "tire",
    "kerb": "curb",
    "plough": "plow",
    "cheque": "check",
    "aluminium": "aluminum",
    "mould": "mold",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "judgement": "judgment",
    "ageing": "aging",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "storey": "story",
    "jewellery": "jewelry",
    "manoeuvre": "maneuver",
    "pyjamas": "pajamas",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "learnt": "learned",
    "spelt": "spelled",
}
# Suffix rules, applied to both words: two spellings of one word meet, and no real
# word is turned into another real word (the draft would have to misspell).
_RULES = (
    (re.compile(r"(?<=[a-z]{2})our(?=(?:s|ed|ing|able|ably|ite|ites|er|ers|ful|less)?$)"), "or"),
    (re.compile(r"(?<=[a-z]{2})is(?=(?:e|es|ed|ing|ation|ations|er|ers|able)$)"), "iz"),
    (re.compile(r"(?<=[a-z]{2})ys(?=(?:e|es|ed|ing|er|ers)$)"), "yz"),
    (re.compile(r"(?<=[a-z])ll(?=(?:ed|ing|er|ers|ation)$)"), "l"),
    (re.compile(r"(?<=[a-z]{3})tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=[a-z]{3})ogue(?=s?$)"), "og"),
    (re.compile(r"(?<=[a-z])ae(?=[a-z]{2})"), "e"),
)
# Words these rules would mangle: "four" is not "for", "hour" not "hor".
_KEEP = frozenset("four hour hours tour tours pour pours your flour sour dour devour".split())


@lru_cache(maxsize=1 << 16)
def spelling(word: str) -> str:
    """One key for the British and American spellings of a word.

    >>> [spelling(w) for w in ("honourable", "radicalised", "centre", "four", "Re-emergence")]
    ['honorable', 'radicalized', 'center', 'four', 'reemergence']
    """
    w = word.lower().replace("\u2019", "'").replace("-", "")
    w = _PAIRS.get(w, w)
    if w in _KEEP:
        return w
    for pattern, repl in _RULES:
        w = pattern.sub(repl, w)
    return _MONTHS.get(w.rstrip("."), w)


def expand(words: Sequence[str], spell: bool = True) -> list[str]:
    """Contractions spelled out, every word by its spelling key (with ``spell``).

    >>> expand(["Let's", "go"]), expand(["We're", "not"]), expand(["Trump's", "wall"])
    (['let', 'us', 'go'], ['we', 'are', 'not'], ["trump's", 'wall'])
    """
    out: list[str] = []
    for word in words:
        w = word.lower().replace("\u2019", "'")
        if w in _NEGATIVE:
            out.extend(_NEGATIVE[w].split())
        elif w.endswith("n't") and len(w) > 3:
            out.extend([w[:-3], "not"])
        elif w == "let's":
            out.extend(["let", "us"])
        elif "'" in w and w[w.index("'") :] in _SUFFIXES and _contracts(w):
            cut = w.index("'")
            out.extend([w[:cut], _SUFFIXES[w[cut:]]])
        else:
            out.append(spelling(w) if spell else w)
    return out


def _contracts(word: str) -> bool:
    host, suffix = word[: word.index("'")], word[word.index("'") :]
    return suffix != "'s" or host in _S_HOSTS


def _same(a: str, b: str) -> bool:
    return a == b or b in a.split("|") or a in b.split("|")


def same_words(source: Sequence[str], statement: Sequence[str]) -> bool:
    """The two sides of an edit say the same words, typography and spelling aside."""
    a, b = expand(source), expand(statement)
    return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
