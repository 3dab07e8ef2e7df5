"""The writer's own sentences, and quoted fragments inside them.

A sentence with no attributed claim is a narrative claim; a quoted fragment in
it is a partial quote of the sentence's subject or of the paragraph's speaker.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute import RawClaim
from claimcheck.extract.quotes import Quote
from claimcheck.extract.segment import Sentence
from claimcheck.extract.state import Out, State
from claimcheck.extract.subjects import subject_at
from claimcheck.loaders.documents import Document

_SCARE_WORDS = 2

_ANAPHORIC = re.compile(r"^(?:This|These|Such|That|Those)\s+[a-z]+")

# "named the virus “…”", "reportedly nicknamed the “…”", "Anna Franowska of “Have no
# fear”": what something is called, not words anyone said ("who he dubbed “…”" is his).
_NAMED_BEFORE = re.compile(
    r"(?:(?:\b(?:named|christened|titled|entitled|renamed)|"
    r"\b(?:is|was|were|been|being|reportedly|often|widely|popularly)\s+(?:nick)?(?:named|dubbed))"
    r"\b[^.;:“”\"]{0,60}"
    r"|(?<![\w’'.-])[A-Z][\w’'.-]*\s+of)\s*$"
)


def add_narrative(
    doc: Document, state: State, para: list[Out], pending: list[tuple[Sentence, list[Quote]]]
) -> None:
    """Sentences that carry no attributed claim; partial quotes take the paragraph's speaker."""
    context = next((c for c in reversed(para) if c.person is not None), None)
    for sent, qs in pending:
        if any(c.raw.start >= sent.start and c.raw.end <= sent.end for c in para):
            continue
        speaker_src: Out | None = None
        rule = "narrative"
        # A one- or two-word term in marks with no speech around it is a scare quote
        # or a name for something ("super PACs", “dissent channel”), not a quotation.
        qs = [q for q in qs if len(doc.view[q.start : q.end].split()) > _SCARE_WORDS]
        qs = [
            q
            for q in qs
            if not _NAMED_BEFORE.search(doc.view, max(sent.start, q.open_at - 80), q.open_at)
        ]
        own = subject_at(doc.view, sent.start, sent.end) if qs else None
        if (
            own is not None
            and own.kind == "name"
            and len(own.text.split()) >= 2
            and " and " not in own.text
            and own.start - sent.start < 40
        ):
            # "Gibbs derided “the professional left”": the sentence's own subject.
            person = state.resolver.resolve(own)
            if person is not None:
                basis, others = state.resolver.basis, state.resolver.alternatives
                for q in qs:
                    raw = RawClaim(
                        "quote", q.start, q.end, "partial-quote-of-subject", own, form="partial"
                    )
                    state.out.append(Out(raw, person, own, basis, others))
                raw = RawClaim("narrative", sent.start, sent.end, "narrative")
                state.out.append(Out(raw, None, None))
                continue
        if qs and context is not None:
            for q in qs:
                raw = RawClaim(
                    "quote",
                    q.start,
                    q.end,
                    "partial-quote-in-context",
                    form="partial",
                    inherit=True,
                )
                basis = _context(context)
                out = Out(raw, context.person, context.mention, basis, context.alternatives)
                state.out.append(out)
            speaker_src, rule = context, "narrative-in-context"
        elif _ANAPHORIC.match(doc.view[sent.start : sent.end]) and state.last_attr is not None:
            prev = state.last_attr
            if prev.person is not None and sent.start - prev.raw.end < 400:
                speaker_src, rule = prev, "continues-reported-argument"
        raw = RawClaim("narrative", sent.start, sent.end, rule)
        if speaker_src is None:
            state.out.append(Out(raw, None, None))
        else:
            out = Out(raw, speaker_src.person, speaker_src.mention, _context(speaker_src))
            out.alternatives = speaker_src.alternatives
            state.out.append(out)


def _context(source: Out) -> str | None:
    return "context" if source.person is not None else None
