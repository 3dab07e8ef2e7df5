"""The speaker phrase of a cue: the noun phrase before it, or after it when inverted.

``subject_before`` reads the left context of a cue ("Das, a professor, said"),
``speaker_after`` the words after a quotation's cue ("said Das, the minister"),
``subject_at`` a clause's subject. Every pattern is anchored and bounded (the
left context is at most a few hundred characters), so matching stays linear.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimcheck.extract.patterns import (
    ADVERBS,
    CAP,
    LEFT_WINDOW,
    NAME,
    NAME_OF,
    NOUN_NP,
    PRONOUN,
    QUANT,
    SP,
)
from claimcheck.extract.people import ORG_HINTS
from claimcheck.extract.phrases import (
    CLAUSE_WORDS,
    DET_SPACE,
    NOT_HEAD,
    PREP_SPLIT,
    VERB_OBJECT,
    all_caps_name,
    clean_role,
    drop_contraction,
    is_appositive,
    is_role_phrase,
    looks_like_name,
    name_with_role,
    noun_key,
    trim_np,
)
from claimcheck.lexicon import given_names
from claimcheck.lexicon.cues import ISSUED_WRITINGS
from claimcheck.lexicon.names import (
    NOT_NAMES,
    PLATFORMS,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)
from claimcheck.lexicon.places import PLACE_NAMES

_QUANT_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<np>{QUANT})(?:\s+(?>{ADVERBS}\b))*+\s*$")

_WHO_BEFORE = re.compile(rf"(?<![\w’'-])(?P<np>[Ww]ho)(?:\s+(?>{ADVERBS}\b))*+\s*$")

# NP [, appositive ,] [adverbs] <cue> at the end of the left context.
_SUBJECT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME_OF}|{NOUN_NP})(?:\s*\([^()]{{1,40}}\),?)?"
    # An appositive between commas, or between dashes, where it may hold commas itself:
    # "Kall -- co-editor of a book, a study of debates -- said".
    rf"(?P<appos>\s*(?:(?P<dash>--|[—–])|,)\s*(?P<role>(?(dash)[^;:“”\"()—–]{{2,160}}?|"
    rf"(?:\d{{1,3}}\s*,\s*)?[^,;:“”\"()]{{2,160}}?))\s*(?(dash)(?:--|[—–])|,))?"
    rf"(?P<adv>(?:\s+(?>{ADVERBS}\b))*+)\s*$"
)

_TIGHT_SUBJECT = re.compile(
    r"\b(?:when|as|after|before|because|while|since|if|though|although|where|and|but|so|why|"
    r"how|whether)\s+"
    rf"(?P<np>{PRONOUN}|{NAME}|[a-z]++)(?:\s+(?>{ADVERBS}\b))*+\s*$"
)

_TIGHT_NOUN = re.compile(
    r"\b(?:when|after|before|because|while|since|though|although|why|how|whether)\s+"
    r"(?P<np>(?:the|its|his|her|their|both|many|some|most)\s+(?:[a-z][\w-]*\s+){0,2}"
    rf"(?P<head>[a-z]+))(?:\s+(?>{ADVERBS}\b))*+\s*$"
)

_BARE_SUBJECT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME}|{NOUN_NP})(?:\s+(?>{ADVERBS}\b))*+\s*$"
)

# The role starts after the blanks that follow its comma ("\s*+"): letting it start
# inside them tried every split of a long run of blanks (cubic in its length).
_SPEAKER_AFTER = re.compile(
    rf"\s*(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME_OF}|{NOUN_NP})"
    rf"(?P<appos>\s*+,\s*+(?P<role>[^,;:“”\"]{{2,160}}?)\s*+(?=[,.;]|$))?"
)

_OF_TITLE = re.compile(r"\s*[“\"](?P<title>[^“”\"]{2,80})[”\"]")

_RELATIVE = re.compile(r"\s(?:who|whose)\s")

_SUBJECT_AT = re.compile(
    rf"\s*(?<![\w’'.-])(?P<np>{PRONOUN}|{NAME}|{NOUN_NP})(?:\s*,[^,]{{2,160}},)?\s+[a-z]"
)


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    text: str
    kind: str  # "name" | "pronoun" | "noun" | "relative" | "passive" (no source)
    role: str | None

    # A document makes tens of thousands of these. The generated __init__ of a frozen
    # dataclass sets each field through object.__setattr__ (~1 us an object); writing
    # the instance's dict gives the same object at half the cost. Fields, equality,
    # hashing and immutability stay the dataclass's own.
    def __init__(self, start: int, end: int, text: str, kind: str, role: str | None) -> None:
        d = self.__dict__
        d["start"] = start
        d["end"] = end
        d["text"] = text
        d["kind"] = kind
        d["role"] = role


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# A cheap test before _QUANT_BEFORE: does the left context hold a digit or a quantity
# word? Only its truth is used. Each word is spelt out in both cases, and the digit is a
# test of its own: when every alternative opens with a literal, the engine skips straight
# to the positions holding one of their first letters (a quarter less time than one
# pattern with "\d" among them, half that of character classes at every position).
_QUANT_WORDS = [
    w
    for n in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "most")
    for w in (n, n.capitalize())
]

_DIGIT = re.compile(r"\d")

_QUANT_WORD = re.compile(
    r"percent|Half|half|third|quarter|majorit|minorit|" + "|".join(rf"{w}\b" for w in _QUANT_WORDS)
)


def _quant_hint(left: str, pos: int) -> bool:
    return _DIGIT.search(left, pos) is not None or _QUANT_WORD.search(left, pos) is not None


_NEAR = 72

# Written before a title, never a name on their own there: "U.S. Secretary of State …".
COUNTRY_SHORT = frozenset("U.S. U.S US U.K. UK U.N. UN EU".split())

# Offices held for a place or a cause ("Envoy for Syria"), and words that only
# qualify an office ("US Special Representative", "Deputy Minister of Health").
_OFFICES_FOR = frozenset(
    "representative envoy ambassador minister secretary commissioner coordinator".split()
)
_OFFICE_MODIFIERS = frozenset("special deputy assistant acting associate interim".split())

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
_ADVERB_TAIL = re.compile(rf"(?:\s+(?>{ADVERBS}\b))*+\s*")

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
    if _quant_hint(left, max(0, len(left) - 80)):
        q = _QUANT_BEFORE.search(left, near_lo)
        if q is not None:
            a = left_lo + q.start("np")
            return Subject(a, a + len(q.group("np")), q.group("np"), "noun", None)
    tail = left[near_lo:]
    if "who" in tail or "Who" in tail:  # the search tries every start: only where it can match
        w = _WHO_BEFORE.search(left, near_lo)
        if w is not None:
            a = left_lo + w.start("np")
            return Subject(a, a + 3, w.group("np"), "relative", None)
    return None


_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$")

# What _PASSIVE_AUX needs at the window's end: a blank after an auxiliary or an "-ly" word.
_PASSIVE_TAILS = ("was", "were", "is", "are", "been", "be", "being", "ly")


def _passive_before(text: str, lo: int, hi: int) -> bool:
    """``_PASSIVE_AUX.search(text, lo, hi)``, its end tested first: most cues have no auxiliary."""
    window = text[lo:hi]
    if not window[-1:].isspace() or not window.rstrip().endswith(_PASSIVE_TAILS):
        return False
    return _PASSIVE_AUX.search(text, lo, hi) is not None


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
    if text.endswith("having ", max(lo, cue_start - 7), cue_start) and cue_start - 7 > lo:
        # "with analyst Kevin Bonham having declared it …": a perfect participle's subject
        # stands before its "having".
        return subject_before(text, lo, cue_start - 7, loose)
    left_lo = max(lo, cue_start - LEFT_WINDOW)
    # The anchored match first: the search behind the cue tries every start.
    if _PARTICIPLE.match(text, cue_start) and _passive_before(
        text, max(lo, cue_start - 40), cue_start
    ):
        # "He was reported to be stable", "It was revealed": the subject is what the
        # words are about, not who said them. The claim stands, with nobody as its source.
        return Subject(cue_start, cue_start, "", "passive", None)
    left = text[left_lo:cue_start]
    early = _quantity_or_who(text, left_lo, cue_start)
    if early is None and "," in left and _RESIDENT_HINT.search(text, left_lo, cue_start):
        early = _resident(left, left_lo)
    if early is not None:
        return early
    if left.endswith(" as ") and "quot" in left:
        quoted = _QUOTED_AS.search(text, max(left_lo, cue_start - 200), cue_start)
        if quoted is not None and looks_like_name(quoted.group("np")):
            # "Politico quoted Tim Manning, formerly a deputy administrator at FEMA, as
            # saying “…”": the one quoted speaks, not the outlet.
            a = quoted.start("np")
            role = clean_role(quoted.group("role")) if quoted.group("role") else None
            return Subject(a, quoted.end("np"), quoted.group("np"), "name", role)
    base, m = _subject_search(text, left_lo, cue_start)
    if m is None and ("”" in left or '"' in left):
        quoted = _NAME_OF_QUOTED.search(text, max(left_lo, cue_start - 200), cue_start)
        if quoted is not None and looks_like_name(quoted.group("np")):
            # "Anna Franowska of “Have no fear”, an abuse victim support charity, told
            # Reuters": a body whose name is quoted, and the person of it speaks.
            a = quoted.start("np")
            role = clean_role(text[quoted.end("np") : quoted.end()].strip(" ,"))
            return Subject(a, quoted.end("np"), quoted.group("np"), "name", role)
    if m is None:
        return None
    np_start = base + m.start("np")
    np_text = m.group("np")
    role = m.group("role")
    if np_text.startswith(("along with ", "together with ", "as well as ")):
        # "Planned Parenthood, along with the ACLU have announced": the company is no
        # speaker, the name before the comma is.
        named = _NAME_THEN_COMMA.search(text, max(lo, np_start - 80), np_start)
        if named is None or not looks_like_name(named.group("np")):
            return None
        a = named.start("np")
        return Subject(a, named.end("np"), named.group("np"), "name", clean_role(np_text))
    if role:
        # "But Megan Hester, senior associate at …, said": the opener is no part of the name.
        np_text, np_start = trim_np(np_text, np_start)
    if role and _PARTITIVE.match(np_text) and looks_like_name(_THE.sub("", role, count=1)):
        # "One of the victims, Jane Doe, said": the one named speaks, the group is a role;
        # so does a body ("One of these groups, the Syrian Democratic Forces, opposed").
        r_start = base + m.start("role")
        # The mention keeps its "the"; the name does not ("the Syrian Democratic Forces").
        return Subject(r_start, r_start + len(role), _THE.sub("", role, count=1), "name", np_text)
    if (
        role
        and looks_like_name(role)
        and is_role_phrase(np_text)
        and (" " in role.strip() or not np_text.split()[-1][:1].isupper())
    ):
        # "India’s External Affairs Minister, Subrahmanyam Jaishankar, said", "his wife,
        # Jane, called"; but one word after a proper noun is a place ("a pastor at the
        # Reformation Church of Elizabeth, Colorado, slammed").
        r_start = base + m.start("role")
        return Subject(r_start, r_start + len(role), role, "name", np_text)
    if role and not (is_appositive(role) or name_with_role(np_text, role)):
        # The commas belong to the content ("The figures, Das said,") or a list.
        return _bare_subject(text, lo, base + m.start("appos"), cue_start, loose)
    if role and DET_SPACE.match(np_text):
        # Two appositives: "John Dickey, the chief executive of Ora Media -- the company
        # that …, -- told me": the phrase found is the first appositive of a name.
        named = _NAME_THEN_COMMA.search(text, max(lo, np_start - 60), np_start)
        if named is not None and looks_like_name(named.group("np")):
            a = named.start("np")
            return Subject(a, named.end("np"), named.group("np"), "name", clean_role(np_text))
    if PARTY_TAG.fullmatch(np_text.rstrip(".,")):
        # "Sen. Debbie Stabenow, D-Mich., a member of …, said": the tag is the
        # senator's party and state, the name before it speaks.
        named = _NAME_THEN_COMMA.search(text, max(lo, np_start - 80), np_start)
        if named is None or not looks_like_name(named.group("np")):
            return None
        a = named.start("np")
        return Subject(a, named.end("np"), named.group("np"), "name", clean_role(role))
    subj = _make_subject(np_start, np_text, role, text, lo, loose)
    if subj is None and not role:
        # The longest phrase swallowed clause words ("a great line a while back when
        # she"): retry with a pronoun or a name right before the cue.
        t = _TIGHT_SUBJECT.search(left, max(0, len(left) - 80))
        if t is not None and left_lo + t.start("np") > base + m.start("np"):
            tight = _make_subject(left_lo + t.start("np"), t.group("np"), None, text, lo, loose)
            person = _person_of_body(text, lo, tight) if tight is not None else None
            if person is not None:
                return person
            if tight is not None and tight.kind == "name" and not tight.role:
                # "… won a majority and both Mugabe and Tsvangirai claimed": the "and"
                # that opens the tight phrase may join names, and all of them speak; not
                # "the Center at the Urban Institute and Brookings Institution estimates".
                joint = _coordinated(text, lo, tight)
                if joint.start < tight.start and _BOTH_BEFORE.search(
                    text, max(lo, joint.start - 10), joint.start
                ):
                    return joint
            return tight
        t = _TIGHT_NOUN.search(left, max(0, len(left) - 80))
        if t is not None and noun_key(t.group("head")) in SPEAKER_NOUNS:
            # "delayed the vote because the members said": the clause opener ends the
            # phrase, and a speaker noun after it speaks.
            a = left_lo + t.start("np")
            return Subject(a, a + len(t.group("np")), t.group("np"), "noun", None)
        d = _ISSUED_NP.search(left, max(0, len(left) - 60))
        if (
            d is not None
            and left_lo + d.start("np") >= base + m.start("np")
            and (d.group("rel") or _ING_CUE.match(text, cue_start))
        ):
            # "The Ministry of Health issued a statement reading, “…”": the statement
            # speaks (for its issuer, extract.documents).
            a = left_lo + d.start("np")
            return Subject(a, a + len(d.group("np")), d.group("np"), "noun", None)
    if subj is not None and subj.kind in ("name", "noun") and subj.text[:1] in "tT" + _UPPER:
        group = _GROUP_IN.search(text, max(lo, subj.start - 30), subj.start)
        if group is not None and noun_key(group.group("noun")) in SPEAKER_NOUNS:
            # "authorities in the United Kingdom and the United States announced": the
            # people of the places speak, not the places.
            a = group.start("noun")
            return Subject(a, subj.end, text[a : subj.end], "noun", None)
    if subj is not None and subj.kind == "noun":
        doer = _GERUND_ADVERBIAL.search(text, max(lo, subj.start - 120), subj.start)
        if doer is not None and looks_like_name(doer.group("np")):
            # "Richard Ferrand in relaying the news to parliament said": the phrase after
            # the gerund is its object, and the name before it speaks.
            a = doer.start("np")
            return Subject(a, doer.end("np"), doer.group("np"), "name", None)
    if subj is not None and subj.kind == "name":
        person = _person_of_body(text, lo, subj)
        if person is not None:
            return person
    if subj is not None and subj.kind == "name" and not subj.role:
        return _coordinated(text, lo, subj)
    if (
        subj is not None
        and subj.kind == "noun"
        and subj.text[:1].islower()
        and subj.text.endswith("s")  # a body of people; "U.S. senator" is a description
    ):
        country = _COUNTRY_BEFORE.search(text, max(lo, subj.start - 8), subj.start)
        if country is not None:
            # "US authorities claimed": whose authorities is part of who they are.
            a = country.start()
            return Subject(a, subj.end, text[a : subj.end], "noun", subj.role)
    if (
        subj is not None
        and subj.kind == "name"
        and subj.text.lower() in PLACE_NAMES
        and _PLACE_BEFORE.search(text, max(lo, subj.start - 30), subj.start)
    ):
        return None  # "the city of El Paso, Texas, with the toll at 22, reported": a place
    return subj


def _person_of_body(text: str, lo: int, subj: Subject) -> Subject | None:
    """The person whose body a name subject is: "Peter Iseley of … Ending Clergy Abuse"."""
    if subj.kind != "name":
        return None
    member = _MEMBER_OF.search(text, max(lo, subj.start - 90), subj.start)
    if member is None and _AND_BEFORE.search(text, max(lo, subj.start - 6), subj.start):
        # "Nils-Erik Haagenrud of Rogaland Fire and Rescue said": a body's name holds
        # the "and"; the person before its "of" speaks.
        member = _MEMBER_OF_BODY.search(text, max(lo, subj.start - 90), subj.start)
    if member is None or not looks_like_name(member.group("np")):
        return None
    words = member.group("np").split()
    known = given_names.gender_of(words[0].split("-")[0]) is not None  # "Nils-Erik" too
    if not known and (
        # A given name the list lacks ("Nils-Erik Haagenrud"): a two- or three-word name
        # with no word of a body's name in it.
        not 2 <= len(words) <= 3
        or any(w.lower() in ORG_HINTS or w.lower() in TITLES for w in words)
    ):
        return None
    # "Peter Iseley of worldwide victim group Ending Clergy Abuse said": the person
    # speaks, and the group described after "of" is where they belong.
    a = member.start("np")
    role = clean_role(text[member.end("np") : subj.end].strip())
    return Subject(a, member.end("np"), member.group("np"), "name", role)


_BOTH_BEFORE = re.compile(r"(?<![\w’'-])both\s+$")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_GROUP_IN = re.compile(r"(?<![\w’'-])(?P<noun>[a-z]+s)\s+(?:in|at|from)\s+$")
_QUOTED_AS = re.compile(
    rf"\bquot(?:ed|es|ing)\s+(?P<np>{NAME})(?:\s*,\s*(?P<role>[^,;:“”\"()]{{2,120}}?)\s*,)?\s+as\s+$"
)
_GERUND_ADVERBIAL = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s+(?:in|while|after|before|when|by|on|upon)\s+[a-z]+ing\s+$"
)
_NAME_OF_QUOTED = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s+of\s+[“\"][^“”\"]{{1,60}}[”\"]"
    r"(?:\s*,\s*[^,;:“”\"()]{2,120}?\s*,)?\s*$"
)
_AND_BEFORE = re.compile(r"\s(?:and|&)\s+$")
_MEMBER_OF_BODY = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:and|&)\s+$"
)

# A person's name, "of" and the lower-case words that describe a body, right before its
# name: "Peter Iseley of worldwide victim group ".
_MEMBER_OF = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s+of\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{1,4}}$"
)

# "El Paso, " before a state or a country: the two name one place, which says nothing.
_PLACE_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][\w’'.-]*,\s+$")

_THE = re.compile(r"^the\s+(?=[A-Z])")

_PARTITIVE = re.compile(
    r"(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ee]ach|[Aa]nother)\s+of\s+(?:the|these|those|its|their|his|her)\s"
)


_COUNTRY_BEFORE = re.compile(r"(?<![\w’'.-])(?:US|U\.S\.|UK|U\.K\.|EU|UN|U\.N\.)\s+$")

# Names joined by "and" right before a name subject: "Algeria and Morocco have cited".
_COORD_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<np>{NAME}(?:,{SP}{NAME})*),?{SP}and{SP}$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z&]{1,7}\)")
_PREP_BEFORE = re.compile(r"(?:between|of|with|for|from|to|by|against|at|in|on|among)\s+$")


def _coordinated(text: str, lo: int, subj: Subject) -> Subject:
    """A coordinated subject is all its names, not its last one ("Algeria and Morocco")."""
    if _ACRONYM_AFTER.match(text, subj.end):
        return subj  # "Immigration, Refugees and Citizenship Canada (IRCC)": one body's name
    m = _COORD_BEFORE.search(text, max(lo, subj.start - 80), subj.start)
    if m is not None:
        doc = _DOCUMENT_BY.search(text, max(lo, m.start() - 40), m.start())
        if doc is not None:
            # "Projections by CNN and NPR indicated": the document speaks, for all of them.
            a = doc.start()
            return Subject(a, subj.end, text[a : subj.end], "noun", None)
    if m is None or _PREP_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
        return subj  # "talks between Algeria and Morocco": the names are no subject
    if not all(looks_like_name(p.strip()) for p in m.group("np").split(",")):
        return subj
    a = m.start("np")
    opener = _COORD_OPENER.match(text, a)
    if opener is not None:
        a = opener.end()  # "Whereas Pierce and Hawkins felt": the conjunction opens the clause
    return Subject(a, subj.end, text[a : subj.end], "name", None)


_DOCUMENT_BY = re.compile(
    r"(?<![\w’'-])(?:(?:the|a|an|new|early|latest)\s+)?(?i:projections?|estimates?|figures|"
    r"polls?|reports?|study|studies|surveys?|analysis|analyses|statements?|data)\s+(?:by|from)\s+$"
)

_COORD_OPENER = re.compile(
    r"(?:Whereas|While|Although|Though|When|If|As|After|Before|Since|Because|Unlike|Like|"
    r"But|And|So|Then|Yet)\s+"
)


# A statement put out, as the object that ends a clause before a cue.
_ISSUED_NP = re.compile(
    r"(?<![\w’'-])(?P<np>(?:a|an|the)\s+(?:(?:brief|short|written|joint|press|new)\s+)?"
    r"(?:" + "|".join(sorted(ISSUED_WRITINGS)) + r"))"
    r"(?:\s*,)?(?P<rel>\s+(?:which|that))?\s*$"
)

# The statement's own verb: "a statement reading", "a letter saying" (not "One of the
# docs who sent the letter called Oz a quack": that subject is the docs').
_ING_CUE = re.compile(r"[a-z]+ing\b")


# A party-and-state tag after a legislator's name: "D-Calif.", "R-N.Y.", "I-Vt".
PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,12}")

_NAME_THEN_COMMA = re.compile(rf"(?<![\w’'.-])(?P<np>{NAME})\s*,\s*$")

# "Cory James, 22, of Flint, Mich., who …, said", "Christopher Harvey, a delegate from
# Houston, Texas, said": a person with age, role and home town (news style for people
# in the street). The place is no speaker, and its commas are no list.
_RESIDENT_HINT = re.compile(r"(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*,")

_RESIDENT = re.compile(
    rf"(?<![\w’'.-])(?P<np>{NAME})\s*,\s*(?P<age>\d{{1,3}}\s*,\s*)?"
    r"(?P<role>(?:an?|the)\s(?:(?!\b(?:of|from)\s)[^,;:“”\"()]){2,100}?\s)?(?:of|from)\s+"
    rf"{CAP}(?:{SP}{CAP}){{0,3}}(?:\s*,\s*{CAP}(?:{SP}{CAP}){{0,2}})?\s*,"
    rf"(?:\s*(?:who|whose)\s[^,;:“”\"()]{{2,160}},)?"
    rf"(?:\s+(?>{ADVERBS}\b))*+\s*$"
)


def _resident(left: str, left_lo: int) -> Subject | None:
    m = _RESIDENT.search(left)
    if m is None or not looks_like_name(m.group("np")):
        return None
    if left[: m.start("np")].rstrip()[-1:] not in ("", ",", ";", ":", "—", "–", "(", '"', "“"):
        return None  # "The governor of Louisiana, a U.S. state …": the name is no subject
    a = left_lo + m.start("np")
    role = m.group("role")
    return Subject(a, a + len(m.group("np")), m.group("np"), "name", clean_role(role))


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


_VIA_BEFORE = re.compile(r"(?<![\w’'-])(?:on|via|over|through|across)\s+$")


def on_platform(text: str, start: int, np_text: str) -> bool:
    """ "posted on Twitter", "via Facebook": where the words went, never who said them."""
    return np_text in PLATFORMS and _VIA_BEFORE.search(text, max(0, start - 10), start) is not None


def _make_subject(
    start: int, np_text: str, role: str | None, text: str, lo: int, loose: bool = False
) -> Subject | None:
    np_text, start = trim_np(np_text, start)
    if not np_text.strip() or on_platform(text, start, np_text):
        return None
    of = np_text.find(" of ")
    to = of < 0 and np_text.find(" to ") > 0  # "Ambassador to the United Nations Nikki Haley"
    if to:
        of = np_text.find(" to ")
    elif of < 0 and np_text.find(" for ") > 0:
        # "Special Representative for Iran Brian Hook": an office for a place or a cause;
        # never "Spokesman for Prime Minister Justin Trudeau", whose spokesman speaks.
        at_for = np_text.find(" for ")
        if np_text[:at_for].split()[-1].lower() in _OFFICES_FOR:
            to, of = True, at_for
    if of > 0 and not to and np_text[0].islower():
        named = _office_of_body_name(np_text, of)
        if named is not None:
            # "director of Amnesty International Man-kei Tam": the role, then the name.
            at = start + len(np_text) - len(named)
            office = np_text[: len(np_text) - len(named)].strip()
            return Subject(at, at + len(named), named, "name", clean_role(role or office))
    if of > 0 and np_text[0].isupper():
        head_part = np_text[:of].split()
        tail = np_text[of + 4 :].split()
        is_office = all(
            w.lower() in TITLES or w in COUNTRY_SHORT or w.lower() in _OFFICE_MODIFIERS
            for w in head_part
        ) and any(w.lower() in TITLES for w in head_part)
        if (
            not is_office
            and len(head_part) >= 2
            and head_part[-1].lower() in TITLES
            and all(w[:1].isupper() for w in head_part)
            and len(tail) >= 3
            and given_names.gender_of(tail[-2]) is not None
        ):
            # "UMWA Director of Government Affairs Phil Smith": a body, its office, the
            # name, which a given name opens.
            is_office = True
        if is_office and len(tail) >= 3 and (len(head_part) == 1 or tail[-1][:1].isupper()):
            # "Secretary of State John Kerry": an office, then the name.
            n = 3 if len(tail) >= 4 and re.fullmatch(r"[A-Z]\.", tail[-2]) else 2
            name = " ".join(tail[-n:])
            at = start + len(np_text) - len(name)
            office = np_text[: len(np_text) - len(name)].strip()
            return Subject(at, at + len(name), name, "name", clean_role(role or office))
        if (
            not to
            and (len(head_part) >= 2 or head_part[0].lower() in TITLES)
            and not _OF_PEOPLE.fullmatch(np_text, of + 1)
        ):
            if VERB_OBJECT.search(np_text, of):
                return None  # "The Ministry of Health issued a statement": a clause
            if _body_of_name(head_part, tail):
                return Subject(start, start + len(np_text), np_text, "name", clean_role(role))
            role = role or np_text[of + 1 :]
            np_text = np_text[:of]
    low = np_text.lower()
    if low.startswith("according to "):
        return None  # "According to a memo posted by …, the Senate …": the source rule's
    if low in PRONOUNS:
        return Subject(start, start + len(np_text), np_text, "pronoun", None)
    words = np_text.split()
    bare = drop_contraction(words[0])
    if len(words) == 1 and bare != words[0] and bare.lower() in PRONOUNS:
        return Subject(start, start + len(bare), bare, "pronoun", None)  # "He’s claiming"
    if bare != words[0] and bare.lower() in NOT_NAMES:
        return None  # "That’s a big if": no name
    if words[0][0].isupper() and all_caps_name(words):
        if words[0].lower() in NOT_NAMES and len(words) == 1:
            if low in SPEAKER_NOUNS:  # "Many said", "Some argue"
                return Subject(start, start + len(np_text), np_text, "noun", clean_role(role))
            return None
        if (
            len(words) == 1
            and low.endswith("ing")
            and _GERUND_OBJECT.match(text, start + len(np_text))
        ):
            return None  # "Creating a costume isn't without its hazards": a gerund, no name
        return Subject(start, start + len(np_text), np_text, "name", clean_role(role))
    if any(w.lower() in CLAUSE_WORDS for w in words[1:]) or VERB_OBJECT.search(np_text):
        # "Ivan's condition was on Wednesday", "The family said they", "a UN report
        # eventually": a phrase that runs through a verb or a clause is no speaker.
        return None
    # The head noun, and the head before any prepositional phrase; the second
    # (a regex split) only when the first is not a speaker noun.
    if (
        noun_key(words[-1]) in SPEAKER_NOUNS
        # A phrase trimmed to " of y" has no head before its preposition.
        or noun_key((PREP_SPLIT.split(np_text)[0].split() or words)[-1]) in SPEAKER_NOUNS
    ):
        return Subject(start, start + len(np_text), np_text, "noun", clean_role(role))
    owned = _OWNER_TITLE_NAME.match(np_text)
    if owned is not None and owned.group("title").lower() in TITLES:
        # "Egypt's current President Abdel Fattah al-Sisi": a country's office, then the
        # name ("al-Sisi" opens with its article), which speaks.
        a = start + owned.start("name")
        return Subject(a, start + len(np_text), owned.group("name"), "name", owned.group("role"))
    demonstrative = words[0].lower() in {"this", "that", "these", "those"}
    named_tail = _ROLE_NAME_TAIL.search(np_text) if DET_SPACE.match(np_text) else None
    if (
        named_tail is not None
        and not demonstrative
        and named_tail.group("role") in _ROLE_BEFORE_NAME
        and looks_like_name(named_tail.group("name"))
    ):
        # "the Fraser Valley political scientist Hamish Telford", "Mendez's wife Jonna
        # Mendez": a long role, then the name, which speaks.
        a = start + named_tail.start("name")
        role_text = clean_role(np_text[: named_tail.start("name")])
        return Subject(a, start + len(np_text), named_tail.group("name"), "name", role_text)
    last = words[-1].lower()
    if last in NOT_HEAD or last.endswith(("ed", "ing")) or not last[:1].isalpha():
        return None  # "the past few days --", "senators for failing to": not a noun phrase
    if loose and DET_SPACE.match(np_text) and len(words) <= 6 and not demonstrative:
        return Subject(start, start + len(np_text), np_text, "noun", clean_role(role))
    post = _POST_MODIFIER.search(np_text) if loose and DET_SPACE.match(np_text) else None
    if post is not None and 2 <= len(np_text[: post.start()].split()) <= 5 and not demonstrative:
        # "a private security professional present during the attack told Reuters":
        # the person, then where they were; the head phrase speaks, the rest is its role.
        head = np_text[: post.start()]
        return Subject(start, start + len(head), head, "noun", clean_role(np_text[post.start() :]))
    return None


# An adjective or participle that opens what a description says of its person.
_POST_MODIFIER = re.compile(
    r"\s+(?=(?:present|familiar|close|involved|speaking|responsible|briefed|working)\s+"
    r"(?:at|during|with|to|in|on|for|about)\s)"
)


# Bodies whose own name goes on with "of": "the Department of Justice", "the University
# of California", "the Bank of England". Cut there, the name would be a bare "Department".
_BODY_OF = frozenset(
    "ministry department agency government committee council board union organization "
    "organisation association commission office court administration university institute "
    "house bank foundation center centre embassy consulate bureau college school academy "
    "federation league society church chamber republic kingdom states secretariat".split()
)


def _body_of_name(head: list[str], tail: list[str]) -> bool:
    """ "The United States Department" + "of Health and Human Services": one name."""
    if not tail or head[-1].lower() not in _BODY_OF:
        return False
    if not all(w[:1].isupper() for w in head[1:]) or not head[0][:1].isupper():
        return False  # "A spokesperson for the Ministry" + "of Health": a person of it
    first = tail[1] if tail[0].lower() == "the" and len(tail) > 1 else tail[0]
    # Only the body's name: "The University of Ottawa Heart Institute's Dr. Jane Roe" and
    # "the Department of Health Secretary Jane Roe" go on to a person, whom the role holds.
    return (
        first[:1].isupper()
        and len(tail) <= 6
        and all(
            (w[:1].isupper() or w in ("and", "the", "of", "for", "&"))
            and not w.endswith(("’s", "'s", "’", "'"))
            and w.lower().rstrip(".") not in TITLES
            for w in tail
        )
    )


# The words a body's name ends with, before the name of the person who holds a post in it.
_BODY_END = (
    _BODY_OF
    | ORG_HINTS
    | frozenset(
        "international organization organisation watch nations fund alliance coalition trust "
        "forum initiative project network service services".split()
    )
)


def _office_of_body_name(np_text: str, of: int) -> str | None:
    """The person at the end of "director of Amnesty International Man-kei Tam"."""
    head = np_text[:of].split()
    tail = np_text[of + 4 :].split()
    if not all(w.lower() in TITLES for w in head) or len(tail) < 3:
        return None
    n = 3 if len(tail) >= 5 and re.fullmatch(r"[A-Z]\.", tail[-2]) else 2
    name, body = tail[-n:], tail[:-n]
    if not looks_like_name(" ".join(name)) or not body[-1][:1].isupper():
        return None
    if any(w.lower() in _BODY_END for w in name):
        return None  # "director of the World Health Organization": no person named
    if body[-1].lower() in _BODY_END or given_names.gender_of(name[0]) is not None:
        return " ".join(name)
    return None


# "Another member of the public": the people a member is of belong to the description.
_OF_PEOPLE = re.compile(r"of\s+the\s+(?:public|audience|crowd|community)")

# Role words in lower case, then a name of two to four words, at a phrase's end.
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|abu|de|van|von)-[A-Z][\w’'-]*)"
_OWNER_TITLE_NAME = re.compile(
    r"(?P<role>[A-Z][\w.’'-]*(?:’s|'s)\s+(?:(?:current|former|then|new|acting|interim|"
    r"longtime|outgoing|incoming|deputy|vice)\s+){0,2}(?P<title>[A-Z][a-z]+))"
    rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})$"
)

_ROLE_NAME_TAIL = re.compile(
    r"(?<![\w’'.-])(?!(?:the|a|an|his|her|their|its|our|of|on|for|in|at|to|from|by|with|and|or)\s)"
    rf"(?P<role>[a-z][\w’'-]*+)\s+(?P<name>{CAP}(?:{SP}{CAP}){{1,3}})$"
)

# The word right before such a name: a role or a relation ("scientist", "wife"),
# never a place's or a body's ("the army's Western Mindanao Command").
_ROLE_BEFORE_NAME = (
    SPEAKER_NOUNS | TITLES | {"wife", "husband", "partner", "father", "mother"}
) - {"study"}

# What follows a name that ends the speaker phrase: a stop, "on Twitter", "in an email".
# Or the body the person is of: "said study co-author Professor Carl Lipo of Binghamton".
_NAME_ENDS = (
    r"\s*(?:[,.;]|$)|\s+(?:on|via)\s+[A-Z]|\s+(?:in|during)\s+(?:an?|the|his|her|their)\s"
    r"|\s+(?:of|from|at)\s+(?:the\s+)?[A-Z]"
)

# A name right after a role noun: "said spokesperson Eric Morrissette".
_NAME_NEXT = re.compile(rf"{SP}(?P<name>{NAME})(?={_NAME_ENDS})")

_ROLE_THEN_NAME = re.compile(
    r"(?P<role>(?:\s+(?!(?:on|in|at|of|for|to|from|with|by|and|or|the|a|an|as|who|that|per|"
    r"via|said|told|says|after|before|during|about|than|while|when|his|her|their|its)\b)"
    rf"[a-z][a-z-]+){{1,3}})\s+(?P<name>{NAME})(?={_NAME_ENDS})"
)


# What a possessive name owns after an inverted cue: "says Wise’s dad, Darrin",
# "says Campbell’s partner Jason Louth", "said Roe’s lawyer".
_POSSESSED = re.compile(
    rf"{SP}(?P<rel>(?:[a-z][\w-]*+{SP}){{0,3}}[a-z][\w-]*+)"
    rf"(?:\s*+,\s*+(?P<name>{NAME})(?=[\s,.;:!?”\"]|$)|{SP}(?P<bare>{NAME})(?=[\s,.;:!?”\"]|$)"
    r"|(?=\s*+[,.;:!?”\"]|$|\s++(?:on|in|at|via|from|who|to|during|after|before)\b))"
)


def speaker_after(text: str, pos: int, end: int, loose: bool = True) -> Subject | None:
    """An inverted cue's speaker: "…,” said Jane Das, the party's leader."""
    m = _SPEAKER_AFTER.match(text[pos:end])
    if not m:
        return None
    start = pos + m.start("np")
    titled = (
        _OF_TITLE.match(text, pos + m.end("np"), end)
        if m.group("np").endswith((" of the", " of", " for the", " for"))
        else None
    )
    if titled is not None:
        # "…,” wrote the authors of the “Growth and Opportunity Project,”: the quoted
        # title is part of the phrase, not the end of it.
        np_text = m.group("np") + " " + titled.group("title").strip(" ,.")
        return Subject(start, titled.end(), np_text, "noun", None)
    rel = _RELATIVE.search(m.group("np"))
    if rel is not None:
        # "…,” said a longtime GOP data expert who has worked for one of Trump's rivals:
        # the relative clause describes the speaker, who is the phrase before it.
        return _make_subject(start, m.group("np")[: rel.start()], None, text, pos, loose)
    if m.group("np").endswith(("’s", "'s")):
        owned = _possessed(text, start, pos + m.end("np"), end)
        if owned is not None:
            return owned
    later = _ROLE_THEN_NAME.match(text, pos + m.end("np"), end)
    np_words = m.group("np").split()
    if (
        later is None
        and noun_key(np_words[-1]) in _ROLE_BEFORE_NAME
        and not any(w[:1].isupper() for w in np_words)
    ):
        # "said spokesperson Eric Morrissette", "said the spokesperson Eric Morrissette":
        # the role is the whole phrase, and the name after it speaks.
        next_name = _NAME_NEXT.match(text, pos + m.end("np"), end)
        if next_name is not None and looks_like_name(next_name.group("name")):
            a = next_name.start("name")
            name, _ = trim_np(next_name.group("name"), a)
            return Subject(a, a + len(name), name, "name", clean_role(m.group("np")))
    if (
        later is not None
        and looks_like_name(later.group("name"))
        and later.group("name").split()[0].lower().rstrip(".") not in NOT_NAMES
    ):
        # "says Cambridge cartoonist Andre Campbell": a place and a role before the name.
        a = later.start("name")
        role_text = text[start : later.end("role")]
        name, _ = trim_np(later.group("name"), a)  # "… says the Cambridge man Ed Lee."
        return Subject(a, a + len(name), name, "name", clean_role(role_text))
    role = m.group("role")
    if role and _OWNED_ROLE.fullmatch(role) and is_role_phrase(role):
        # "said University of California, San Diego's chancellor, Pradeep Khosla": a body,
        # its role, then the name, which speaks.
        named = _NAME_AFTER_ROLE.match(text, pos + m.end("appos"), end)
        if named is not None and looks_like_name(named.group("name")):
            a = named.start("name")
            name, a = trim_np(named.group("name"), a)
            return Subject(a, a + len(name), name, "name", clean_role(text[start : pos + m.end()]))
    subj = _make_subject(start, m.group("np"), None, text, pos, loose)
    if subj is None:
        return None
    if (
        subj.kind == "noun"
        and role
        and looks_like_name(role)
        and role.lower() not in PLACE_NAMES
        and is_role_phrase(subj.text)
    ):
        # "said the university's chancellor, Pradeep Khosla": the description, then the name.
        a = pos + m.start("role")
        return Subject(a, a + len(role), role, "name", clean_role(subj.text))
    if role and is_appositive(role):
        return Subject(subj.start, subj.end, subj.text, subj.kind, clean_role(role))
    return subj


# "San Diego's chancellor": a place or body's role, no more.
_OWNED_ROLE = re.compile(r"[A-Z][^,]{0,40}(?:’s|'s)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}")
_NAME_AFTER_ROLE = re.compile(rf",\s*(?P<name>{NAME})(?=\s*(?:[,.;]|$))")


def _possessed(text: str, start: int, np_end: int, end: int) -> Subject | None:
    """ "Wise’s dad, Darrin": the one the name's owner has speaks, never the owner."""
    p = _POSSESSED.match(text, np_end, end)
    if p is None or p.group("rel").split()[-1] in _NOT_OWNED:
        return None
    name = p.group("name") or p.group("bare")
    if name is not None and looks_like_name(name):
        a = p.start("name") if p.group("name") else p.start("bare")
        name, a = trim_np(name, a)
        return Subject(a, a + len(name), name, "name", text[start : p.end("rel")])
    if p.group("rel").split()[0] in _FUNCTION_AFTER:
        return None
    return Subject(start, p.end("rel"), text[start : p.end("rel")], "noun", None)


# Words that end no owned noun phrase: "says Das’s in …" is a misread, not a relation.
_FUNCTION_AFTER = frozenset("in on at of for to from with by and or but as that who which".split())
_NOT_OWNED = _FUNCTION_AFTER


def subject_at(text: str, pos: int, end: int) -> Subject | None:
    """The subject phrase that opens a clause: "Das spoke at length …, saying …"."""
    m = _SUBJECT_AT.match(text, pos, end)
    if m is None:
        return None
    subj = _make_subject(m.start("np"), m.group("np"), None, text, pos)
    group = _GROUP_OF.match(text, m.end("np"), end) if subj is not None else None
    if subj is not None and group is not None and noun_key(subj.text.lower()) in SPEAKER_NOUNS:
        # "Members of the House of Commons protested by shouting": the group of a body,
        # not a bare "Members".
        b = group.end()
        return Subject(subj.start, b, text[subj.start : b], "noun", None)
    # A body's name may hold "of" ("the American Civil Liberties Union of Montana").
    head = _THE.sub("", subj.text, count=1).split(" of ")[0] if subj is not None else ""
    if subj is None or subj.role or not looks_like_name(head):
        return subj
    more = _COORD_AFTER.match(text, m.end("np"), end)
    if (
        more is None
        or more.group("np").endswith(("’s", "'s", "’", "'"))  # "Baloch and Waseem's mother"
        or not looks_like_name(more.group("np"))
    ):
        return subj
    # "the ACLU of Montana and Native American Rights Fund filed a lawsuit, saying": the
    # clause's subject is both names, and both speak (as "Algeria and Morocco said").
    b = more.end("np")
    return Subject(subj.start, b, text[subj.start : b], "name", None)


_GROUP_OF = re.compile(rf"(?:\s+of\s+(?:the\s+)?{NAME})+(?=\s+[a-z])")

# A second name joined to a clause's subject, right before the clause's verb.
_COORD_AFTER = re.compile(
    rf"\s+and\s+(?:the\s+)?(?P<np>{NAME})"
    r"(?=\s+(?!(?:of|for|and|or|in|at|on|to|from|with|by|the|a|an)\b)[a-z])"
)
