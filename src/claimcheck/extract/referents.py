"""Who a definite description means: "the mayor", "the utility", "the rookie defenceman".

An article introduces a person or body once with a title, a role or a kind
("Mayor Doug McCallum", "Caleb Jones, 22, a defenceman", "BC Hydro … the
utility") and then names them by that description. These helpers find the
introduction; a description they cannot tie to one name stays a speaker of
its own (``speaker_basis`` "unresolved").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from claimcheck.extract.people import ORG_HINTS, Person, drop_possessive, split_name
from claimcheck.extract.sentence_subjects import sentence_subjects
from claimcheck.extract.subjects import Subject
from claimcheck.lexicon import bodies, given_names
from claimcheck.lexicon.cues import FORMS
from claimcheck.lexicon.names import NOT_NAMES, POLICE_RANKS, TITLES, title_forms
from claimcheck.lexicon.places import PLACE_WORDS, STATE_OF_TAG

if TYPE_CHECKING:
    from claimcheck.extract.speakers import SpeakerResolver

# Nouns that name a body, not a person: "the company" is whoever the article last
# had speak as a company, or the body whose name holds the noun ("the ministry").
BODY_NOUNS = frozenset(
    """company firm utility agency ministry department group organization organisation
    city province state government union bank airline carrier network team club league
    party university college hospital board council commission service authority
    corporation retailer insurer manufacturer maker startup broadcaster newspaper
    publisher studio school district county municipality regulator watchdog charity
    foundation institute campaign administration office embassy court grocer automaker
    carmaker railway lender association federation society coalition alliance
    clinic""".split()
)

# Kinds of body that never mean each other: "the company" is not the ministry.
_KIND_WORDS = {
    "business": """company firm utility corporation retailer insurer manufacturer maker
        startup bank airline carrier inc corp ltd llc technologies holdings grocer
        automaker carmaker railway lender""",
    "state": """ministry department agency government administration office commission
        authority regulator embassy""",
    "place": "city province state county municipality district",
    "school": "university college school institute",
    "court": "court",
    "police": "police",
    "party": "party campaign",
}
_KINDS = {w: kind for kind, ws in _KIND_WORDS.items() for w in ws.split()}

# Words before a role that describe the holder, not the office: "the former mayor".
_MODIFIERS = frozenset(
    """former then current incoming outgoing new newly acting interim longtime long-time
    veteran rookie young old retired late first second third""".split()
)

# Up to three lower-case words right before a name: ``((?:[a-z][a-z’'-]*\s+){1,3})$``
# searched in the 50 characters before it, read backwards instead. The search tried a
# match at every start in the window; on the reversed window one anchored match finds
# the same leftmost start (a word's first [a-z], at most three words back).
_DESCRIPTOR_REVERSED = re.compile(r"(?:\s+[a-z’'-]*[a-z]){1,3}")


def _descriptor(text: str, at: int) -> str | None:
    lo = max(0, at - 50)
    m = _DESCRIPTOR_REVERSED.match(text[lo:at][::-1])
    return None if m is None else text[at - m.end() : at]


# A role set off before the name, the name closed off after it: "Canada's chief public
# health officer, Dr. Theresa Tam, said" ("chief medical officer of health, Dr. …"),
# after a possessive or an article ("met residents, John Smith," is no role).
_ROLE_THEN_COMMA = re.compile(
    r"(?:[’']s|\b[Tt]he|\b[Aa]n?)\s+((?:[a-z][a-z’'-]*\s+){0,5}[a-z][a-z’'-]*),\s+$"
)

# A title written in capitals ends an appositive too: "Dawn Farrell, TransAlta's CEO,".
_CAPITAL_TITLES = r"(?:CEO|CFO|COO|CTO|MP|MPP|MLA|MNA|MHA|MEP)"

_APPOSITIVE = re.compile(
    r"\s*,\s*(?:\d{1,3}\s*,\s*)?(?:an?|the|who\s+is\s+an?|who\s+is\s+the|[A-Z][\w.&-]*(?:’s|'s))\s+"
    rf"((?:[\w’'-]+\s+){{0,3}}?(?:[a-z][\w’'-]*|{_CAPITAL_TITLES}))"
    r"(?=\s*[,.;]|\s+(?:of|at|for|with|from|in|and|who)\b)"
)

# An office without an article after the name: "Patrick Brown, mayor of Brampton,",
# "Jane Roe, executive director of the clinic,".
_BARE_APPOSITIVE = re.compile(
    r"\s*,\s*(?:\d{1,3}\s*,\s*)?"
    rf"((?:[a-z][\w’'-]*\s+){{0,3}}?(?:[a-z][\w’'-]*|{_CAPITAL_TITLES}))"
    r"(?=\s*,|\s+(?:of|at|for|with|from)\b)"
)

# A role set off before the name with what it is of: "The mayor of Surrey, Doug McCallum,",
# "Ontario's Minister of Health, Christine Elliott,"; the title may be capitalised.
_ROLE_OF_THEN_COMMA = re.compile(
    r"(?:[’']s|\b[Tt]he)\s+((?:[A-Za-z][a-z’'-]*\s+){0,3}[A-Za-z][a-z’'-]*)\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+(?:(?:of|and|for)\s+(?:the\s+)?)?){0,4}[A-Z][\w’'.&-]*,\s+$"
)

_OFFICE_OPEN = re.compile(
    r"(?<![\w’'-])((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?$"
)

# An office with what it is of, capitalised, right before the name: "Minister of
# Health Christine Elliott", "Minister of Crown-Indigenous Relations Carolyn Bennett".
_OFFICE_OF_BEFORE = re.compile(
    r"(?<![\w’'-])((?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+(?:and\s+)?){1,5}$"
)

# A role said of the person after the name: "Doug McCallum was elected mayor of Surrey",
# "Jim Carr, who was named minister of trade", "Paul Smith has been the chief of police".
_PREDICATE_ROLE = re.compile(
    r",?\s+(?:who\s+)?(?:is|was|has\s+been|had\s+been|became|becomes)\s+"
    r"(?:(?:re-)?(?:elected|named|appointed|chosen|sworn\s+in)\s+(?:as\s+)?)?(?:the\s+|an?\s+)?"
    r"((?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)"
    r"(?=\s*[,.;]|\s+(?:of|at|for|in|on|since|and|last|this|after|until)\b)"
)

_PARTY_TAG = re.compile(r"\s*(?:,\s*[DRI]-|\((?:[DRI]-)?)([A-Z][A-Za-z.]{1,6})")

_ROLE_TAIL = re.compile(r"\s+(?:of|for|at|with|from|in|on|who|whose|which|that)\s+")

_FUNCTION = frozenset(
    """the a an and or but of to in on at for with from by as that this said says told
    is was are were has had have will would who which when where while after before
    his her their its our my your than then also""".split()
)


# Heads that are many people or a thing, never one person introduced by name.
_NOT_ONE_PERSON = frozenset(
    """police staff team family government military army navy press media public crowd
    audience committee jury panel people book film statement report study paper letter
    memo release complaint lawsuit filing document documents email post tweet survey poll
    analysis review audit article video""".split()
)


def plain_description(text: str) -> bool:
    """ "the mayor", "the rookie defenceman": no capitalised word, so nobody named in it."""
    words = text.split()
    return (
        len(words) >= 2
        and words[0].lower() == "the"
        and all(w[:1].islower() or _PLACE_MODIFIER.fullmatch(w) for w in words[1:-1])
        and (words[-1][:1].islower() or _CAPITAL_TITLE.fullmatch(words[-1]) is not None)
    )


_CAPITAL_TITLE = re.compile(_CAPITAL_TITLES)


# A place made a modifier names nobody: "the Chicago-based company", "the Toronto-area firm".
_PLACE_MODIFIER = re.compile(r"[A-Z][\w.]*-(?:based|area|born|headquartered|owned|run)")


def head_and_words(text: str) -> tuple[str, list[str]]:
    """("mayor", ["former", "mayor"]) for "the former mayor of Surrey"."""
    low = text.lower().replace("’s", "").replace("'s", "")
    core = _ROLE_TAIL.split(low, maxsplit=1)[0]
    words = [w for w in core.split() if w not in ("the", "a", "an")]
    return (words[-1] if words else ""), words


@functools.lru_cache(maxsize=8)
def _roles(
    text: str, names: tuple[tuple[int, str], ...]
) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """Each name of the text with the role words written next to it.

    "political scientist Hamish Telford", "Caleb Jones, 22, a defenceman": the
    words before a name and an appositive after it.
    """
    out = []
    for at, name in names:
        words: set[str] = set()
        office = _OFFICE_OPEN.search(text, max(0, at - 60), at)
        if office is not None and office.group(1).split()[-1].lower() in TITLES:
            # "Minister of Health Christine Elliott" (the run holds "Health"): the person
            # is the name from its given name on, the office its role.
            parts = name.split()
            k = next((i for i, w in enumerate(parts) if i and given_names.gender_of(w)), 0)
            if k and len(parts) - k >= 2:
                cut = len(" ".join(parts[:k])) + 1
                at, name = at + cut, name[cut:]
                words.update(office.group(1).lower().split())
        before = _descriptor(text, at)
        if before is not None:
            for w in reversed(before.split()):
                if w in _FUNCTION or w.endswith("ed") or w in FORMS:
                    break  # "a federal judge granted Judicial Watch": a verb ends the role
                words.add(w.rstrip("’'"))
        end = at + len(name)
        if before is None and text.startswith(",", end):
            set_off = _ROLE_THEN_COMMA.search(text, max(0, at - 60), at)
            role = set_off.group(1).split() if set_off is not None else []
            if len(role) >= 3 and role[-2] in ("of", "for"):
                role = role[:-2]  # "chief medical officer of health"
            if (
                role
                and role[-1] in TITLES
                and not any(w in _FUNCTION or w.endswith("ed") or w in FORMS for w in role)
            ):
                words.update(role)
        if before is None:
            office = _OFFICE_OF_BEFORE.search(text, max(0, at - 100), at)
            if office is not None and office.group(1).split()[-1].lower() in TITLES:
                # "Minister of Health Christine Elliott": the office before the name.
                words.update(office.group(1).lower().split())
        if before is None and not words and text.startswith(",", end):
            of_role = _ROLE_OF_THEN_COMMA.search(text, max(0, at - 90), at)
            role = of_role.group(1).lower().split() if of_role is not None else []
            if role and role[-1] in TITLES and not any(w in _FUNCTION for w in role):
                words.update(role)
        after = _APPOSITIVE.match(text, end, end + 120)
        if after is not None:
            words.update(w.lower() for w in after.group(1).split())
        else:
            bare = _BARE_APPOSITIVE.match(text, end, end + 120)
            role = bare.group(1).lower().split() if bare is not None else []
            if role and role[-1] in TITLES and not any(w in _FUNCTION for w in role):
                words.update(role)
        said = _PREDICATE_ROLE.match(text, end, end + 80) if after is None else None
        if said is not None:
            role = said.group(1).split()
            if role[-1] in TITLES and not any(w in _FUNCTION or w in FORMS for w in role):
                words.update(role)
        tag = _PARTY_TAG.match(text, end, end + 20)
        if tag is not None:
            # "Sen. Marco Rubio, R-Fla.", "Sen. Rand Paul (Ky.)": the state is a place word.
            state = STATE_OF_TAG.get(tag.group(1).lower().rstrip("."))
            if state is not None:
                words.add(state)
        titles, _ = split_name(name)
        words.update(f for t in titles for f in title_forms(t))
        if words & POLICE_RANKS:
            words.add("officer")
        _same_office(words)
        if words:
            out.append((at, name, frozenset(words)))
    return tuple(out)


def titled_person(
    r: SpeakerResolver, subj: Subject, reach: int = 6000, places: frozenset[str] = frozenset()
) -> Person | None:
    """The person the text introduced with the description's role ("the mayor").

    With ``places``, the description's own place words, a holder whose title or role
    names another place is someone else ("the Florida senator" is not "Texas Sen.").
    """
    head, words = head_and_words(subj.text)
    if not head or head in BODY_NOUNS or head in _NOT_ONE_PERSON or subj.role:
        return None  # "the president of Turkey" is not the president the text named
    if head in KIN:
        return None  # "the father" is someone's father, not the one named as Spindler's
    wanted = {w for w in words if w not in _MODIFIERS} or {head}
    if {"chief", "executive", "officer"} <= wanted:
        wanted.discard("officer")  # "the chief executive officer" is the CEO
    if "former" not in words:
        return _holder(r, subj, wanted, places, reach)
    # "The former governor": whoever was introduced as a former one, else the holder
    # of the title ("President George W. Bush … the former president").
    return _holder(r, subj, wanted | {"former"}, places, reach) or _holder(
        r, subj, wanted, places, reach
    )


def _holder(
    r: SpeakerResolver,
    subj: Subject,
    wanted: set[str],
    places: frozenset[str],
    reach: int,
) -> Person | None:
    # Whoever holds the title and was referred to last, by any form of the name: "the
    # senator" after "Rubio sought to …" is Rubio, though Sanders spoke since.
    best: Person | None = None
    best_at = -1
    for p in reversed(r.recent):
        if p.kind != "person" or p.described:
            continue
        hay = {f for t in p.titles for f in title_forms(t)}
        hay.update(re.split(r"[\s,]+", _ROLE_TAIL.split((p.role or "").lower(), maxsplit=1)[0]))
        if hay & POLICE_RANKS:
            hay.add("officer")
        _same_office(hay)
        if places or "former" in wanted:
            # What was written with any of the person's names: "Sen. Marco Rubio, R-Fla.",
            # "former Gov. Rick Perry".
            written = _intro_words(r, p.tokens[-1], subj.start)
            hay.update(w for w in written if w in PLACE_WORDS or w == "former")
        if wanted <= hay and not _elsewhere(hay, places) and not _lesser(hay, wanted):
            last = last_named(r, p.tokens[-1], subj.start, p.last_at)
            if last > best_at:
                best, best_at = p, last
    # Else every person the text introduced with that role before the mention: the
    # one referred to most recently ("the president" is Trump, not a Roosevelt
    # named once in passing).
    intro: tuple[int, str] | None = None
    for at, name, role_words in _roles(r.text, tuple(r.names_at)):
        if at >= subj.start:
            break
        if not wanted <= role_words or _elsewhere(role_words, places):
            continue
        if _lesser(role_words, wanted):
            continue
        _, toks = split_name(name)
        if not toks or any(t.lower() in ORG_HINTS for t in toks):
            continue
        known = r.lookup(tuple(toks))
        if known is not None and known is best:
            continue
        last = last_named(r, toks[-1], subj.start, known.last_at if known is not None else at)
        # Introduced long ago as "Mayor McCallum", but spoken of since: still the mayor.
        if subj.start - last > reach:
            continue
        if last > best_at:
            best_at = last
            best, intro = known, (None if known is not None else (at, name))
    if intro is not None:
        return _introduce(r, intro)
    if best is not None and best.kind == "person":
        return best
    return None


def _same_office(words: set[str]) -> None:
    """A chief executive is the CEO, and the CEO the chief executive."""
    if "ceo" in words:
        words.update(("chief", "executive"))
    elif {"chief", "executive"} <= words:
        words.add("ceo")


def _introduce(r: SpeakerResolver, intro: tuple[int, str]) -> Person | None:
    """The person a name not yet known introduces, registered now (else None)."""
    at, name = intro
    named = r.named(Subject(at, at + len(name), name, "name", None))
    return named if named is not None and named.kind == "person" else None


def last_named(r: SpeakerResolver, surname: str, before: int, since: int) -> int:
    """Where the text last names ``surname`` before ``before`` (else ``since``, else 0).

    A bare surname counts ("Rubio sought to …"): ``names_at`` holds only longer names.
    """
    lo = since if 0 <= since < before else 0
    text = r.text
    at = text.rfind(surname, lo, before)
    while at >= 0:
        end = at + len(surname)
        whole = end >= len(text) or not text[end].isalnum()
        if whole and (at == 0 or not text[at - 1].isalnum()):
            return at
        at = text.rfind(surname, lo, at)
    return lo


def _intro_words(r: SpeakerResolver, surname: str, before: int) -> set[str]:
    out: set[str] = set()
    for at, name, role_words in _roles(r.text, tuple(r.names_at)):
        if at >= before:
            break
        words = name.split()
        if words and drop_possessive(words[-1]) == surname:
            out |= role_words
    return out


# Words that make a title another, lesser office: "Vice President Joe Biden" is not
# "the president", "Lt. Gov. Dan Patrick" not "the governor".
_LESSER = frozenset("vice deputy assistant associate lt lieutenant under sub".split())


def _lesser(hay: set[str] | frozenset[str], wanted: set[str]) -> bool:
    return any(w in _LESSER and w not in wanted for w in hay)


def _elsewhere(words: set[str] | frozenset[str], places: frozenset[str]) -> bool:
    # "The Florida senator" is whoever was written with Florida, not one with no place.
    named = places & PLACE_WORDS
    if named:
        return not words & named
    return bool(places) and any(w in PLACE_WORDS and w not in places for w in words)


# Relations that name a person by someone else: "Spindler's father, Joseph".
KIN = frozenset(
    """father mother son daughter husband wife brother sister dad mom mum partner widow
    widower grandfather grandmother uncle aunt nephew niece fiance fiancee""".split()
)

_OWNED_KIN = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+([a-z]+)")


def kin(r: SpeakerResolver, subj: Subject, reach: int = 3000) -> Person | None:
    """ "His father" after "Spindler's father, Joseph": the person named as that relation."""
    m = _OWNED_KIN.fullmatch(" ".join(subj.text.split()))
    if m is None or m.group(1) not in KIN:
        return None
    tail = re.compile(rf"(?:’s|'s)\s+{m.group(1)}$")
    for p in reversed(r.recent):
        if p.kind == "person" and p.role and tail.search(p.role.lower()) is not None:
            return p if subj.start - p.last_at <= reach else None
    return None


# Heads of an epithet: a feature writer's other name for the person just spoken of
# ("says the affable proprietor", "the self-taught Cambridge resident").
_EPITHET_HEADS = frozenset(
    """resident proprietor maverick veteran native entrepreneur teenager youngster
    artist musician singer actor actress athlete player rookie newcomer retiree
    founder owner designer cartoonist novelist filmmaker grandmother grandfather""".split()
)


def epithet(r: SpeakerResolver, subj: Subject, reach: int = 700) -> Person | None:
    """ "the bow-tied maverick", "the 22-year-old": the speaker the text named last.

    Only with a modifier before the head: "the resident" alone may be anyone the
    article has not named.
    """
    words = " ".join(subj.text.split()).split()
    if len(words) < 3 or words[0].lower() != "the" or subj.role:
        return None
    head = words[-1].lower()
    if head not in _EPITHET_HEADS and not head.endswith("year-old"):
        return None
    found = _epithet_name(r, subj, reach)
    # A person named since by the surname alone ("for Espinos — whose store …, says the
    # laid-back Cambridge resident") is meant over an older full name.
    since = found[0] if found is not None else max(0, subj.start - reach)
    best, best_at = (found[1] if found is not None else None), since
    for p in r.people:
        if p.kind == "person" and not p.described and p.tokens:
            at = last_named(r, p.tokens[-1], subj.start, since)
            if at > best_at:
                best, best_at = p, at
    intro: tuple[int, str] | None = None
    for at, name in r.names_before(subj.start, 4 * reach):
        _, toks = split_name(name)
        if not toks or r.lookup(tuple(toks)) is not None or not _person_named(r, at, toks):
            continue
        last = last_named(r, toks[-1], subj.start, since)
        if last > best_at:
            best_at, intro = last, (at, name)
    if intro is not None:
        named = _introduce(r, intro)
        if named is not None:
            return named
    return best


def _epithet_name(r: SpeakerResolver, subj: Subject, reach: int) -> tuple[int, Person] | None:
    for at, name in r.names_before(subj.start, reach):
        _, toks = split_name(name)
        if not toks or any(t.lower() in ORG_HINTS for t in toks):
            continue
        known = r.lookup(tuple(toks))
        # Only someone the article has already had speak: a capitalised run may be a
        # company, a title or a label ("DC Comics style", "Article Continued Below").
        if known is not None and known.kind == "person" and not known.described:
            return at, known
        if known is None and _person_named(r, at, toks):
            # "insists 16-year-old Xander Wise, … “…,” says the self-taught Cambridge
            # resident": a person by the article's own signs, though not yet a speaker.
            found = r.named(Subject(at, at + len(name), name, "name", None))
            if found is not None and found.kind == "person":
                return at, found
    return None


_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")


def _person_named(r: SpeakerResolver, at: int, toks: list[str]) -> bool:
    """A name the text shows to be a person's: an age before it, a given name, a he/she."""
    if len(toks) < 2 or not all(t[:1].isupper() and t.isalpha() for t in toks):
        return False
    if _AGE_BEFORE.search(r.text, max(0, at - 16), at):
        return True
    return given_names.gender_of(toks[0]) is not None or tuple(toks) in r.genders


def named_body(r: SpeakerResolver, subj: Subject, reach: int = 4000) -> Person | None:
    """The body a description like "the company" or "the ministry" means."""
    head, words = head_and_words(subj.text)
    # "The Montreal-based plane and train maker": what is "based" and "and" add no kind.
    if head not in BODY_NOUNS or len([w for w in words if w != "and" and "-" not in w]) > 3:
        return None
    kind = _KINDS.get(head)
    # A body whose own name holds the noun: "the ministry" after "Ministry of Health".
    for p in reversed(r.recent):
        if p.kind == "group" and not p.described and head in (t.lower() for t in p.tokens):
            return p
    # "Ministry of Health", "City of Surrey", "the Supreme Court", "Acme Utility":
    # the last name before the mention built on the noun.
    named = None
    pattern = _body_name(head.capitalize())
    for m in pattern.finditer(r.text, max(0, subj.start - reach), subj.start):
        named = m
    typed = _typed_body(r, head, subj.start, reach)
    if typed is not None and (named is None or typed[0] > named.start()):
        # "Air Canada … the airline", "grocer Loblaw … the grocer": a body of that kind
        # by a word of its name or by how the text introduced it, named since.
        _, at, name = typed
        found = r.named(Subject(at, at + len(name), name, "name", None))
        if found is not None:
            found.kind = "group"
            return found
    if named is not None:
        name = named.group().strip()
        words_of = name.split()
        if words_of[0] in ("The", "the"):
            name = " ".join(words_of[1:])
        if len(name.split()) >= 2:
            at = named.end() - len(name)
            found = r.named(Subject(at, at + len(name), name, "name", None))
            if found is not None:
                found.kind = "group"
                return found
    if kind in ("place", "court", "school", "party", "police"):
        return None  # "the city", "the court": only a name holding the word says which
    if head == "government":
        # "The government of Samoa executed a shutdown …. The government said": that
        # government; a body that spoke since (UNICEF, a council, an agency) is not it.
        return _government(r, subj.start, reach)
    # Else the body that spoke last, if nothing in its name says it is another kind,
    # or a name right before that reads as a body ("Acme Corp").
    best: Person | None = None
    best_at = -1
    for p in reversed(r.recent[-4:]):
        if p.described or not (p.kind == "group" or _maybe_body(p)) or not _fits(p.tokens, kind):
            continue
        if p.last_at > best_at:
            best, best_at = p, p.last_at
    for at, name in reversed(_with_acronyms(r, subj.start)):
        if at >= subj.start or at <= best_at:
            continue
        if subj.start - at > 600:
            break
        _, toks = split_name(name)
        if len(toks) == 1 and toks[0] in r.acronyms:
            toks = list(r.acronyms[toks[0]])  # "PG&E": the long form says what it is
        if toks and (_body_like(toks) or _acronym(name)) and _fits(toks, kind):
            found = r.named(Subject(at, at + len(name), name, "name", None))
            if found is not None:
                found.kind = "group"
                return found
            break
    listed = _listed(r, subj.start, reach) if best is None and kind == "business" else None
    if listed is not None:
        # "Shares of Canadian Tire rose … the retailer said": nothing else said which.
        _, at, name = listed
        best = r.named(Subject(at, at + len(name), name, "name", None))
        if best is not None:
            best.kind = "group"
    # "The government of Oman" says which itself.
    if best is None and not subj.role and kind not in _NAMED_ONLY:
        best = _subject_body(r, subj.start, kind)
    return best


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][”\"’]?\s+|\n\s*)(?:The\s+)?$")


_GOVERNMENT_OF = re.compile(
    r"(?<![\w-])[Gg]overnment\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
    r"|(?<![\w’'-])(?P<own>(?!(?:The|A|An)\b)[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
    r"\s+[Gg]overnment(?![\w-])"
)


def _government(r: SpeakerResolver, before: int, reach: int) -> Person | None:
    """The government the text named last ("the government of Samoa", "the Samoan
    government", "the Government of Canada"), as the text named it; else nobody."""
    last = None
    for m in _GOVERNMENT_OF.finditer(r.text, max(0, before - reach), before):
        last = m
    if last is None:
        return None
    if last.group("of") is not None:
        name = f"government of {last.group('of')}"
    else:
        own = last.group("own")
        if own.split()[0].lower() in NOT_NAMES:
            return None  # "Earlier government reports"
        name = f"{own} government"
    for p in r.people:
        if p.name.lower() == name.lower():
            return p
    found = Person(name, tuple(name.split()), "group")
    r.people.append(found)
    return found


# Kinds only a name holding the word says which of: "the city", "the court".
_NAMED_ONLY = frozenset(("place", "court", "party", "police", "school"))


def _subject_body(
    r: SpeakerResolver, before: int, kind: str | None, reach: int = 300
) -> Person | None:
    """ "Imperial Oil reported a loss. The company said": the name that is the subject of
    a sentence just before, when nothing marks it as a person or a place ("Facebook
    removed the posts. Mark Zuckerberg apologized. The company said": Facebook)."""
    for at, name in reversed(sentence_subjects(r.text, max(0, before - reach), before)):
        if _OPENS_SENTENCE.search(r.text, max(0, at - 12), at) is None:
            continue  # only what opens a sentence: "Alphabet, the parent company …, jumped"
        _, toks = split_name(name)
        if not toks or name.endswith(("’s", "'s")) or not all(t[:1].isupper() for t in toks):
            return None
        if len(toks) == 1 and toks[0].lower().endswith(("ing", "ed", "ly")):
            return None  # "Citing alleged violation …, the association's notice"
        if re.search(rf"(?<![\w’'-]){re.escape(name.lower())}(?![\w’'-])", r.text):
            return None  # written in lower case too: a common noun ("Investors")
        if len(toks) == 1 and (
            (toks[0].endswith("s") and not toks[0].endswith("ss") and not toks[0].isupper())
            or any(f[0] == toks[0] for f in r.known_full)
        ):
            return None  # "Investors will pay attention", "Tributes", "The Dow" of "Dow Jones"
        key = tuple(toks)
        known = r.lookup(key)
        if known is not None and known.kind == "group" and not known.described:
            return known
        person = (
            (known is not None and known.kind == "person" and (known.gender or known.titles))
            or given_names.gender_of(toks[0]) is not None
            or key in r.genders
            or any(f[-1] == toks[-1] and len(f) > len(toks) for f in r.known_full)
        )
        if person:
            return None
        if toks[0].lower() in PLACE_WORDS or toks[0].lower() in NOT_NAMES:
            return None  # "Toronto approved …"; "Environment Canada" is still a body
        if not _fits(toks, kind) or len(toks) > 5:
            return None
        if re.search(rf"\b(?:[Ii]n|[Ff]rom|[Nn]ear)\s+{re.escape(name)}(?![\w’'-])", r.text):
            return None  # "in Toronto": a place
        found = r.named(Subject(at, at + len(name), name, "name", None))
        if found is not None:
            found.kind = "group"
        return found
    return None


@functools.lru_cache(maxsize=64)
def _body_name(head: str) -> re.Pattern[str]:
    cap = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w’'&-]*)"  # "U.S.", never a word ending a sentence
    return re.compile(
        rf"(?:{cap}\s+){{0,4}}{head}(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+{cap}){{1,4}})?"
        r"(?![\w’'-])"
    )


def _maybe_body(p: Person) -> bool:
    """One word, never a given name, title or gender: "Google", "TransLink"."""
    if len(p.tokens) != 1 or p.gender is not None or p.titles or p.role:
        return False
    word = p.tokens[0]
    return len(word) >= 3 and word.lower() not in NOT_NAMES and not word.endswith("ly")


def _fits(tokens: tuple[str, ...] | list[str], kind: str | None) -> bool:
    kinds = {_KINDS[t.lower()] for t in tokens if t.lower() in _KINDS}
    # "BC Hydro" is a utility, so a business: never "the agency".
    kinds.update(_KINDS[k] for t in tokens for k in _KINDS_OF_WORD.get(t, ()) if k in _KINDS)
    return not kinds or kind in kinds


_KINDS_OF_WORD: dict[str, tuple[str, ...]] = {}
for _kind, _words in bodies.NAME_WORDS.items():
    for _word in _words:
        _KINDS_OF_WORD[_word] = (*_KINDS_OF_WORD.get(_word, ()), _kind)

# A body's name as written after or before its kind: "grocer Loblaw", "Loblaw Cos. Ltd.,
# the grocer", "Canada's largest grocer, Loblaw,"; a corporate suffix keeps its full stop.
_BODY = r"[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|&))*?(?:\s+(?:Inc|Ltd|Corp|Co|Cos)\.?){0,2}"


_SHARES = re.compile(
    rf"(?<![\w-])[Ss]hares\s+(?:of|in)\s+(?P<of>{_BODY})(?![\w’'&-])"
    rf"|(?<![\w’'&-])(?P<own>{_BODY})(?:’s|'s)?\s+(?:shares|stock)\b"
)

_HYPHENED = re.compile(r"(?<![\w’'-])[A-Z][\w’']*(?:-[A-Z][\w’']*)+(?![\w’'-])")


@functools.lru_cache(maxsize=32)
def _introductions(head: str) -> re.Pattern[str]:
    said = "|".join(re.escape(s) for s in bodies.INTRODUCED_AS[head])
    return re.compile(
        rf"(?<![\w-])(?:{said})\s+(?P<after>{_BODY})(?![\w’'&-])"
        rf"|(?<![\w’'&-])(?P<before>{_BODY}),\s+(?:the|a|an|[A-Z][\w.]*(?:’s|'s))\s+"
        rf"(?:[a-z][\w’'-]*\s+){{0,3}}?(?:{said})(?![\w-])"
        rf"|(?<![\w-])(?:{said}),\s+(?P<set>{_BODY})(?=,)"
    )


def _typed_body(
    r: SpeakerResolver, head: str, before: int, reach: int
) -> tuple[int, int, str] | None:
    """(last written, first written, name) of the body of kind ``head`` named last."""
    lo = max(0, before - reach)
    first: dict[str, int] = {}
    if head not in bodies.INTRODUCED_AS:
        return None
    for m in _introductions(head).finditer(r.text, lo, before):
        key = next(k for k in ("after", "before", "set") if m.group(k) is not None)
        name, at = m.group(key), m.start(key)
        while " " in name and name.split(" ", 1)[0].lower() in NOT_NAMES:
            cut = name.split(" ", 1)[0]
            name, at = name[len(cut) + 1 :], at + len(cut) + 1  # "On Monday Loblaw, the grocer"
        if name.split()[0].lower() not in NOT_NAMES:
            first.setdefault(name.rstrip("."), at)
    words = bodies.NAME_WORDS[head]
    for at, name in _with_acronyms(r, before):
        if lo <= at < before and any(t in words for t in name.split()):
            first.setdefault(name, at)
    for m in _HYPHENED.finditer(r.text, lo, before):
        # "Hydro-Québec", "Air-India": one word, so no name of the text's list.
        if any(part in words for part in m.group().split("-")):
            first.setdefault(m.group(), m.start())
    return _last_written(r, first, before)


def _listed(r: SpeakerResolver, before: int, reach: int) -> tuple[int, int, str] | None:
    """ "Shares of Canadian Tire rose", "Shopify Inc. shares fell": a business named so."""
    first: dict[str, int] = {}
    for m in _SHARES.finditer(r.text, max(0, before - reach), before):
        key = "of" if m.group("of") is not None else "own"
        name = m.group(key)
        if name.split()[0].lower() not in NOT_NAMES:
            first.setdefault(name.rstrip("."), m.start(key))
    return _last_written(r, first, before)


def _last_written(
    r: SpeakerResolver, first: dict[str, int], before: int
) -> tuple[int, int, str] | None:
    best: tuple[int, int, str] | None = None
    for name, at in first.items():
        last = last_named(r, name, before, at)
        if best is None or last > best[0]:
            best = (last, at, name)
    return best


# One word with capitals inside: "TransLink", "GitHub" (a name alone is not in names_at).
_CAMEL = re.compile(r"(?<![\w&’'-])[A-Z][a-z]+(?:[A-Z][a-z]+)+(?![\w&’'-])")


def _with_acronyms(r: SpeakerResolver, before: int) -> list[tuple[int, str]]:
    """The names of the text, the mentions of the acronyms it defines ("PG&E employees")
    and one-word names with capitals inside ("TransLink"), before ``before``."""
    lo = max(0, before - 600)
    window = r.text[lo:before]
    extra = [(m.start(), m.group()) for m in _CAMEL.finditer(window)]
    if r.acronyms:
        words = "|".join(re.escape(a) for a in sorted(r.acronyms, key=len, reverse=True))
        extra += [
            (m.start(), m.group()) for m in re.finditer(rf"(?<![\w&])(?:{words})(?![\w&])", window)
        ]
    if not extra:
        return r.names_at
    extra = [(lo + at, name) for at, name in extra]
    known = {at for at, _ in r.names_at}
    return sorted([*r.names_at, *(e for e in extra if e[0] not in known)])


def _acronym(name: str) -> bool:
    """ "PG&E", "NTSB": capitals alone name a body."""
    letters = name.replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and " " not in name


def _body_like(tokens: list[str]) -> bool:
    """ "BC Hydro", "Acme Corp": not a person's name."""
    # A body's own word, or an initialism opening a short name ("BC Hydro", "CP Rail");
    # capitals elsewhere say too little ("Newton-Surrey-Guildford LRT", "UCP MLA Jason Nixon").
    lead = tokens[0]
    if (
        len(tokens) == 1
        and len(lead) >= 4
        and lead[0].isupper()
        and any(c.isupper() for c in lead[1:])
    ):
        return lead[1:].lower() != lead[1:] and not lead.isupper()  # "TransLink", "CalFire"
    initialism = (
        len(tokens) == 2
        and 2 <= len(lead) <= 5
        and lead.isupper()
        and lead.isalpha()
        and not tokens[1].isupper()  # "WATCH BELOW:" is a label
    )
    return initialism or any(t.lower() in ORG_HINTS for t in tokens)


_SPOKES_WORDS = frozenset(("spokesman", "spokeswoman", "spokesperson"))

# "a spokeswoman for Trudeau", "A Hydro One spokesman", "a spokesperson for the ministry".
_SPOKES = re.compile(
    r"(?:(?:[Aa]n?|[Tt]he)\s+(?P<pre>(?:[A-Z][\w.&’'-]*\s+){0,4})"
    r"|(?P<own>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:’s|'s)\s+(?:[a-z]+\s+)?)"
    r"(?P<head>spokes(?:man|woman|person))"
    r"(?:\s+(?:for|of|with|at)\s+(?:the\s+)?(?P<of>[\w.&’' -]+))?"
)

# A speech verb right before or after a name: "…,” said Eleanore Catenaro.", "Jane Fowler said".
_SAID_BEFORE = re.compile(r"(?:said|says|added|adds|wrote|writes)\s+$")
_SAID_AFTER = re.compile(r"[,]?\s+(?:said|says|added|adds|told|wrote|writes)\b")


def spokesperson(r: SpeakerResolver, subj: Subject, reach: int = 6000) -> Person | None:
    """The one person the text names as spokesperson of the same owner.

    "Jane Fowler, a spokeswoman for the ministry, said … A spokeswoman for the ministry
    later said": Jane Fowler. With nobody named before, the person named speaking just
    after ("A spokeswoman for Trudeau said …. “…,” said Eleanore Catenaro."), if the text
    introduces her there with no other role. Two spokespeople of the owner: nobody.
    """
    m = _SPOKES.fullmatch(" ".join(subj.text.split()))
    if m is None:
        return None
    owner = (m.group("of") or m.group("pre") or m.group("own") or "").strip()
    if not owner:
        return None
    owner_word = owner.split()[-1].rstrip("’'s").rstrip("’'")
    if len(owner_word) < 3:
        return None
    head = m.group("head")
    other = {"spokesman": "spokeswoman", "spokeswoman": "spokesman"}.get(head)
    text = r.text
    found: dict[str, tuple[int, str]] = {}
    for at, name, role_words in _roles(text, tuple(r.names_at)):
        if at >= subj.start:
            break
        if subj.start - at > reach or not role_words & _SPOKES_WORDS or other in role_words:
            continue
        window = text[max(0, at - 80) : at + len(name) + 100]
        _, toks = split_name(name)
        if toks and owner_word in window and owner_word not in toks:
            found.setdefault(toks[-1], (at, name))
    if len(found) == 1:
        return _named_person(r, next(iter(found.values())))
    if found:
        return None
    if m.group(0)[:2] in ("Th", "th"):
        return None  # "the spokeswoman" with nobody named so: the description itself
    # Named just after, speaking: the first name so placed that the text had not named before.
    roles = {at: words for at, _, words in _roles(text, tuple(r.names_at))}
    for at, name in r.names_at:
        if at <= subj.end:
            continue
        if at - subj.end > 700:
            break
        _, toks = split_name(name)
        if len(toks) < 2 or not _person_named(r, at, toks):
            continue
        spoke = _SAID_BEFORE.search(text, max(0, at - 12), at) or _SAID_AFTER.match(
            text, at + len(name)
        )
        if spoke is None:
            continue
        if last_named(r, toks[-1], subj.start, -1) > 0 or (roles.get(at, set()) - _SPOKES_WORDS):
            return None  # someone named before, or with a role of their own: not the spokesperson
        gender = r.gender_of(tuple(toks))
        if (head == "spokeswoman" and gender == "m") or (head == "spokesman" and gender == "f"):
            return None
        return _named_person(r, (at, name))
    return None


def _named_person(r: SpeakerResolver, intro: tuple[int, str]) -> Person | None:
    name = intro[1]
    _, toks = split_name(name)
    known = r.lookup(tuple(toks))
    if known is not None:
        return known if known.kind == "person" else None
    return _introduce(r, intro)


# "Ontario's premier", "Kenney's press secretary": a role and whose it is.
_OWNED_ROLE = re.compile(
    r"(?P<own>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:’s|'s)\s+"
    rf"(?P<role>(?:[a-z][\w-]*\s+){{0,3}}(?:[a-z][\w-]*|{_CAPITAL_TITLES}))"
)


def owned_role(r: SpeakerResolver, subj: Subject) -> Person | None:
    """The holder of the role, where the text wrote the owner with the holder's name.

    "Jason Kenney's press secretary, Christine Myatt, … Kenney's press secretary later
    said": Christine Myatt. "Ontario's premier" after a "Premier Doug Ford" written with
    no Ontario near stays unresolved: the owner must be written with the name.
    """
    m = _OWNED_ROLE.fullmatch(" ".join(subj.text.split()))
    if m is None:
        return None
    role = m.group("role").split()
    if role[-1].lower() not in TITLES or role[-1].lower() in KIN or subj.role:
        return None
    owner = m.group("own").split()[-1]
    found = titled_person(r, Subject(subj.start, subj.end, f"the {m.group('role')}", "noun", None))
    if found is None or found.kind != "person" or owner in found.tokens:
        return None
    text = r.text
    surname = found.tokens[-1]
    at = text.rfind(surname, 0, subj.start)
    while at >= 0:
        if owner in text[max(0, at - 100) : min(subj.start, at + len(surname) + 100)]:
            return found
        at = text.rfind(surname, 0, at)
    return None
