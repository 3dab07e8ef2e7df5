"""Train the CRF attribution tagger on PolNeAR train.

    python experiments/crf/train.py [--out DIR] [--holdout] [--data DIR]

Writes crf.model, cues.json and train_info.json to --out. With --holdout the
held-out slice of train (ccm.holdout_articles) is left out, and --out/holdout/
gets text/ and attributions/ symlinks to it, a --data folder for the scorer.
The model and the cue list are learned from PolNeAR, which has no licence:
keep them out of git (experiments/crf/models/ is ignored).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pycrfsuite
from ccm import MODELS, POLNEAR, cue_lexicon, doc_sequences, gold_tags, holdout_articles, load_split


def link_holdout(data: Path, names: set[str], out: Path) -> None:
    """Symlink the held-out articles' files into out/: the scorer reads a folder, not a list."""
    for sub in ("text", "attributions"):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for old in (out / sub).iterdir():
            old.unlink()
    for ann in sorted((data / "attributions").glob("*.ann")):
        if ann.name.rsplit("_", 1)[0] in names:
            (out / "attributions" / ann.name).symlink_to(ann.resolve())
    for art in sorted(names):
        (out / "text" / f"{art}.txt").symlink_to((data / "text" / f"{art}.txt").resolve())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=POLNEAR / "train", help="PolNeAR train folder")
    ap.add_argument("--out", type=Path, default=MODELS / "full", help="model directory")
    ap.add_argument("--holdout", action="store_true", help="leave out the held-out slice")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--iters", type=int, default=150, help="L-BFGS iterations")
    args = ap.parse_args()

    t0 = time.time()
    docs = load_split(args.data)
    held = holdout_articles(args.data) if args.holdout else set()
    docs = [d for d in docs if d[0] not in held]
    # Learned from the training docs only, so held-out scores see no held-out cue words.
    cues = cue_lexicon(docs)
    print(f"{len(docs)} docs, {len(cues)} cue words", flush=True)

    trainer = pycrfsuite.Trainer(verbose=False)
    ntok = 0
    for _, text, spans, _ in docs:
        for toks, feats in doc_sequences(text, set(cues)):
            trainer.append(feats, gold_tags(toks, spans))
            ntok += len(toks)
    t1 = time.time()
    print(f"features: {ntok} tokens in {t1 - t0:.0f}s", flush=True)

    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iters,
            # Weights also for transitions never seen in gold (O -> I-C), which training
            # drives negative instead of leaving at zero: the tagger learns to avoid them.
            "feature.possible_transitions": True,
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out / "crf.model"))
    t2 = time.time()
    (args.out / "cues.json").write_text(json.dumps(cues), encoding="utf-8")
    info = {
        "docs": len(docs),
        "holdout": len(held),
        "tokens": ntok,
        "feat_s": round(t1 - t0),
        "train_s": round(t2 - t1),
        "params": {"c1": args.c1, "c2": args.c2, "iters": args.iters},
        "last_iter": trainer.logparser.last_iteration,
    }
    (args.out / "train_info.json").write_text(
        json.dumps(info, indent=1, default=str), encoding="utf-8"
    )
    if held:
        link_holdout(args.data, held, args.out / "holdout")
    print(json.dumps({k: v for k, v in info.items() if k != "last_iter"}), flush=True)


if __name__ == "__main__":
    main()
