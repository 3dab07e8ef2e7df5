"""Named, ordered rules that find the cue and the speaker phrase of each claim.

Each rule is a function over one sentence; the first rule that fires decides
and writes its name into the claim, so every claim explains itself. Speaker
phrases found here are mentions; ``speakers.py`` resolves them to people.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.cues import (
    CueHit,
    Subject,
    content_after,
    find_cues,
    speaker_after,
    subject_at,
    subject_before,
)
from claimcheck.lexicon.cues import FORMS
from claimcheck.quotes import Quote

_SPACE = " \t\n\r\u00a0"


@dataclass
class RawClaim:
    kind: str  # quote | indirect | narrative
    start: int
    end: int
    rule: str
    subject: Subject | None = None
    cue: CueHit | None = None
    form: str | None = None  # direct | mixed | partial (quotes)
    group: int | None = None  # quotes split by a cue, or running across paragraphs
    inherit: bool = False  # take the speaker from context (floating quotes)
    verbatim: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class SentenceCtx:
    text: str
    start: int
    end: int
    quotes: list[Quote]  # top-level quotations inside the sentence

    @property
    def blocked(self) -> list[tuple[int, int]]:
        return [(q.open_at, q.close_at) for q in self.quotes]


Rule = Callable[[SentenceCtx], list[RawClaim] | None]


def _strip_end(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in _SPACE or text[a] in ",:;—–-"):
        a += 1
    while b > a and (text[b - 1] in _SPACE or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b


def _strip_final_stop(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in ".!?…" + _SPACE:
        b -= 1
    return b


def _words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


# ---------------------------------------------------------------- quote rules


def quote_then_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """“…,” Das added.  /  “…,” said Jane Das, the party's leader."""
    if not s.quotes:
        return None
    last = s.quotes[-1]
    tail_lo = last.close_at
    cues = [c for c in find_cues(s.text, tail_lo, s.end, []) if c.start - tail_lo < 80]
    if not cues:
        return None
    cue = cues[0]
    gap = s.text[tail_lo : cue.start]
    subj: Subject | None
    if gap.strip(_SPACE + ",—–-") == "":
        subj = speaker_after(s.text, cue.end, s.end)
        rule = "quote-then-inverted-cue"
    else:
        subj = subject_before(s.text, tail_lo, cue.start, loose=cue.speech)
        rule = "quote-then-cue"
        if subj is not None and not _gap_ok(s.text[tail_lo : subj.start]):
            subj = None
    if subj is None:
        return None
    return _quote_claims(s, s.quotes, subj, cue, rule)


def cue_then_quote(s: SentenceCtx) -> list[RawClaim] | None:
    """Das said: “…”  /  The minister noted “the figures are provisional.”"""
    if not s.quotes:
        return None
    first = s.quotes[0]
    cues = find_cues(s.text, s.start, first.open_at, s.blocked)
    if not cues:
        return None
    cue = cues[-1]
    between = s.text[cue.end : first.open_at]
    if re.search(r"\bthat\b", between):
        return None  # reported speech carrying a quoted fragment: a mixed quote
    rcpt_end = content_after(s.text, cue, first.open_at)
    if between.strip(_SPACE + ":,") and rcpt_end < first.open_at:
        return None
    subj = subject_before(s.text, s.start, cue.start, loose=cue.speech)
    if subj is None:
        return None
    rule = "cue-colon-quote" if ":" in between else "cue-then-quote"
    lead = s.text[s.start : subj.start]
    if not _lead_ok(lead):
        return None
    return _quote_claims(s, s.quotes, subj, cue, rule)


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
        if gap.strip(_SPACE + ",—–-") == "":
            subj = speaker_after(s.text, cue.end, b.open_at)
        else:
            subj = subject_before(s.text, a.close_at, cue.start, loose=cue.speech)
            if subj is not None and not _gap_ok(s.text[a.close_at : subj.start]):
                subj = None
        if subj is not None:
            return _quote_claims(s, s.quotes, subj, cue, "split-quote")
    return None


def _gap_ok(gap: str) -> bool:
    """Words between a closing mark and the speaker: punctuation or a short role."""
    words = gap.strip(_SPACE + ",—–-?!.").split()
    if not words:
        return True
    return len(words) <= 6 and _lead_ok(gap.strip(_SPACE + ",—–-?!.") + " ")


def _quote_claims(
    s: SentenceCtx, quotes: list[Quote], subj: Subject, cue: CueHit, rule: str
) -> list[RawClaim]:
    out = []
    group = quotes[0].open_at if len(quotes) > 1 else None
    for q in quotes:
        out.append(RawClaim("quote", q.start, q.end, rule, subj, cue, form="direct", group=group))
    return out


# ---------------------------------------------------------------- reported speech


def according_to(s: SentenceCtx) -> list[RawClaim] | None:
    """According to Das, …  /  …, according to the ministry."""
    m = re.search(r"\b[Aa]ccording to\s+", s.text[s.start : s.end])
    if not m:
        return None
    at = s.start + m.start()
    if any(a <= at < b for a, b in s.blocked):
        return None
    subj = speaker_after(s.text, s.start + m.end(), s.end)
    if subj is None:
        return None
    cue = CueHit(at, at + len("according to"), "according to", "assert")
    if at - s.start < 3:  # pre-posed: content follows the source phrase
        after = s.text[subj.end : s.end]
        comma = after.find(",")
        if comma < 0:
            return None
        a, b = _strip_end(s.text, subj.end + comma + 1, s.end)
    else:
        a, b = _strip_end(s.text, s.start, at)
    b = _strip_final_stop(s.text, a, b)
    if _words(s.text, a, b) < 3:
        return None
    return [_reported(s, a, b, subj, cue, "according-to")]


def subject_cue_content(s: SentenceCtx) -> list[RawClaim] | None:
    """Das noted that …  /  Dr. Arnab Dasgupta, a research analyst at …, noted …"""
    found: list[RawClaim] = []
    for cue in _cues(s):
        if cue.manner_only or cue.lemma == "according to":
            continue
        subj = subject_before(s.text, s.start, cue.start, loose=cue.speech)
        if subj is None:
            continue
        lead = s.text[s.start : subj.start]
        if not _lead_ok(lead):
            continue
        a = content_after(s.text, cue, s.end)
        has_that = bool(re.search(r"\bthat\b", s.text[cue.end : a]))
        a, b = _strip_end(s.text, a, s.end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        has_quote = any(a <= q.start and q.end <= b for q in s.quotes)
        if cue.clause_only and not (has_that or has_quote or _starts_clause(s.text, a, b)):
            continue
        found.extend(_split_adding(s, a, b, subj, cue))
    return found or None


def participle_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Das spoke at length about the budget, saying it was fair to all."""
    for cue in _cues(s):
        if not s.text[cue.start : cue.end].endswith("ing"):
            continue
        if not s.text[s.start : cue.start].rstrip().endswith(","):
            continue
        subj = subject_at(s.text, s.start, cue.start)
        if subj is None:
            continue
        a = content_after(s.text, cue, s.end)
        a, b = _strip_end(s.text, a, s.end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) >= 3:
            return [_reported(s, a, b, subj, cue, "participle-cue")]
    return None


# Verbs that stand before their speaker: "…, said Das", "…, says the report".
_INVERTIBLE = re.compile(
    r"(?:said|says|added|wrote|told|asked|explained|noted|continued|"
    r"recalled|argued|insisted|warned|replied|observed|stated|declared)$"
)


def content_then_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """The figures were provisional, Das said.  /  The figures, Das said, were provisional."""
    for cue in _cues(s):
        if cue.lemma == "according to" or s.text[cue.start : cue.end].endswith("ing"):
            continue
        before = s.text[s.start : cue.start]
        comma = before.rstrip().rfind(",")
        if comma < 0:
            continue
        subj = subject_before(s.text, s.start + comma + 1, cue.start, loose=cue.speech)
        rule = "content-then-cue"
        if subj is None:
            if before[comma + 1 :].strip():
                continue
            if not _INVERTIBLE.match(s.text[cue.start : cue.end]):
                continue
            subj = speaker_after(s.text, cue.end, s.end)
            rule = "content-then-inverted-cue"
            if subj is None:
                continue
        a, b = _strip_end(s.text, s.start, s.start + comma)
        if _ADVERBIAL_OPENER.match(s.text[a:b]):
            continue
        tail = s.text[max(cue.end, subj.end) : s.end]
        paren = re.match(r"[^,.;]{0,60},\s*(?=\S)", tail)
        if paren and _words(s.text, max(cue.end, subj.end) + paren.end(), s.end) >= 2:
            rule = "parenthetical-cue"
            b = s.end
        elif len(tail.split()) > 8:
            continue
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        return [_reported(s, a, b, subj, cue, rule)]
    return None


_ADVERBIAL_OPENER = re.compile(
    r"^(?:In|At|On|During|After|Before|Back|When|While|Since|Until|As|From|With|Without|"
    r"Speaking|Asked|Writing|Following|Last|Earlier|Later)\b[^,]{0,80}$"
)


def _split_adding(s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit) -> list[RawClaim]:
    """“…, adding that …” and “… but denied that …” start a second claim."""
    rest = s.text[a:b]
    m = re.search(
        r",\s+(?:and\s+)?(?:adding|saying|noting|arguing|insisting|warning|explaining)\s+"
        r"(?:that\s+)?|\s+but\s+(?:also\s+)?(?:denied|insisted|said|added|warned|noted)\s+"
        r"(?:that\s+)?",
        rest,
    )
    if not m or _words(s.text, a + m.end(), b) < 3:
        return [_reported(s, a, b, subj, cue, "subject-cue-content")]
    cue2_words = re.findall(r"[A-Za-z]+", m.group())
    verb = next(w for w in cue2_words if w not in ("and", "but", "also", "that"))
    from claimcheck.lexicon.cues import FORMS, VERBS

    lemma = FORMS.get(verb, "add")
    vstart = a + m.start() + m.group().find(verb)
    cue2 = CueHit(vstart, vstart + len(verb), lemma, VERBS.get(lemma, "assert"))
    first_end = _strip_end(s.text, a, a + m.start())[1]
    second_a = a + m.end()
    return [
        _reported(s, a, first_end, subj, cue, "subject-cue-content"),
        _reported(s, second_a, b, subj, cue2, "participle-cue"),
    ]


def _reported(s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit, rule: str) -> RawClaim:
    inner = [q for q in s.quotes if a <= q.start and q.end <= b]
    if inner:
        return RawClaim(
            "quote",
            a,
            b,
            rule,
            subj,
            cue,
            form="mixed",
            verbatim=[(q.start, q.end) for q in inner],
        )
    return RawClaim("indirect", a, b, rule, subj, cue)


_ADJUNCT = re.compile(
    r"^(?:(?:[A-Z][a-z]+|[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Ee]arlier|[Ll]ater|[Ss]peaking|[Ww]riting|"
    r"[Aa]sked|[Mm]eanwhile|[Hh]owever|[Aa]nd|[Bb]ut|[Aa]lso|[Tt]hen|[Ss]o|[Yy]et|[Ss]till)"
    r"\b[^.!?]{0,120}?[,:]\s*|(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et|[Tt]hen|[Ss]till|[Aa]lso)\s+)$"
)


def _is_adjunct(lead: str) -> bool:
    return bool(_ADJUNCT.match(lead))


_LEAD_STOP = re.compile(
    r"(?:\b(?:of|to|for|by|with|about|from|that|than|because|whether|if|which|who|the|a|an|"
    r"is|was|are|were|be|been|not)|[“\"(])\s*$",
    re.I,
)


def _lead_ok(lead: str) -> bool:
    """Whether the words before a speaker phrase leave it the subject of the cue.

    An adverbial opener or a role ("Clinton campaign manager Robby Mook") does;
    a preposition or a relative word ("the claim of Das said") does not.
    """
    if not lead.strip() or _is_adjunct(lead) or lead.rstrip().endswith((",", ";", "—", "–")):
        return True
    if _LEAD_STOP.search(lead):
        return False
    return not any(w.lower() in FORMS for w in re.findall(r"[A-Za-z]+", lead))


def _starts_clause(text: str, a: int, b: int) -> bool:
    # A zero-"that" clause: a subject then a finite verb within a few words.
    head = text[a : min(b, a + 80)].split()
    if len(head) < 3:
        return False
    verbs = {
        "is",
        "was",
        "are",
        "were",
        "will",
        "would",
        "had",
        "has",
        "have",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
    }
    return any(w.lower() in verbs or w.lower().endswith("ed") for w in head[1:6])


# A real sentence carries a handful of attributions; past these bounds the
# "sentence" is not prose (a run of "said said said", a 50,000-character line)
# and trying every cue against it would cost quadratic time.
MAX_CUES = 12
MAX_REPORTED_CHARS = 4000


def _cues(s: SentenceCtx) -> list[CueHit]:
    if s.end - s.start > MAX_REPORTED_CHARS:
        return []
    return find_cues(s.text, s.start, s.end, s.blocked)[:MAX_CUES]


_LOOSE_AFTER = re.compile(r"\s*(?P<np>[^,.;:“”\"()]{1,60}?)\s*(?=[,.;]|$)")


def quote_near_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Last resort: a quotation right next to a cue whose speaker phrase is unusual.

    “…,” said 9/11 widow Terry Strada.  The phrase is kept as the mention even
    when it does not look like a name, because the cue makes it the speaker.
    """
    for q in s.quotes:
        if len(s.text[q.start : q.end].split()) < 3:
            continue
        cues = [c for c in find_cues(s.text, q.close_at, s.end, []) if c.start - q.close_at < 40]
        if not cues or not cues[0].speech:
            continue
        cue = cues[0]
        gap = s.text[q.close_at : cue.start].strip(_SPACE + ",—–-")
        if gap:
            a = q.close_at + s.text[q.close_at : cue.start].find(gap)
            subj = Subject(a, a + len(gap), gap, "noun", None)
        else:
            m = _LOOSE_AFTER.match(s.text, cue.end, s.end)
            if m is None or not m.group("np").strip():
                continue
            subj = Subject(m.start("np"), m.end("np"), m.group("np"), "noun", None)
        if len(subj.text.split()) > 8:
            continue
        return _quote_claims(s, [q], subj, cue, "quote-near-cue")
    return None


QUOTE_RULES: list[tuple[str, Rule]] = [
    ("split-quote", split_quote),
    ("quote-then-cue", quote_then_cue),
    ("cue-then-quote", cue_then_quote),
    ("quote-near-cue", quote_near_cue),
]
REPORTED_RULES: list[tuple[str, Rule]] = [
    ("according-to", according_to),
    ("subject-cue-content", subject_cue_content),
    ("participle-cue", participle_cue),
    ("content-then-cue", content_then_cue),
]


def attribute_sentence(s: SentenceCtx) -> list[RawClaim]:
    """Quote rules first (the first that fires decides), then every reported-speech cue.

    A sentence can carry several attributions ("…, the source added" around
    "Clinton had told police that …"); each cue yields at most one claim.
    """
    claims: list[RawClaim] = []
    for _name, rule in QUOTE_RULES:
        found = rule(s)
        if found:
            claims.extend(found)
            claims.extend(_participle_after(s, found[-1]))
            break
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
            used.add(c.cue.start)
            claims.append(c)
    return claims


def _participle_after(s: SentenceCtx, last: RawClaim) -> list[RawClaim]:
    """“…,” the mayor said, adding that it would take “more hours”."""
    if last.subject is None or last.cue is None:
        return []
    pos = max(last.subject.end, last.cue.end)
    m = re.match(
        r"[^,.;]{0,80}?,\s+(?:and\s+)?(adding|saying|noting|arguing|insisting|warning|explaining)"
        r"\s+(?:that\s+)?",
        s.text[pos : s.end],
    )
    if not m:
        return []
    from claimcheck.lexicon.cues import FORMS, VERBS

    a = pos + m.end()
    a, b = _strip_end(s.text, a, s.end)
    b = _strip_final_stop(s.text, a, b)
    if _words(s.text, a, b) < 3:
        return []
    lemma = FORMS.get(m.group(1), "add")
    cue = CueHit(pos + m.start(1), pos + m.end(1), lemma, VERBS.get(lemma, "assert"))
    return [_reported(s, a, b, last.subject, cue, "participle-cue")]
