"""False alarms on correct quotes: does verify call a right speaker wrong? (issue 14)

    python benchmarks/false_alarms.py [--json] [--verbose --split dev|dev2|dev3]

A desk that sees false alarms switches the tool off, so this measures, end to
end through the real CLI, what ``claimcheck verify --format json`` says of
quotes a reporter got RIGHT, and of the same quotes given to the wrong person.

Data: the hand labels of ``benchmarks/labels/speakers-wikinews.json`` (see
``score_speakers.py``: article URL, offsets of a claim span in the article's
``text``, the true speaker and its ``accept`` forms). The corpus is every
Wikinews article (``../shared/corpora/wikinews``, CC BY 2.5), each written as
its title line, a blank line and its text (as ``claims_snapshot.py`` does), in
a temporary folder; ``claimcheck extract --out`` makes its ledgers once.

A labelled row is used when it has a speaker and its span (widened by a
quotation mark just outside it, past a comma or full
stop before the closing one) holds a direct quotation of at least
``MIN_WORDS`` words on one line; its longest such quotation is "the words".
Each row gives two statements, a paragraph each of a Markdown draft:

- (a) CORRECT: ``<label> said, “<the words>”`` (the label's first letter in
  upper case, as a sentence opens);
- (b) WRONG SPEAKER: the same words given to another speaker labelled in the
  same article (the most frequent other label there that is not the same
  person by ``verify.names.same_person``, ties to the first in file order); a
  row of an article with no other labelled speaker has no (b).

Each statement is one paragraph, so its results are those on its line. How a
statement is counted (a statement with several results counts by the worst):

(a) ``right``: exact or fuzzy, speaker ``match``, no error. ``false-alarm``: an
    ERROR about the speaker (attribution ``mismatch`` at error severity, the
    rule ``misattributed``, or a ``speaker-conflict`` flag at error).
    ``hedged``: the speaker questioned at warning severity (a ``mismatch`` the
    source is unsure of, or ``speaker-conflict``). ``other``: anything else,
    with the reason (``missing``, ``unattributed-source``, ``not-stated``, …).
    False alarms are also split by the source claim's ``speaker_basis``.
(b) ``caught``: an error about the speaker; ``warned``: a warning about it;
    ``missed``: neither (with the reason: ``match``, ``missing``, …).

Groups: ``read`` (every split but ``test``: dev, dev2, dev3, …) and ``scored``
(``test``). The test split is counted, never listed: ``--verbose`` lists the
rows of one read split only. Output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.models import Speaker
from claimcheck.verify.names import same_person

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_speakers import LABELS, WIKINEWS, normalise

SCORED = "test"
MIN_WORDS = 4
_QUOTE = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]")
_OPEN = '"“'
_CLOSE = '"”'
SPEAKER_FLAGS = ("speaker-conflict",)
ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Article:
    url: str
    title: str
    text: str


@dataclass(frozen=True)
class Case:
    split: str
    url: str
    offset: int
    words: str
    label: str
    wrong: str | None  # the wrong speaker of control (b), or None


@dataclass
class Outcome:
    case: Case
    kind: str  # "a" or "b"
    status: str
    reason: str = ""
    basis: str = "none"
    source_speaker: str | None = None
    results: list[dict[str, Any]] = field(default_factory=list)


def load_articles(path: Path = WIKINEWS) -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            out.append(Article(a["url"], a["title"], a["text"]))
    return out


def load_rows(path: Path = LABELS) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["rows"]
    return rows


def quoted_words(text: str, a: int, b: int) -> str | None:
    """The longest quotation of at least ``MIN_WORDS`` words on one line in the span."""
    if a > 0 and text[a - 1] in _OPEN:
        a -= 1
    # A quote claim's span is the words inside the marks, without the comma or full stop
    # before the closing mark ("…everything," Stefaniak said).
    close = b
    while close < min(len(text), b + 2) and text[close] in ",.!?;:":
        close += 1
    if close < len(text) and text[close] in _CLOSE:
        b = close + 1
    segs = [m.group(1).strip() for m in _QUOTE.finditer(text[a:b])]
    segs = [s for s in segs if len(s.split()) >= MIN_WORDS]
    return max(segs, key=len) if segs else None  # max keeps the first of a tie


def _same(x: str, y: str) -> bool:
    if normalise(x) == normalise(y):
        return True
    return same_person(x, Speaker(name=y)) or same_person(y, Speaker(name=x))


def cases(rows: Sequence[Mapping[str, Any]], texts: Mapping[str, str]) -> list[Case]:
    by_url: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        by_url.setdefault(r["url"], []).append(r)
    out = []
    for r in rows:
        label = r["speaker"]
        if label is None:
            continue
        words = quoted_words(texts[r["url"]], r["offset"], r["end"])
        if words is None:
            continue
        forms = [label, *(r.get("accept") or ())]
        others: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, o in enumerate(by_url[r["url"]]):
            name = o["speaker"]
            if name is None or any(_same(name, f) for f in forms):
                continue
            others[name] += 1
            first.setdefault(name, i)
        wrong = min(others, key=lambda n: (-others[n], first[n])) if others else None
        out.append(Case(r["split"], r["url"], r["offset"], words, label, wrong))
    return out


def _sentence(speaker: str, words: str) -> str:
    who = speaker[:1].upper() + speaker[1:]
    # Inner double marks would end the quotation early: the draft nests them as single.
    inner = words.replace("“", "‘").replace("”", "’").replace('"', "'")
    return f"{who} said, “{inner}”"


def _worst(results: list[dict[str, Any]]) -> dict[str, Any]:
    return min(results, key=lambda r: ORDER[r["severity"]])


def _about_speaker(r: dict[str, Any]) -> bool:
    return r["attribution"] == "mismatch" or any(f in SPEAKER_FLAGS for f in r["flags"])


def classify(kind: str, results: list[dict[str, Any]]) -> tuple[str, str, dict[str, Any] | None]:
    """(status, reason, the result that decided it) of one statement's results."""
    if not results:
        return ("other" if kind == "a" else "missed"), "no-statement", None
    speaker_errors = [r for r in results if _about_speaker(r) and r["severity"] == "error"]
    speaker_warnings = [r for r in results if _about_speaker(r) and r["severity"] == "warning"]
    if speaker_errors:
        r = speaker_errors[0]
        return ("false-alarm" if kind == "a" else "caught"), r["rule"], r
    if speaker_warnings:
        r = speaker_warnings[0]
        return ("hedged" if kind == "a" else "warned"), r["rule"], r
    worst = _worst(results)
    if kind == "b":
        reason = worst["attribution"] if worst["verdict"] != "missing" else "missing"
        return "missed", reason, worst
    ok = all(
        r["verdict"] in ("exact", "fuzzy")
        and r["attribution"] == "match"
        and r["severity"] != "error"
        for r in results
    )
    if ok:
        return "right", "", worst
    if worst["verdict"] == "missing":
        return "other", "missing", worst
    if worst["attribution"] != "match":
        return "other", worst["attribution"], worst
    return "other", f"{worst['severity']}:{worst['rule']}", worst


def _cli() -> list[str]:
    return [sys.executable, "-m", "claimcheck"]


def run(articles: Sequence[Article], cs: Sequence[Case], workdir: Path) -> list[Outcome]:
    """Write the corpus and drafts under ``workdir``, extract once, verify, classify."""
    corpus = workdir / "corpus"
    corpus.mkdir()
    for i, art in enumerate(articles):
        (corpus / f"wn{i:03d}.txt").write_text(f"{art.title}\n\n{art.text}", encoding="utf-8")
    env = dict(os.environ)
    # The CLI runs in ``workdir``: a relative PYTHONPATH (``src``) would no longer find
    # this tree's code, and the installed claimcheck would answer instead.
    import claimcheck

    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(claimcheck.__file__).resolve().parents[1]), env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    subprocess.run(
        [*_cli(), "extract", "--out", "claims", "corpus"],
        cwd=workdir,
        env=env,
        check=True,
        capture_output=True,
    )
    outcomes: list[Outcome] = []
    for kind in ("a", "b"):
        todo = [c for c in cs if kind == "a" or c.wrong is not None]
        if not todo:
            continue
        lines = []
        for c in todo:
            who = c.label if kind == "a" else c.wrong
            assert who is not None
            lines.append(_sentence(who, c.words))
        draft = workdir / f"draft-{kind}.md"
        draft.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        proc = subprocess.run(
            [
                *_cli(),
                "verify",
                "--isolated",
                "--corpus",
                "corpus",
                "--claims",
                "claims",
                "--format",
                "json",
                "--exit-zero",
                draft.name,
            ],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"verify failed ({proc.returncode}): {proc.stderr[-2000:]}")
        report = json.loads(proc.stdout)
        by_line: dict[int, list[dict[str, Any]]] = {}
        for r in report["results"]:
            by_line.setdefault(r["statement"]["line"], []).append(r)
        for i, c in enumerate(todo):
            results = by_line.get(2 * i + 1, [])
            status, reason, decisive = classify(kind, results)
            source = (decisive or {}).get("source") or {}
            outcomes.append(
                Outcome(
                    case=c,
                    kind=kind,
                    status=status,
                    reason=reason,
                    basis=source.get("speaker_basis") or "none",
                    source_speaker=source.get("speaker"),
                    results=results,
                )
            )
    return outcomes


A_STATUSES = ("right", "false-alarm", "hedged", "other")
B_STATUSES = ("caught", "warned", "missed")


def _count(xs: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(xs).items()))


def tally(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    os_ = list(outcomes)
    a = [o for o in os_ if o.kind == "a"]
    b = [o for o in os_ if o.kind == "b"]
    return {
        "correct": {
            "statements": len(a),
            **{s: sum(o.status == s for o in a) for s in A_STATUSES},
            "false_alarm_basis": _count(o.basis for o in a if o.status == "false-alarm"),
            "hedged_basis": _count(o.basis for o in a if o.status == "hedged"),
            "right_basis": _count(o.basis for o in a if o.status == "right"),
            "other_reasons": _count(o.reason for o in a if o.status == "other"),
        },
        "wrong_speaker": {
            "statements": len(b),
            **{s: sum(o.status == s for o in b) for s in B_STATUSES},
            "missed_reasons": _count(o.reason for o in b if o.status == "missed"),
            "caught_basis": _count(o.basis for o in b if o.status == "caught"),
            "warned_basis": _count(o.basis for o in b if o.status == "warned"),
        },
    }


def group_of(split: str) -> str:
    return "scored" if split == SCORED else "read"


def report(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    splits = sorted({o.case.split for o in outcomes}, key=lambda s: (s == SCORED, len(s), s))
    out: dict[str, Any] = {}
    for g in ("read", "scored"):
        out[g] = tally(o for o in outcomes if group_of(o.case.split) == g)
    out["splits"] = {s: tally(o for o in outcomes if o.case.split == s) for s in splits}
    return out


def _fmt(d: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in d.items()) or "-"


def table(rep: Mapping[str, Any]) -> str:
    lines = [
        "group    | (a) correct: n  right  FALSE-ALARM  hedged  other "
        "| (b) wrong: n  caught  warned  missed",
    ]
    rows = [("read", rep["read"]), ("scored", rep["scored"])]
    rows += [(f"  {s}", t) for s, t in rep["splits"].items() if s != SCORED]
    for name, t in rows:
        a, b = t["correct"], t["wrong_speaker"]
        lines.append(
            f"{name:<8} | {a['statements']:>16} {a['right']:>6} {a['false-alarm']:>12} "
            f"{a['hedged']:>7} {a['other']:>6} | {b['statements']:>12} {b['caught']:>7} "
            f"{b['warned']:>7} {b['missed']:>7}"
        )
    for g in ("read", "scored"):
        a, b = rep[g]["correct"], rep[g]["wrong_speaker"]
        lines.append(f"{g}: false alarms by source speaker_basis: {_fmt(a['false_alarm_basis'])}")
        lines.append(f"{g}: hedged by source speaker_basis: {_fmt(a['hedged_basis'])}")
        lines.append(f"{g}: (a) right by source speaker_basis: {_fmt(a['right_basis'])}")
        lines.append(f"{g}: (b) caught by source speaker_basis: {_fmt(b['caught_basis'])}")
        lines.append(f"{g}: (b) warned by source speaker_basis: {_fmt(b['warned_basis'])}")
        lines.append(f"{g}: (a) other: {_fmt(a['other_reasons'])}")
        lines.append(f"{g}: (b) missed: {_fmt(b['missed_reasons'])}")
    return "\n".join(lines)


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--verbose", action="store_true", help="list rows not right (--split only)")
    ap.add_argument("--split", help="with --verbose: the read split to list (never test)")
    args = ap.parse_args(argv)
    if args.verbose and (not args.split or args.split == SCORED):
        print("--verbose lists one read split's rows: --split dev, dev2, dev3 …", file=sys.stderr)
        return 2
    articles = load_articles()
    texts = {a.url: a.text for a in articles}
    cs = cases(load_rows(), texts)
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = run(articles, cs, Path(tmp))
    rep = report(outcomes)
    print(json.dumps(rep, indent=1, sort_keys=True) if args.json else table(rep))
    if args.verbose:
        out = sys.stderr if args.json else sys.stdout
        for o in outcomes:
            if o.case.split != args.split or o.status in ("right", "caught"):
                continue
            who = o.case.label if o.kind == "a" else o.case.wrong
            msgs = " | ".join(r["message"] for r in o.results)
            print(
                f"  ({o.kind}) {o.status} {o.reason} {o.case.url} @{o.case.offset} "
                f"{who!r} {_short(o.case.words)!r}: source {o.source_speaker!r} "
                f"[{o.basis}] {_short(msgs, 200)}",
                file=out,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
