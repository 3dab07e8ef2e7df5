"""What a cue reports (``cue.act``): speech, writing, evidence, belief, intent or a question.

A fact-checker weighs "Das said" differently from "the report found" or "Das
hopes"; GGT's annotators counted speech and writing only, PolNeAR every
attribution. The lemma decides ("wrote" is writing, "hopes" a belief), unless
the source is a document: "the report says" is evidence, "a statement said"
writing, whatever the verb.
"""

from __future__ import annotations

from claimcheck.extract.cues import CueHit
from claimcheck.extract.subjects import Subject
from claimcheck.lexicon.cues import ACTS, INTENT_WITH_TO

# Documents that report what someone wrote, and documents that hold evidence.
_WRITTEN = frozenset(
    """statement statements letter letters memo memos email emails release releases tweet
    tweets post posts message messages notice announcement communique communiqué filing
    complaint lawsuit affidavit petition motion op-ed column editorial blog""".split()
)
_EVIDENCE = frozenset(
    """report reports study studies poll polls survey surveys data research analysis
    figures numbers estimates results records documents document footage video videos
    image images photo photos chart charts map maps census paper papers review audit
    investigation inquiry evidence tests test findings model models""".split()
)


def act_of(cue: CueHit, subj: Subject | None, text: str, content_at: int) -> str:
    act = ACTS.get(cue.lemma, "speech")
    if act == "question" and text.startswith("to ", content_at):
        return "speech"  # "asking Cengiz to be “patient”": a request, not a question
    if act == "speech" and cue.lemma in INTENT_WITH_TO and text.startswith("to ", content_at):
        return "intent"
    head = _head(subj)
    if head in _WRITTEN and act in ("speech", "evidence"):
        return "writing"
    if head in _EVIDENCE and act in ("speech", "writing"):
        return "evidence"
    return act


def _head(subj: Subject | None) -> str:
    """The head noun of a speaker phrase: "a 2013 study by two economists" -> "study"."""
    if subj is None or subj.kind not in ("noun", "name"):
        return ""
    words = subj.text.lower().split()
    for i, w in enumerate(words):
        if w in ("by", "of", "from", "for", "on", "in", "at", "with") and i > 0:
            return words[i - 1].strip(".,’'")
    return words[-1].strip(".,’'") if words else ""
