"""Transcript turns: "PENCE: Well, look, …" and Wikinews' "((Das))  …" interview answers.

A labelled turn is verbatim speech of its label; an interview's label carries
over to the next paragraphs until a heading ends the interview.
"""

from __future__ import annotations

import functools
import re

from claimcheck.extract.attribute import RawClaim
from claimcheck.extract.state import State, emit, skip
from claimcheck.extract.subjects import Subject
from claimcheck.loaders.documents import Document

_TURN = re.compile(
    r"[ \t]*[\"“]?[ \t]*(?:(?P<label>[A-Z][A-Z.'’ -]{0,30}[A-Z.]):[ \t]+(?=\S)"
    # Wikinews interviews: "((Dorsa Derakhshani))  I got interested …"; "((fa))" is a language.
    r"|\(\((?P<named>[A-Z][\w.'’ -]{0,40})\)\)[ \t]*(?::[ \t]*)?)"
)

_ANSWER_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3}):[ \t]+(?=\S)")

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
        if _question_ended(view, a, b, subj.text):
            # After an interviewer's question: the answer under the interviewee's own
            # name ("Natasha Gownaris: I've wanted …"), or the writer's narration,
            # which is nobody's turn.
            named = _ANSWER_LABEL.match(view, a, b)
            if named is None:
                state.turn = None
                return False
            label = named.group("label")
            subj = Subject(named.start("label"), named.end("label"), label, "name", None)
            text_at = named.end()
            state.turn = subj
    else:
        group = "label" if m.group("label") else "named"
        label = m.group(group).strip()
        if group == "label" and section_label(view, label):
            return False  # "ANALYSIS: …", "KEEPING SCORE: …": a wire story's section
        shown = label
        if group == "label" and len(label) > 3:
            shown = " ".join(w.capitalize() for w in label.split())
        elif group == "label":
            shown = _expand_initials(view, label)
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
    interview = m is None or bool(m.group("named"))
    inner = _INNER_QUOTE.search(view, text_at, b) if interview else None
    parts = [(text_at, end)]
    if inner is not None:
        # "((WN))  Back in 2017, even [GM] Hikaru Nakamura tweeted, “…”", "somebody
        # flagged, “…”": a quotation the turn gives to someone else by name is theirs;
        # the turn's own words around it stay the turn's.
        parts = [(text_at, inner.start("who")), (min(inner.end("close"), end), end)]
    first = None
    for n, (lo, hi) in enumerate(parts):
        while inner is not None and hi > lo and view[hi - 1] in ' \t"”,':
            hi -= 1
        while inner is not None and lo < hi and view[lo] in " \t,.":
            lo += 1
        if n == 1 and inner is not None:
            _emit_inner(state, inner)
        if len(view[lo:hi].split()) < (1 if inner is None else 3):
            continue
        raw = RawClaim("quote", lo, hi, "transcript-turn", subj, form="transcript")
        out = emit(state, raw)
        if out.person is not None:
            out.basis = "label"  # "PENCE: …": the turn's label names its speaker
        first = first or out
    state.resolver.turn = first.person if first is not None else state.resolver.resolve(subj)
    state.open_quote = None
    return True


# A quotation an interview turn gives to someone named, with a verb of saying before it.
_INNER_QUOTE = re.compile(
    r"(?:\[[A-Z]{1,4}\]\s+)?(?P<who>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}|[Ss]omebody|[Ss]omeone)"
    r"\s+(?P<cue>tweeted|said|wrote|flagged|posted)\s*[,:]?\s*[“\"](?P<q>[^“”\"]{12,}?)(?P<close>[”\"])"
)


def _emit_inner(state: State, inner: re.Match[str]) -> None:
    who = inner.group("who")
    kind = "noun" if who.lower() in ("somebody", "someone") else "name"
    subj = Subject(inner.start("who"), inner.end("who"), who, kind, None)
    q_lo, q_hi = inner.start("q"), inner.end("q")
    emit(state, RawClaim("quote", q_lo, q_hi, "transcript-inner-quote", subj, form="direct"))


def _expand_initials(view: str, label: str) -> str:
    """ "NG:" labels the turns of the article's Natasha Gownaris; initials nobody has stay."""
    letters = [c for c in label if c.isalpha()]
    if not 2 <= len(letters) <= 3:
        return label
    word = r"[\w’'-]+"
    parts = [rf"{letters[0]}{word}"] + [rf"\s+(?:[A-Z]{word}\s+)?{c}{word}" for c in letters[1:]]
    m = re.search(r"(?<![\w’'-])" + "".join(parts) + r"(?![\w’'-])", view)
    return m.group(0) if m else label


def _question_ended(view: str, a: int, b: int, label: str) -> bool:
    """The interviewer's question closed the paragraph before, and this one asks nothing."""
    before = view[max(0, a - 400) : a].rstrip(' \t\n"”')
    if not before.endswith("?") or "?" in view[a:b]:
        return False
    return label in _interviewers(view)


# A turn with the rest of its line: the same labels as _TURN, at any line's start.
_LINE_TURN = re.compile(r"^(?:" + _TURN.pattern + r")[^\n]*", re.M)


@functools.lru_cache(maxsize=4)
def _interviewers(view: str) -> frozenset[str]:
    """Labels most of whose turns end in a question mark: the interviewer's."""
    asked: dict[str, list[int]] = {}
    for m in _LINE_TURN.finditer(view):
        if m.group("named") is None:
            continue
        tally = asked.setdefault(m.group("named").strip(), [0, 0])
        tally[0] += m.group(0).rstrip(' \t"”').endswith("?")
        tally[1] += 1
    return frozenset(k for k, (q, n) in asked.items() if 2 * q >= n)


# Words that open a wire story's section, never a speaker's turn.
_SECTIONS = frozenset(
    """analysis update updated correction clarification watch related background context
    breaking developing exclusive opinion editorial review preview recap takeaways latest
    note more""".split()
)


def section_label(view: str, label: str) -> bool:
    """ "KEEPING SCORE:", "FED TALK:", "ANALYSIS:" open sections; "PENCE:" is a speaker.

    A speaker's label is a name: it labels several turns, or the article names it
    elsewhere ("Mr. Pence"). A section's label is made of ordinary words the
    article also uses in lower case ("analysis", "score"), or a gerund
    ("KEEPING"). A label that shows neither goes with the document's other
    labels: a wire story's sections come in sets, a transcript's speakers too.
    """
    words = _label_words(label)
    if not words:
        return False
    if any(w in _SECTIONS for w in words):
        return True
    labels = _labels(view)
    if _speaker_like(view, label, labels):
        return False
    if _section_like(view, label):
        return True
    others = [x for x in labels if x != label]
    return any(_section_like(view, x) for x in others) and not any(
        _speaker_like(view, x, labels) for x in others
    )


def _label_words(label: str) -> list[str]:
    return [w.strip(".'’-").lower() for w in label.split() if w.strip(".'’-")]


def _speaker_like(view: str, label: str, labels: dict[str, int]) -> bool:
    """Several turns under the label, or its last word (a surname) named in the article."""
    if labels.get(label, 0) >= 2:
        return True
    last = _label_words(label)[-1]
    return _occurs(view, last.capitalize())


def _section_like(view: str, label: str) -> bool:
    words = _label_words(label)
    if any(w in _SECTIONS for w in words):
        return True
    if len(words) >= 2 and any(w.endswith("ing") for w in words):
        return True  # "KEEPING SCORE": a gerund heads a phrase, not a name
    return any(_occurs(view, w) for w in words)


def _occurs(view: str, word: str) -> bool:
    return re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", view) is not None


# Labels that open a line ("PENCE: …", "FED TALK: …"), with how many lines each opens.
_LINE_LABEL = re.compile(r"^[ \t]*[\"“]?[ \t]*([A-Z][A-Z.'’ -]{0,30}[A-Z.]):[ \t]+(?=\S)", re.M)


@functools.lru_cache(maxsize=4)
def _labels(view: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in _LINE_LABEL.finditer(view):
        key = m.group(1).strip()
        counts[key] = counts.get(key, 0) + 1
    return counts


def after_section_label(doc: Document, state: State, a: int, b: int) -> int:
    """Where a paragraph's prose starts: after a wire section's label ("FED TALK: …")."""
    m = _TURN.match(doc.view, a, b)
    if m is None or not m.group("label"):
        return a
    if not section_label(doc.view, m.group("label").strip()):
        return a
    skip(state, doc, a, m.end("label") + 1, "kicker")
    return m.end()
