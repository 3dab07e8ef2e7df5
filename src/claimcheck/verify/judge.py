"""Judge: material changes, attribution and the verdict message. Pure; no scoring, no I/O.

Scores cannot see meaning (a changed number scores higher than a harmless
word swap), so material changes are read off the word-level edits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import get_args

from claimcheck.lexicon.names import NOT_NAMES
from claimcheck.models import Attribution, ClaimKind, Flag, Speaker, Verdict
from claimcheck.verify import severity
from claimcheck.verify.align import Edit
from claimcheck.verify.wording import same_words


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen "
_UNITS += "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS.split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70})
_NUMBER_WORDS.update({"eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000})
_NUMBER_WORDS.update({"million": 1000000, "billion": 1000000000, "dozen": 12})
_NEGATIONS = _wordset("not no never none nobody nothing neither nor without cannot nowhere n't")
# Modal words by lemma: "shouldn't" is "should" and a negation, so dropping its
# "n't" changes the negation only.
_MODALS = _wordset(
    "will would may might must can could shall should allegedly reportedly possibly "
    "probably likely perhaps"
)
_MODAL_FORMS = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall", "'ll": "will"}
# Reported speech shifts tense: "I will come" is reported as "he would come".
_BACKSHIFT = {"would": "will", "could": "can", "might": "may"}
# Capitalised words that start sentences rather than name anyone.
COMMON = (
    _wordset(
        "i a an the it its this that these those we he she they you our their his her my "
        "but and or so if in on at of for to as by with from there here what when while let"
    )
    | NOT_NAMES
)
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
MATERIAL = severity.MATERIAL
# A quote of fewer words is found only word for word or with one edit.
SHORT_QUOTE = 5
# A passage of fewer words cannot tell who said it: no mismatch, no conflict. One word
# ("bold", "inevitable") is anyone's; two ("institution builders") can be someone's.
TELLING = 2


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


def _plain(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def is_negation(word: str) -> bool:
    w = _plain(word)
    return w in _NEGATIONS or w.endswith("n't")


def _negations(words: list[str], other: list[str]) -> int:
    """Negations, counting "unclear" as one where the other side has "not … clear"."""
    plain = {_plain(w) for w in other}
    prefixed = sum(1 for w in map(_plain, words) if w.startswith("un") and w[2:] in plain)
    return sum(map(is_negation, words)) + prefixed


def _numbers(words: list[str]) -> Counter[str]:
    return Counter(v for v in map(number_value, words) if v is not None)


def modal_lemma(word: str, reported: bool = False) -> str | None:
    """'shouldn't' → 'should'; in reported speech 'would' → 'will' (the tense shift)."""
    w = _plain(word)
    w = _MODAL_FORMS.get(w, w[:-3] if w.endswith("n't") else w)
    if w not in _MODALS:
        return None
    return _BACKSHIFT.get(w, w) if reported else w


def _modals(words: list[str], reported: bool) -> set[str]:
    return {m for m in (modal_lemma(w, reported) for w in words) if m is not None}


def _name_key(word: str) -> str:
    w = _plain(word)
    return w[:-2] if w.endswith("'s") else w


def _names(words: list[str]) -> Counter[str]:
    """Capitalised words that are not sentence openers, by lower case ("It's" is not one)."""
    out: Counter[str] = Counter()
    for w in words:
        key = _name_key(w)
        if w[:1].isupper() and key not in COMMON and key.split("'")[0] not in COMMON:
            out[key] += 1
    return out


def edit_flags(edits: list[Edit], kind: ClaimKind = "quote") -> list[Flag]:
    """Material changes visible in the word-level edits.

    Typography is not meaning: an edit that only spells out a contraction or
    changes a spelling (``wording.same_words``) changes nothing material. In
    reported speech (``kind`` "indirect") the tense shift of modals is not a
    change, and a name is changed only where another name stood.
    """
    meaningful = [e for e in edits if not same_words(e.source, e.statement)]
    src, st = _sides(meaningful)
    flags: list[Flag] = []
    if _numbers(src) != _numbers(st):
        flags.append("number-changed")
    if _negations(src, st) != _negations(st, src):
        flags.append("negation-changed")
    named = [e for e in meaningful if not (e.at_start and e.op == "replace" and len(e.source) == 1)]
    nsrc, nst = map(_names, _sides(named))
    # Reported speech may name who "he" or "we" is; only a name for a name is a change.
    swapped = bool(nst - nsrc) and bool(nsrc - nst)
    if swapped if kind == "indirect" else nsrc != nst:
        flags.append("name-changed")
    reported = kind == "indirect"
    if _modals(src, reported) != _modals(st, reported):
        flags.append("modality-changed")
    return flags


def gap_flags(keys: list[str], gaps: Iterable[tuple[int, int]]) -> list[Flag]:
    """An ellipsis that leaves out a negation inside a clause ("would … have been").

    >>> gap_flags("it would not have been".split(), [(2, 3)])
    ['negation-changed']
    >>> gap_flags("it is not so . but later it was".split(), [(2, 8)])
    []
    """
    for a, b in gaps:
        if b - a <= _SHORT_GAP and any(map(is_negation, keys[a:b])):
            return ["negation-changed"]
    return []


_SHORT_GAP = 3


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


def attribution(
    draft: str | None, speakers: list[Speaker], mine: bool, telling: bool = True
) -> Attribution:
    """``mine``: the draft's speaker is one of these sources'; ``telling``: the passage is
    long enough to tell who said it (one common word is anyone's)."""
    if not draft:
        return "not-stated"
    if not speakers:
        return "unattributed-source"
    if mine:
        return "match"
    return "mismatch" if telling else "not-applicable"


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
    doubt: str | None = None,
) -> str:
    material = [f for f in flags if f in MATERIAL and f != "truncated-meaning"]
    if verdict == "exact":
        text = "Found verbatim in the source."
        if material:
            text = f"Found in the source, but the ellipsis leaves out a negation ({material[0]})."
    elif material:
        text = f"Misquote ({', '.join(material)}): {describe(edits)}."
    else:
        text = f"Worded differently from the source (score {score:.1f}): {describe(edits)}."
    if attribution_ == "mismatch":
        text += f" The source gives these words to {' and '.join(source_speakers)}"
        text += f", not {draft_speaker}."
        if doubt:
            text += f" But {doubt}, so the source's speaker is not sure: check who said it."
    elif attribution_ == "unattributed-source":
        text += " The source does not attribute these words to anyone."
    elif attribution_ == "not-applicable":
        text += (
            " Too short to tell who said it: the corpus has these words from "
            f"{' and '.join(source_speakers)}."
        )
    for f in flags:
        if f in _FLAG_TEXT:
            text += f" Note: {_FLAG_TEXT[f]}."
    return text


def missing_message(short: bool, limit: int) -> str:
    if short:
        return (
            f"Not found in the corpus: a quote under {limit} words is found only word for "
            "word or with one edit, and no source passage is that close (see the hint)."
        )
    return "Not found in the corpus: no source passage scores above the threshold."


def paraphrase_message(
    flags: list[Flag], edits: list[Edit], speakers: list[str], matched: list[str]
) -> str:
    who = " and ".join(speakers) or "the source"
    text = f"Reported in other words: a paraphrase of {who}'s words"
    text += f" (the alignment matched: {', '.join(matched)})."
    material = [f for f in flags if f in MATERIAL]
    if material:
        text = f"Misreported ({', '.join(material)}): " + text[0].lower() + text[1:]
        numbers = [e for e in edits if e.statement]
        if numbers:
            text += f" {describe(numbers)}."
    return text
