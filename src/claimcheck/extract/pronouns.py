"""Pronouns: "he", "she", "they", "it" resolved to a person or body of the document.

A pronoun goes to the most recent compatible *speaker*, unless a sentence
subject since then fits better ("… costumer Ian Campbell had a booth. … he
told Wikinews": Campbell), or a name whose title fits ("Ms. Hawkins").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from claimcheck.extract.people import (
    FEMALE_TITLES,
    GROUPS,
    MALE_TITLES,
    ORG_HINTS,
    THING_BEFORE,
    Person,
    split_name,
)
from claimcheck.extract.referents import head_and_words, last_named
from claimcheck.extract.sentence_subjects import sentence_subjects
from claimcheck.extract.subjects import Subject
from claimcheck.lexicon import given_names
from claimcheck.lexicon.names import ONE_PERSON_NOUNS, PRONOUNS, SPEAKER_NOUNS, TITLES
from claimcheck.lexicon.places import PLACE_NAMES

if TYPE_CHECKING:
    from claimcheck.extract.speakers import SpeakerResolver

_HEAD_GENDER = {"spokesman": "m", "man": "m", "spokeswoman": "f", "woman": "f"}

# The last word of a place's or a building's name: never a he or she ("Easter Island does
# not have streams …. “…,” said study co-author Professor Carl Lipo …. He went on").
_PLACE_HEADS = frozenset(
    """island islands river lake mountain mountains bay sea ocean valley county city
    province state street avenue road park airport station bridge beach coast peninsula
    desert forest square hall stadium arena hotel hospital school church cathedral temple
    mosque canyon falls strait gulf region district village town""".split()
)


def place_like(toks: list[str] | tuple[str, ...]) -> bool:
    return bool(toks) and (
        toks[-1].lower() in _PLACE_HEADS or " ".join(toks).lower() in PLACE_NAMES
    )


_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s")
_THE_ROLE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<role>[a-z][\w-]*)\b")


def _described_one(r: SpeakerResolver, p: Person, want: str, at: int) -> bool:
    """A person the text describes but does not name ("a private security professional
    … told Reuters. … he said", "A spokeswoman for the ministry said … She added") may
    be a he or she, as a name may; plural and body heads never.

    Only until the text names someone else after the description's sentence: in
    "… a spokesperson said. On Dec. 13, the mayor brought up … “…,” he said", the
    mayor speaks."""
    if not p.described or p.kind != "group" or p.last_at < 0:
        return False
    head, _ = head_and_words(p.name)
    if head not in ONE_PERSON_NOUNS or _HEAD_GENDER.get(head, want) != want:
        return False
    if "year-old" in p.name and r.text[p.last_at : p.last_at + 4].lower() == "the ":
        return False  # "Lori Bernstein … The 57-year-old scientist says": someone named
    end = _SENTENCE_END.search(r.text, p.last_at, at)
    since = end.end() if end is not None else at
    for _at, text in r.names_before(at, at - since):
        _, toks = split_name(text)
        # "House Intelligence Republican Mike Pompeo": a body's word before the name
        # leaves a person; only a body's name ends in one.
        if len(toks) >= 2 and toks[-1].lower() not in ORG_HINTS:
            return False
    return not any(m["role"] in TITLES for m in _THE_ROLE.finditer(r.text, since, at))


def antecedent(
    r: SpeakerResolver,
    subj: Subject,
    fits: Callable[[list[str], list[str]], bool],
    reach: int = 800,
    least: int = 2,
    person: bool = False,
    want: str | None = None,
) -> Person | None:
    """The nearest name before the mention that fits, as a new speaker.

    A pronoun's antecedent needs two words, since a lone capitalised word may
    just open a sentence; the name right before "who" (``least=1``) is one.
    """
    for at, text in r.names_before(subj.start, reach):
        titles, toks = split_name(text)
        if len(toks) < least or not fits(titles, toks):
            continue
        if person and (
            any(t.lower() in ORG_HINTS for t in toks)
            or place_like(toks)
            or THING_BEFORE.search(r.text, max(0, at - 6), at)
        ):
            continue  # he/she: not "the United States Constitution", "the “Dealer's Den”"
        found = r.named(Subject(at, at + len(text), text, "name", None))
        if want is not None and found is not None and found.gender not in (None, want):
            continue  # "she" is not a man the text calls "he"
        return found
    return None


def titled_name(r: SpeakerResolver, want: str, at: int, reach: int = 400) -> Person | None:
    """The nearest name before ``at`` whose title fits the pronoun ("Ms. Hawkins").

    ``names_at`` already ends each name with its sentence (``sentence_cut``).
    """
    titles = FEMALE_TITLES if want == "f" else MALE_TITLES
    if r.recent and any(p.gender == want for p in r.recent[-6:]):
        return None  # a speaker known to fit is nearer in the discourse than a mere name
    for name_at, text in r.names_before(at, reach):
        found, toks = split_name(text)
        if toks and any(t.lower().rstrip(".") in titles for t in found):
            return r.named(Subject(name_at, name_at + len(text), text, "name", None))
    return None


def pronoun(r: SpeakerResolver, word: str, at: int) -> Person | None:
    want = PRONOUNS.get(word)
    if want == "n":
        # "NASA interrupted its coverage …. It also credited Leonov": the body that is
        # the subject since the last speaker is more salient than that speaker.
        body = body_subject_since(r, r.recent[-1].last_at if r.recent else -1, at)
        if body is not None:
            return body
    cands, since = _before(r, r.recent[-6:], at)
    for p in reversed(cands):
        if want in ("m", "f"):
            one = p.kind != "person" and _described_one(r, p, want, at)
            if (
                (p.kind != "person" and not one)
                or (p.gender and p.gender != want)
                or _plural_noun(p)
            ):
                continue
            subject = subject_since(r, since.get(id(p), p.last_at), at, want)
            if subject is not None:
                return subject
            if p.gender is None:
                # A speaker of unknown gender yields to a person just named with a
                # title that fits: "Consider Ms. Hawkins. While she says …".
                titled = titled_name(r, want, at)
                if titled is not None:
                    return titled
            p.gender = want
            return p
        if want == "n" and p.kind == "group":
            return p
        if want == "n" and _may_be_body(r, p, at):
            # "Facebook told employees … It also told": a one-word name nobody has
            # called he or she, and no given name, is the body the "it" speaks for.
            p.kind = "group"
            return p
        if want == "p":
            plural = plural_subject_since(r, p.last_at, at)
            if plural is not None:
                return plural
            return p
        if want == "s":
            return p
    if want == "p":
        return plural_subject_since(r, -1, at)
    if want in ("m", "f"):
        # No speaker fits ("Robert Lane said … Ms. Hawkins. She says"): a titled name.
        return titled_name(r, want, at)
    return None


def _before(
    r: SpeakerResolver, recent: list[Person], at: int
) -> tuple[list[Person], dict[int, int]]:
    """The speakers in the order of their last mention before ``at``.

    A claim inside the pronoun's own sentence may be read first ("He said the “phony”
    Harris attacked Biden": Harris speaks there), so a speaker's last mention can lie
    after the pronoun; a name after the pronoun is someone else than the pronoun, and
    what counts is where the text named them before it. A speaker touched at the
    pronoun itself (another claim of the same "he") stays the nearest.
    """
    named_after = [p for p in recent if p.last_at > at and _names_at(r, p, p.last_at)]
    if not named_after:
        return recent, {}
    since: dict[int, int] = {}
    for p in recent:
        if p not in named_after:
            since[id(p)] = p.last_at
        elif p.tokens:
            found = last_named(r, p.tokens[-1], at, -1)
            if found > 0 or r.text.startswith(p.tokens[-1]):
                since[id(p)] = found
    kept = [p for p in recent if id(p) in since]
    return sorted(kept, key=lambda p: since[id(p)]), since


def _names_at(r: SpeakerResolver, p: Person, at: int) -> bool:
    return any(r.text.startswith(t, at) for t in p.tokens if len(t) > 1)


def _plural_noun(p: Person) -> bool:
    """ "Officials have said …": a body of people, never a he or she."""
    return len(p.tokens) == 1 and p.tokens[0].lower() in SPEAKER_NOUNS and p.tokens[0].endswith("s")


def _may_be_body(r: SpeakerResolver, p: Person, at: int) -> bool:
    if p.kind != "person" or p.gender is not None or p.titles or len(p.tokens) != 1:
        return False
    if at - p.last_at > 250:
        return False  # an "it" paragraphs later is some thing of the story, not this name
    word = p.tokens[0]
    return given_names.gender_of(word) is None and not any(f[-1] == word for f in r.known_full)


def _main_subjects(
    r: SpeakerResolver, since: int, at: int, reach: int
) -> Iterator[tuple[int, str, list[str]]]:
    """(offset, name, name tokens) of the sentence subjects between ``since`` and ``at``,
    latest first, none in the sentence of a postposed "…, he said" ("Macharia hid under
    desks, he said": that subject is who the words are about)."""
    lo = max(since + 1, at - reach, 0)
    if lo >= at or not r.text:
        return
    own = own_sentence(r.text, at)
    for start, name in reversed(sentence_subjects(r.text, lo, at)):
        _, toks = split_name(name)
        if start < own and toks:
            yield start, name, toks


def body_subject_since(r: SpeakerResolver, since: int, at: int, reach: int = 400) -> Person | None:
    """A body (an acronym, an organisation's or a country's name) that is the subject
    of a sentence between ``since`` and ``at``, for an "it"."""
    for start, name, toks in _main_subjects(r, since, at, reach):
        known = r.lookup(tuple(toks))
        if known is not None and known.kind != "group":
            continue
        acronym = len(toks) == 1 and len(toks[0]) >= 2 and toks[0].isupper()
        body = acronym or any(t.lower() in ORG_HINTS for t in toks)
        body = body or " ".join(toks).lower() in PLACE_NAMES
        if known is None and not body:
            continue
        found = r.named(Subject(start, start + len(name), name, "name", None))
        if found is not None and found.kind == "group":
            return found
    return None


def plural_subject_since(
    r: SpeakerResolver, since: int, at: int, reach: int = 400
) -> Person | None:
    """A plural noun that is the subject of a sentence between ``since`` and ``at``.

    "Researchers used swab samples …. They found …": "they" is the researchers,
    not the experts quoted before them.
    """
    lo = max(since + 1, at - reach, 0)
    if lo >= at or not r.text:
        return None
    for start, name in reversed(sentence_subjects(r.text, lo, at)):
        low = name.lower()
        if " " in name or not low.endswith("s") or low not in SPEAKER_NOUNS:
            continue
        return r.described(Subject(start, start + len(name), name, "noun", None))
    return None


def own_sentence(text: str, at: int) -> int:
    """Where the sentence of a postposed "…, he said" starts; past ``at`` otherwise.

    The subject of the sentence a "he said" closes is what the words are about,
    not who said them ("City requests are often rebuffed, he says"); in "Morneau
    was clutching at straws when he said", it is the speaker.
    """
    before = text[max(0, at - 4) : at].rstrip()
    if before[-1:] != "," or before[-2:-1] in ('"', "”"):
        return at + 1  # not postposed, or after a quotation: “…”, he said
    lo = max(0, at - 600)
    return max(text.rfind(mark, lo, at) for mark in (". ", "? ", "! ", "\n", ".” ", '." ')) + 1


# A sentence opened by its topic: "For Espinos, who understands …, he's simply filling
# a market niche", "For Martin, it does not make much of a difference. While he believes".
# A person introduced as one of several: "One is Denis Kovalchuk, a sixth year student
# at Buryat State University. He said".
_TOPIC = re.compile(
    r"(?:^|[.!?][”\"’]?\s+|\n\s*)(?:(?:For|To|According\s+to)\s+"
    r"|(?:One|Another|Among\s+them)\s+(?:is|was)\s+)"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})[,.]"
)


def _topic_since(r: SpeakerResolver, since: int, at: int, want: str) -> tuple[int, Person] | None:
    found = None
    for m in _TOPIC.finditer(r.text, max(0, since + 1, at - 600), at):
        _, toks = split_name(m.group("name"))
        if not toks:
            continue
        known = r.lookup(tuple(toks))
        if known is None and len(toks) >= 2 and r.gender_of(tuple(toks)) == want:
            name, start = m.group("name"), m.start("name")
            known = r.named(Subject(start, start + len(name), name, "name", None))
        if known is None or known.kind != "person" or known.described:
            continue
        if known.gender not in (None, want) or r.gender_of(known.tokens) not in (None, want):
            continue
        found = (m.start("name"), known)
    return found


def subject_since(
    r: SpeakerResolver, since: int, at: int, want: str, reach: int = 800
) -> Person | None:
    topic = _topic_since(r, since, at, want)
    if topic is not None:
        # A subject after the topic's sentence still wins; else the topic is who.
        later = _subject_since(r, topic[0] + 1, at, want, reach)
        if later is not None:
            return later
        topic[1].gender = want
        return topic[1]
    return _subject_since(r, since, at, want, reach)


def _subject_since(
    r: SpeakerResolver, since: int, at: int, want: str, reach: int = 800
) -> Person | None:
    """A person who is the subject of a sentence between ``since`` and ``at``.

    The subject of the last sentences is more salient than an earlier speaker:
    in "Ahmed said … Special effects costumer Ian Campbell had a booth. … he
    told Wikinews", "he" is Campbell. Only main-clause subjects count: in "Das
    highlighted that the late Shinzo Abe viewed …. She", Abe is not one.
    """
    for start, name, toks in _main_subjects(r, since, at, reach):
        if any(t.lower() in ORG_HINTS or t.lower() in GROUPS for t in toks) or place_like(toks):
            continue
        key = tuple(toks)
        known = r.lookup(key)
        if known is None and len(key) == 1 and not any(key[0] == f[-1] for f in r.known_full):
            continue  # a lone capitalised word may be anything; a surname is someone
        if known is not None and (
            known.kind != "person" or (known.gender and known.gender != want)
        ):
            continue
        if len(key) == 1 and key[0].lower() in SPEAKER_NOUNS and key[0].endswith("s"):
            continue  # "Officials have said …": a body of people, never a he or she
        if r.gender_of(key) not in (None, want):
            # "His opponent, Hillary Clinton, won …. He told": not her, though the person
            # first met as a bare "Clinton" has no gender yet.
            continue
        found = r.named(Subject(start, start + len(name), name, "name", None))
        if found is not None and found.kind == "person" and found.gender in (None, want):
            found.gender = want
            return found  # resolve() records the mention
    return None
