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
from claimcheck.lexicon.cues import FORMS, SPEECH
from claimcheck.lexicon.names import SPEAKER_NOUNS
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
    cues: list[CueHit] | None = None  # filled once by _cues, shared by every rule

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
    if _THAT.search(between):
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
            frame_end = max(subj.end, cue.end)
            if _CLAUSE_AFTER_FRAME.match(s.text, frame_end, b.open_at):
                # Words after the speaker ("Das said, and their partnership aims at “…”"):
                # quoted fragments in the writer's sentence, a mixed quote, not a split one.
                continue
            return _quote_claims(s, s.quotes, subj, cue, "split-quote")
    return None


_THAT = re.compile(r"\bthat\b")
_CLAUSE_AFTER_FRAME = re.compile(r"[\s,;:]*(?:and|but|or|while|whereas|so|yet)\b", re.I)


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


_SOURCE_NP = re.compile(r"\s*(?P<np>[^,;:.!?“”\"()]{2,120}?)\s*(?=[,;.!?]|$)")


def according_to(s: SentenceCtx) -> list[RawClaim] | None:
    """According to Das, …  /  …, according to the ministry.  /  X, according to Y, was …"""
    if s.text.find("ccording to", s.start, s.end) < 0:
        return None  # most sentences: a substring test instead of a regex scan
    m = re.search(r"\b[Aa]ccording to\s+", s.text[s.start : s.end])
    if not m:
        return None
    at = s.start + m.start()
    if any(a <= at < b for a, b in s.blocked):
        return None
    subj = speaker_after(s.text, s.start + m.end(), s.end)
    src = _SOURCE_NP.match(s.text, s.start + m.end(), s.end)
    if src is not None and (subj is None or subj.end < src.end("np") - 1):
        # Any source phrase up to the next comma: "a 2013 study by two economists".
        words = src.group("np").split()
        if not 1 <= len(words) <= 16:
            return None
        np_start = src.start("np")
        subj = Subject(np_start, src.end("np"), src.group("np"), "noun", None)
    if subj is None:
        return None
    cue = CueHit(at, at + len("according to"), "according to", "assert")
    lead = s.text[s.start : at]
    after = s.text[subj.end : s.end]
    rest_words = len(re.findall(r"\w+", after))
    parenthetical = lead.rstrip().endswith(",") and after.lstrip().startswith(",")
    if at - s.start < 3 or (_is_adjunct(lead) and len(lead.split()) <= (1 if parenthetical else 3)):
        # pre-posed: content follows the source phrase
        comma = after.find(",")
        if comma < 0:
            return None
        a, b = _strip_end(s.text, subj.end + comma + 1, s.end)
    elif parenthetical and rest_words >= 3:
        a, b = _strip_end(s.text, s.start, s.end)  # parenthetical: the whole sentence
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
        if cue.clause_only and cue.lemma not in _NP_TOO:
            # Cheap test first: a clause-only cue needs "that", a quotation or a clause.
            a0 = content_after(s.text, cue, s.end)
            if not (
                _THAT.search(s.text[cue.end : a0])
                or any(a0 <= q.start for q in s.quotes)
                or _starts_clause(s.text, a0, s.end)
            ):
                continue
        subj = subject_before(s.text, s.start, cue.start, loose=cue.speech)
        weak = False
        if subj is None and not cue.speech:
            # Any determiner phrase may hold a belief or make a call ("the group wants …"),
            # but such a weak speaker never takes a quotation.
            subj = subject_before(s.text, s.start, cue.start, loose=True)
            if subj is not None and not _weak_speaker_ok(s, subj, cue):
                subj = None
            weak = subj is not None
        rule = "subject-cue-content"
        if subj is not None and cue.speech:
            rel = _RELATIVE_LEAD.search(s.text, max(s.start, subj.start - 12), subj.start)
            if rel is not None:
                # "a list which the campaign says includes 2.7 million names"
                a, b = _strip_end(s.text, rel.start(1), s.end)
                m_end = re.search(r"[,;]", s.text[cue.end : b])
                if m_end is not None:
                    b = cue.end + m_end.start()
                b = _strip_final_stop(s.text, a, b)
                if _words(s.text, cue.end, b) >= 2:
                    found.append(_reported(s, a, b, subj, cue, "relative-clause-cue"))
                continue
        if cue.speech and (subj is None or subj.kind != "pronoun"):
            mod = _modified_subject(s, cue)
            if mod is not None and (subj is None or mod.start < subj.start):
                subj = mod
        if subj is None or not (subj.kind == "relative" or _lead_ok(s.text[s.start : subj.start])):
            subj = _coordinated_subject(s, cue)
            rule = "coordinated-cue"
            if subj is None:
                continue
        lead = s.text[s.start : subj.start].rstrip()
        if (
            lead.endswith(",")
            and s.text[cue.end : cue.end + 2].lstrip().startswith(",")
            and len(lead.split()) >= 3
            and not _ADVERBIAL_OPENER.match(lead[:-1])
        ):
            continue  # "Riding alone, they said, can be hazardous": a parenthetical cue
        a = content_after(s.text, cue, s.end)
        if s.text.startswith("by ", a):
            continue  # "numbers reported by the agency": a passive, the agent follows
        has_that = bool(_THAT.search(s.text[cue.end : a]))
        end = s.end
        if subj.kind == "relative":
            # "Clinton, who called Sanders …, told her supporters": the clause ends at a comma.
            comma = re.search(r"[,;—–]|\s-\s", s.text[a : s.end])
            if comma is not None:
                end = a + comma.start()
        a, b = _strip_end(s.text, a, end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        has_quote = any(a <= q.start and q.end <= b for q in s.quotes)
        if weak and has_quote:
            continue
        evidence = (cue.lemma in _EVIDENCE and _noun_head(subj) in _DOCUMENTS) or (
            cue.lemma in ("call", "describe") and _NAMING.match(s.text, a, b) is not None
        )
        if cue.clause_only and not (
            has_that or has_quote or evidence or _starts_clause(s.text, a, b)
        ):
            continue
        found.extend(_split_adding(s, a, b, subj, cue, rule))
    return found or None


_RELATIVE_LEAD = re.compile(r"\b(which|that|what)\s+$")
_MODIFIED = re.compile(
    r"(?<![\w’'-])(?P<np>(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[A-Z][\w’'-]*)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?P<head>[A-Za-z][a-z]+))\s+(?:who|whose|[a-z]+ing)\b[^,;:“”\"]{3,120}$"
)


_MODIFIED_STOPS = ',;:“”"'


def _modified_subject(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """ "executives who have worked with him say", "activists clamoring for a change say"."""
    lo = max(s.start, cue.start - 160)
    left = s.text[lo : cue.start].rstrip()
    # Cheap necessary condition first: the "who"/"-ing" word and everything after
    # it up to the cue contain none of the pattern's stop characters.
    tail = left[max(left.rfind(c) for c in _MODIFIED_STOPS) + 1 :]
    if "who" not in tail and "ing" not in tail:
        return None
    m = _MODIFIED.search(left)
    if m is None or m.group("head").lower() not in SPEAKER_NOUNS:
        return None
    if not _lead_ok(s.text[s.start : lo + m.start("np")]):
        return None
    a = lo + m.start("np")
    return Subject(a, lo + m.end("np"), m.group("np"), "noun", None)


# "The poll showed Clinton taking a lead": documents show a noun phrase too.
_EVIDENCE = frozenset({"show", "find", "suggest", "indicate", "reveal", "estimate"})
_NP_TOO = _EVIDENCE | {"call", "describe"}
_DOCUMENTS = frozenset(
    """poll polls survey surveys study studies report reports data research analysis
    results figures numbers records footage video videos document documents filing
    review audit estimate estimates census""".split()
)


def _noun_head(subj: Subject) -> str:
    words = re.split(r"\s+(?:of|for|by|from|in|on|at)\s+", subj.text)[0].split()
    return words[-1].lower().strip("’'s") if words else ""


_WEAK_DETS = frozenset("the a an some many most several other both these those".split())


def _weak_speaker_ok(s: SentenceCtx, subj: Subject, cue: CueHit) -> bool:
    """ "The group wants …" yes; "their mutual support for …" (a noun, not a verb) no."""
    words = subj.text.split()
    if not 2 <= len(words) <= 5 or words[0].lower() not in _WEAK_DETS:
        return False
    form = s.text[cue.start : cue.end].split()[0].lower()
    return form != cue.lemma.split()[0] or words[-1].lower().endswith("s")


# "called Trump a fascist", "described the plan as a failure": naming someone something.
_NAMING = re.compile(
    r"(?:him|her|it|them|himself|herself|themselves|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|"
    r"(?:the|his|her|their|its)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:as\s+)?(?:a|an|the)\b"
)


_AND_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|then|later|now|still))?\s*$")


def _coordinated_subject(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """He visited the plant and said the jobs would stay: the sentence's subject speaks."""
    if not cue.speech or not _AND_BEFORE.search(s.text, max(s.start, cue.start - 20), cue.start):
        return None
    subj = subject_at(s.text, s.start, cue.start)
    if subj is None or subj.kind not in ("name", "pronoun", "noun") or subj.end >= cue.start - 5:
        return None
    return subj


def participle_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Das spoke at length about the budget, saying it was fair to all."""
    for cue in _cues(s):
        if not s.text[cue.start : cue.end].split()[0].endswith("ing"):
            continue
        if cue.stance == "believe" and not cue.speech:
            continue  # "…, seeking documents": an action, not speech
        if not s.text[s.start : cue.start].rstrip().endswith((",", " by")):
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
        if cue.lemma == "according to" or s.text[cue.start : cue.end].split()[0].endswith("ing"):
            continue
        before = s.text[s.start : cue.start]
        comma = before.rstrip().rfind(",")
        if comma < 0:
            continue
        subj = subject_before(s.text, s.start + comma + 1, cue.start, loose=cue.speech)
        if subj is not None and subj.kind == "relative":
            continue  # "Cho, who endorsed Lee, …": the relative clause is not content
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


_CONJ_BEFORE = re.compile(
    r"(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|then|later|quickly|again|even))?\s+$"
)
_ING_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:before|after|while)\s+)$")


def _split_adding(
    s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit, rule: str = "subject-cue-content"
) -> list[RawClaim]:
    """“…, adding that …”, “… but denied that …”, “… and called for …” start a second claim."""
    for c in find_cues(s.text, a, b, s.blocked):
        if c.manner_only or c.lemma == "according to":
            continue
        before = s.text[max(a, c.start - 30) : c.start]
        ing = s.text[c.start : c.end].split()[0].endswith("ing")
        if not (_ING_BEFORE.search(before) if ing else _CONJ_BEFORE.search(before)):
            continue
        second_a = content_after(s.text, c, b)
        if _words(s.text, second_a, b) < 2:
            continue
        first_end = _strip_end(s.text, a, c.start)[1]
        conj = re.search(
            r"(?:,\s*)?(?:\b(?:and|but|before|after|while)\b[\s\w]*)?$", s.text[a:first_end]
        )
        if conj is not None and conj.start() > 0:
            first_end = _strip_end(s.text, a, a + conj.start())[1]
        if _words(s.text, a, first_end) < 2:
            continue
        second_a, b2 = _strip_end(s.text, second_a, b)
        return [
            _reported(s, a, first_end, subj, cue, rule),
            *_split_adding(
                s, second_a, b2, subj, c, "participle-cue" if ing else "coordinated-cue"
            ),
        ]
    return [_reported(s, a, b, subj, cue, rule)]


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
    nested = _NESTED_LEAD.search(lead)
    if nested is not None and nested.group(1).lower() in FORMS:
        return True  # "Das said Lee told him that …": a nested attribution
    if _LEAD_STOP.search(lead):
        return False
    return not any(FORMS.get(w.lower()) in SPEECH for w in re.findall(r"[A-Za-z]+", lead))


# ``++``: a word is followed by spaces, so giving back letters never helps.
_NESTED_LEAD = re.compile(r"\b([A-Za-z]++)\s+(?:that\s+)?$")


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
    if s.cues is None:
        if s.end - s.start > MAX_REPORTED_CHARS:
            s.cues = []
        else:
            s.cues = find_cues(s.text, s.start, s.end, s.blocked)[:MAX_CUES]
    return s.cues


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


_IN_DOCUMENT = re.compile(
    r"\b(?P<cue>[Ii]n)\s+(?P<src>(?:the|a|an|one|another|most|this|that|its|their|his|her|"
    r"[A-Z][\w’'.-]*(?:’s|'s)?)\s+(?:[\w’'/.,-]+\s+){0,6}?"
    r"(?:poll|polls|survey|surveys|study|studies|report|analysis|exit\s+polls|census))\b"
    r"(?:\s+(?:released|published|conducted|taken)\b[^,.;]{0,60})?"
)


_DOCUMENT_WORDS = ("poll", "survey", "stud", "report", "analysis", "census")


def in_document(s: SentenceCtx) -> list[RawClaim] | None:
    """In the latest poll, Lee leads by 10 points.  /  Lee leads by 10 points in the poll."""
    sentence = s.text[s.start : s.end]
    if not any(w in sentence for w in _DOCUMENT_WORDS):
        return None
    m = _IN_DOCUMENT.search(s.text, s.start, s.end)
    if m is None or any(a <= m.start() < b for a, b in s.blocked):
        return None
    src_end = m.end("src")
    subj = Subject(m.start("src"), src_end, m.group("src"), "noun", None)
    cue = CueHit(m.start("cue"), m.end("cue"), "in", "assert")
    lead = s.text[s.start : m.start()]
    if not lead.strip() or _is_adjunct(lead):
        comma = s.text.find(",", m.end(), s.end)
        if comma < 0 or comma - m.end() > 60:
            return None
        a, b = _strip_end(s.text, comma + 1, s.end)
    else:
        a, b = _strip_end(s.text, s.start, m.start())
        if s.text[m.end() : s.end].strip(" .,;") and len(s.text[m.end() : s.end].split()) > 6:
            return None
    b = _strip_final_stop(s.text, a, b)
    if _words(s.text, a, b) < 3:
        return None
    return [_reported(s, a, b, subj, cue, "in-document")]


_ASKED = re.compile(
    r"\b(?:[Ww]hen\s+|[Aa]fter\s+|[Ii]f\s+)?(?P<cue>[Aa]sked)(?:\s+by\s+(?P<by>[^,;:“”\"]{2,80}?))?"
    r"(?:\s+(?:on|in|at|during|recently|later|earlier|again|repeatedly)\b[^,;:“”\"]{0,50}?)?"
    r"\s*,?\s+(?P<c>(?:if|whether|why|what|who|whom|how|when|where|about)\b[^;:“”\"]{3,240}?)"
    r"(?=\s*[,;.?!]|$)"
)


def asked_question(s: SentenceCtx) -> list[RawClaim] | None:
    """Asked whether he would run, Lee laughed.  /  …, he said when asked about the merger."""
    if s.text.find("sked", s.start, s.end) < 0:
        return None
    m = _ASKED.search(s.text, s.start, s.end)
    if m is None or any(a <= m.start() < b for a, b in s.blocked):
        return None
    before = s.text[max(s.start, m.start() - 12) : m.start("cue")]
    if re.search(r"\b(?:was|were|been|be|being|is|are|had|has|have)\s+$", before):
        return None  # "he had been asked to preserve them": a request, not a question put
    subj: Subject | None = None
    if m.group("by"):
        subj = speaker_after(s.text, m.start("by"), m.end("by"))
    cue = CueHit(m.start("cue"), m.end("cue"), "ask", "ask")
    a, b = _strip_end(s.text, m.start("c"), m.end("c"))
    if _words(s.text, a, b) < 2:
        return None
    if subj is None:
        return [RawClaim("indirect", a, b, "asked-question", None, cue)]
    return [_reported(s, a, b, subj, cue, "asked-question")]


_VERB_THAT = re.compile(r"\b(?P<verb>[a-z]{3,}(?:ed|es|s))\s+that\s+(?=[a-zA-Z])")
_NOT_SPEECH_VERBS = frozenset(
    """was has does is goes means seems appears becomes remains ensures requires needs
    makes takes gives proves helps shows causes includes allows""".split()
)


def verb_that(s: SentenceCtx) -> list[RawClaim] | None:
    """Lee conceded that …: any finite verb with a speaker subject and a that-clause."""
    if s.end - s.start > MAX_REPORTED_CHARS or s.text.find(" that ", s.start, s.end) < 0:
        return None
    for n, m in enumerate(_VERB_THAT.finditer(s.text, s.start, s.end)):
        if n >= MAX_CUES:
            break
        verb = m.group("verb")
        if verb in FORMS or verb in _NOT_SPEECH_VERBS or verb.endswith("ness"):
            continue
        if any(a <= m.start() < b for a, b in s.blocked):
            continue
        subj = subject_before(s.text, s.start, m.start("verb"))
        if subj is None or subj.kind not in ("name", "pronoun", "noun", "relative"):
            continue
        if subj.kind != "relative" and not _lead_ok(s.text[s.start : subj.start]):
            continue
        a, b = _strip_end(s.text, m.end(), s.end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        cue = CueHit(m.start("verb"), m.end("verb"), verb, "assert")
        return [_reported(s, a, b, subj, cue, "verb-that")]
    return None


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
