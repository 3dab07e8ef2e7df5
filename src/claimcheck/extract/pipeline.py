"""``extract(document) -> Ledger``: the stage order for extraction.

load → segment → quotes → attribute → speakers → ledger. This module only
sequences the stages and carries context between sentences and paragraphs
(the last speaker, a quotation left open at a paragraph's end).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from claimcheck.extract.attribute import RawClaim, SentenceCtx, attribute_sentence
from claimcheck.extract.cues import NAME, NAME_RUN, Subject, subject_at
from claimcheck.extract.quotes import Quote, find_quotes, opens_with_quote, top_level
from claimcheck.extract.segment import Sentence, classify_line, split_sentences, title_case_ratio
from claimcheck.extract.speakers import Person, SpeakerResolver, sentence_cut
from claimcheck.lexicon.cues import VERBS, inflections
from claimcheck.lexicon.names import NOT_NAMES
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger, Skipped

_SCARE_WORDS = 2
_PROSE_KINDS = ("paragraph", "blockquote", "list-item")
_ANAPHORIC = re.compile(r"^(?:This|These|Such|That|Those)\s+[a-z]+")
_DASH_NAME = re.compile(rf"^\s*[—–―-]{{1,2}}\s*(?P<np>{NAME})")
_LEAD_IN = re.compile(rf"(?P<np>{NAME})\s*:\s*$")


@dataclass
class _Out:
    raw: RawClaim
    person: Person | None
    mention: Subject | None


@dataclass
class _State:
    resolver: SpeakerResolver
    view: str
    out: list[_Out] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    open_quote: _Out | None = None  # a quotation left open at the previous paragraph's end
    lead_in: Subject | None = None
    # the previous sentence of the paragraph when it claimed nothing: (text, start, end)
    narrator: tuple[str, int, int] | None = None
    last_attr: _Out | None = None
    title: str | None = None
    turn: Subject | None = None  # the interview turn that later paragraphs continue


def extract(document: Document) -> Ledger:
    view = document.view
    state = _State(SpeakerResolver(_names_in(view), view), view)
    prose_index = 0
    blocks = [b for b in document.blocks if b.kind in _PROSE_KINDS or b.kind == "heading"]
    for n, block in enumerate(blocks):
        nxt = blocks[n + 1] if n + 1 < len(blocks) else None
        next_opens = nxt is not None and opens_with_quote(view, nxt.start, nxt.end)
        start = block.start
        verdict = classify_line(view, block.start, block.end, prose_index, block.kind)
        if verdict is not None and _LABEL_LINE.fullmatch(view, block.start, block.end):
            verdict = None  # "((Ana Ruiz))" on its own line: an interview's turn, no heading
        if block.kind == "heading" or (verdict is not None and verdict.reason == "heading"):
            state.turn = None  # "Sources", "Related news": the interview is over
        if verdict is not None:
            _skip(state, document, block.start, verdict.end, verdict.reason)
            if verdict.end >= block.end:
                prose_index += 1
                continue
            start = verdict.end
        _paragraph(document, state, start, block.end, next_opens)
        prose_index += 1
    return _ledger(document, state)


# Capitalised words that open a sentence but not a name ("New" and titles do).
_OPENERS = NOT_NAMES - {"new", "mr", "mrs", "ms", "dr", "prof"}


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+$")


# A line this short and this capitalised is a headline, where every word is capitalised
# and a name runs into its verb: "Obama Says African-American Museum Will Tell …".
# Only a headline's leading name counts ("Cecile Richards: ‘I’m Sick Of …’" may be the
# only place her full name is given), and it ends at a verb of the cue lexicon
# ("Donald Trump Praises Breitbart’s …"), except the few that are nouns in names.
_HEADLINE_MAX = 200
_HEADLINE_RATIO = 0.9
_HEADLINE_VERBS = frozenset(
    form.capitalize()
    for lemma in VERBS
    for form in inflections(lemma.split()[0])
    if form != lemma and form not in ("reports", "states", "news")
)


def _headline(view: str, at: int) -> tuple[int, int] | None:
    """The line holding ``at`` when it reads as a headline."""
    lo = view.rfind("\n", 0, at) + 1
    hi = view.find("\n", at)
    hi = len(view) if hi < 0 else hi
    if hi - lo > _HEADLINE_MAX:
        return None
    line = view[lo:hi]
    if len(_PROSE_WORD.findall(line, 0, 80)) >= 2:
        return None  # two lower-case words early on: prose (the full test costs more)
    if len(line.split()) >= 4 and title_case_ratio(line) >= _HEADLINE_RATIO:
        return lo, hi
    return None


# A lower-case word that no headline leaves uncapitalised (small words of four
# letters or more are excepted).
_PROSE_WORD = re.compile(
    r"(?<![\w’'-])(?!(?:with|from|amid|into|over|than|that|this|after|before|onto|upon)\b)"
    r"[a-z]{4,}"
)


_HEADLINE_ADVERBS = frozenset(
    """Finally Reportedly Officially Formally Publicly Secretly Quietly Quickly Allegedly
    Apparently Already Actually Really Now Still Again Also Just Never""".split()
)


def _headline_name(view: str, line: tuple[int, int], at: int, name: str) -> str | None:
    if view[line[0] : at].strip(" \t\"“‘'"):
        return None
    words = name.split()
    verb = next((i for i, w in enumerate(words) if w in _HEADLINE_VERBS), None)
    if verb is None:
        # "Cecile Richards: …" names a speaker; "Obama Just Let Something Slip …" runs on.
        if not view.startswith(":", at + len(name)):
            return None
        verb = len(words)
    while verb and words[verb - 1] in _HEADLINE_ADVERBS:
        verb -= 1  # "Republicans Finally Confirmed …" (a name may end in "-ly": "Kelly")
    return " ".join(words[:verb]) if verb >= 2 else None


def _names_in(view: str) -> list[tuple[int, str]]:
    found = []
    # Only lines holding a name are tested, each once: most lines of prose are not.
    line_end, line = -1, None
    for m in re.finditer(NAME_RUN, view):
        at, name = m.start(), m.group()
        if " " not in name:
            continue
        if at >= line_end:
            line = _headline(view, at)
            if line is not None:
                line_end = line[1]
            else:
                line_end = view.find("\n", at)
                line_end = len(view) if line_end < 0 else line_end
        if line is not None:
            lead = _headline_name(view, line, at, name)
            if lead is None:
                continue
            name = lead
        first = name.split(" ", 1)[0]
        if first.lower() in _OPENERS or first in _HEADLINE_VERBS or first.endswith(("n’t", "n't")):
            # "As Das noted": a capitalised sentence opener is no part of the name
            at, name = at + len(first) + 1, name[len(first) + 1 :].lstrip()
            if " " not in name:
                continue
        cut = sentence_cut(name)
        if cut != name:
            name = cut  # "Congress. Clinton": a name ends with its sentence
            if " " not in name:
                continue
        if _PLACE_BEFORE.search(view, max(0, at - 9), at):
            continue  # "in Palo Alto": a place, never a pronoun's antecedent
        found.append((at, name))
    return found[:20000]


def _skip(state: _State, doc: Document, a: int, b: int, reason: str) -> None:
    text = doc.text[a:b].strip()
    if reason == "headline" and state.title is None:
        state.title = " ".join(text.split())
    line, _ = doc.line_col(a)
    state.skipped.append(Skipped(line=line, reason=reason, text=text, start=a, end=b))


_TURN = re.compile(
    r"[ \t]*[\"“]?[ \t]*(?:(?P<label>[A-Z][A-Z.'’ -]{1,30}[A-Z.]):[ \t]+(?=\S)"
    # Wikinews interviews: "((Dorsa Derakhshani))  I got interested …"; "((fa))" is a language.
    r"|\(\((?P<named>[A-Z][\w.'’ -]{0,40})\)\)[ \t]*(?::[ \t]*)?)"
)
_STAGE = re.compile(r"[ \t]*[\"“]?[ \t]*\([A-Z][A-Z .,'’-]*\.?\)\.?[\"”]?[ \t]*$")


_LABEL_LINE = re.compile(r"[ \t]*\(\([A-Z][\w.'’ -]{0,40}\)\)[ \t]*")


def _transcript_turn(doc: Document, state: _State, a: int, b: int) -> bool:
    """A transcript line, "PENCE: Well, look, …": verbatim speech of the labelled speaker."""
    view = doc.view
    if _STAGE.match(view, a, b):
        _skip(state, doc, a, b, "stage-direction")
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
        _skip(state, doc, a, b, "turn-label")
        return True
    raw = RawClaim("quote", text_at, end, "transcript-turn", subj, form="transcript")
    state.resolver.turn = _emit(state, raw).person
    state.open_quote = None
    return True


def _paragraph(doc: Document, state: _State, a: int, b: int, next_opens: bool) -> None:
    view = doc.view
    if _transcript_turn(doc, state, a, b):
        return
    # A mark left open is a quotation only by the news convention: the next
    # paragraph opens with a mark, or the open quotation began the paragraph.
    all_quotes = [
        q
        for q in top_level(find_quotes(view, a, b))
        if not q.unclosed or next_opens or not view[a : q.open_at].strip()
    ]
    quotes = [q for q in all_quotes if not _is_title(view, q)]
    opens = [q.open_at for q in quotes]  # sorted: quotes come in order of opening
    state.narrator = None  # only a sentence of the same paragraph introduces a speaker
    continues = state.open_quote if opens_with_quote(view, a, b) else None
    state.open_quote = None
    para_claims: list[_Out] = []
    pending: list[tuple[Sentence, list[Quote]]] = []
    for sent in split_sentences(view, a, b, all_quotes):
        lo = bisect.bisect_left(opens, sent.start)
        hi = bisect.bisect_left(opens, sent.end)
        inside = quotes[lo:hi]
        ctx = SentenceCtx(view, sent.start, sent.end, inside)
        raws = attribute_sentence(ctx) or _dash_attribution(ctx)
        covered = {(r.start, r.end) for r in raws}
        for raw in raws:
            para_claims.append(_emit(state, raw))
        spans = [(r.start, r.end) for r in raws if r.form != "direct"]
        loose = [q for q in inside if (q.start, q.end) not in covered and not _within(q, spans)]
        fragments: list[Quote] = []
        for q in loose:
            if continues is not None and q.open_at <= a + 2:
                para_claims.append(_inherit(state, q, continues, "continued-quote"))
            elif (
                colon := _LEAD_IN.search(view, max(sent.start, q.open_at - 120), q.open_at)
            ) is not None:
                # "Jane Das: “…”" within one sentence.
                state.lead_in = _subject_of(colon)
                source = _lead_in_or_last(state)
                para_claims.append(_inherit(state, q, source, "lead-in-colon"))
            elif (
                view[max(sent.start, q.open_at - 8) : q.open_at].rstrip().endswith(":")
                and (own := subject_at(view, sent.start, q.open_at)) is not None
                and own.kind in ("name", "pronoun", "noun")
            ):
                # "Perez lobbies for a higher wage: “…”": the clause's subject speaks.
                state.lead_in = own
                source = _lead_in_or_last(state)
                para_claims.append(_inherit(state, q, source, "lead-in-colon"))
            elif _dominant(view, sent, q):
                source = _lead_in_or_last(state)
                para_claims.append(_inherit(state, q, source, "floating-quote"))
            else:
                fragments.append(q)
        if fragments:
            pending.append((sent, fragments))
        lead_in = _lead_in(view, sent) if not raws and not inside else None
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
    _narrative(doc, state, para_claims, pending)


def _join_parts(state: _State, para: list[_Out]) -> list[_Out]:
    """One quotation interrupted by its cue is one claim with several verbatim parts.

    “It's heartbreaking,” Ryan said. “And this country has to …” is one
    quotation; its claim runs from the first word to the last, and ``verbatim``
    lists the words actually inside the marks.
    """
    merged: list[_Out] = []
    for o in para:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and o.raw.kind == "quote"
            and prev.raw.kind == "quote"
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
            joined = _Out(raw, prev.person, prev.mention)
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


def _is_title(view: str, q: Quote) -> bool:
    """“Face the Nation”, “A Change Is Gonna Come”: a title, not speech."""
    words = view[q.start : q.end].split()
    if not words or len(words) > 8:
        return False
    text = view[q.start : q.end].rstrip(".,")
    if any(c in text for c in ".?!"):
        return False
    return title_case_ratio(text) == 1.0 and (len(words) >= 2 or not words[0].islower())


def _within(q: Quote, spans: list[tuple[int, int]]) -> bool:
    return any(a <= q.start and q.end <= b for a, b in spans)


def _dominant(view: str, sent: Sentence, q: Quote) -> bool:
    outside_chars = (sent.end - sent.start) - (q.close_at - q.open_at)
    if outside_chars > 3 * (q.end - q.start) + 40:
        return False  # far more narration than quotation; also keeps this linear
    outside = view[sent.start : q.open_at] + view[q.close_at : sent.end]
    words = len(re.findall(r"\w+", outside))
    inner = len(view[q.start : q.end].split())
    return words <= 2 or (inner >= 6 and words <= inner // 3)


def _lead_in_or_last(state: _State) -> _Out | None:
    if state.lead_in is not None:
        subj = state.lead_in
        person = state.resolver.resolve(subj)
        state.lead_in = None
        return _Out(RawClaim("quote", 0, 0, "lead-in-colon", subj), person, subj)
    if state.narrator is not None:
        view, a, b = state.narrator
        state.narrator = None
        own = subject_at(view, a, b)
        if (
            own is not None
            and own.kind in ("name", "pronoun")
            and not view.startswith((" and ", ","), own.end)
        ):
            person = state.resolver.resolve(own)
            if person is not None:
                return _Out(RawClaim("quote", 0, 0, "floating-quote", own), person, own)
    return state.last_attr


def _subject_of(m: re.Match[str]) -> Subject:
    s = m.start("np")
    return Subject(s, s + len(m.group("np")), m.group("np"), "name", None)


def _lead_in(view: str, sent: Sentence) -> Subject | None:
    text = view[sent.start : sent.end]
    # Runs for most sentences: the colon test rules out nearly all of them at
    # a fraction of the cost of the search, which tries a name at every word.
    if not text.rstrip().endswith(":"):
        return None
    m = _LEAD_IN.search(text)
    if not m:
        return None
    s = sent.start + m.start("np")
    return Subject(s, s + len(m.group("np")), m.group("np"), "name", None)


def _dash_attribution(ctx: SentenceCtx) -> list[RawClaim]:
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


def _emit(state: _State, raw: RawClaim) -> _Out:
    person = state.resolver.resolve(raw.subject) if raw.subject else None
    mention = raw.subject if raw.subject is not None and raw.subject.kind != "passive" else None
    out = _Out(raw, person, mention)
    state.out.append(out)
    state.last_attr = out
    return out


def _inherit(state: _State, q: Quote, source: _Out | None, rule: str) -> _Out:
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
    out = _Out(raw, person, mention)
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


def _narrative(
    doc: Document, state: _State, para: list[_Out], pending: list[tuple[Sentence, list[Quote]]]
) -> None:
    """Sentences that carry no attributed claim; partial quotes take the paragraph's speaker."""
    context = next((c for c in reversed(para) if c.person is not None), None)
    for sent, qs in pending:
        if any(c.raw.start >= sent.start and c.raw.end <= sent.end for c in para):
            continue
        speaker_src: _Out | None = None
        rule = "narrative"
        # A one- or two-word term in marks with no speech around it is a scare quote
        # or a name for something ("super PACs", “dissent channel”), not a quotation.
        qs = [q for q in qs if len(doc.view[q.start : q.end].split()) > _SCARE_WORDS]
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
                for q in qs:
                    raw = RawClaim(
                        "quote", q.start, q.end, "partial-quote-of-subject", own, form="partial"
                    )
                    state.out.append(_Out(raw, person, own))
                raw = RawClaim("narrative", sent.start, sent.end, "narrative")
                state.out.append(_Out(raw, None, None))
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
                state.out.append(_Out(raw, context.person, context.mention))
            speaker_src, rule = context, "narrative-in-context"
        elif _ANAPHORIC.match(doc.view[sent.start : sent.end]) and state.last_attr is not None:
            prev = state.last_attr
            if prev.person is not None and sent.start - prev.raw.end < 400:
                speaker_src, rule = prev, "continues-reported-argument"
        raw = RawClaim("narrative", sent.start, sent.end, rule)
        person = speaker_src.person if speaker_src else None
        state.out.append(_Out(raw, person, speaker_src.mention if speaker_src else None))


def _ledger(doc: Document, state: _State) -> Ledger:
    # The claims are gathered as plain dicts and validated in one call: the same
    # models as constructing each one, without a Python-level __init__ per object.
    items = sorted(state.out, key=lambda o: (o.raw.start, o.raw.end, o.raw.kind))
    text = doc.text
    stem = doc.stem  # a property that splits the path: computed once, not per claim
    claims: list[dict[str, object]] = []
    per_line: dict[int, int] = {}
    speaking: list[Person] = []
    for o in items:
        r = o.raw
        if r.end <= r.start:
            continue
        line, col = doc.line_col(r.start)
        end_line, end_col = doc.line_col(r.end)
        per_line[line] = per_line.get(line, 0) + 1
        if o.person is not None and o.person not in speaking:
            speaking.append(o.person)
        mention = None
        if o.mention is not None:
            m = o.mention
            mention = {"text": text[m.start : m.end], "start": m.start, "end": m.end}
        cue = None
        if r.cue is not None:
            c = r.cue
            cue = {
                "text": text[c.start : c.end],
                "start": c.start,
                "end": c.end,
                "lemma": c.lemma,
                "stance": c.stance,
            }
        claims.append(
            {
                "id": f"{stem}:{line}:{per_line[line]}",
                "kind": r.kind,
                "text": text[r.start : r.end],
                "start": r.start,
                "end": r.end,
                "line": line,
                "column": col,
                "end_line": end_line,
                "end_column": end_col,
                "speaker": o.person.name if o.person else None,
                "mention": mention,
                "cue": cue,
                "stance": r.cue.stance if r.cue is not None else None,
                "rule": r.rule,
                "form": r.form,
                "verbatim": [{"text": text[a:b], "start": a, "end": b} for a, b in r.verbatim],
            }
        )
    speakers = [{"name": p.name, "aliases": p.aliases(), "role": p.role} for p in speaking]
    info = {"path": doc.path, "sha256": doc.sha256, "title": doc.title or state.title}
    return Ledger.model_validate(
        {"document": info, "speakers": speakers, "claims": claims, "skipped": state.skipped}
    )
