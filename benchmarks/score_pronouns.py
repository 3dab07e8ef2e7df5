"""How often a pronoun speaker ("He said …") resolves to the right person, on Wikinews.

    python benchmarks/score_pronouns.py [--split dev|test|all] [--verbose]

PolNeAR marks where a speaker is mentioned but not who the mention refers to, so
it cannot score pronoun resolution. ``benchmarks/labels/pronouns-wikinews.json``
holds hand labels for 60 pronoun mentions drawn at random from the Wikinews
corpus (``../shared/corpora/wikinews``, CC BY 2.5): the article URL, the
pronoun's offset and the expected speaker. A label is met when the claim whose
mention starts at that offset has a speaker whose name contains the label, or,
for a null label, when no claim there has a speaker.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from claimcheck.extract import extract
from claimcheck.loaders import from_text

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
LABELS = HERE / "labels" / "pronouns-wikinews.json"
WIKINEWS = SHARED / "corpora" / "wikinews" / "wikinews_2019_2020.jsonl"


@dataclass(frozen=True)
class Outcome:
    split: str
    url: str
    offset: int
    pronoun: str
    expected: str | None
    got: str | None

    @property
    def ok(self) -> bool:
        if self.expected is None:
            return self.got is None
        return self.got is not None and self.expected.lower() in self.got.lower()


def score(corpus: Path = WIKINEWS, labels: Path = LABELS) -> list[Outcome]:
    texts = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            texts[art["url"]] = art["text"]
    rows = json.loads(labels.read_text(encoding="utf-8"))["rows"]
    ledgers = {}
    out = []
    for row in rows:
        url = row["url"]
        if url not in ledgers:
            ledgers[url] = extract(from_text(texts[url])).claims
        text = texts[url]
        if not text[row["offset"] :].startswith(row["pronoun"]):
            raise SystemExit(f"{url}: no {row['pronoun']!r} at offset {row['offset']}")
        speakers = [
            c.speaker
            for c in ledgers[url]
            if c.mention is not None and c.mention.start == row["offset"]
        ]
        got = next((s for s in speakers if s is not None), None)
        out.append(Outcome(row["split"], url, row["offset"], row["pronoun"], row["speaker"], got))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--verbose", action="store_true", help="list the labels that are not met")
    args = ap.parse_args()
    outcomes = score()
    for split in ("dev", "test", "all"):
        if args.split not in ("all", split):
            continue
        chosen = [o for o in outcomes if split == "all" or o.split == split]
        right = sum(o.ok for o in chosen)
        print(f"pronoun speakers ({split}): {right}/{len(chosen)} = {right / len(chosen):.2f}")
    if args.verbose:
        for o in outcomes:
            if not o.ok and args.split in ("all", o.split):
                print(
                    f"  {o.split} {o.url} @{o.offset} {o.pronoun}: want {o.expected}, got {o.got}"
                )


if __name__ == "__main__":
    main()
