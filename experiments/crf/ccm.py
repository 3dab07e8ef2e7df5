"""CRF span tagger for attributions (Content / Source / Cue): the PolNeAR experiment.

Tokens, features, BIO tags and decoding shared by train.py, cc_model.py and
speed.py. A measurement only: nothing in src/claimcheck imports this.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

# The repository root's parent holds shared/ (the same layout the accuracy gate
# and benchmarks/ assume), so the data is read in place and never copied here.
SHARED = Path(__file__).resolve().parents[3] / "shared"
POLNEAR = SHARED / "eval" / "polnear"
MODELS = Path(__file__).resolve().parent / "models"

# Held-out slice of train: every 10th article by name from the 4th; offset 3
# reproduces the article list the first run of this experiment used.
HOLDOUT_EVERY = 10
HOLDOUT_OFFSET = 3

TOK = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")
DQ = set('"“”')
OPEN_Q = set("“")
CLOSE_Q = set("”")
PRON = {"he", "she", "they", "i", "we", "you", "it", "who", "his", "her", "their"}
PUNCT = re.compile(r"^[^\w]+$")
LABELS = {"Content": "C", "Source": "S", "Cue": "Q"}

# Decoding limits, in tokens.
MERGE_GAP = 15  # longest source/cue run that may split one content span
CUE_REACH = 40  # farthest cue or source attached to a content span
SOURCE_REACH = 60  # farthest source from the content's cue
BEYOND_PENALTY = 30  # a source on the far side of the content from its cue
INSIDE = 999  # a source inside the content itself (never chosen over any other)


# ------------------------------------------------------------------ data
def articles(folder: Path) -> list[str]:
    """Article names of a PolNeAR split, sorted (an .ann file is ARTICLE_ANNOTATOR.ann)."""
    return sorted({ann.name.rsplit("_", 1)[0] for ann in (folder / "attributions").glob("*.ann")})


def holdout_articles(folder: Path) -> set[str]:
    return set(articles(folder)[HOLDOUT_OFFSET::HOLDOUT_EVERY])


def load_split(folder: Path, names: set[str] | None = None):
    """[(article, text, {tid: (label, frags)}, [relation dict])] from the first .ann per article.

    Some articles have several annotators; the scorer also reads only the first.
    """
    docs, seen = [], set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        art = ann.name.rsplit("_", 1)[0]
        if art in seen or (names is not None and art not in names):
            continue
        seen.add(art)
        text = (folder / "text" / f"{art}.txt").read_text(encoding="utf-8")
        spans, rels = {}, []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if "\t" not in line:
                continue
            if line.startswith("T"):
                tid, mid, _ = line.split("\t", 2)
                label, rest = mid.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in rest.split(";")]
                spans[tid] = (label, frags)
            elif line.startswith("E"):
                rels.append(dict(kv.split(":") for kv in line.split("\t")[1].split()))
        docs.append((art, text, spans, rels))
    return docs


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.end()


def tokenize(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    return [(m.start() + a, m.end() + a, m.group()) for m in TOK.finditer(text[a:b])]


def gold_tags(toks, spans) -> list[str]:
    """Joint BIO tags over C(ontent)/S(ource)/Q(cue), one run per annotated fragment.

    Where spans overlap, Content wins over Source over Cue: one tag per token.
    """
    chars: dict[str, list[tuple[int, int, str]]] = {}
    for tid, (label, frags) in spans.items():
        if label in LABELS:
            chars.setdefault(label, []).extend((fa, fb, tid) for fa, fb in frags)
    tags: list[str] = []
    prev = None
    for s, _, _ in toks:
        tag, key = "O", None
        for label in LABELS:
            hit = next(((fa, tid) for fa, fb, tid in chars.get(label, ()) if fa <= s < fb), None)
            if hit is not None:
                tag, key = LABELS[label], (hit[1], hit[0])
                break
        if tag == "O":
            tags.append("O")
        else:
            tags.append(("I-" if prev == key else "B-") + tag)
        prev = key
    return tags


def cue_lexicon(docs, min_count: int = 4, min_ratio: float = 0.25) -> list[str]:
    """Words that are part of annotated cues often enough, learned from the training docs."""
    in_cue: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for _, text, spans, _ in docs:
        for m in re.finditer(r"\w+", text):
            total[m.group().lower()] += 1
        for label, frags in spans.values():
            if label == "Cue":
                for fa, fb in frags:
                    for w in re.findall(r"\w+", text[fa:fb]):
                        in_cue[w.lower()] += 1
    return sorted(w for w, c in in_cue.items() if c >= min_count and c / total[w] >= min_ratio)


# ------------------------------------------------------------------ features
def shape(w: str) -> str:
    s = re.sub(r"[A-Z]", "X", w)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def _sentence_ids(words: list[str]) -> list[int]:
    # A paragraph is one CRF sequence; sentence ids scope the cue and quote features.
    sent, sid = [], 0
    for i, w in enumerate(words):
        sent.append(sid)
        if w in ".!?" and i + 1 < len(words) and (words[i + 1][:1].isupper() or words[i + 1] in DQ):
            sid += 1
    return sent


def _quote_state(words: list[str]) -> list[str]:
    # Curly marks give the direction; straight ones alternate open/close by parity.
    out, inside = [], False
    for w in words:
        if w in OPEN_Q:
            inside = True
            out.append("open")
        elif w in CLOSE_Q:
            out.append("close")
            inside = False
        elif w == '"':
            out.append("close" if inside else "open")
            inside = not inside
        else:
            out.append("in" if inside else "out")
    return out


def _nearest_cues(iscue: list[bool], sent: list[int]) -> tuple[list, list]:
    """Index of the nearest cue word strictly left / right of each token in its sentence."""
    n = len(iscue)
    left: list[int | None] = [None] * n
    right: list[int | None] = [None] * n
    last = None
    for i in range(n):
        if i and sent[i] != sent[i - 1]:
            last = None
        left[i] = last
        if iscue[i]:
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        if i + 1 < n and sent[i] != sent[i + 1]:
            last = None
        right[i] = last
        if iscue[i]:
            last = i
    return left, right


def _bucket(d: int) -> str:
    return str(d) if d < 4 else "near" if d < 10 else "far"


def features(toks, cues: set[str], para_idx: int) -> list[list[str]]:
    n = len(toks)
    words = [t[2] for t in toks]
    low = [w.lower() for w in words]
    sent = _sentence_ids(words)
    inq = _quote_state(words)
    iscue = [w in cues for w in low]
    left, right = _nearest_cues(iscue, sent)
    sent_start: dict[int, int] = {}
    for i in range(n):
        sent_start.setdefault(sent[i], i)
    has_q = Counter(sent[i] for i in range(n) if words[i] in DQ)
    feats = []
    for i in range(n):
        w, lw = words[i], low[i]
        f = ["b", "w=" + lw, "s3=" + lw[-3:], "sh=" + shape(w), "q=" + inq[i]]
        if w[:1].isupper():
            f.append("title")
        if lw in PRON:
            f.append("pron")
        if iscue[i]:
            f.append("cue")
            f.append("cue|q=" + inq[i])
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}={low[j]}")
                if abs(d) <= 2:
                    f.append(f"sh{d}={shape(words[j])}")
                    f.append(f"q{d}={inq[j]}")
                    if iscue[j]:
                        f.append(f"cue{d}")
            else:
                f.append(f"w{d}=<PAD>")
        if i > 0:
            f.append(f"bg-={low[i - 1]}|{lw}")
        if i + 1 < n:
            f.append(f"bg+={lw}|{low[i + 1]}")
        pos = i - sent_start[sent[i]]
        f.append("spos=" + (str(pos) if pos < 4 else "mid"))
        if i + 1 == n or sent[i + 1] != sent[i]:
            f.append("send")
        if has_q[sent[i]]:
            f.append("sent_has_q")
        li, ri = left[i], right[i]
        if li is not None:
            f.append("lc=" + low[li])
            f.append("lcd=" + _bucket(i - li))
        else:
            f.append("lc=none")
        if ri is not None:
            f.append("rc=" + low[ri])
            f.append("rcd=" + _bucket(ri - i))
        else:
            f.append("rc=none")
        if li is not None and ri is not None:
            f.append("cue_both")
        f.append("para=" + (str(para_idx) if para_idx < 3 else "body"))
        if n <= 15:
            f.append("shortpara")
        feats.append(f)
    return feats


def doc_sequences(text: str, cues: set[str]):
    for k, (a, b) in enumerate(paragraphs(text)):
        toks = tokenize(text, a, b)
        if toks:
            yield toks, features(toks, cues, k)


# ------------------------------------------------------------------ decoding
def runs(tags: list[str], kind: str) -> list[list[int]]:
    """[first, last] token index of each B-/I- run of one label."""
    out: list[list[int]] = []
    cur: list[int] | None = None
    for i, t in enumerate(tags):
        if t.endswith("-" + kind) and (t.startswith("B") or cur is None):
            if cur:
                out.append(cur)
            cur = [i, i]
        elif t == "I-" + kind and cur is not None:
            cur[1] = i
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return out


def _dist(r, a: int, b: int) -> int:
    """Tokens between run r and the content span [a, b]; 0 when r lies inside it."""
    if a <= r[0] and r[1] <= b:
        return 0
    return a - r[1] if r[1] < a else r[0] - b


def _source_dist(s, cue, a: int, b: int) -> int:
    if a <= s[0] and s[1] <= b and not (a <= cue[0] and cue[1] <= b):
        return INSIDE
    d = cue[0] - s[1] if s[1] < cue[0] else s[0] - cue[1]
    beyond = (cue[1] < a and s[0] > b) or (cue[0] > b and s[1] < a)
    return d + (BEYOND_PENALTY if beyond else 0)


def _merge_content(tags, words, content, cues) -> list[tuple[int, int]]:
    """Join content runs split only by a source/cue (“…,” she said, “…”) into one span.

    Not when a cue already precedes the first part: that is two attributions.
    """
    merged: list[tuple[int, int]] = []
    for r in content:
        if merged:
            pa, pb = merged[-1]
            gap = [
                tags[i][2:] if tags[i] != "O" else ("P" if PUNCT.match(words[i]) else "O")
                for i in range(pb + 1, r[0])
            ]
            prev_end = merged[-2][1] if len(merged) > 1 else -1
            cue_before = any(q[0] > prev_end and q[1] < pa for q in cues)
            if (
                gap
                and len(gap) <= MERGE_GAP
                and set(gap) <= {"S", "Q", "P"}
                and "Q" in gap
                and not cue_before
            ):
                merged[-1] = (pa, r[1])
                continue
        merged.append((r[0], r[1]))
    return merged


def _source_of(a: int, b: int, cues, sources):
    """The source run of content [a, b]: via its nearest cue, else the nearest source."""
    near_cues = [q for q in cues if _dist(q, a, b) <= CUE_REACH]
    if near_cues:
        cue = min(near_cues, key=lambda q: _dist(q, a, b))
        cands = [s for s in sources if _source_dist(s, cue, a, b) < SOURCE_REACH]
        if cands:
            return min(cands, key=lambda s: _source_dist(s, cue, a, b))
    cands = [s for s in sources if _dist(s, a, b) <= CUE_REACH]
    return min(cands, key=lambda s: _dist(s, a, b)) if cands else None


def decode(text: str, toks, tags: list[str], merge: bool = True) -> list[dict]:
    """Claims in the scorer's ledger shape: content spans with their source mention."""
    content, sources, cues = runs(tags, "C"), runs(tags, "S"), runs(tags, "Q")
    words = [t[2] for t in toks]
    spans = _merge_content(tags, words, content, cues) if merge else [(r[0], r[1]) for r in content]
    out = []
    for a, b in spans:
        src = _source_of(a, b, cues, sources)
        start, end = toks[a][0], toks[b][1]
        mention = speaker = None
        if src is not None:
            mention = {"start": toks[src[0]][0], "end": toks[src[1]][1]}
            speaker = text[mention["start"] : mention["end"]]
        # The scorer's own test for a quote: a double quotation mark in the span.
        kind = "quote" if re.search(r"[\"“”]", text[start:end]) else "indirect"
        out.append(
            {"kind": kind, "start": start, "end": end, "speaker": speaker, "mention": mention}
        )
    return out


# ------------------------------------------------------------------ model io
class Model:
    """A trained model directory: crf.model and cues.json, as written by train.py."""

    def __init__(self, path: Path):
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path / "crf.model"))
        self.cues = set(json.loads((path / "cues.json").read_text(encoding="utf-8")))

    def extract(self, text: str, merge: bool = True) -> list[dict]:
        claims = []
        for toks, feats in doc_sequences(text, self.cues):
            claims.extend(decode(text, toks, self.tagger.tag(feats), merge))
        return claims
