"""Snapshot the claims of every real article we have, and diff two snapshots by eye.

    python benchmarks/claims_snapshot.py snap OUT.jsonl [--set wikinews,polnear-dev,polnear-train]
    python benchmarks/claims_snapshot.py diff BEFORE.jsonl AFTER.jsonl [--limit 200]

``snap`` runs the real CLI (``claimcheck extract --format jsonl``) as a process,
so it works whatever the package's layout is, over:

- ``wikinews``: the 295 Wikinews articles (``../shared/corpora/wikinews``), each
  written as its title line, a blank line and its text, as a user's ``.txt``
  file holds it;
- ``polnear-dev`` / ``polnear-train``: the PolNeAR texts (evaluation data: read
  the diff, never copy it into the project).

One line per document: ``{"set", "name", "ledger"}``. Two snapshots of the same
code are byte-identical, so ``cmp`` answers "did anything change?" and ``diff``
answers "what?": claims added, removed, or given another speaker, kind or span.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SETS = ("wikinews", "polnear-dev", "polnear-train")


def _write_set(name: str, folder: Path) -> list[Path]:
    if name == "wikinews":
        rows = (SHARED / "corpora/wikinews/wikinews_2019_2020.jsonl").read_text("utf-8")
        files = []
        for i, line in enumerate(rows.splitlines()):
            article = json.loads(line)
            path = folder / f"wn{i:03d}.txt"
            path.write_text(f"{article['title']}\n\n{article['text']}", encoding="utf-8")
            files.append(path)
        return files
    split = name.split("-", 1)[1]
    return sorted((SHARED / "eval/polnear" / split / "text").glob("*.txt"))


def snap(out: Path, sets: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp, out.open("w", encoding="utf-8") as sink:
        for name in sets:
            folder = Path(tmp) / name
            folder.mkdir()
            files = _write_set(name, folder)
            for lo in range(0, len(files), 200):
                chunk = files[lo : lo + 200]
                proc = subprocess.run(
                    ["claimcheck", "extract", "--format", "jsonl", *map(str, chunk)],
                    capture_output=True,
                    text=True,
                    encoding="utf-8",
                    check=False,
                )
                if proc.returncode not in (0,):
                    sys.stderr.write(proc.stderr)
                for path, line in zip(chunk, proc.stdout.splitlines(), strict=True):
                    ledger = json.loads(line)
                    ledger["document"]["path"] = path.name
                    row = {"set": name, "name": path.name, "ledger": ledger}
                    sink.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def _load(path: Path) -> dict[tuple[str, str], dict]:  # type: ignore[type-arg]
    out = {}
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        out[(row["set"], row["name"])] = row["ledger"]
    return out


def _key(c: dict) -> tuple[int, int]:  # type: ignore[type-arg]
    return (c["start"], c["end"])


def _show(c: dict) -> str:  # type: ignore[type-arg]
    text = c["text"] if len(c["text"]) < 110 else c["text"][:107] + "..."
    return f"{c['kind']:9} {c.get('speaker')!s:28} [{c.get('rule')}] {text!r}"


def diff(before: Path, after: Path, limit: int) -> None:
    a, b = _load(before), _load(after)
    shown = changed_docs = 0
    totals = {"added": 0, "removed": 0, "speaker": 0, "kind": 0}
    for key in sorted(set(a) | set(b)):
        old = {_key(c): c for c in a.get(key, {}).get("claims", [])}
        new = {_key(c): c for c in b.get(key, {}).get("claims", [])}
        lines = []
        for span in sorted(set(old) | set(new)):
            o, n = old.get(span), new.get(span)
            if o is None:
                totals["added"] += 1
                lines.append(f"  + {_show(n)}")  # type: ignore[arg-type]
            elif n is None:
                totals["removed"] += 1
                lines.append(f"  - {_show(o)}")
            elif (o["speaker"], o["kind"]) != (n["speaker"], n["kind"]):
                totals["speaker" if o["speaker"] != n["speaker"] else "kind"] += 1
                lines.append(f"  ~ {_show(o)}\n    -> {n['kind']} {n['speaker']}")
        if lines:
            changed_docs += 1
            if shown < limit:
                print(f"{key[0]}/{key[1]}")
                for line in lines:
                    if shown < limit:
                        print(line)
                        shown += 1
    print(f"\n{changed_docs} document(s) changed: {totals}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snap")
    s.add_argument("out", type=Path)
    s.add_argument("--set", default=",".join(SETS))
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    if args.cmd == "snap":
        snap(args.out, args.set.split(","))
    else:
        diff(args.before, args.after, args.limit)


if __name__ == "__main__":
    main()
