"""Real quotes from Wikinews articles, restated seven ways, with the verdict each should get.

Run ``PYTHONPATH=src python tests/realquotes.py`` to print accuracy per kind.
Fixtures and their licence: tests/data/WIKINEWS.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimcheck.lexicon.places import PLACE_NAMES
from claimcheck.models import Claim, Result
from claimcheck.verify import Corpus, Settings, check, load_corpus
from claimcheck.verify.index import spoken_text
from claimcheck.verify.statements import standalone

DATA = Path(__file__).resolve().parent / "data" / "wikinews"
KINDS = ("exact", "fragment", "word", "number", "negation", "speaker", "fabricated")
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|do|does|did)\b")
_NEG = re.compile(r"\s(?:not|never)\b|n't\b")
_NUM = re.compile(r"(?<![\w,.-])\d+(?![\w,.-])")
_KEEP = re.compile(r"^(?:never|cannot|without|nothing|nobody|nowhere|would|could|should|might)$")
# Invented statements on the same topics as the fixtures: none is in any article.
FABRICATED = [
    ("We have decided to keep every soldier in Syria until the end of next year", "Trump"),
    ("The border wall will be paid for entirely by the state of California", "Trump"),
    ("The mayor had received no threats of any kind before the festival", "Dulkiewicz"),
    ("The United Nations has already punished everyone responsible for the murder", "Cengiz"),
    ("He never wanted to play a superhero and turned down the role twice", "Coogler"),
    ("Bishops who hide abuse will be forgiven if they confess within a year", "Francis"),
    ("Drinking cow urine cured three of my neighbours of the virus last week", "Chakrapani"),
    ("The attacker was known to nobody and had never been in prison before", "Basu"),
]


@dataclass(frozen=True)
class Variant:
    kind: str
    text: str
    speaker: str | None
    source: Claim | None


def surname(name: str) -> str:
    """How a draft names the speaker again: the last name; a body named after a place
    ("Northern Ireland") has none, and goes by its whole name."""
    last = name.split()[-1]
    return name if last.lower() in PLACE_NAMES else last


def _changed_word(words: list[str]) -> list[str] | None:
    """Swap one ordinary word (not a negation, modal or number; outside [brackets])."""
    depth = 0
    for i, w in enumerate(words):
        depth += w.count("[") - w.count("]")
        if i < len(words) // 2 or depth or "[" in w or "]" in w:
            continue
        if w.isalpha() and w.islower() and len(w) > 4 and not _KEEP.match(w):
            return [*words[:i], "purportedly" if w != "purportedly" else "really", *words[i + 1 :]]
    return None


def _negated(text: str) -> str | None:
    m = _NEG.search(text)
    if m:
        return text[: m.start()] + text[m.end() :]
    m = _AUX.search(text)
    return text[: m.end()] + " not" + text[m.end() :] if m else None


def variants(corpus: Corpus) -> Iterator[Variant]:
    quotes = [
        e.claim
        for e in corpus.index.entries
        if e.claim.kind == "quote" and e.claim.speaker and len(e.claim.text.split()) >= 8
    ]
    speakers = sorted({q.speaker for q in quotes if q.speaker})
    for q in quotes:
        who = q.speaker or ""
        # What the speaker said: a split quotation without its cue.
        said = " ".join(spoken_text(q).split())
        words = said.split()
        yield Variant("exact", said, who, q)
        n = len(words)
        yield Variant(
            "fragment", " ".join(words[n // 4 : n // 4 + max(4, n // 2)]), surname(who), q
        )
        changed = _changed_word(words)
        if changed:
            yield Variant("word", " ".join(changed), surname(who), q)
        num = _NUM.search(said)
        if num:
            bumped = str(int(num.group()) + 1)
            yield Variant("number", said[: num.start()] + bumped + said[num.end() :], who, q)
        negated = _negated(said)
        if negated:
            yield Variant("negation", negated, who, q)
        others = [s for s in speakers if surname(s) != surname(who)]
        yield Variant("speaker", said, others[len(q.text) % len(others)], q)
    yield from _narrative_numbers(corpus)
    for text, who in FABRICATED:
        yield Variant("fabricated", text, who, None)


def _narrative_numbers(corpus: Corpus) -> Iterator[Variant]:
    """Few quotes hold a number; the writers' own sentences hold many (checked with --scope all)."""
    for e in corpus.index.entries:
        c = e.claim
        num = _NUM.search(c.text)
        if c.kind == "narrative" and c.speaker is None and num and len(c.text.split()) >= 6:
            bumped = str(int(num.group()) + 1)
            yield Variant("number", c.text[: num.start()] + bumped + c.text[num.end() :], None, c)


def correct(v: Variant, r: Result) -> bool:
    flags = set(r.flags)
    if v.kind == "exact":
        return r.verdict == "exact" and r.attribution == "match" and flags <= {"speaker-conflict"}
    if v.kind == "fragment":
        return r.verdict == "exact" and r.attribution == "match"
    if v.kind == "word":
        ok = not flags & {"number-changed", "negation-changed", "name-changed"}
        return r.verdict == "fuzzy" and r.attribution == "match" and ok
    if v.kind == "number":
        who = "match" if v.speaker else "not-stated"
        return r.verdict == "fuzzy" and r.attribution == who and "number-changed" in flags
    if v.kind == "negation":
        return r.verdict == "fuzzy" and r.attribution == "match" and "negation-changed" in flags
    if v.kind == "speaker":
        return r.verdict == "exact" and r.attribution == "mismatch"
    return r.verdict == "missing" and r.attribution == "not-applicable"


def run_suite() -> dict[str, tuple[int, int, list[str]]]:
    """kind -> (correct, total, failures)."""
    corpus = load_corpus(str(DATA))
    out: dict[str, tuple[int, int, list[str]]] = {k: (0, 0, []) for k in KINDS}
    for v in variants(corpus):
        kind = "quote" if v.source is None else v.source.kind
        st = standalone(v.text, v.speaker, path="d", kind=kind)
        r = check(st, corpus, Settings(), "x")
        good, total, failures = out[v.kind]
        ok = correct(v, r)
        if not ok:
            failures.append(f"{v.text[:60]!r} ({v.speaker}): {r.verdict} {r.attribution} {r.flags}")
        out[v.kind] = (good + ok, total + 1, failures)
    return out


if __name__ == "__main__":
    for kind, (good, total, failures) in run_suite().items():
        print(f"{kind:<11} {good:>3}/{total:<3} {good / max(total, 1):.0%}")
        for f in failures:
            print("   ", f)
