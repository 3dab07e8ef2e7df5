"""PolNeAR quote scoring with ``''`` (two apostrophes) recognised as a quotation mark.

    python benchmarks/score_quote_marks.py [--data ../shared/eval/polnear/dev]

The official scorer (``../shared/tools/score_extract.py``) calls a gold span a
quote only when it holds ``"`` or a curly mark, so NYT-style ``''…''``
quotations are gold "indirect" and claimcheck's quote claims for them count as
false positives. This script reuses the scorer's own loading and scoring
functions and changes only that test. The data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from claimcheck.extract import extract
from claimcheck.loaders import from_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
_MARK = re.compile(r"[\"“”]|''")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=SHARED / "eval/polnear/dev")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools")
    args = ap.parse_args()
    sys.path.insert(0, str(args.scorer))
    import score_extract as se  # type: ignore[import-not-found]

    docs = se.load_polnear(args.data)
    ledgers = [extract(from_text(text)).model_dump(mode="json") for _, text, _ in docs]

    def is_quote(text: str, gold: dict[str, Any]) -> bool:
        a, b = gold["span"]
        return _MARK.search(text[a:b]) is not None

    quotes = [(n, t, [g for g in gold if is_quote(t, g)]) for n, t, gold in docs]
    for threshold in (0.3, 0.8):
        r = se.score(quotes, ledgers, threshold, ("quote",))
        print(
            f"quote (with ''): @{threshold} P {r['precision']:.3f} R {r['recall']:.3f} "
            f"F1 {r['f1']:.3f} speaker(mention) {r['speaker_mention_acc']}"
        )


if __name__ == "__main__":
    main()
