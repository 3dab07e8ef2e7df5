"""The draft suite: reporters' sentences about real Wikinews articles, and what is true of each.

Case files: ``tests/cases/verify_suite/*.yaml`` (their README says how they are
written). Run ``PYTHONPATH=src:tests python tests/draftsuite.py`` for the score
and every failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimcheck.loaders import from_text
from claimcheck.models import Result
from claimcheck.verify import Corpus, Settings, check, load_corpus
from claimcheck.verify.statements import from_document, standalone

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "wikinews"
CASES = sorted((HERE / "cases" / "verify_suite").glob("*.yaml"))
FIELDS = ("verdict", "attribution", "flags", "severity")


@dataclass(frozen=True)
class Item:
    file: str
    id: str
    spec: dict[str, Any]

    @property
    def xfail(self) -> str | None:
        return self.spec.get("xfail")


def items() -> list[Item]:
    out = []
    for path in CASES:
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append(Item(path.stem, spec["id"], spec))
    return out


def corpus() -> Corpus:
    return load_corpus(str(DATA))  # no ledgers beside it: every article is extracted now


def results(item: Item, sources: Corpus) -> list[Result]:
    spec = item.spec
    if "draft" in spec:
        statements = from_document(from_text(spec["draft"], path=f"{item.id}.md"))
    else:
        statements = [standalone(spec["text"], spec.get("speaker"), kind=spec.get("kind", "quote"))]
    return [check(st, sources, Settings(), "x") for st in statements]


def observed(item: Item, found: list[Result]) -> list[dict[str, Any]]:
    """What the verifier said, in the shape of the item's ``expect``."""
    rows = []
    padded = [*found, *([None] * len(item.spec["expect"]))]
    for want, r in zip(item.spec["expect"], padded, strict=False):
        if r is None:
            rows.append({"text": None})
            continue
        row: dict[str, Any] = {"text": r.statement.text} if "text" in want else {}
        row.update(
            verdict=r.verdict, attribution=r.attribution, flags=list(r.flags), severity=r.severity
        )
        rows.append(row)
    for r in found[len(item.spec["expect"]) :]:
        rows.append({"text": r.statement.text, "extra": True})
    return rows


def expected(item: Item) -> list[dict[str, Any]]:
    return [{k: want[k] for k in ("text", *FIELDS) if k in want} for want in item.spec["expect"]]


def explain(item: Item, found: list[Result]) -> str:
    lines = [f"{item.file}: {item.id}"]
    got = observed(item, found)
    for n, want in enumerate(expected(item)):
        if want != got[n]:
            lines.append(f"  want {want}")
            lines.append(f"  got  {got[n]}")
            if n < len(found):
                lines.append(f"  message: {found[n].message}")
    lines.extend(f"  extra statement: {row['text']!r}" for row in got if row.get("extra"))
    return "\n".join(lines)


def main() -> None:
    sources = corpus()
    good = total = 0
    for item in items():
        found = results(item, sources)
        total += 1
        if observed(item, found) == expected(item):
            good += 1
        else:
            print(explain(item, found) + (f"\n  (xfail: {item.xfail})" if item.xfail else ""))
    print(f"{good}/{total} right ({100 * good / total:.1f}%)")


if __name__ == "__main__":
    main()
