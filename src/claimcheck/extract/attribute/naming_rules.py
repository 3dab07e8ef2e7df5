"""Naming frames: "what analysts described as age-old tactics", "what he called “fraud”",
"the decision, which Ross has referred to as “gamesmanship”".

The words after the frame are the named party's, whatever the sentence's own
subject says: in "Stumpf repeated that only 1 percent was involved in what
lawmakers called “fraud”", “fraud” is the lawmakers' word, not Stumpf's.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import RawClaim, SentenceCtx, strip_end, strip_final_stop
from claimcheck.extract.cues import CueHit
from claimcheck.extract.subjects import subject_before

_FRAME = re.compile(
    r"\b(?P<rel>[Ww]hat|which)\s+(?P<np>[^,.;:“”\"()]{1,60}?)\s+(?:(?:has|have|had)\s+)?"
    r"(?P<cue>(?P<lemma>call|describe|term|dub|label|refer)(?:s|d|ed|led|bed|red)?"
    r"(?:\s+to)?(?:\s+as)?)\s+"
)
# The content ends with its clause; a quotation is taken whole.
_CLAUSE_END = re.compile(r"[,;:()—–]|\s-{1,2}\s")


def what_x_called(s: SentenceCtx) -> list[RawClaim] | None:
    if (
        s.text.find("what ", s.start, s.end) < 0
        and s.text.find("What ", s.start, s.end) < 0
        and (not s.quotes or s.text.find("which ", s.start, s.end) < 0)
    ):
        return None  # most sentences: substring tests ("hat " alone matches every "that")
    out = []
    for m in _FRAME.finditer(s.text, s.start, s.end):
        if any(a <= m.start() < b for a, b in s.blocked):
            continue
        lemma = m.group("lemma")
        cue_text = m.group("cue")
        if lemma == "refer" and not cue_text.endswith("as"):
            continue  # "what he referred to" names nothing
        subj = subject_before(s.text, m.start("np"), m.end("np"), loose=True)
        if subj is None or subj.end != m.end("np"):
            continue
        cue = CueHit(
            m.start("cue"), m.end("cue"), "refer to" if lemma == "refer" else lemma, "assert"
        )
        quote = next((q for q in s.quotes if q.open_at == m.end()), None)
        if quote is None and m.group("rel") == "which":
            continue  # "which Ross called for": only a quotation makes "which" a naming frame
        if quote is not None:
            out.append(
                RawClaim("quote", quote.start, quote.end, "what-x-called", subj, cue, "partial")
            )
            continue
        stop = _CLAUSE_END.search(s.text, m.end(), s.end)
        a, b = strip_end(s.text, m.end(), stop.start() if stop else s.end)
        b = strip_final_stop(s.text, a, b)
        if 1 <= len(s.text[a:b].split()) <= 12 and not any(a < q.open_at < b for q in s.quotes):
            out.append(RawClaim("indirect", a, b, "what-x-called", subj, cue))
    return out or None
