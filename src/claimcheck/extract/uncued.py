"""Quotations with no cue in their sentence: floating quotes, lead-ins, dash bylines.

"Das said: ¶ “…”" (a lead-in), "“…” — Jane Das" (a dash attribution), a
quotation alone in its sentence (floating: the last speaker's), and titles in
quotation marks ("Face the Nation"), which are no speech at all.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute import RawClaim, SentenceCtx
from claimcheck.extract.patterns import NAME
from claimcheck.extract.phrases import trim_np
from claimcheck.extract.quotes import Quote
from claimcheck.extract.segment import Sentence, title_case_ratio
from claimcheck.extract.state import Out, State, resolved
from claimcheck.extract.subjects import Subject, on_platform, subject_at

_DASH_NAME = re.compile(rf"^\s*[—–―-]{{1,2}}\s*(?P<np>{NAME})")

LEAD_IN = re.compile(rf"(?P<np>{NAME})\s*:\s*$")


def is_title(view: str, q: Quote) -> bool:
    """“Face the Nation”, “A Change Is Gonna Come”: a title, not speech."""
    words = view[q.start : q.end].split()
    if not words or len(words) > 8:
        return False
    text = view[q.start : q.end].rstrip(".,")
    if any(c in text for c in ".?!"):
        return False
    return title_case_ratio(text) == 1.0 and (len(words) >= 2 or not words[0].islower())


def within(q: Quote, spans: list[tuple[int, int]]) -> bool:
    return any(a <= q.start and q.end <= b for a, b in spans)


def dominant(view: str, sent: Sentence, q: Quote) -> bool:
    outside_chars = (sent.end - sent.start) - (q.close_at - q.open_at)
    if outside_chars > 3 * (q.end - q.start) + 40:
        return False  # far more narration than quotation; also keeps this linear
    outside = view[sent.start : q.open_at] + view[q.close_at : sent.end]
    words = len(re.findall(r"\w+", outside))
    inner = len(view[q.start : q.end].split())
    return words <= 2 or (inner >= 6 and words <= inner // 3)


def lead_in_or_last(state: State) -> Out | None:
    if state.lead_in is not None:
        subj = state.lead_in
        state.lead_in = None
        return resolved(state, RawClaim("quote", 0, 0, "lead-in-colon", subj), subj)
    if state.narrator is not None:
        view, a, b = state.narrator
        state.narrator = None
        own = subject_at(view, a, b)
        if (
            own is not None
            and own.kind in ("name", "pronoun")
            and not view.startswith((" and ", ","), own.end)
        ):
            found = resolved(state, RawClaim("quote", 0, 0, "floating-quote", own), own)
            if found.person is not None:
                return found
    return state.last_attr


def subject_of(m: re.Match[str]) -> Subject:
    s = m.start("np")
    return Subject(s, s + len(m.group("np")), m.group("np"), "name", None)


def colon_lead_in(view: str, sent: Sentence) -> Subject | None:
    text = view[sent.start : sent.end]
    # Runs for most sentences: the colon test rules out nearly all of them at
    # a fraction of the cost of the search, which tries a name at every word.
    if not text.rstrip().endswith(":"):
        return None
    byline = _WRITING_AT.search(text)
    if byline is not None:
        # "Jane Das writing at The New York Post:": the writer speaks, not her paper.
        s = sent.start + byline.start("np")
        name, s = trim_np(byline.group("np"), s)
        return Subject(s, s + len(name), name, "name", None)
    m = LEAD_IN.search(text)
    if not m:
        return None
    s = sent.start + m.start("np")
    if on_platform(view, s, m.group("np")):
        # "Trump took a parting shot on Twitter:": the sentence's subject speaks.
        own = subject_at(view, sent.start, s)
        return own if own is not None and own.kind in ("name", "pronoun") else None
    return Subject(s, s + len(m.group("np")), m.group("np"), "name", None)


_WRITING_AT = re.compile(
    rf"(?P<np>{NAME}),?\s+(?:writing|wrote|writes)\s+(?:at|in|for)\s+(?:the\s+)?{NAME}\s*:\s*$"
)


def dash_attribution(ctx: SentenceCtx) -> list[RawClaim]:
    if not ctx.quotes:
        return []
    last = ctx.quotes[-1]
    m = _DASH_NAME.match(ctx.text[last.close_at : ctx.end])
    if not m:
        return []
    s = last.close_at + m.start("np")
    name = m.group("np")
    if name.endswith(".") and len(name.split()[-1]) > 2:
        name = name[:-1]  # "― Carla Sanchez." ends the sentence, not the name
    subj = Subject(s, s + len(name), name, "name", None)
    return [
        RawClaim("quote", q.start, q.end, "dash-attribution", subj, form="direct")
        for q in ctx.quotes
    ]
