"""Rules that attribute quotations: the cue after, before or inside the quotation."""

from __future__ import annotations

import itertools
import re

from claimcheck.extract.attribute.base import (
    SPACE,
    SUBORDINATORS,
    RawClaim,
    SentenceCtx,
    clause_subject,
    is_participle,
    lead_ok,
    reported,
    speaker_before,
    speaker_of_cue_before,
    starts_clause,
    strip_end,
    strip_final_stop,
    words,
)
from claimcheck.extract.cues import CueHit, content_after, find_cues
from claimcheck.extract.patterns import ADVERBS
from claimcheck.extract.quotes import Quote
from claimcheck.extract.subjects import Subject, speaker_after, subject_before
from claimcheck.lexicon.cues import FORMS, MANNER_ONLY, VERBS
from claimcheck.lexicon.names import PRONOUNS


def quote_then_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """“…,” Das added.  /  “…,” said Jane Das, the party's leader."""
    if not s.quotes:
        return None
    # The cue follows the last quotation, or an earlier one when the sentence goes
    # on to quoted words of its own ("…,” Das said, adding that the deals were “like candy”).
    for n in range(len(s.quotes) - 1, -1, -1):
        tail_lo = s.quotes[n].close_at
        hi = s.quotes[n + 1].open_at if n + 1 < len(s.quotes) else s.end
        cues = [c for c in find_cues(s.text, tail_lo, hi, []) if c.start - tail_lo < 130]
        if cues:
            break
    else:
        return None
    quotes = s.quotes[: n + 1]
    cue = cues[0]
    gap = s.text[tail_lo : cue.start]
    subj: Subject | None
    if gap.strip(SPACE + ",—–-") == "":
        if is_participle(s, cue):
            return None  # "…,” echoing some far-right commentators: the object is no speaker
        subj = speaker_after(s.text, cue.end, s.end)
        rule = "quote-then-inverted-cue"
    else:
        subj = subject_before(s.text, tail_lo, cue.start, loose=cue.speech)
        rule = "quote-then-cue"
        if subj is not None and not _gap_ok(s.text[tail_lo : subj.start]):
            subj = None
        if subj is not None and _OWN_CLAUSE.match(s.text, cue.end):
            # "… as “Australia's most boring by-election”, however Bonham noted the size
            # of the swing may have been …": a cue with a clause of its own frames no
            # quotation before it.
            return None
    if subj is None:
        return None
    # Only a second cue may follow before later quoted words; a new clause
    # (“…”, Das said, and their partnership aims at “…”) makes them the writer's.
    if len(quotes) < len(s.quotes) and not _second_cue(
        s.text, max(subj.end, cue.end), s.quotes[len(quotes)].open_at
    ):
        return None
    mixed = _mixed_before_cue(s, quotes, min(subj.start, cue.start), subj, cue, rule)
    if mixed is not None:
        return [mixed]
    return _quote_claims(s, quotes, subj, cue, rule)


_OPENER = re.compile(r"(?:(?:But|And|So|Yet|Still|Now|Instead|Indeed|Also|Then)\b,?\s+)+")

# A cue's own content clause: "that", or a subject of a few words and an auxiliary.
_OWN_CLAUSE = re.compile(
    r"\s+(?:that\b|(?!(?:in|on|at|during|after|before|with|to|from|for|of|by|as|while|when|"
    r"via|through|about|outside|inside)\b)(?:(?!(?:which|who|whom|where|when)\b)[\w’'-]+\s+)"
    r"{1,5}?(?:is|was|are|were|will|would|may|might|could|should|can|must|has|had|have)\s)"
)


def _mixed_before_cue(
    s: SentenceCtx, quotes: list[Quote], frame: int, subj: Subject, cue: CueHit, rule: str
) -> RawClaim | None:
    """The country “has made dramatic changes,” Das said: the writer's words carry the quote.

    When words outside the marks belong to what the speaker is reported to have
    said (a subject before the first quotation, words between quotations, a
    phrase after the last one), the claim is the whole clause, a mixed quote
    whose ``verbatim`` parts are the quotations.
    """
    first, last = quotes[0], quotes[-1]
    a = first.open_at
    lead = s.text[s.start : first.open_at]
    if lead.strip():
        opener = _OPENER.match(s.text, s.start, first.open_at)
        lo = opener.end() if opener else s.start
        colon = s.text.rfind(":", lo, first.open_at)
        lo = colon + 1 if colon >= 0 else lo
        paren = s.text.rfind("(", lo, first.open_at)
        if paren >= 0 and ")" not in s.text[paren : first.open_at]:
            lo = paren + 1  # "… from members (“I want my dues back,” wrote …)": the aside's own
        body = s.text[lo : first.open_at]
        if (
            body.strip()
            and not body.rstrip().endswith((",", ":", ";", "—", "–", "-"))
            and len(body.split()) <= 20
            and not find_cues(s.text, lo, first.open_at, [])
        ):
            a = lo
    b = last.close_at
    gap = s.text[last.close_at : frame]
    comma = gap.rfind(",")
    tail = gap[:comma].strip(SPACE + "”\"’'")
    if comma > 0 and tail[:1].islower() and not (subj.role and tail.endswith(subj.role)):
        # "… jail time” for criminal behavior, Warren said": a lower-case phrase
        # continues the clause; a capitalised one is the speaker's role or name, and so
        # is the role of "“…,” the mayor, Ana Ruiz, said".
        b = last.close_at + comma
    between = any(
        s.text[x.close_at : y.open_at].strip(SPACE + ",;:—–-")
        for x, y in itertools.pairwise(quotes)
    )
    if a == first.open_at and b == last.close_at and not between:
        return None
    a, b = strip_end(s.text, a, b)
    verbatim = [(q.start, q.end) for q in quotes]
    return RawClaim("quote", a, b, rule, subj, cue, form="mixed", verbatim=verbatim)


def cue_then_quote(s: SentenceCtx) -> list[RawClaim] | None:
    """Das said: “…”  /  The minister noted “the figures are provisional.”"""
    if not s.quotes:
        return None
    first = s.quotes[0]
    asides = _asides(s.text, s.start, first.open_at)
    # A cue inside an aside ("— which the BBC noted as unusual —") is the aside's own.
    cues = [
        c
        for c in find_cues(s.text, s.start, first.open_at, s.blocked)
        if not any(x <= c.start < y for x, y in asides)
    ]
    spoke = _spoke(s, first.open_at, asides)
    if spoke is not None and (not cues or cues[-1].start < spoke.start):
        cues.append(spoke)
    if not cues:
        return None
    cue = cues[-1]
    between = s.text[cue.end : first.open_at]
    if THAT.search(between):
        return None  # reported speech carrying a quoted fragment: a mixed quote
    agent = _passive_agent(s, cue, first.open_at)
    if agent is not None:
        return _quote_claims(s, s.quotes, agent, cue, "passive-agent-quote")
    rcpt_end = content_after(s.text, cue, first.open_at)
    if (
        between.strip(SPACE + ":,")
        and rcpt_end < first.open_at
        and (
            # Only a verb of saying has circumstances before its quotation ("intends to
            # appeal; “…”" is no frame), and after a comma ("as Mr. Bown observed, in the
            # early days …") the phrase is the content's own.
            not (cue.speech or cue.lemma == "speak")
            or "," in s.text[cue.end : rcpt_end]
            or not _frame_gap(s.text, rcpt_end, first.open_at, asides)
        )
    ):
        return None
    subj = None
    if (
        cue.speech
        and _PARTICIPLE_FRAME.search(s.text, s.start, cue.end)
        and s.text[s.start : cue.start].rstrip().endswith(",")
    ):
        # "An eyewitness described how the attack unfolded, stating, “…”": the
        # participle's speaker is the speaker of the cue before it, or the clause's subject;
        # the phrase right before its comma is an object ("She noted her years as senator,
        # saying “…”" is hers, not her years').
        subj = speaker_of_cue_before(s, cue) or clause_subject(s, cue.start)
    if subj is None:
        subj = speaker_before(s.text, s.start, cue.start, loose=cue.speech)
    if subj is None:
        return None
    rule = "cue-colon-quote" if ":" in between else "cue-then-quote"
    lead = s.text[s.start : subj.start]
    if not lead_ok(lead):
        return None
    return _quote_claims(s, s.quotes, subj, cue, rule)


_PARTICIPLE_FRAME = re.compile(r"[a-z]ing$")

# "Senator Lindsey Graham spoke on Fox News, “…”": a verb of speaking with no content of
# its own frames the quotation that follows it, and only that (no lexicon cue: "Mrs.
# Clinton also spoke." reports nothing, and "spoke about" is a cue already).
_SPOKE = re.compile(
    r"(?<![\w’'-])(?:spoke|speaks|speak|talked)(?=\s+(?:on|to|at|in|with|from|during|after|before|via)\b)"
)


def _spoke(s: SentenceCtx, quote_at: int, asides: list[tuple[int, int]]) -> CueHit | None:
    found = None
    for m in _SPOKE.finditer(s.text, s.start, quote_at):
        if not any(x <= m.start() < y for x, y in asides):
            found = CueHit(m.start(), m.end(), "speak", "assert")
    return found


# Circumstances between a cue and its quotation: "spoke on Fox News, “…”", "spoke to
# reporters after the vote: “…”", with any aside blanked out.
_FRAME_GAP = re.compile(
    r"(?:\s*+(?<![\w’'-])(?:on|in|at|to|during|after|before|via|with|from|for|through|outside|about|"
    r"over)\b(?:(?!\s(?:who|which|that|when|and|but|is|was|are|were|be|been|being|will|would|"
    r"could|can|should|may|might|must|has|have|had)\b)[^,;:.!?“”\"()—–]){0,50}?)*"
    r"\s*[,:;—–-]\s*"
)


def _frame_gap(text: str, a: int, b: int, asides: list[tuple[int, int]]) -> bool:
    """Whether only circumstances and punctuation (or an aside) stand between a cue and a quote.

    The frame ends in a comma, colon or dash, or in an aside: "spoke to reporters
    after the vote: “…”"; words running into the marks ("urged them at a rally to
    “go vote”") are the speaker's reported words, a mixed quote.
    """
    gap = text[a:b]
    if asides and any(y >= len(text[:b].rstrip()) for _, y in asides):
        gap = gap[: max(0, min(x for x, _ in asides) - a)] + ","
    else:
        gap = "".join(" " if any(x <= i < y for x, y in asides) else text[i] for i in range(a, b))
    return _FRAME_GAP.fullmatch(gap) is not None


# An aside between dashes ("— which the BBC noted as an unusual move —") or brackets.
_ASIDE = re.compile(r"\s(?:--|[—–])\s[^—–“”\"]{2,160}?\s(?:--|[—–])(?=\s)|\([^()“”\"]{1,160}\)")


def _asides(text: str, a: int, b: int) -> list[tuple[int, int]]:
    if (
        "(" not in text[a:b]
        and "—" not in text[a:b]
        and "–" not in text[a:b]
        and "--" not in text[a:b]
    ):
        return []
    return [m.span() for m in _ASIDE.finditer(text, a, b)]


_BY_AGENT = re.compile(r"\s+by\s+")
# What links a passive's agent to the quotation: a word or a colon, never a bare comma
# ("the pipeline, which is widely supported by Republicans, “wouldn't go 10 feet”").
_AGENT_TO_QUOTE = re.compile(r",?\s*(?:(?:of|as(?:\s+(?:an?|the))?|as saying|saying)\s*[,:]?|:)\s*")


def _passive_agent(s: SentenceCtx, cue: CueHit, quote_at: int) -> Subject | None:
    """ "He was told by Minister Yevgeny Zinichev of “…”": the agent is the speaker."""
    by = _BY_AGENT.match(s.text, cue.end, quote_at)
    if by is None:
        return None
    subj = subject_before(s.text, s.start, cue.start)
    if subj is None or subj.kind != "passive":
        return None
    agent = speaker_after(s.text, by.end(), quote_at)
    if agent is None or agent.kind in ("pronoun", "relative", "passive"):
        return None
    tail = _AGENT_TO_QUOTE.match(s.text, agent.end, quote_at)
    if tail is None or tail.end() != quote_at:
        return None
    return agent


def split_quote(s: SentenceCtx) -> list[RawClaim] | None:
    """“We will appeal,” Das said, “and we expect to win.”"""
    if len(s.quotes) < 2:
        return None
    for a, b in zip(s.quotes, s.quotes[1:], strict=False):
        cues = find_cues(s.text, a.close_at, b.open_at, [])
        if not cues:
            continue
        cue = cues[0]
        gap = s.text[a.close_at : cue.start]
        if (
            _ENDS_SENTENCE.search(s.text, a.start, a.end)
            and gap.lstrip(SPACE + '"”’')[:1].isupper()
        ):
            # “… in our prayers.” President Duda remarked, “…”: the first quotation ended
            # its sentence, and a new speaker opens the next; no interruption of one quote.
            continue
        if gap.strip(SPACE + ",—–-") == "":
            if is_participle(s, cue):
                continue  # “…”, calling it a “…”: "it" is what is called, nobody speaks
            subj = speaker_after(s.text, cue.end, b.open_at)
        else:
            subj = subject_before(s.text, a.close_at, cue.start, loose=cue.speech)
            if subj is not None and (
                not _gap_ok(s.text[a.close_at : subj.start])
                or _CLAUSE_AFTER_FRAME.match(s.text, a.close_at, subj.start)
            ):
                subj = None  # “…,” but he said “…”: a new clause, not an interruption
        if subj is not None:
            frame_end = max(subj.end, cue.end)
            if _JOINED_QUOTE.fullmatch(s.text, frame_end, b.open_at):
                # “You know, I love Larry,” he said, but “when it comes to …”: the
                # conjunction joins the speaker's two quotations, with no words of its own.
                return _quote_claims(s, s.quotes, subj, cue, "split-quote")
            if _CLAUSE_AFTER_FRAME.match(s.text, frame_end, b.open_at) or _second_cue(
                s.text, frame_end, b.open_at
            ):
                # Words after the speaker ("Das said, and their partnership aims at “…”"):
                # quoted fragments in the writer's sentence, a mixed quote, not a split one.
                continue
            return _quote_claims(s, s.quotes, subj, cue, "split-quote")
    return None


THAT = re.compile(r"\bthat\b")


def _new_frame(text: str, prev: Quote, q: Quote, cue: CueHit) -> bool:
    """ "… prayers.” President Duda remarked, “…”: a sentence ends, another speaker's cue."""
    gap = text[prev.close_at : q.open_at]
    if not (_ENDS_SENTENCE.search(text, prev.start, prev.end) and gap.lstrip()[:1].isupper()):
        return False
    return any(c.start != cue.start for c in find_cues(text, prev.close_at, q.open_at, []))


_ENDS_SENTENCE = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])\.\s*$")


_JOINED_QUOTE = re.compile(r"[\s,]*(?:but|and|yet)(?:\s+(?:still|also|then))?[\s,]*")
_CLAUSE_AFTER_FRAME = re.compile(
    r"[\s,;:]*(?:and|but|or|while|whereas|so|yet|however|although|though)\b", re.I
)
# “…,” the mayor said, adding that it would take “more hours”: a second cue.
_PARTICIPLE = re.compile(
    r"[^,;“”\"]{0,60}?,\s+(?:(?:and\s+)?([a-z]+ing)|(?:but|and)\s+(?:also\s+|then\s+)?([a-z]+ed))\b"
)


def _second_cue(text: str, pos: int, end: int) -> bool:
    """Whether a participle cue ("…, adding that") follows the speaker before ``end``."""
    m = _PARTICIPLE.match(text, pos, end)
    # "…,” she said, but added that …: a second finite cue of the same speaker counts too.
    return m is not None and (m.group(1) in FORMS or m.group(2) in _SAYING)


def _gap_ok(gap: str) -> bool:
    """Words between a closing mark and the speaker: punctuation or a short role."""
    words = gap.strip(SPACE + ",—–-?!.").split()
    if not words:
        return True
    if words[0].lower() in SUBORDINATORS:
        return False  # "… in an “appalling tragedy” while the minister wrote …": a new clause
    return len(words) <= 8 and lead_ok(gap.strip(SPACE + ",—–-?!.") + " ")


def _quote_claims(
    s: SentenceCtx, quotes: list[Quote], subj: Subject, cue: CueHit, rule: str
) -> list[RawClaim]:
    # A quotation after another cue is another frame's ("… prayers.” President Duda
    # remarked, “…”): one speaker's claims stop there, never joining two speakers' words.
    kept = quotes[:1]
    for prev, q in itertools.pairwise(quotes):
        if _new_frame(s.text, prev, q, cue):
            break
        kept.append(q)
    out = []
    group = kept[0].open_at if len(kept) > 1 else None
    for q in kept:
        out.append(RawClaim("quote", q.start, q.end, rule, subj, cue, form="direct", group=group))
    return out


_LOOSE_AFTER = re.compile(r"\s*(?P<np>[^,.;:“”\"()]{1,60}?)\s*(?=[,.;]|$)")


_ONLY_ADVERBS = re.compile(rf"(?:{ADVERBS})(?:\s+(?:{ADVERBS}))*")


def quote_near_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Last resort: a quotation right next to a cue whose speaker phrase is unusual.

    “…,” said 9/11 widow Terry Strada.  The phrase is kept as the mention even
    when it does not look like a name, because the cue makes it the speaker.
    """
    for q in s.quotes:
        if len(s.text[q.start : q.end].split()) < 3:
            continue
        if s.text.endswith("of ", max(s.start, q.open_at - 3), q.open_at):
            continue  # 'Anna Kowalska of “Have no fear”, a charity, told': a quoted name
        cues = [c for c in find_cues(s.text, q.close_at, s.end, []) if c.start - q.close_at < 40]
        if not cues or not cues[0].speech:
            continue
        cue = cues[0]
        gap = s.text[q.close_at : cue.start].strip(SPACE + ",—–-")
        if _CLAUSE_AFTER_FRAME.match(gap):
            continue  # “…,” but Das said …: a new clause with its own content
        if gap and _ONLY_ADVERBS.fullmatch(gap):
            continue  # “…”, also observing, “…”: the adverb is nobody
        if gap:
            a = q.close_at + s.text[q.close_at : cue.start].find(gap)
            subj = Subject(a, a + len(gap), gap, "noun", None)
        elif is_participle(s, cue):
            continue  # "…,” suggesting he might …: the words after a participle are no speaker
        else:
            m = _LOOSE_AFTER.match(s.text, cue.end, s.end)
            if m is None or not m.group("np").strip():
                continue
            np_text = m.group("np")
            kind = "pronoun" if np_text.lower() in PRONOUNS else "noun"
            subj = Subject(m.start("np"), m.end("np"), np_text, kind, None)
        if len(subj.text.split()) > 8:
            continue
        return _quote_claims(s, [q], subj, cue, "quote-near-cue")
    return None


def participle_after(s: SentenceCtx, last: RawClaim) -> list[RawClaim]:
    """“…,” the mayor said, adding that it would take “more hours”.

    Any participle of a speech cue may follow the speaker ("…, asking Cengiz to be
    “patient and resilient.”", "…, urging residents to “stay indoors”"); past the
    plain verbs of saying its content must be a clause or hold quoted words, so
    "…, he said, referring to the country" reports nothing more.
    """
    if last.subject is None or last.cue is None:
        return []
    pos = max(last.subject.end, last.cue.end)
    m = _AFTER_SPEAKER.match(s.text, pos, s.end)
    if not m:
        return []
    g = 1 if m.group(1) else 2
    form = m.group(g)
    if g == 2 and form not in _SAYING:
        return []  # "…, and called for …": only a verb of saying goes on with the speaker
    lemma = FORMS.get(form)
    if lemma is None or lemma in MANNER_ONLY or VERBS[lemma] == "believe":
        return []
    cue = CueHit(m.start(g), m.end(g), lemma, VERBS.get(lemma, "assert"))
    a = m.end() if form in _SAYING else content_after(s.text, cue, s.end)
    a, b = strip_end(s.text, a, s.end)
    b = strip_final_stop(s.text, a, b)
    if words(s.text, a, b) < 3:
        return []
    if form not in _SAYING and not (
        THAT.search(s.text, m.end(g), a)
        or starts_clause(s.text, a, b)
        or any(a <= q.start and q.end <= b for q in s.quotes)
    ):
        return []
    return [reported(s, a, b, last.subject, cue, "participle-cue")]


_AFTER_SPEAKER = re.compile(
    r"[^,.;]{0,80}?,\s+(?:(?:and\s+)?([a-z]+ing)|(?:but|and)\s+(?:also\s+|then\s+)?([a-z]+ed))"
    r"\s+(?:that\s+)?"
)

# "…, adding …", and the finite "…, but added that …" of the same speaker.
_SAYING = frozenset(
    "adding saying noting arguing insisting warning explaining added noted warned insisted".split()
)
