"""What every attribution rule shares: the claim and sentence types, span trimming, bounds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.extract.cues import CueHit, find_cues
from claimcheck.extract.patterns import LEFT_WINDOW, WEEKDAY
from claimcheck.extract.quotes import Quote
from claimcheck.extract.subjects import Subject, speaker_after, subject_at, subject_before
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
    if b > a and text[b - 1] == ")" and "(" not in text[a:b]:
        # "(Forbes says it tracks ….)": the sentence's closing bracket, not the content's.
        return strip_final_stop(text, a, b - 1)
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


_LEAD_STOP_WORDS = (
    "of to for by with about from that than whether if which who the a an "
    "is was are were be been not".split()
)
_LEAD_STOP = re.compile(r"(?:\b(?:" + "|".join(_LEAD_STOP_WORDS) + r")|[“\"(])\s*$", re.I)
_LEAD_STOP_WIDTH = max(len(w) for w in _LEAD_STOP_WORDS)  # a mark is one character


def _tail_start(text: str, width: int) -> int:
    """Where to search ``text`` for a pattern ``HEAD\\s*$`` (or ``HEAD\\s+$``) whose HEAD
    is at most ``width`` characters long: the same match as a search of the whole text.

    A match ends at the text's end (or before its final newline), so HEAD ends where
    the trailing blanks begin and starts at most ``width`` before that; an earlier
    start cannot match. The search keeps the whole text, so ``\\b`` and lookbehinds
    still see the characters before that start. A long lead is then no longer tried
    at every one of its positions.
    """
    return max(0, len(text.rstrip()) - width)


# Conjunctions that open a clause of their own; after them a subject is a new speaker.
SUBORDINATORS = frozenset("while whereas although though because".split())
# The same, and words that may also be prepositions ("after the vote"): before a
# subject and its cue they too open a clause ("after Stumpf admitted …").
_NEW_CLAUSE_WORDS = sorted(
    SUBORDINATORS | {"but", "after", "before", "when", "since", "until", "once", "as", "however"}
)
_NEW_CLAUSE = re.compile(r"\b(?:" + "|".join(_NEW_CLAUSE_WORDS) + r")\s+$")
_NEW_CLAUSE_WIDTH = max(len(w) for w in _NEW_CLAUSE_WORDS)


def is_participle(s: SentenceCtx, cue: CueHit) -> bool:
    """A cue in -ing ("echoing", "saying"; not "according to"): what follows is its object."""
    return cue.lemma != "according to" and s.text[cue.start : cue.end].split()[0].endswith("ing")


_LEAD_WORD = re.compile(r"[A-Za-z]+")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def lead_ok(lead: str) -> bool:
    """Whether the words before a speaker phrase leave it the subject of the cue.

    An adverbial opener or a role ("Clinton campaign manager Robby Mook") does;
    a preposition or a relative word ("the claim of Das said") does not.
    """
    # A comma inside a closing mark still ends the opener ('On "Face the Nation," Ryan said').
    tail = lead.rstrip().rstrip('"”')
    if not lead.strip() or is_adjunct(lead) or tail.endswith((",", ";", "—", "–")):
        return True
    if lead.strip() in ("(", "["):
        return True  # "(Forbes says it tracks …)": a sentence in brackets opens there
    nested = _NESTED_LEAD.search(lead)
    if nested is not None and nested.group(1).lower() in FORMS:
        return True  # "Das said Lee told him that …": a nested attribution
    if _LEAD_STOP.search(lead, _tail_start(lead, _LEAD_STOP_WIDTH)):
        return False
    if _NEW_CLAUSE.search(lead, _tail_start(lead, _NEW_CLAUSE_WIDTH)) or (
        # The pattern's comma is the lead's last one, two letters (and a mark) before it
        # are enough for it to match: only whether it does is asked.
        "," in lead and _AND_CLAUSE.search(lead, max(0, lead.rfind(",") - 3))
    ):
        # "Duda said …, while Interior Minister Joachim Brudziński wrote"; "Puerto Rico has
        # been warning that …, and Ms. Acosta said": a comma and a conjunction start a
        # clause of its own, whatever verb of saying the first one held.
        return True
    role = lead[lead.rfind(",") + 1 :].split()
    if "," in lead and 1 <= len(role) <= 5 and role[-1].lower() in TITLES:
        # "Following initial reports of the explosion, …, Republican presidential
        # nominee Donald Trump said": the opener may hold a speech word ("reports").
        return True
    # "State" before a capitalised word is a name's: "State Department spokesman John Kirby".
    return not any(
        FORMS.get(m.group().lower()) in SPEECH
        for m in _LEAD_WORD.finditer(lead)
        if not (m.group() == "State" and _CAPITAL_NEXT.match(lead, m.end()))
    )


_AND_CLAUSE = re.compile(r"[^\W\d]{2,}[”\"]?,\s+(?:and|but)\s+$")

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
    r"|earlier|later|yesterday|today|tonight|local\s+time(?:\s*\([^()]{1,20}\))?)\s*[.!?]?\s*$"
)

# Whom a "told" after its content names, then a circumstance or the sentence's end.
TOLD_WHOM = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|[A-Z][\w’'.-]*|[a-z]+)\s+){0,4}?[\w’'.-]+"
    r"(?:\s*[.!?]?\s*$|\s+(?:as|when|while|after|before|during|at|in|on|last|this|"
    r"earlier|later|yesterday|today)\b)"
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


# An institution named with "of" before a title and a name, ending at the cue.
_OFFICE_OF = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'-]*\s+of\s+(?:the\s+)?(?P<rest>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'.-]*){2,5})\s*$"
)

# A participle or a speech's circumstance between commas right before the cue: ", speaking
# in Ohio on Monday,", ", responding to the announcement via Twitter,", ", in a statement,"
# (not a place: "police in Clairton, Pennsylvania, in the eastern United States, …").
_CIRCUMSTANCE = re.compile(
    r",\s*(?:(?!including\b|according\b)(?-i:[a-z]+ing)\b|also\b|"
    # Asides and company: "Legislative leaders, for instance, noted", "The aides, led by
    # Terry Sullivan, told", "Fields, along with reporter Ben Terris, say".
    r"for\s+(?:instance|example)\b|however\b|in\s+turn\b|in\s+fact\b|meanwhile\b|"
    r"(?:along|together)\s+with\b|(?:led|joined|accompanied)\s+by\b|"
    r"(?:during|when|while|like|unlike|after|before)\s|"
    r"(?:in|on|at|via|during)\s+(?:an?|the|its|his|her|their)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:statement|remarks|interview|post|tweet|letter|speech|"
    r"conference|briefing|release|message|video|email|appearance)s?\b)[^,;:“”\"()]{0,120},\s*$"
)

# A bracketed expansion or aside: "(National Union of Rail, Maritime and Transport Workers)".
_BRACKETS = re.compile(r"\([^()]{1,160}\)")


def speaker_before(text: str, lo: int, cue_start: int, loose: bool = False) -> Subject | None:
    """``subject_before``, reading past a long bracketed expansion in the speaker phrase.

    "The general secretary of the RMT union (National Union of Rail, Maritime and
    Transport Workers), Mick Cash, said": the brackets' commas and length hide the
    name from the speaker pattern, so when it finds nobody the phrase is read again
    with the brackets blanked out (same offsets, so the mention stays in place).
    """
    subj = subject_before(text, lo, cue_start, loose=loose)
    if subj is not None:
        return subj
    left_lo = max(lo, cue_start - LEFT_WINDOW)
    left = text[left_lo:cue_start]
    office = _OFFICE_OF.search(left) if "of" in left else None  # most lefts have no "of"
    if office is not None:
        # "House of Commons Speaker John Bercow", "Bank of England Governor Mark Carney":
        # the institution's "of" hides the name; the title and name after it speak.
        found = subject_before(text, left_lo + office.start("rest"), cue_start, loose=loose)
        named = _after_title(found) if found is not None and found.kind == "name" else None
        if named is not None:
            return Subject(
                named.start,
                named.end,
                named.text,
                "name",
                text[office.start() + left_lo : named.start].strip(),
            )
    aside = _CIRCUMSTANCE.search(left) if "," in left else None
    if aside is not None:
        # "Trump, responding to Pelosi's announcement via Twitter, attacked …": a
        # circumstance between commas, not an appositive; the name before it speaks.
        masked = left[: aside.start()] + " " * (len(left) - aside.start())
        found = subject_before(masked, 0, len(masked), loose=loose)
        if found is not None and found.kind in ("name", "pronoun", "noun") and found.role is None:
            a = left_lo + found.start
            return Subject(a, left_lo + found.end, found.text, found.kind, None)
    if ")" not in left:
        return None
    masked = _BRACKETS.sub(lambda m: " " * len(m.group()), left)
    if masked == left:
        return None
    found = subject_before(masked, 0, len(masked), loose=loose)
    if found is None or found.kind == "passive":
        return None
    role = " ".join(found.role.split()) if found.role else found.role
    a = left_lo + found.start
    return Subject(a, left_lo + found.end, text[a : left_lo + found.end], found.kind, role)


def _after_title(subj: Subject) -> Subject | None:
    """ "Commons Speaker John Bercow" -> "John Bercow": the name after the last title word."""
    words = subj.text.split()
    titles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in TITLES]
    if not titles or not 2 <= len(words) - titles[-1] - 1 <= 3:
        return None
    name = " ".join(words[titles[-1] + 1 :])
    at = subj.start + subj.text.rfind(name)
    return Subject(at, at + len(name), name, "name", None)


def clause_subject(s: SentenceCtx, end: int) -> Subject | None:
    """The subject that opens the sentence, after an opening phrase ("In August, …")."""
    subj = subject_at(s.text, s.start, end)
    if subj is not None:
        return subj
    comma = s.text.find(",", s.start, end)
    if comma < 0 or not is_adjunct(s.text[s.start : comma + 1]):
        return None
    pos = comma + 1
    while pos < end and s.text[pos] == " ":
        pos += 1
    return subject_at(s.text, pos, end)


_JUST_BEFORE = re.compile(r"[^,;:“”\"]{0,40},\s*$")


def speaker_of_cue_before(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """ "…, the company said, adding that …": the participle's speaker is that cue's."""
    prev = None
    for c in cues(s):
        if c.end > cue.start:
            break
        prev = c
    if prev is None or not prev.speech:
        return None
    if _JUST_BEFORE.fullmatch(s.text, prev.end, cue.start) is not None:
        subj = subject_before(s.text, s.start, prev.start, loose=True)
        if subj is not None and subj.kind != "relative":
            return subj
    if INVERTIBLE.match(s.text[prev.start : prev.end]) and _INVERTED_GAP.fullmatch(
        s.text, prev.end, cue.start
    ):
        # "…,” said Don Ytterberg, the party's county chairman, explaining that …"; but
        # a cue with its subject before it has an object after it: "She noted her years
        # as senator, saying …" is hers.
        subj = subject_before(s.text, s.start, prev.start, loose=True)
        if subj is not None and subj.kind != "relative":
            return subj
        return speaker_after(s.text, prev.end, cue.start)
    return None


_INVERTED_GAP = re.compile(r"[^;:“”\"()]{2,200},\s*")

# Verbs that stand before their speaker: "…, said Das", "…, says the report".
INVERTIBLE = re.compile(
    r"(?:said|says|added|adds|wrote|writes|told|asked|asks|explained|explains|noted|notes|"
    r"continued|continues|recalled|recalls|argued|argues|insisted|insists|warned|warns|"
    r"replied|replies|observed|observes|stated|states|declared|declares|reported|reports)$"
)
