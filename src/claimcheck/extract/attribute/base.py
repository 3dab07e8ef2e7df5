"""What every attribution rule shares: the claim and sentence types, span trimming, bounds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.extract.cues import CueHit, find_cues
from claimcheck.extract.patterns import WEEKDAY
from claimcheck.extract.quotes import Quote
from claimcheck.extract.subjects import Subject
from claimcheck.lexicon.cues import FORMS, SPEECH
from claimcheck.lexicon.names import TITLES

SPACE = " \t\n\r\u00a0"


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
    cues: list[CueHit] | None = None  # filled once by cues, shared by every rule

    @property
    def blocked(self) -> list[tuple[int, int]]:
        return [(q.open_at, q.close_at) for q in self.quotes]


Rule = Callable[[SentenceCtx], list[RawClaim] | None]


def strip_end(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in SPACE or text[a] in ",:;—–-"):
        a += 1
    while b > a and (text[b - 1] in SPACE or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b


def strip_final_stop(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1] in ".!?…" + SPACE:
        b -= 1
    return b


def words(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _bare(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip(SPACE + ".,;:!?")


def finished(
    s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit, rule: str
) -> list[RawClaim] | None:
    """The claim over ``a:b`` less its final full stop, when three words or more are left."""
    b = strip_final_stop(s.text, a, b)
    if words(s.text, a, b) < 3:
        return None
    return [reported(s, a, b, subj, cue, rule)]


def reported(s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit, rule: str) -> RawClaim:
    inner = [q for q in s.quotes if a <= q.start and q.end <= b]
    if (
        len(inner) == 1
        and _bare(s.text, a, inner[0].open_at)
        and _bare(s.text, inner[0].close_at, b)
    ):
        # "…, adding, “They need to sit down.”": the content is one whole quotation
        return RawClaim("quote", inner[0].start, inner[0].end, rule, subj, cue, form="direct")
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


def is_adjunct(lead: str) -> bool:
    return bool(_ADJUNCT.match(lead))


_LEAD_STOP = re.compile(
    r"(?:\b(?:of|to|for|by|with|about|from|that|than|because|whether|if|which|who|the|a|an|"
    r"is|was|are|were|be|been|not)|[“\"(])\s*$",
    re.I,
)


# Conjunctions that open a clause of their own; after them a subject is a new speaker.
SUBORDINATORS = frozenset("while whereas although though because".split())
# The same, and words that may also be prepositions ("after the vote"): before a
# subject and its cue they too open a clause ("after Stumpf admitted …").
_NEW_CLAUSE = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(SUBORDINATORS | {"but", "after", "before", "when", "since", "until", "once", "as"})
    )
    + r")\s+$"
)


def lead_ok(lead: str) -> bool:
    """Whether the words before a speaker phrase leave it the subject of the cue.

    An adverbial opener or a role ("Clinton campaign manager Robby Mook") does;
    a preposition or a relative word ("the claim of Das said") does not.
    """
    # A comma inside a closing mark still ends the opener ('On "Face the Nation," Ryan said').
    tail = lead.rstrip().rstrip('"”')
    if not lead.strip() or is_adjunct(lead) or tail.endswith((",", ";", "—", "–")):
        return True
    nested = _NESTED_LEAD.search(lead)
    if nested is not None and nested.group(1).lower() in FORMS:
        return True  # "Das said Lee told him that …": a nested attribution
    if _LEAD_STOP.search(lead):
        return False
    if _NEW_CLAUSE.search(lead):
        return True  # "Duda said …, while Interior Minister Joachim Brudziński wrote"
    role = lead[lead.rfind(",") + 1 :].split()
    if "," in lead and 1 <= len(role) <= 5 and role[-1].lower() in TITLES:
        # "Following initial reports of the explosion, …, Republican presidential
        # nominee Donald Trump said": the opener may hold a speech word ("reports").
        return True
    return not any(FORMS.get(w.lower()) in SPEECH for w in re.findall(r"[A-Za-z]+", lead))


# ``++``: a word is followed by spaces, so giving back letters never helps.
_NESTED_LEAD = re.compile(r"\b([A-Za-z]++)\s+(?:that\s+)?$")


def starts_clause(text: str, a: int, b: int) -> bool:
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


def cues(s: SentenceCtx) -> list[CueHit]:
    if s.cues is None:
        if s.end - s.start > MAX_REPORTED_CHARS:
            s.cues = []
        else:
            s.cues = find_cues(s.text, s.start, s.end, s.blocked)[:MAX_CUES]
    return s.cues


# A cue's own circumstances ending the sentence: "in his interview", "on Monday".
TRAILING_ADJUNCT = re.compile(
    r"\s+(?:(?:in|at|during|after|before)\s+(?:an?|the|his|her|their|its)\b[^,;:“”\"]{0,60}"
    rf"|(?:on\s+)?{WEEKDAY}\b[^,;:“”\"]{{0,30}}"
    r"|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening)"
    r"|earlier|later|yesterday|today|tonight)\s*[.!?]?\s*$"
)

# "questioned whether …", "wondered why …": a question's content is a wh-clause.
WH = re.compile(r"(?:whether|if|how|why|what|who|when|where)\b")


# Verbs that judge their object: with a clause they report ("praised that the deal
# held"), with a bare noun phrase they report nothing ("Pompeo praised China's
# support"): no attributed claim.
_JUDGING = frozenset(
    "praise commend applaud hail laud thank welcome congratulate compliment".split()
)

_CLAUSE_SIGN = re.compile(
    r"[\"“”]|\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|"
    r"did|does|do|been)\b"
)
_CLAUSE_START = re.compile(r"(?:that|as|whether|how|what|why|when|if)\b")


def no_reported_content(s: SentenceCtx, c: RawClaim) -> bool:
    """A judging verb whose object is only a noun phrase reports no content."""
    if c.kind != "indirect" or c.cue is None or c.cue.lemma not in _JUDGING:
        return False
    if _CLAUSE_START.match(s.text, c.start):
        return False
    return _CLAUSE_SIGN.search(s.text, c.start, c.end) is None
