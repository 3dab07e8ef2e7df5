"""What extraction carries from sentence to sentence, and how a claim is emitted.

The resolver (who has been named so far), the last attributed claim, a
quotation left open at a paragraph's end, a lead-in ("Das said:") waiting for
its quotation, an interview turn that later paragraphs continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.extract.attribute import RawClaim
from claimcheck.extract.people import Person
from claimcheck.extract.quotes import Quote
from claimcheck.extract.speakers import SpeakerResolver
from claimcheck.extract.subjects import Subject
from claimcheck.loaders.documents import Document
from claimcheck.models import Skipped, made


@dataclass
class Out:
    raw: RawClaim
    person: Person | None
    mention: Subject | None
    basis: str | None = None  # how the speaker was found: models.SpeakerBasis
    alternatives: tuple[Person, ...] = ()  # others the mention could equally mean


@dataclass
class State:
    resolver: SpeakerResolver
    view: str
    out: list[Out] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    open_quote: Out | None = None  # a quotation left open at the previous paragraph's end
    lead_in: Subject | None = None
    # the previous sentence of the paragraph when it claimed nothing: (text, start, end)
    narrator: tuple[str, int, int] | None = None
    last_attr: Out | None = None
    title: str | None = None
    turn: Subject | None = None  # the interview turn that later paragraphs continue


def skip(state: State, doc: Document, a: int, b: int, reason: str) -> None:
    text = doc.text[a:b].strip()
    if reason == "headline" and state.title is None:
        state.title = " ".join(text.split())
    line, _ = doc.line_col(a)
    # Every field given, each of its type: made as Skipped(...) would validate it.
    skipped = {"line": line, "reason": reason, "text": text, "start": a, "end": b}
    state.skipped.append(made(Skipped, skipped, _SKIPPED_GIVEN))


_SKIPPED_GIVEN = frozenset(Skipped.model_fields)


def emit(state: State, raw: RawClaim) -> Out:
    out = resolved(state, raw, raw.subject)
    state.out.append(out)
    state.last_attr = out
    return out


def resolved(state: State, raw: RawClaim, subj: Subject | None) -> Out:
    """A claim whose speaker is the mention ``subj``, resolved now (not yet emitted)."""
    r = state.resolver
    person = r.resolve(subj) if subj is not None else None
    mention = subj if subj is not None and subj.kind != "passive" else None
    if person is None:
        return Out(raw, None, mention)
    return Out(raw, person, mention, r.basis, r.alternatives)


def inherit(state: State, q: Quote, source: Out | None, rule: str) -> Out:
    person = source.person if source else None
    if source is not None and source.raw.rule == "lead-in-colon":
        rule = "lead-in-colon"
    raw = RawClaim(
        "quote",
        q.start,
        q.end,
        rule if source else "unattributed-quote",
        form="direct",
        inherit=True,
    )
    mention = source.mention if source else None
    if person is not None and mention is not None and rule != "lead-in-colon":
        mention = _nearest_mention(state.view, person, mention, q.open_at) or mention
    basis = None
    alternatives: tuple[Person, ...] = ()
    if source is not None and person is not None:
        # "Das: “…”" names its speaker as surely as "Das said"; a floating or a
        # continued quotation only inherits it.
        basis = source.basis if rule == "lead-in-colon" else "context"
        alternatives = source.alternatives
    out = Out(raw, person, mention, basis, alternatives)
    state.out.append(out)
    if person is not None:
        state.resolver.touch(person)
        state.last_attr = out
    return out


def _nearest_mention(view: str, person: Person, known: Subject, before: int) -> Subject | None:
    """The last time the text names this person before a floating quote.

    A floating quote inherits its speaker; its mention is the nearest place the
    article names that speaker ("… Rosenthal wrote. Rosenthal is right. “…”"),
    not necessarily the mention of the previous claim.
    """
    if person.kind != "person" or not person.tokens:
        return None
    lo = max(known.end, before - 1500)
    if lo >= before:
        return None
    names = {person.name, person.surname}
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    found = None
    for m in re.finditer(rf"(?<![\w’'-])(?:{pattern})(?![\w’'-])", view[lo:before]):
        found = m
    if found is None:
        return None
    a = lo + found.start()
    return Subject(a, a + len(found.group()), found.group(), "name", None)
