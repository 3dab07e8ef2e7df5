"""Judge: material changes, attribution and the verdict message. Pure; no scoring, no I/O.

Scores cannot see meaning (a changed number scores higher than a harmless
word swap), so material changes are read off the word-level edits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import get_args

from claimcheck.models import Attribution, ClaimKind, Flag, Speaker, Verdict
from claimcheck.verify import severity
from claimcheck.verify.match import Edit
from claimcheck.verify.names import any_person


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen "
_UNITS += "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS.split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70})
_NUMBER_WORDS.update({"eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000})
_NUMBER_WORDS.update({"million": 1000000, "billion": 1000000000, "dozen": 12})
_NEGATIONS = _wordset("not no never none nobody nothing neither nor without cannot nowhere n't")
_MODALS = _wordset(
    "will would may might must can could shall should won't wouldn't can't couldn't "
    "shouldn't mustn't allegedly reportedly possibly probably likely perhaps"
)
# Capitalised words that start sentences rather than name anyone.
_COMMON = _wordset(
    "i a an the it its this that these those we he she they you our their his her my "
    "but and or so if in on at of for to as by with from there here what when while"
)
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
MATERIAL = severity.MATERIAL


def number_value(word: str) -> str | None:
    """'twelve', '12' and '12.0' are the same number; '1,000' is folded to 1000 earlier.

    >>> [number_value(w) for w in ("twelve", "12", "12.0", "1952", "Unicorn")]
    ['12', '12', '12', '1952', None]
    """
    w = word.lower().replace(",", "")
    if w in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[w])
    if _DIGITS.match(w):
        return format(float(w), "g") if "." in w else str(int(w))
    return None


def _sides(edits: Iterable[Edit]) -> tuple[list[str], list[str]]:
    src: list[str] = []
    st: list[str] = []
    for e in edits:
        src.extend(e.source)
        st.extend(e.statement)
    return src, st


def _is_negation(word: str) -> bool:
    w = word.lower().replace("\u2019", "'")
    return w in _NEGATIONS or w.endswith("n't")


def _numbers(words: list[str]) -> Counter[str]:
    return Counter(v for v in map(number_value, words) if v is not None)


def _modals(words: list[str]) -> Counter[str]:
    return Counter(w.lower() for w in words if w.lower().replace("\u2019", "'") in _MODALS)


def _names(words: list[str]) -> Counter[str]:
    return Counter(w.lower() for w in words if w[:1].isupper() and w.lower() not in _COMMON)


def edit_flags(edits: list[Edit]) -> list[Flag]:
    """Material changes visible in the word-level edits."""
    src, st = _sides(edits)
    flags: list[Flag] = []
    if _numbers(src) != _numbers(st):
        flags.append("number-changed")
    if sum(map(_is_negation, src)) != sum(map(_is_negation, st)):
        flags.append("negation-changed")
    named = [e for e in edits if not (e.at_start and e.op == "replace" and len(e.source) == 1)]
    nsrc, nst = _sides(named)
    if _names(nsrc) != _names(nst):
        flags.append("name-changed")
    if _modals(src) != _modals(st):
        flags.append("modality-changed")
    return flags


def truncated(keys: list[str], lo: int, hi: int) -> bool:
    """The passage ``[lo, hi)`` cuts a "not just/only … but (also)" construction.

    >>> k = "it was not just to counter china but also to build".split()
    >>> truncated(k, 4, 7), truncated(k, 2, 11), truncated(k, 9, 11)
    (True, False, False)
    """
    for i in range(len(keys) - 1):
        if keys[i] == "not" and keys[i + 1] in {"just", "only", "merely", "simply"}:
            for j in range(i + 2, min(len(keys), i + 30)):
                if keys[j] == "but":
                    end = j + 2 if j + 1 < len(keys) and keys[j + 1] == "also" else j + 1
                    overlaps = lo < end and hi > i
                    if overlaps and not (lo <= i and hi >= end):
                        return True
                    break
    return False


def kind_flags(statement_kind: ClaimKind, source_kind: ClaimKind) -> list[Flag]:
    if statement_kind != "quote":
        return []
    if source_kind == "indirect":
        return ["paraphrase-quoted"]
    if source_kind == "narrative":
        return ["not-a-quote"]
    return []


def attribution(verdict: Verdict, draft: str | None, speakers: list[Speaker]) -> Attribution:
    if verdict == "missing":
        return "not-applicable"
    if not draft:
        return "not-stated"
    if not speakers:
        return "unattributed-source"
    return "match" if any_person(draft, speakers) else "mismatch"


def order_flags(flags: Iterable[Flag]) -> list[Flag]:
    """Flags in the contract's order, once each: output stays byte-stable."""
    found = set(flags)
    return [f for f in get_args(Flag) if f in found]


def describe(edits: list[Edit], limit: int = 4) -> str:
    """The edits as a person reads them: the source's words, then the draft's."""
    parts: list[str] = []
    for e in edits[:limit]:
        src, st = " ".join(e.source), " ".join(e.statement)
        if e.op == "replace":
            parts.append(f'"{src}" became "{st}"')
        elif e.op == "delete":
            parts.append(f'drops "{src}"')
        else:
            parts.append(f'adds "{st}"')
    more = f" (+{len(edits) - limit} more)" if len(edits) > limit else ""
    return "; ".join(parts) + more


_FLAG_TEXT = {
    "paraphrase-quoted": "the source reports these words, it does not quote them",
    "not-a-quote": "in the source these are the writer's words, not a quotation",
    "speaker-conflict": "the corpus gives these words to more than one speaker",
    "truncated-meaning": 'the fragment cuts a "not just … but also" construction',
}


def message(
    verdict: Verdict,
    score: float,
    attribution_: Attribution,
    flags: list[Flag],
    edits: list[Edit],
    draft_speaker: str | None,
    source_speakers: list[str],
) -> str:
    if verdict == "missing":
        return "Not found in the corpus: no source passage scores above the threshold."
    material = [f for f in flags if f in MATERIAL and f != "truncated-meaning"]
    if verdict == "exact":
        text = "Found verbatim in the source."
    elif material:
        text = f"Misquote ({', '.join(material)}): {describe(edits)}."
    else:
        text = f"Worded differently from the source (score {score:.1f}): {describe(edits)}."
    if attribution_ == "mismatch":
        text += f" The source gives these words to {' and '.join(source_speakers)}"
        text += f", not {draft_speaker}."
    elif attribution_ == "unattributed-source":
        text += " The source does not attribute these words to anyone."
    for f in flags:
        if f in _FLAG_TEXT:
            text += f" Note: {_FLAG_TEXT[f]}."
    return text
