"""``extract(document) -> Ledger``: the stage order for extraction.

load → segment → quotes → attribute → speakers → ledger. This module only
sequences the stages and carries context between sentences and paragraphs
(the last speaker, a quotation left open at a paragraph's end).
"""

from __future__ import annotations

import bisect

from claimcheck.extract.attribute import RawClaim, SentenceCtx, attribute_sentence
from claimcheck.extract.known_names import names_in
from claimcheck.extract.ledger import build_ledger
from claimcheck.extract.narrative import add_narrative
from claimcheck.extract.quotes import Quote, find_quotes, opens_with_quote, top_level
from claimcheck.extract.segment import Sentence, classify_line, split_sentences
from claimcheck.extract.speakers import SpeakerResolver
from claimcheck.extract.state import Out, State, emit, inherit, skip
from claimcheck.extract.subjects import on_platform, subject_at
from claimcheck.extract.transcripts import LABEL_LINE, after_section_label, transcript_turn
from claimcheck.extract.uncued import (
    LEAD_IN,
    colon_lead_in,
    dash_attribution,
    dominant,
    is_title,
    lead_in_or_last,
    subject_of,
    within,
)
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger

_PROSE_KINDS = ("paragraph", "blockquote", "list-item")
_CLASSIFIED = (*_PROSE_KINDS, "heading", "title")


def extract(document: Document) -> Ledger:
    view = document.view
    state = State(SpeakerResolver(names_in(view), view), view)
    prose_index = 0
    blocks = [b for b in document.blocks if b.kind in _CLASSIFIED]
    for n, block in enumerate(blocks):
        nxt = blocks[n + 1] if n + 1 < len(blocks) else None
        next_opens = nxt is not None and opens_with_quote(view, nxt.start, nxt.end)
        start = block.start
        verdict = classify_line(view, block.start, block.end, prose_index, block.kind)
        if verdict is not None and LABEL_LINE.fullmatch(view, block.start, block.end):
            verdict = None  # "((Ana Ruiz))" on its own line: an interview's turn, no heading
        if block.kind == "heading" or (verdict is not None and verdict.reason == "heading"):
            state.turn = None  # "Sources", "Related news": the interview is over
        if verdict is not None:
            skip(state, document, block.start, verdict.end, verdict.reason)
            if verdict.end >= block.end:
                prose_index += 1
                continue
            start = verdict.end
        _paragraph(document, state, start, block.end, next_opens)
        prose_index += 1
    return build_ledger(document, state)


def _paragraph(doc: Document, state: State, a: int, b: int, next_opens: bool) -> None:
    view = doc.view
    a = after_section_label(doc, state, a, b)
    if transcript_turn(doc, state, a, b):
        return
    # A mark left open is a quotation only by the news convention: the next
    # paragraph opens with a mark, or the open quotation began the paragraph.
    all_quotes = [
        q
        for q in top_level(find_quotes(view, a, b))
        if not q.unclosed or next_opens or not view[a : q.open_at].strip()
    ]
    quotes = [q for q in all_quotes if not is_title(view, q)]
    opens = [q.open_at for q in quotes]  # sorted: quotes come in order of opening
    state.narrator = None  # only a sentence of the same paragraph introduces a speaker
    continues = state.open_quote if opens_with_quote(view, a, b) else None
    state.open_quote = None
    para_claims: list[Out] = []
    pending: list[tuple[Sentence, list[Quote]]] = []
    for sent in split_sentences(view, a, b, all_quotes):
        lo = bisect.bisect_left(opens, sent.start)
        hi = bisect.bisect_left(opens, sent.end)
        inside = quotes[lo:hi]
        ctx = SentenceCtx(view, sent.start, sent.end, inside)
        raws = attribute_sentence(ctx) or dash_attribution(ctx)
        covered = {(r.start, r.end) for r in raws}
        for raw in raws:
            para_claims.append(emit(state, raw))
        spans = [(r.start, r.end) for r in raws if r.form != "direct"]
        loose = [q for q in inside if (q.start, q.end) not in covered and not within(q, spans)]
        fragments: list[Quote] = []
        for q in loose:
            if continues is not None and q.open_at <= a + 2:
                para_claims.append(inherit(state, q, continues, "continued-quote"))
            elif (
                colon := LEAD_IN.search(view, max(sent.start, q.open_at - 120), q.open_at)
            ) is not None and not on_platform(view, colon.start("np"), colon.group("np")):
                # "Jane Das: “…”" within one sentence.
                state.lead_in = subject_of(colon)
                source = lead_in_or_last(state)
                para_claims.append(inherit(state, q, source, "lead-in-colon"))
            elif (
                view[max(sent.start, q.open_at - 8) : q.open_at].rstrip().endswith(":")
                and (own := subject_at(view, sent.start, q.open_at)) is not None
                and own.kind in ("name", "pronoun", "noun")
            ):
                # "Perez lobbies for a higher wage: “…”": the clause's subject speaks.
                state.lead_in = own
                source = lead_in_or_last(state)
                para_claims.append(inherit(state, q, source, "lead-in-colon"))
            elif colon is not None:
                # "…, a familiar voice celebrated the attacks on Twitter: “…”": a quotation
                # whose speaker is not found; the platform before the colon is none.
                para_claims.append(inherit(state, q, None, "unattributed-quote"))
            elif dominant(view, sent, q):
                source = lead_in_or_last(state)
                para_claims.append(inherit(state, q, source, "floating-quote"))
            else:
                fragments.append(q)
        if fragments:
            pending.append((sent, fragments))
        lead_in = colon_lead_in(view, sent) if not raws and not inside else None
        if not raws and not loose and lead_in is None:
            pending.append((sent, []))
        state.lead_in = lead_in
        state.narrator = None
        if not raws and not inside and lead_in is None:
            # "Howard continued his remarks. “…”": the next floating quote is his
            # (its subject is read only if a floating quote follows).
            state.narrator = (view, sent.start, sent.end)
        unclosed = [q for q in inside if q.unclosed]
        if unclosed and para_claims:
            state.open_quote = para_claims[-1]
    para_claims = _join_parts(state, para_claims)
    add_narrative(doc, state, para_claims, pending)


def _join_parts(state: State, para: list[Out]) -> list[Out]:
    """One quotation interrupted by its cue is one claim with several verbatim parts.

    “It's heartbreaking,” Ryan said. “And this country has to …” is one
    quotation; its claim runs from the first word to the last, and ``verbatim``
    lists the words actually inside the marks.
    """
    merged: list[Out] = []
    for o in para:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and o.raw.kind == "quote"
            and prev.raw.kind == "quote"
            # The second part follows the first: a claim's verbatim parts lie inside it, in order.
            and o.raw.start >= prev.raw.end
            and o.raw.form == "direct"
            and (
                prev.raw.form in ("direct", "split")
                # “…” workers, Warren said. “…”: a mixed quote ending at its quotation
                or (prev.raw.form == "mixed" and prev.raw.rule.startswith("quote-then"))
            )
            and o.person is prev.person
            and o.person is not None
            and (o.raw.inherit or (o.raw.group is not None and o.raw.group == prev.raw.group))
        ):
            parts = prev.raw.verbatim or [(prev.raw.start, prev.raw.end)]
            raw = RawClaim(
                "quote",
                prev.raw.start,
                o.raw.end,
                prev.raw.rule,
                prev.raw.subject,
                prev.raw.cue,
                form="mixed" if prev.raw.form == "mixed" else "split",
                group=prev.raw.group,
                verbatim=[*parts, (o.raw.start, o.raw.end)],
            )
            joined = Out(raw, prev.person, prev.mention, prev.basis, prev.alternatives)
            state.out.remove(prev)
            state.out.remove(o)
            state.out.append(joined)
            if state.last_attr in (prev, o):
                state.last_attr = joined
            if state.open_quote in (prev, o):
                state.open_quote = joined
            merged[-1] = joined
            continue
        merged.append(o)
    return merged
