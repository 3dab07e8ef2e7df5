"""Canonical speaker names of claims on Wikinews, against hand labels.

    python benchmarks/score_speakers.py [--split dev|dev2|...|dev8|test|all] [--verbose] [--json]
                                        [--min precision=0.97 ...] [--max junk=0.01 ...]

``benchmarks/labels/speakers-wikinews.json`` holds hand labels for claims drawn
at random from the Wikinews corpus (``../shared/corpora/wikinews``, CC BY 2.5;
see ``benchmarks/sample_speakers.py``): the article URL, the span's character
offsets and who said or wrote it. This script re-runs the extractor on each
labelled article and, for each row, takes the predicted ``quote``/``indirect``
claim that overlaps the labelled span in the most characters. The row is *still
extracted* when that claim covers at least half of the labelled span, or at
least half of the claim lies inside it.

Splits: ``dev`` and ``test`` halve the first draw by article; ``dev2`` is a
second, fresh draw from the articles without a test row, read while working
once ``dev`` had been read too often to say how the extractor does on unseen
claims (see ``benchmarks/sample_speakers.py``); ``dev3`` is a third such draw,
made once ``dev2``'s remaining errors had become one-offs; ``dev4`` a fourth, drawn
once ``dev3`` had been read; ``dev5`` to ``dev8`` a fifth to eighth, each drawn once
the errors of the one before had been fixed. ``test`` is scored, never read:
``--verbose`` lists rows of the dev splits only.

Numbers, per split:

- ``rows``: labelled rows; ``extracted``: rows still extracted.
- ``predicted``: extracted rows whose claim has a speaker.
- ``precision``: of ``predicted``, the share whose speaker is right. A null
  label has no right speaker, so a speaker there counts against precision.
- ``precision_named``: the same over rows whose label is a speaker.
- ``recall``: of the rows labelled with a speaker, the share whose predicted
  speaker is right (a row not extracted counts as missed).
- ``spurious``: rows labelled null (not a claim, or no source) that got a speaker.
- ``junk``: of ``predicted``, the share whose speaker is not a person or body
  at all (see below); ``junk_count`` is the count.

A prediction is right when, after normalising both sides, it equals the label
or one of its ``accept`` forms. Normalising: lower case; curly apostrophes made
straight; whitespace collapsed; a leading article ("the", "a", "an") and honorifics (Mr, Mrs, Ms,
Miss, Dr, Prof, Sir, Dame, with or without a full stop) dropped; a trailing
possessive ("'s", "'") and surrounding punctuation dropped. Nothing else is
forgiven: a bare surname for a full name is wrong, since canonical means the
full name.

Junk is decided from the predicted name and the article alone, by these rules
(the first that applies is reported):

1. ``pronoun``: the name is a personal, possessive or relative pronoun ("he",
   "they", "who").
2. ``title``: every word is an honorific or title ("Ms.", "Dr", "Senator"),
   possibly with a country prefix ("U.S. Secretary").
3. ``party-tag``: a party-and-state tag such as "D-Calif" or "R-N.Y.".
4. ``date``: only weekday, month, day-word ("yesterday") or number words
   ("May" is left out: it is also a surname).
5. ``adverb``: the name starts with a sentence-opening adverb or conjunction
   ("Later", "When", "However Smith", "According"), or is a bare determiner
   ("Another", "Some"; "Some officials" is not junk).
6. ``nationality``: a bare nationality adjective ("Chinese", "Iranian").
7. ``verb``: a lower-case word from a closed list of finite verbs and
   auxiliaries ("said", "told", "is", "has", "will", "according"), i.e. a
   name that swallowed part of its sentence.
8. ``absent``: the normalised name (without "the" and honorifics) does not
   occur in the article text as whole words, ignoring case and diacritics
   ("Erdogan" is found in "Erdoğan"); of a pair joined by "and", each name must
   occur ("Robert Mugabe and Morgan Tsvangirai").

The rules are closed lists on purpose: a name they do not catch is not junk,
only perhaps wrong.

``--min NAME=X`` and ``--max NAME=X`` make the script exit 1 when a number of
``--split`` (``all``: every row together) falls below X or rises above it, so a
test can gate on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.extract import extract
from claimcheck.loaders import from_text

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
LABELS = HERE / "labels" / "speakers-wikinews.json"
WIKINEWS = SHARED / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"
KINDS = ("quote", "indirect")
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "test")
READABLE = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8")
METRICS = (
    "rows",
    "extracted",
    "predicted",
    "right",
    "precision",
    "precision_named",
    "recall",
    "spurious",
    "null_rows",
    "junk",
    "junk_count",
)

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}
TITLES = HONORIFICS | {
    "president",
    "vice",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "secretary",
    "minister",
    "prime",
    "premier",
    "governor",
    "gov",
    "mayor",
    "judge",
    "justice",
    "chief",
    "deputy",
    "general",
    "gen",
    "col",
    "capt",
    "captain",
    "lt",
    "sgt",
    "officer",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "doctor",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "rev",
    "reverend",
    "speaker",
    "leader",
    "attorney",
    "state",
    "foreign",
    "interior",
    "health",
    "defense",
    "defence",
    "former",
    "acting",
    "assistant",
    "associate",
    "executive",
    "senior",
}
COUNTRY_PREFIXES = {"u.s", "us", "u.k", "uk", "un", "eu", "american", "british", "federal"}
PRONOUNS = {
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "one",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "himself",
    "herself",
    "themselves",
    "itself",
}
DATE_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "last",
    "next",
    "this",
    "on",
    "of",
}
OPENERS = {
    "later",
    "earlier",
    "when",
    "while",
    "after",
    "before",
    "although",
    "though",
    "because",
    "since",
    "if",
    "however",
    "meanwhile",
    "then",
    "also",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "still",
    "thus",
    "instead",
    "additionally",
    "furthermore",
    "moreover",
    "previously",
    "subsequently",
    "finally",
    "now",
    "here",
    "there",
    "according",
    "speaking",
    "asked",
    "in",
    "at",
    "as",
}
NATIONALITIES = {
    "american",
    "british",
    "english",
    "scottish",
    "welsh",
    "irish",
    "french",
    "german",
    "italian",
    "spanish",
    "portuguese",
    "dutch",
    "belgian",
    "swiss",
    "austrian",
    "swedish",
    "norwegian",
    "danish",
    "finnish",
    "polish",
    "czech",
    "hungarian",
    "greek",
    "turkish",
    "russian",
    "ukrainian",
    "chinese",
    "japanese",
    "korean",
    "indian",
    "pakistani",
    "afghan",
    "iranian",
    "iraqi",
    "syrian",
    "israeli",
    "palestinian",
    "egyptian",
    "libyan",
    "saudi",
    "mexican",
    "canadian",
    "brazilian",
    "argentine",
    "argentinian",
    "chilean",
    "cuban",
    "venezuelan",
    "australian",
    "zimbabwean",
    "nigerian",
    "kenyan",
    "thai",
    "indonesian",
    "filipino",
    "vietnamese",
    "tunisian",
    "cypriot",
    "tongan",
    "samoan",
    "burundian",
    "kurdish",
    "puerto",
    "rican",
    "european",
    "african",
    "asian",
    "western",
}
VERBS = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "added",
    "adds",
    "claimed",
    "stated",
    "noted",
    "wrote",
    "writes",
    "reported",
    "announced",
    "explained",
    "argued",
    "asked",
    "believes",
    "believed",
    "thinks",
    "according",
    "suggested",
    "warned",
    "insisted",
    "described",
}
DETERMINERS = {
    "another",
    "other",
    "some",
    "such",
    "both",
    "each",
    "every",
    "many",
    "most",
    "several",
}
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*\.?$")
_NUMBER = re.compile(r"^\d+(st|nd|rd|th)?$")
_WORD = re.compile(r"[\w.'’-]+")


def _words(name: str) -> list[str]:
    return [w.strip(".,;:'’\"") for w in _WORD.findall(name) if w.strip(".,;:'’\"")]


def _fold(s: str) -> str:
    """Lower case without diacritics, straight apostrophes, collapsed whitespace."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
    return " ".join("".join(ch for ch in s if not unicodedata.combining(ch)).lower().split())


# A leading article names no one: "a government official" is the extractor's "government
# official" (its canonical names drop the article), as "the police" is "police".
ARTICLES = frozenset({"the", "a", "an"})


def normalise(name: str) -> str:
    """Lower case, straight apostrophes, no leading article, honorifics or possessive."""
    s = name.replace("’", "'").replace("‘", "'").lower()
    s = " ".join(s.split()).strip(' \t,;:"()[]')
    s = re.sub(r"'s$|'$", "", s).strip()
    words = s.split(" ")
    while words and (words[0] in ARTICLES or words[0].rstrip(".") in HONORIFICS):
        words = words[1:]
    return " ".join(words).strip(" .,")


def junk_reason(name: str, text: str) -> str | None:
    """Why ``name`` is not a person or body at all, or None (see the module doc)."""
    raw = name.strip()
    words = _words(raw)
    low = [w.lower() for w in words]
    if not low:
        return "empty"
    if len(low) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    bare = [w.rstrip(".") for w in low]
    if all(w in TITLES or w in COUNTRY_PREFIXES for w in bare) and any(w in TITLES for w in bare):
        return "title"
    if _PARTY_TAG.match(raw):
        return "party-tag"
    if all(w in DATE_WORDS or _NUMBER.match(w) for w in bare) and any(
        w in DATE_WORDS - {"last", "next", "this", "on", "of"} or _NUMBER.match(w) for w in bare
    ):
        return "date"
    if bare[0] in OPENERS or (len(bare) == 1 and bare[0] in DETERMINERS):
        return "adverb"
    if len(bare) == 1 and bare[0] in NATIONALITIES:
        return "nationality"
    if any(w in VERBS and w == orig for w, orig in zip(bare, words, strict=True)):
        return "verb"
    folded = _fold(text)
    # "Robert Mugabe and Morgan Tsvangirai" joins two names the article gives apart:
    # each of them must occur, not the pair as one run of words.
    parts = [_fold(normalise(p)) for p in re.split(r"\s+and\s+", raw)]
    if any(p and not re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", folded) for p in parts):
        return "absent"
    return None


@dataclass(frozen=True)
class Outcome:
    split: str
    url: str
    offset: int
    end: int
    span: str
    label: str | None
    accept: tuple[str, ...]
    extracted: bool
    got: str | None
    junk: str | None

    @property
    def right(self) -> bool:
        if self.label is None or self.got is None:
            return False
        forms = {normalise(f) for f in (self.label, *self.accept)}
        return normalise(self.got) in forms

    @property
    def spurious(self) -> bool:
        return self.label is None and self.got is not None


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def load_texts(corpus: Path = WIKINEWS) -> dict[str, str]:
    texts: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            texts[art["url"]] = art["text"]
    return texts


def score(corpus: Path = WIKINEWS, labels: Path = LABELS) -> list[Outcome]:
    texts = load_texts(corpus)
    rows: list[dict[str, Any]] = json.loads(labels.read_text(encoding="utf-8"))["rows"]
    claims: dict[str, list[Any]] = {}
    out: list[Outcome] = []
    for row in rows:
        url, a, b = row["url"], row["offset"], row["end"]
        text = texts[url]
        span = text[a:b]
        sha = hashlib.sha1(span.encode("utf-8")).hexdigest()[:10]
        if "span_sha1" in row and row["span_sha1"] != sha:
            raise SystemExit(f"{url}: span {a}-{b} is not the labelled one (corpus changed?)")
        if url not in claims:
            claims[url] = [c for c in extract(from_text(text)).claims if c.kind in KINDS]
        best = max(claims[url], key=lambda c: _overlap(a, b, c.start, c.end), default=None)
        ov = 0 if best is None else _overlap(a, b, best.start, best.end)
        extracted = (
            best is not None
            and ov > 0
            and (ov >= 0.5 * (b - a) or ov >= 0.5 * max(1, best.end - best.start))
        )
        got = best.speaker if extracted and best is not None else None
        out.append(
            Outcome(
                split=row["split"],
                url=url,
                offset=a,
                end=b,
                span=span,
                label=row["speaker"],
                accept=tuple(row.get("accept", ())),
                extracted=extracted,
                got=got,
                junk=None if got is None else junk_reason(got, text),
            )
        )
    return out


def _share(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def numbers(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    os_ = list(outcomes)
    ext = [o for o in os_ if o.extracted]
    pred = [o for o in ext if o.got is not None]
    named_pred = [o for o in pred if o.label is not None]
    named = [o for o in os_ if o.label is not None]
    right = sum(o.right for o in pred)
    junk = sum(o.junk is not None for o in pred)
    return {
        "rows": len(os_),
        "extracted": len(ext),
        "predicted": len(pred),
        "right": right,
        "precision": _share(right, len(pred)),
        "precision_named": _share(sum(o.right for o in named_pred), len(named_pred)),
        "recall": _share(sum(o.right for o in named), len(named)),
        "spurious": sum(o.spurious for o in ext),
        "null_rows": sum(o.label is None for o in os_),
        "junk": _share(junk, len(pred)),
        "junk_count": junk,
    }


def _bounds(specs: list[str], flag: str) -> dict[str, float]:
    bounds: dict[str, float] = {}
    for spec in specs:
        key, _, value = spec.partition("=")
        key = key.strip()
        if key not in METRICS:
            raise SystemExit(f"{flag}: no number called {key!r} (have {', '.join(METRICS)})")
        try:
            bounds[key] = float(value)
        except ValueError:
            raise SystemExit(f"{flag} wants name=number, got {spec!r}") from None
    return bounds


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument(
        "--verbose",
        action="store_true",
        help="list wrong, junk and spurious rows (of dev to dev8; test is never read)",
    )
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="NAME=X",
        help="exit 1 if NAME (e.g. precision) of --split is below X; repeatable",
    )
    ap.add_argument(
        "--max",
        action="append",
        default=[],
        metavar="NAME=X",
        help="exit 1 if NAME (e.g. junk) of --split is above X; repeatable",
    )
    args = ap.parse_args(argv)
    if args.verbose and args.split not in READABLE:
        print(
            f"--verbose lists rows to read, and split {args.split!r} holds test rows, which are "
            "scored only: use --split dev or dev2 to dev8",
            file=sys.stderr,
        )
        return 2
    floors = _bounds(args.min, "--min")
    ceilings = _bounds(args.max, "--max")
    outcomes = score()
    splits = [*SPLITS, "all"] if args.split == "all" else [args.split]
    report = {s: numbers(o for o in outcomes if s in ("all", o.split)) for s in splits}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for s, r in report.items():

            def pct(x: float | None) -> str:
                return "n/a" if x is None else f"{x:.3f}"

            print(
                f"speakers ({s}): rows {r['rows']}, extracted {r['extracted']}, "
                f"with speaker {r['predicted']}; precision {pct(r['precision'])} "
                f"({r['right']}/{r['predicted']}), precision on named labels "
                f"{pct(r['precision_named'])}, recall {pct(r['recall'])}, "
                f"spurious {r['spurious']}/{r['null_rows']} null rows, "
                f"junk {pct(r['junk'])} ({r['junk_count']})"
            )
    if args.verbose:
        out = sys.stderr if args.json else sys.stdout
        for o in outcomes:
            if args.split not in ("all", o.split) or o.got is None or o.right:
                continue
            what = "SPURIOUS" if o.spurious else "WRONG"
            if o.junk:
                what += f" JUNK:{o.junk}"
            print(
                f"  {what} {o.split} {o.url} @{o.offset} {_short(o.span)!r}: "
                f"want {o.label!r}, got {o.got!r}",
                file=out,
            )
    chosen = report[args.split]
    failed = []
    for key, floor in floors.items():
        value = chosen[key]
        if value is None or value < floor:
            failed.append(f"{key} {value} < {floor}")
    for key, ceiling in ceilings.items():
        value = chosen[key]
        if value is None or value > ceiling:
            failed.append(f"{key} {value} > {ceiling}")
    if failed:
        print(f"out of bounds ({args.split}): " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
