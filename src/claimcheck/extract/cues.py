"""Find reporting cues and speaker phrases in a sentence.

Every pattern here is anchored and bounded (the left context is at most a few
hundred characters), so matching stays linear in the sentence length.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from claimcheck.lexicon.cues import CLAUSE_ONLY, FORMS, MANNER_ONLY, SPEECH, VERBS, Stance
from claimcheck.lexicon.names import (
    ABBREVIATIONS,
    NOT_NAMES,
    PARTICLES,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)

LEFT_WINDOW = 200

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# An "-ly" adverb, not one of the nouns spelled like one ("The family said").
ADVERB_LY = (
    r"(?!(?:family|ally|rally|supply|assembly|monopoly|anomaly|bully|belly|tally|folly|"
    r"homily|reply)\b)[a-z]+ly"
)
_ADVERBS = (
    r"(?:also|has|have|had|was|were|is|are|would|will|later|previously|reportedly|then|further|"
    r"once|again|recently|earlier|repeatedly|publicly|privately|simply|has also|had also|"
    rf"{ADVERB_LY}|not only|even|still|already|had previously|has repeatedly|too|both|all|"
    r"[Ii]n an? (?:interview|statement)(?: with [A-Z][\w ]{0,40})?,?|"
    rf"(?:on\s+)?{WEEKDAY}"
    r"(?:\s+(?:night|morning|afternoon|evening))?|(?:last|this)\s+(?:week|month|year|weekend)|"
    r"yesterday|today|tonight|just|now|first|often|never|long|soon|finally|ultimately|"
    r"in\s+(?:19|20)\d\d)"
)
_NUMBER = r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"
# "46 percent of voters", "About three in 10", "Nearly half": poll respondents as a source.
QUANT = (
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Mm]ore\s+than|[Ll]ess\s+than|"
    r"[Ff]ewer\s+than|[Ss]ome|[Rr]oughly|[Aa]round|[Oo]ver|[Uu]nder)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)|[A-Za-z-]+\s+percent\b|"
    rf"(?:\d+|{_NUMBER})\s+(?:in|out\s+of)\s+(?:\d+|{_NUMBER})\b|[Hh]alf\b|"
    r"[Aa]\s+(?:third|quarter|majority|minority)\b|[Tt]wo-thirds\b|[Mm]ost\b)"
    r"(?:\s+of\s+(?:the\s+|those\s+|all\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?"
)
_QUANT_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<np>{QUANT})(?:\s+(?>{_ADVERBS}\b))*+\s*$")
_WHO_BEFORE = re.compile(rf"(?<![\w’'-])(?P<np>[Ww]ho)(?:\s+(?>{_ADVERBS}\b))*+\s*$")
# Possessive quantifiers (``*+``, ``++``) below: wherever these pieces are used, what
# follows a word or a run of spaces never starts with a character of that run, so
# giving back characters could never lead to a match. Cutting that backtracking
# leaves every match identical and makes the end-anchored speaker search ~40% faster.
_CAP = r"(?:[A-Z][\w’'.&-]*+|[A-Z]\.)"
_PART = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)).replace(".", r"\.") + r")"
_SP = r"[ \t\u00a0]++"  # names never run across a line break
NAME = rf"{_CAP}(?:{_SP}(?:{_PART}{_SP})?{_CAP}){{0,5}}"
# The whole capitalised run, for collecting a text's names: cut at six words, "Breitbart
# News’ Washington Political Editor Matthew Boyle" would lose its surname.
NAME_RUN = rf"{_CAP}(?:{_SP}(?:{_PART}{_SP})?{_CAP}){{0,11}}"
# "Mr. Morgan of the Sierra Club": a name with its organisation.
NAME_OF = rf"{NAME}(?:{_SP}of{_SP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP}){{0,4}})?"
_DET = (
    r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|"
    r"[Oo]ther|[Tt]hose|[Tt]hese|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z]\w*+’s|"
    r"[A-Z]\w*+'s)"
)
_MOD = r"(?:[\w’'][\w’'-]*+\s++){0,7}"  # a dash alone ("--") is no word
_OBJ = (
    rf"(?:\s+(?:of|for|at|with|from|in|to)\s+(?:the\s+)?"
    rf"(?:{_CAP}(?:\s+(?:of|and|for|the|on)?\s*{_CAP}){{0,6}}|[a-z]++(?:\s++[a-z]++)?))?"
)
NOUN_NP = rf"(?:{_DET}\s++{_MOD}\w[\w-]*+|[A-Z]?[a-z]++){_OBJ}"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"

# NP [, appositive ,] [adverbs] <cue> at the end of the left context.
_SUBJECT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME_OF}|{NOUN_NP})(?:\s*\([^()]{{1,40}}\),?)?"
    # An appositive between commas, or between dashes, where it may hold commas itself:
    # "Kall -- co-editor of a book, a study of debates -- said".
    rf"(?P<appos>\s*(?:(?P<dash>--|[—–])|,)\s*(?P<role>(?(dash)[^;:“”\"()—–]{{2,160}}?|"
    rf"(?:\d{{1,3}}\s*,\s*)?[^,;:“”\"()]{{2,160}}?))\s*(?(dash)(?:--|[—–])|,))?"
    rf"(?P<adv>(?:\s+(?>{_ADVERBS}\b))*+)\s*$"
)
_TIGHT_SUBJECT = re.compile(
    r"\b(?:when|as|after|before|because|while|since|if|though|although|where|and|but|so)\s+"
    rf"(?P<np>{PRONOUN}|{NAME})(?:\s+(?>{_ADVERBS}\b))*+\s*$"
)
_BARE_SUBJECT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME}|{NOUN_NP})(?:\s+(?>{_ADVERBS}\b))*+\s*$"
)
_SPEAKER_AFTER = re.compile(
    rf"\s*(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME_OF}|{NOUN_NP})"
    rf"(?P<appos>\s*,\s*(?P<role>[^,;:“”\"]{{2,160}}?)\s*(?=[,.;]|$))?"
)
_SUBJECT_AT = re.compile(
    rf"\s*(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME}|{NOUN_NP})(?:\s*,[^,]{{2,160}},)?\s+[a-z]"
)
_RECIPIENT = re.compile(
    rf"\s+(?P<rcpt>(?:(?:the|a|an|his|her|their|its)\s+)?"
    rf"(?:{_CAP}(?:\s+(?:in|of|for|and|the|on)?\s*{_CAP}){{0,6}}|reporters|journalists|me|him|"
    rf"her|them|us|you|lawmakers|members|supporters|viewers|listeners|readers|an? [a-z]+ "
    rf"(?:audience|crowd|rally|interview|reporter|newspaper)|the (?:crowd|audience|committee|"
    rf"court|jury|press|media|hosts?|audience|paper|newspaper)))"
)
_RECIPIENT_THAT = re.compile(r"\s+(?:[^\s,;:.!?]+\s+){1,8}?that\s+")
_TELL_LIKE = frozenset(
    ["tell", "inform", "brief", "assure", "warn", "urge", "remind", "ask", "advise"]
)
_BARE_AFTER_CUE = re.compile(r"^[\s,:]*(?:that\b)?[\s,:]*")
_RELATIVE_NEXT = re.compile(r"(?:which|who|whom|whose|and|but|or)\b")
_AFTER_CUE = re.compile(
    r"^(?P<adjunct>\s+(?:of|on|in|at|during|after|last|this|yesterday|today|earlier|late|early|"
    r"in an? (?:interview|statement|post|tweet|letter|speech))\b[^,;:]{0,60}?"
    # a place with its state or country: "at a campaign stop in Toledo, Ohio, that …"
    r"(?:,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?(?=,\s*that\b))?(?=,|\s+that\b))?"
    r"[\s,:]*(?:that\b)?[\s,:]*"
)


@dataclass(frozen=True)
class CueHit:
    start: int
    end: int
    lemma: str
    stance: Stance

    @property
    def tell_like(self) -> bool:
        return self.lemma in _TELL_LIKE

    @property
    def clause_only(self) -> bool:
        return self.lemma in CLAUSE_ONLY

    @property
    def speech(self) -> bool:
        return self.lemma in SPEECH

    @property
    def manner_only(self) -> bool:
        return self.lemma in MANNER_ONLY


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    text: str
    kind: str  # "name" | "pronoun" | "noun" | "relative" | "passive" (no source)
    role: str | None


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FIRST_WORD = re.compile(r"[A-Za-z]")


def find_cues(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[CueHit]:
    """Cue words in ``text[start:end]`` outside the blocked spans (quotations)."""
    starts, hits = _document_cues(text)
    lo = bisect.bisect_left(starts, start)
    first_at = -2  # the sentence's first word, found only when a capitalised cue needs it
    out: list[CueHit] = []
    for i in range(lo, len(starts)):
        hit, capital = hits[i]
        if hit.end > end:
            break
        if blocked and _inside(hit.start, blocked):
            continue
        # A capitalised cue word mid-sentence is a name ("Cook Political Report").
        if capital:
            if first_at == -2:
                first = _FIRST_WORD.search(text, start, end)
                first_at = first.start() if first else -1
            if hit.start != first_at:
                continue
        out.append(hit)
    return out


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation with shared prefixes factored out: fast to match."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


# A cheap test before _QUANT_BEFORE: does the left context hold a quantity word?
# Only its truth is used. Each word is spelt out in both cases and the words are
# factored into a trie, so the engine compares literals instead of trying a dozen
# character classes at every position (half the cost of the plain alternation).
_QUANT_WORDS = [
    w
    for n in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "most")
    for w in (n, n.capitalize())
]
_QUANT_HINT = re.compile(
    r"\d|percent|Half|half|third|quarter|majorit|minorit|(?:" + _trie_pattern(_QUANT_WORDS) + r")\b"
)


def _cue_forms() -> list[str]:
    forms = [*FORMS, "according to"]
    return sorted({f for w in forms for f in (w, w[0].upper() + w[1:])})


_CUE_FORM = (
    "(?:"
    + _trie_pattern([f.replace("'", "’") for f in _cue_forms()] + _cue_forms())
    + r")(?![\w'’-])"
)
# A cue word starts where the character before it is not a word character:
# "(?<![\w'’-])" + _CUE_FORM. A pattern that opens with that lookbehind is tried
# at every position of the document; these open with the character before the
# word instead, a space (most words) or any other non-word character (ASCII
# letters and digits listed first, so the class test rarely needs a Unicode
# lookup), so the engine skips from candidate to candidate: a fifth less time.
# Each reports its word through a lookahead, so no word start is hidden by the
# one before it; _cue_spans restores the single pattern's left-to-right,
# non-overlapping reading.
_CUE_AT_START = re.compile(_CUE_FORM)
_CUE_AFTER_SPACE = re.compile(f" (?=({_CUE_FORM}))")
_CUE_AFTER_OTHER = re.compile(f"[^0-9A-Z_a-z\\w'’ -](?=({_CUE_FORM}))")


def _cue_spans(text: str) -> list[tuple[int, int]]:
    r"""The spans ``re.finditer(r"(?<![\w'’-])" + _CUE_FORM, text)`` would give."""
    found = [m.span(1) for m in _CUE_AFTER_SPACE.finditer(text)]
    found += [m.span(1) for m in _CUE_AFTER_OTHER.finditer(text)]
    first = _CUE_AT_START.match(text)
    if first is not None:
        found.append(first.span())
    found.sort()
    spans: list[tuple[int, int]] = []
    for a, b in found:
        if not spans or a >= spans[-1][1]:
            spans.append((a, b))
    return spans


_NOUN_AFTER = re.compile(
    r"\s+(?:were|are|have|had|of|and|in|on|for|by|from|with|at|or|is|was)\b|[’']"
)


# "-s" forms that are never plural nouns: "says on its website that …" is a verb,
# though "everything Trump says is a lie" is still no report.
_BE_AFTER = re.compile(r"\s+(?:were|are|have|had|is|was)\b")
_VERB_ONLY = frozenset(
    "says tells adds insists explains argues writes contends acknowledges admits emphasizes "
    "emphasises".split()
)


_DET_BEFORE = re.compile(
    r"(?<![\w’'-])(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|each|every|"
    r"no|of|per|whose|any|some|such|same|first|new|further)\s+$",
    re.I,
)


_COUNT_BEFORE = re.compile(
    r"(?<![\w’'-])(?:\d+(?:,\d{3})*|dozen|dozens|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|many|few|both|all|other|multiple|numerous)\s+$",
    re.I,
)


@functools.lru_cache(maxsize=4)
def _document_cues(text: str) -> tuple[list[int], list[tuple[CueHit, bool]]]:
    """Every cue word of a document, found once and shared by all rules."""
    hits: list[tuple[CueHit, bool]] = []
    for start, end in _cue_spans(text):
        form = text[start:end]
        word = form.lower().replace("’", "'")
        if word.endswith("s") and (_BE_AFTER if word in _VERB_ONLY else _NOUN_AFTER).match(
            text, end
        ):
            continue  # "the states were", "reports of": a plural noun, not a verb
        lemma = FORMS.get(word, "according to")
        if (word == lemma or word == lemma + "s") and _DET_BEFORE.search(
            text, max(0, start - 12), start
        ):
            continue  # "the state", "a question", "his support": a noun, not a verb
        if word == lemma + "s" and _COUNT_BEFORE.search(text, max(0, start - 12), start):
            continue  # "a dozen states", "two reports": a counted plural ("many say" stays)
        stance = VERBS.get(lemma, "assert")
        capital = form[0].isupper() and " " not in word
        hits.append((CueHit(start, end, lemma, stance), capital))
    return [h.start for h, _ in hits], hits


def _inside(pos: int, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


_NEAR = 72

# The speaker caches below serve one sentence: the strict and the loose reading
# of a cue, and the quotation and reported-speech rules asking about the same
# cue, all within a few calls of each other (a key holds the cue's offset, so
# it never recurs elsewhere). A few dozen entries keep every one of those hits;
# thousands kept each dead entry alive long enough to reach the garbage
# collector's older generations, which made extraction 5% slower.
_SENTENCE_CACHE = 64


def _subject_search(text: str, left_lo: int, cue_start: int) -> tuple[int, re.Match[str] | None]:
    """The speaker-phrase match before a cue, and the offset its positions count from.

    The pattern is tried at every start position, so its cost grows with the
    window. A speaker phrase with no comma (no appositive) is short: when the
    last ``_NEAR`` characters hold no comma, a match found there is the same one
    the whole window would give, found at half the cost.
    """
    near_lo = cue_start - _NEAR
    near = text[near_lo:cue_start]
    if near_lo > left_lo and "," not in near and "--" not in near and "—" not in near:
        m = _subject_from(text, near_lo, cue_start)
        if m is not None and m.start() > 0:
            return near_lo, m
    start = left_lo + _search_start(text[left_lo:cue_start])
    return start, _subject_from(text, start, cue_start)


@functools.lru_cache(maxsize=_SENTENCE_CACHE)
def _subject_from(text: str, start: int, cue_start: int) -> re.Match[str] | None:
    """``_SUBJECT.search(text[start:cue_start])``: its positions count from ``start``.

    Cached by where the search starts, not by the caller's window: the rule that
    reads a cue's whole left context (and skips to its last comma, see
    _search_start) and the rule that reads only what follows that comma make
    one search between them.
    """
    return _SUBJECT.search(text[start:cue_start])


# What may follow an appositive's closing comma up to the cue: adverbs only.
_ADVERB_TAIL = re.compile(rf"(?:\s+(?>{_ADVERBS}\b))*+\s*")
# Adverbs overlap ("has also" / "has" + "also"), so a failing tail check backtracks
# through every split: it only runs on short tails, where that costs nothing.
_TAIL_MAX = 80


def _search_start(window: str) -> int:
    """Where in ``window`` a speaker phrase can start at the earliest.

    A match runs to the window's end. Without "(" (a parenthesis) and without an
    "interview"/"statement" adverb, the only commas a match can hold are its
    appositive's, and the last of them is followed by adverbs alone. So when the
    text after the window's last comma is not all adverbs, no match contains that
    comma and the search starts after it: the same match, found without trying
    every word of a long left context ("After …, in which …, the minister said").
    The lookbehind that opens _SUBJECT accepts the comma before that position and
    the start of a text alike, so searching from there equals searching the text
    that starts there.
    """
    c = window.rfind(",")
    if (
        c >= 0
        and "(" not in window
        and "interview" not in window
        and "statement" not in window
        and "--" not in window
        and "—" not in window
        and "–" not in window
        and len(window) - c <= _TAIL_MAX
        and _ADVERB_TAIL.fullmatch(window, c + 1) is None
    ):
        return c + 1
    return 0


@functools.lru_cache(maxsize=_SENTENCE_CACHE)
def _quantity_or_who(text: str, left_lo: int, cue_start: int) -> Subject | None:
    """Poll shares ("46 percent said") and "who": the same for a strict or loose reading."""
    left = text[left_lo:cue_start]
    near_lo = max(0, len(left) - 150)
    if _QUANT_HINT.search(left, max(0, len(left) - 80)):
        q = _QUANT_BEFORE.search(left, near_lo)
        if q is not None:
            a = left_lo + q.start("np")
            return Subject(a, a + len(q.group("np")), q.group("np"), "noun", None)
    if "ho" in left[near_lo:]:
        w = _WHO_BEFORE.search(left, near_lo)
        if w is not None:
            a = left_lo + w.start("np")
            return Subject(a, a + 3, w.group("np"), "relative", None)
    return None


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$")
_PARTICIPLE = re.compile(
    r"(?:[a-z]+ed|told|said|shown|known|thought|written|held|seen|found|understood|given|"
    r"heard|taught|brought|sought|quoted)\b"
)


@functools.lru_cache(maxsize=_SENTENCE_CACHE)
def subject_before(text: str, lo: int, cue_start: int, loose: bool = False) -> Subject | None:
    """The speaker phrase that ends right before a cue, if it names someone.

    ``loose``: a speech verb ("says", "told") makes any determiner phrase a
    speaker ("the ad’s narrator says"); weaker cues need a known speaker noun.
    """
    left_lo = max(lo, cue_start - LEFT_WINDOW)
    if _PASSIVE_AUX.search(text, max(lo, cue_start - 40), cue_start) and _PARTICIPLE.match(
        text, cue_start
    ):
        # "He was reported to be stable", "It was revealed": the subject is what the
        # words are about, not who said them. The claim stands, with nobody as its source.
        return Subject(cue_start, cue_start, "", "passive", None)
    left = text[left_lo:cue_start]
    early = _quantity_or_who(text, left_lo, cue_start)
    if early is None and _RESIDENT_HINT.search(text, left_lo, cue_start) is not None:
        early = _resident(left, left_lo)
    if early is not None:
        return early
    base, m = _subject_search(text, left_lo, cue_start)
    if m is None:
        return None
    np_start = base + m.start("np")
    np_text = m.group("np")
    role = m.group("role")
    if role:
        # "But Megan Hester, senior associate at …, said": the opener is no part of the name.
        np_text, np_start = _trim_np(np_text, np_start)
    if (
        role
        and _looks_like_name(role)
        and _is_role_phrase(np_text)
        and (" " in role.strip() or not np_text.split()[-1][:1].isupper())
    ):
        # "India’s External Affairs Minister, Subrahmanyam Jaishankar, said", "his wife,
        # Jane, called"; but one word after a proper noun is a place ("a pastor at the
        # Reformation Church of Elizabeth, Colorado, slammed").
        r_start = base + m.start("role")
        return Subject(r_start, r_start + len(role), role, "name", np_text)
    if role and not (_is_appositive(role) or _name_with_role(np_text, role)):
        # The commas belong to the content ("The figures, Das said,") or a list.
        return _bare_subject(text, lo, base + m.start("appos"), cue_start, loose)
    if role and _DET_SPACE.match(np_text):
        # Two appositives: "John Dickey, the chief executive of Ora Media -- the company
        # that …, -- told me": the phrase found is the first appositive of a name.
        named = _NAME_THEN_COMMA.search(text, max(lo, np_start - 60), np_start)
        if named is not None and _looks_like_name(named.group("np")):
            a = named.start("np")
            return Subject(a, named.end("np"), named.group("np"), "name", _clean_role(np_text))
    subj = _make_subject(np_start, np_text, role, text, lo, loose)
    if subj is None and not role:
        # The longest phrase swallowed clause words ("a great line a while back when
        # she"): retry with a pronoun or a name right before the cue.
        t = _TIGHT_SUBJECT.search(left, max(0, len(left) - 80))
        if t is not None and left_lo + t.start("np") > base + m.start("np"):
            return _make_subject(left_lo + t.start("np"), t.group("np"), None, text, lo, loose)
    return subj


_NAME_THEN_COMMA = re.compile(rf"(?<![\w’'.-])(?P<np>{NAME})\s*,\s*$")

# "Cory James, 22, of Flint, Mich., who …, said", "Christopher Harvey, a delegate from
# Houston, Texas, said": a person with age, role and home town (news style for people
# in the street). The place is no speaker, and its commas are no list.
_RESIDENT_HINT = re.compile(r"(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*,")
_RESIDENT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s*,\s*(?P<age>\d{{1,3}}\s*,\s*)?"
    r"(?P<role>(?:an?|the)\s(?:(?!\b(?:of|from)\s)[^,;:“”\"()]){2,100}?\s)?(?:of|from)\s+"
    rf"{_CAP}(?:{_SP}{_CAP}){{0,3}}(?:\s*,\s*{_CAP}(?:{_SP}{_CAP}){{0,2}})?\s*,"
    rf"(?:\s*(?:who|whose)\s[^,;:“”\"()]{{2,160}},)?"
    rf"(?:\s+(?>{_ADVERBS}\b))*+\s*$"
)


def _resident(left: str, left_lo: int) -> Subject | None:
    m = _RESIDENT.search(left)
    if m is None or not _looks_like_name(m.group("np")):
        return None
    if left[: m.start("np")].rstrip()[-1:] not in ("", ",", ";", ":", "—", "–", "(", '"', "“"):
        return None  # "The governor of Louisiana, a U.S. state …": the name is no subject
    a = left_lo + m.start("np")
    role = m.group("role")
    return Subject(a, a + len(m.group("np")), m.group("np"), "name", _clean_role(role))


def _bare_subject(
    text: str, lo: int, appos_start: int, cue_start: int, loose: bool = False
) -> Subject | None:
    # Retry with the NP that directly precedes the cue.
    left_lo = max(lo, cue_start - LEFT_WINDOW)
    m = _BARE_SUBJECT.search(text[left_lo:cue_start])
    if m is None or left_lo + m.start("np") < appos_start:
        return None
    return _make_subject(left_lo + m.start("np"), m.group("np"), None, text, lo, loose)


# What follows a sentence-initial gerund ("Creating a costume"), never a surname
# ("Manning said").
_GERUND_OBJECT = re.compile(
    r"\s+(?:a|an|the|this|that|these|those|his|her|their|its|our|my|your|up|out|down|off|"
    r"back|more|new|such|some|any|all|every)\b"
)


def _make_subject(
    start: int, np_text: str, role: str | None, text: str, lo: int, loose: bool = False
) -> Subject | None:
    np_text, start = _trim_np(np_text, start)
    if not np_text:
        return None
    of = np_text.find(" of ")
    if of > 0 and np_text[0].isupper():
        head_part = np_text[:of].split()
        tail = np_text[of + 4 :].split()
        if len(head_part) == 1 and head_part[0].lower() in TITLES and len(tail) >= 3:
            # "Secretary of State John Kerry": an office, then the name.
            n = 3 if len(tail) >= 4 and re.fullmatch(r"[A-Z]\.", tail[-2]) else 2
            name = " ".join(tail[-n:])
            at = start + len(np_text) - len(name)
            office = np_text[: len(np_text) - len(name)].strip()
            return Subject(at, at + len(name), name, "name", _clean_role(role or office))
        if len(head_part) >= 2 or head_part[0].lower() in TITLES:
            role = role or np_text[of + 1 :]
            np_text = np_text[:of]
    low = np_text.lower()
    if low in PRONOUNS:
        return Subject(start, start + len(np_text), np_text, "pronoun", None)
    words = np_text.split()
    bare = _drop_contraction(words[0])
    if len(words) == 1 and bare != words[0] and bare.lower() in PRONOUNS:
        return Subject(start, start + len(bare), bare, "pronoun", None)  # "He’s claiming"
    if bare != words[0] and bare.lower() in NOT_NAMES:
        return None  # "That’s a big if": no name
    if words[0][0].isupper() and _all_caps_name(words):
        if words[0].lower() in NOT_NAMES and len(words) == 1:
            if low in SPEAKER_NOUNS:  # "Many said", "Some argue"
                return Subject(start, start + len(np_text), np_text, "noun", _clean_role(role))
            return None
        if (
            len(words) == 1
            and low.endswith("ing")
            and _GERUND_OBJECT.match(text, start + len(np_text))
        ):
            return None  # "Creating a costume isn't without its hazards": a gerund, no name
        return Subject(start, start + len(np_text), np_text, "name", _clean_role(role))
    if any(w.lower() in _CLAUSE_WORDS for w in words[1:]) or _VERB_OBJECT.search(np_text):
        # "Ivan's condition was on Wednesday", "The family said they", "a UN report
        # eventually": a phrase that runs through a verb or a clause is no speaker.
        return None
    # The head noun, and the head before any prepositional phrase; the second
    # (a regex split) only when the first is not a speaker noun.
    if (
        _noun_key(words[-1]) in SPEAKER_NOUNS
        or _noun_key(_PREP_SPLIT.split(np_text)[0].split()[-1]) in SPEAKER_NOUNS
    ):
        return Subject(start, start + len(np_text), np_text, "noun", _clean_role(role))
    demonstrative = words[0].lower() in {"this", "that", "these", "those"}
    last = words[-1].lower()
    if last in _NOT_HEAD or last.endswith(("ed", "ing")) or not last[:1].isalpha():
        return None  # "the past few days --", "senators for failing to": not a noun phrase
    if loose and _DET_SPACE.match(np_text) and len(words) <= 6 and not demonstrative:
        return Subject(start, start + len(np_text), np_text, "noun", _clean_role(role))
    return None


# Compiled once: _make_subject runs for every candidate speaker phrase.
_PREP_SPLIT = re.compile(r"\s+(?:of|for|at|with|from|in|to)\s+")
_DET_SPACE = re.compile(_DET + r"\s")

_NOT_HEAD = frozenset(
    "to and or but of for the a an that than with by as at in on from into about".split()
)


_POSSESSIVES = ("’s", "'s", "’", "'")


def _noun_key(word: str) -> str:
    """Lower case, possessive dropped: "Officials’" -> "officials"."""
    word = word.lower()
    if word.endswith(_POSSESSIVES):  # rarely: one test instead of four
        for suffix in _POSSESSIVES:
            if word.endswith(suffix):
                return word[: -len(suffix)]
    return word


# Words that never stand inside a speaker phrase: a verb, a clause opener, a pronoun.
_CLAUSE_WORDS = frozenset(
    "is are was were has have had been be said says told claimed when who which whom after "
    "since initially eventually it they he she we i".split()
)
# A past tense with its object: "the city issued a follow-up statement announcing …".
_VERB_OBJECT = re.compile(
    r"\b[a-z]+ed\s+(?:a|an|the|his|her|their|its|several|some|this|that|these|those)\b"
)
# Never "not" or "never": "the police did not see a gun" reports nothing they saw.
_TRAILING_AUX = frozenset(
    "has have had is are was were did does do also would will could can may might should "
    "must still already previously reportedly".split()
)


def _trim_np(np_text: str, start: int) -> tuple[str, int]:
    # Drop a leading conjunction or sentence adverb swallowed by the NP pattern,
    # and a sentence's full stop swallowed by a name ("sighed Meg.").
    if np_text.endswith("."):
        last = np_text.split()[-1].lower()
        if len(last) > 2 and last.rstrip(".") not in ABBREVIATIONS:
            np_text = np_text[:-1]
    words = np_text.split(" ")
    if len(words) > 2 and words[-2] == "in" and words[-1].isdigit():
        words = words[:-2]  # "an arbitration panel in 2001 found": the year is no part of it
    while len(words) > 1 and words[0].lower() in {"and", "but", "so", "then", "while", "as"}:
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and words[0].lower() in NOT_NAMES and words[1][:1].isupper():
        if words[0].lower() in {"the", "a", "an", "another", "one", "two", "three"}:
            break
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _TRAILING_AUX:
        words = words[:-1]  # "the Trump campaign has declined": the verb is no part of it
    return " ".join(words), start


def _drop_contraction(word: str) -> str:
    for suffix in ("’s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _all_caps_name(words: list[str]) -> bool:
    return all(w[0].isupper() or w.lower() in PARTICLES for w in words)


def _looks_like_name(phrase: str) -> bool:
    words = phrase.split()
    return 1 <= len(words) <= 5 and _all_caps_name(words) and words[0].lower() not in NOT_NAMES


def _is_role_phrase(np_text: str) -> bool:
    words = np_text.replace("’s", "").replace("'s", "").split()
    return any(w.lower() in TITLES or w.lower() in SPEAKER_NOUNS for w in words)


def _name_with_role(np_text: str, role: str) -> bool:
    """ "Richard Revesz, dean of the law school, said": a name, then its role."""
    words = np_text.split()
    if not words or not _all_caps_name(words) or words[0].lower() in NOT_NAMES:
        return False
    role_words = role.split()
    if not 1 <= len(role_words) <= 14:
        return False
    return not any(
        w.lower() in FORMS or w.lower() in {"that", "is", "was", "are", "were"} for w in role_words
    )


_FINITE = frozenset({"is", "was", "are", "were", "has", "had"})


def _is_appositive(role: str) -> bool:
    words = role.split()
    first = words[0].lower() if words else ""
    if first in TITLES and _FINITE.intersection(w.lower() for w in words):
        return False  # "Beaumont, Tex., Mr. Trump was just as blunt,": a clause, not a role
    return (
        first
        in {
            "a",
            "an",
            "the",
            "who",
            "whose",
            "which",
            "one",
            "another",
            "his",
            "her",
            "its",
            "their",
            "former",
            "then",
            "now",
            "also",
        }
        or first in TITLES
    )


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = " ".join(role.split())
    for art in ("a ", "an ", "the "):
        if role.lower().startswith(art):
            return role[len(art) :]
    if role.lower().startswith(("who ", "which ", "whose ")):
        return None
    return role


def content_after(text: str, cue: CueHit, end: int) -> int:
    """Where the reported content starts after a cue (past a recipient and "that")."""
    pos = cue.end
    if cue.tell_like:
        m = _RECIPIENT.match(text, pos, end)
        if m:
            pos = m.end()
        else:
            # Any recipient up to "that": "told a crowd in Cleveland that …"
            m = _RECIPIENT_THAT.match(text, pos, end)
            if m and not any(w in FORMS for w in text[pos : m.end()].split()[:-1]):
                return m.end()
    m2 = _AFTER_CUE.match(text[pos:end])
    if m2:
        if m2.group("adjunct") and _RELATIVE_NEXT.match(text, pos + m2.end()):
            # "said yesterday morning the road itself, which …": no adjunct ends at that comma
            m2 = _BARE_AFTER_CUE.match(text[pos:end])
        if m2:
            pos += m2.end()
    return pos


def speaker_after(text: str, pos: int, end: int, loose: bool = True) -> Subject | None:
    """An inverted cue's speaker: "…,” said Jane Das, the party's leader."""
    m = _SPEAKER_AFTER.match(text[pos:end])
    if not m:
        return None
    start = pos + m.start("np")
    subj = _make_subject(start, m.group("np"), None, text, pos, loose)
    if subj is None:
        return None
    role = m.group("role")
    if role and _is_appositive(role):
        return Subject(subj.start, subj.end, subj.text, subj.kind, _clean_role(role))
    return subj


def subject_at(text: str, pos: int, end: int) -> Subject | None:
    """The subject phrase that opens a clause: "Das spoke at length …, saying …"."""
    m = _SUBJECT_AT.match(text, pos, end)
    if m is None:
        return None
    return _make_subject(m.start("np"), m.group("np"), None, text, pos)
