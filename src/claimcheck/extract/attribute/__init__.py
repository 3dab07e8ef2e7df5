"""Named, ordered rules that find the cue and the speaker phrase of each claim.

Each rule is a function over one sentence; the first quotation rule that fires
decides, every reported-speech cue yields at most one claim, and each claim
carries its rule's name, so every claim explains itself. Speaker phrases found
here are mentions; ``speakers.py`` resolves them to people. The rules live in
``quote_rules``, ``reported_rules``, ``source_rules`` and ``naming_rules``; what
they share is in ``base``.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import (
    RawClaim,
    Rule,
    SentenceCtx,
    no_reported_content,
)
from claimcheck.extract.attribute.inverted_rules import content_then_cue, participle_cue
from claimcheck.extract.attribute.naming_rules import what_x_called
from claimcheck.extract.attribute.quote_rules import (
    cue_then_quote,
    participle_after,
    quote_near_cue,
    quote_then_cue,
    split_quote,
)
from claimcheck.extract.attribute.reported_rules import subject_cue_content, verb_that
from claimcheck.extract.attribute.source_rules import according_to, asked_question, in_document

__all__ = ["QUOTE_RULES", "REPORTED_RULES", "RawClaim", "SentenceCtx", "attribute_sentence"]

QUOTE_RULES: list[tuple[str, Rule]] = [
    ("split-quote", split_quote),
    ("quote-then-cue", quote_then_cue),
    ("cue-then-quote", cue_then_quote),
    ("quote-near-cue", quote_near_cue),
]


REPORTED_RULES: list[tuple[str, Rule]] = [
    ("according-to", according_to),
    ("asked-question", asked_question),
    ("in-document", in_document),
    ("subject-cue-content", subject_cue_content),
    ("participle-cue", participle_cue),
    ("content-then-cue", content_then_cue),
    ("verb-that", verb_that),
]


def _quote_claims(s: SentenceCtx, frame_cues: set[int]) -> list[RawClaim]:
    """The claims of the first quotation rule that fires."""
    for _name, rule in QUOTE_RULES:
        found = [c for c in rule(s) or [] if c.cue is None or c.cue.start not in frame_cues]
        if found:
            return [*found, *participle_after(s, found[-1])]
    return []


def attribute_sentence(s: SentenceCtx) -> list[RawClaim]:
    """Quote rules first (the first that fires decides), then every reported-speech cue.

    A sentence can carry several attributions ("…, the source added" around
    "Clinton had told police that …"); each cue yields at most one claim.
    """
    # A naming frame ("what lawmakers called “fraud”") owns its cue, so no quote rule
    # reads that cue with the wrong speaker ("the bank was involved in what lawmakers");
    # a quotation elsewhere in the sentence still goes to its own quote rule.
    named = what_x_called(s) or []
    frame_cues = {c.cue.start for c in named if c.cue is not None}
    claims = _quote_claims(s, frame_cues)
    if claims and s.quotes:
        # “… in our prayers.” President Duda remarked, “…”: a second speaker's quotation
        # after the first one's claims is read as a sentence of its own.
        end = max(c.end for c in claims)
        end = max([end, *(q.close_at for q in s.quotes if q.open_at < end)])
        rest = [q for q in s.quotes if q.open_at >= end]
        if rest and rest[0].open_at > end:
            claims.extend(_quote_claims(SentenceCtx(s.text, end, s.end, rest), frame_cues))
    claims.extend(c for c in named if not any(c.start < o.end and o.start < c.end for o in claims))
    used = {c.cue.start for c in claims if c.cue is not None}
    frames = [(c.subject.start, c.subject.end) for c in claims if c.subject is not None]
    for _name, rule in REPORTED_RULES:
        for c in rule(s) or []:
            if c.cue is None or c.cue.start in used:
                continue
            if any(a <= c.cue.start < b for a, b in frames):
                continue
            if any(c.start == o.start and c.end == o.end for o in claims):
                continue
            if any(o.kind != "indirect" and o.start <= c.start and c.end <= o.end for o in claims):
                continue
            if no_reported_content(s, c):
                continue
            if _holds_other_speech(s, c, claims):
                continue
            used.add(c.cue.start)
            claims.append(c)
    _end_before_joined_speakers(s, claims)
    return claims


# ", and " or ", but " right before another claim's speaker: the clause is theirs.
_JOINED = re.compile(r",\s*(?:and|but|while|whereas)\s+$")


def _end_before_joined_speakers(s: SentenceCtx, claims: list[RawClaim]) -> None:
    """ "Bolsonaro has said …, and his critics, which include Greenpeace, blame him for …":
    the first content ends where a joined clause's own speaker begins."""
    for c in claims:
        if c.cue is None or c.cue.start > c.start:
            continue  # content before its cue ends at the cue
        for o in claims:
            if o is c or o.subject is None or not c.start < o.subject.start < c.end:
                continue
            j = _JOINED.search(s.text, max(c.start, o.subject.start - 12), o.subject.start)
            if j is not None and o.cue is not None and o.cue.start < c.end:
                c.end = j.start()
                break


def _holds_other_speech(s: SentenceCtx, c: RawClaim, claims: list[RawClaim]) -> bool:
    """ "John Major has accused Johnson of …, and argued that …, as the Court of Session
    found": a trailing "as" cue whose content holds another speaker's speech cue frames
    nothing of it. A plain trailing cue may still report a report ("… a Turkish official
    said that …, Cyprus Mail reported")."""
    if c.subject is None or c.cue is None or c.rule != "content-then-cue":
        return False
    if not s.text[max(s.start, c.subject.start - 4) : c.subject.start].endswith("as "):
        return False
    return any(
        o.cue is not None
        and o.cue.speech
        and o.subject is not None
        and c.start <= o.cue.start < c.end
        for o in claims
    )
