"""Transcript turns: "PENCE: Well, look, …" and Wikinews' "((Das))  …" interview answers.

A labelled turn is verbatim speech of its label; an interview's label carries
over to the next paragraphs until a heading ends the interview.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute import RawClaim
from claimcheck.extract.state import State, emit, skip
from claimcheck.extract.subjects import Subject
from claimcheck.loaders.documents import Document

_TURN = re.compile(
    r"[ \t]*[\"“]?[ \t]*(?:(?P<label>[A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t]+(?=\S)"
    # Wikinews interviews: "((Dorsa Derakhshani))  I got interested …"; "((fa))" is a language.
    r"|\(\((?P<named>[A-Z][\w.'’ -]{0,40})\)\)[ \t]*(?::[ \t]*)?)"
)

_STAGE = re.compile(r"[ \t]*[\"“]?[ \t]*\([A-Z][A-Z .,'’-]*\.?\)\.?[\"”]?[ \t]*$")

LABEL_LINE = re.compile(r"[ \t]*\(\([A-Z][\w.'’ -]{0,40}\)\)[ \t]*")


def transcript_turn(doc: Document, state: State, a: int, b: int) -> bool:
    """A transcript line, "PENCE: Well, look, …": verbatim speech of the labelled speaker."""
    view = doc.view
    if _STAGE.match(view, a, b):
        skip(state, doc, a, b, "stage-direction")
        return True
    m = _TURN.match(view, a, b)
    if m is None:
        if state.turn is None:
            return False
        # An interview answer running over several paragraphs: "((Das))  …" ¶ "…".
        subj, text_at = state.turn, a
    else:
        group = "label" if m.group("label") else "named"
        label = m.group(group).strip()
        if group == "label" and section_label(view, label):
            return False  # "ANALYSIS: …", "KEEPING SCORE: …": a wire story's section
        shown = " ".join(w.capitalize() for w in label.split()) if group == "label" else label
        subj = Subject(m.start(group), m.start(group) + len(label), shown, "name", None)
        text_at = m.end()
        # Only an interview's "((Das))" labels carry over to the next paragraphs: a
        # "PENCE:" transcript in a news story alternates with the writer's narration.
        state.turn = subj if group == "named" else None
    end = b
    while end > text_at and view[end - 1] in ' \t"”':
        end -= 1
    if end <= text_at:
        state.resolver.turn = state.resolver.resolve(subj)
        skip(state, doc, a, b, "turn-label")
        return True
    raw = RawClaim("quote", text_at, end, "transcript-turn", subj, form="transcript")
    out = emit(state, raw)
    if out.person is not None:
        out.basis = "label"  # "PENCE: …": the turn's label names its speaker
    state.resolver.turn = out.person
    state.open_quote = None
    return True


# Words that open a wire story's section, never a speaker's turn.
_SECTIONS = frozenset(
    """analysis update updated correction clarification watch related background context
    breaking developing exclusive opinion editorial review preview recap takeaways latest
    note more""".split()
)


def section_label(view: str, label: str) -> bool:
    """ "KEEPING SCORE:", "FED TALK:", "ANALYSIS:" open sections; "PENCE:" is a speaker.

    A speaker's label is a name: the article does not use its words as ordinary
    lower-case words ("analysis", "score", "talk"), unless it also names them
    ("Mr. Pence").
    """
    words = [w.strip(".'’-") for w in label.split()]
    lows = [w.lower() for w in words if w]
    if not lows or any(w in _SECTIONS for w in lows):
        return bool(lows)
    if any(re.search(rf"(?<![\w’'-]){re.escape(w.capitalize())}(?![\w’'-])", view) for w in lows):
        return False  # the article names them
    return any(re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w’'-])", view) for w in lows)
