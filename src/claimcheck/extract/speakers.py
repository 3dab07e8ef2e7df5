"""Resolve speaker mentions to one canonical speaker per person per document.

"Dr. Shubhamitra Das", "Das", "Dr Das" and "She" become "Shubhamitra Das";
names are compared token by token, so "Das" never aliases "Dasgupta".
Pronouns resolve to the most recent compatible *speaker*, not the most recent
name: in "Das highlighted that the late Shinzo Abe … She also pointed out",
"She" is Das, although Abe was named later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimcheck.extract.subjects import Subject
from claimcheck.lexicon.names import (
    HONORIFICS,
    NOT_NAMES,
    PARTICLES,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)

_FIRST_PERSON = frozenset({"i", "we"})
_FEMALE_TITLES = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "chairwoman"}
_MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "chairman", "father", "fr"}
_ORG_HINTS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "police",
        "company",
        "firm",
        "group",
        "campaign",
        "party",
        "government",
        "committee",
        "council",
        "board",
        "union",
        "organization",
        "organisation",
        "association",
        "commission",
        "office",
        "court",
        "administration",
        "team",
        "staff",
        "network",
        "newspaper",
        "magazine",
        "website",
        "army",
        "navy",
        "military",
        "inc",
        "corp",
        "ltd",
        "university",
        "institute",
        "house",
        "times",
        "post",
        "journal",
        "news",
        "technologies",
        "systems",
        "industries",
        "holdings",
        "bank",
        "foundation",
        "corporation",
        "center",
        "centre",
    ]
)


@dataclass(eq=False)  # one object per person: identity, not field equality
class Person:
    name: str
    tokens: tuple[str, ...]
    kind: str  # "person" | "group"
    role: str | None = None
    gender: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    last_at: int = -1  # where the text last referred to this person

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else self.name

    def aliases(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m != self.name:
                out.append(m)
        if self.kind == "person" and len(self.tokens) >= 2:
            out.append(self.surname)
            for t in self.titles:
                if t.lower() not in HONORIFICS:
                    continue  # "Actor Fraser", "House Ryan": nobody is called that
                bare = t.rstrip(".")
                for form in (f"{bare}. {self.surname}", f"{bare} {self.surname}"):
                    if bare.lower() in ("dr", "mr", "mrs", "ms", "prof", "st") or "." not in form:
                        out.append(form)
                if bare.lower() in ("dr", "prof", "professor"):
                    out.append(
                        f"Professor {self.surname}"
                        if bare.lower() != "dr"
                        else f"Dr {self.surname}"
                    )
        seen: set[str] = set()
        uniq = []
        for a in out:
            if a not in seen and a != self.name:
                seen.add(a)
                uniq.append(a)
        return sorted(uniq, key=lambda a: (len(a), a))


def sentence_cut(text: str) -> str:
    """ "Ms. Hawkins. She" -> "Ms. Hawkins": a word of three letters or more ending in a
    full stop (not a title, not an initial) ends the sentence and the name."""
    words = text.split(" ")
    for i, w in enumerate(words[:-1]):
        if w.endswith(".") and len(w) > 3 and "." not in w[:-1] and w.lower() not in TITLES:
            return " ".join(words[: i + 1])[:-1]
    return text


_THING_BEFORE = re.compile(r"\b[Tt]he\s+[\"“]?$")
# A sentence start: the text's start, a line break, or a full stop and space.
_SENTENCE_START = re.compile(r"(?:^|\n[ \t]*|(?<=[.!?])[\"”’]?\s+)(?=[\"“]?[A-Z])")
_COMMA = re.compile(r",\s+")
_CLAUSE_JOIN = re.compile(r"(?:;|\s(?:while|whereas|but))\s+(?=[A-Z])")
_PARTICLE = "|".join(sorted((re.escape(p) for p in PARTICLES), key=len, reverse=True))
_CAP_RUN = re.compile(rf"[A-Z][\w’'.-]*(?:[ \u00a0]+(?:[A-Z][\w’'.-]*|(?:{_PARTICLE})\b))*")
# What follows a subject: its verb, possibly after a possessive or an apposition
# ("Ian Campbell, whose credits include …, had a booth"). The verb must look like
# one, so that "Clinton Hill residents were angry" offers no subject.
_VERB_AFTER = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|and|for|the))*)?"
    r"(?:’s\s+[a-z]|'s\s+[a-z]|(?:,[^.;:!?\n]{2,150}?,)?\s+(?:[a-z]+ly\s+)?"
    r"(?P<verb>[a-z]+ed|is|was|are|were|has|had|have|does|did|will|would|can|could|may|might|"
    r"must|should|shall|says|said|told|tells|thinks|thought|believes|wants|wanted|insists|"
    r"argues|notes|adds|explains|writes|wrote|warns|claims|hopes|supports|opposes|made|"
    r"makes|took|takes|gave|gives|went|goes|won|wins|met|meets|left|leaves|spoke|speaks|"
    r"became|becomes|began|begins|came|comes|got|gets|held|holds|kept|keeps|led|leads|"
    r"lost|paid|put|sent|sends|stood|brought|found|finds|heard|knew|knows|ran|runs|saw|"
    r"sees|set|sold|spent|also|then|now|later|still|never|first)\b)"
)
# Capitalised words for many people, never one he or she: "Fellow Americans".
_GROUPS = frozenset(
    "americans democrats republicans conservatives liberals europeans africans asians "
    "muslims christians jews catholics latinos hispanics fellow people voters".split()
)
_OPENING_WORDS = NOT_NAMES | PRONOUNS.keys() | {"whether", "i’m", "i'm", "i’ve", "i'd", "i’d"}
_NOT_ROLE = frozenset(
    "that of with by for to from and or the a an his her their its than as said told in at on "
    "says who which where when what".split()
)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    par = text[text.rfind("\n", 0, pos) + 1 : pos]
    return par.count("“") > par.count("”") or par.count('"') % 2 == 1


def sentence_subjects(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, name) of the capitalised runs that may be the subject of a sentence.

    Up to four role words may stand before the name ("Special effects costumer
    Ian Campbell"), so a sentence can offer several runs; the caller keeps the
    one that is a person.
    """
    out = []
    for m in _SENTENCE_START.finditer(text, lo, hi):
        pos = m.end()
        if text[pos] in '"“' or _inside_quote(text, pos):
            continue  # “I believe Donald Trump is destroying …”: the speaker's words
        end = min(hi, pos + 300)
        # The subject may follow an opening phrase: "In response to a lawsuit by X, ",
        # "But on Thursday, in the release announcing his role, Manafort described".
        starts = [pos] + [c.end() for c in _COMMA.finditer(text, pos, min(end, pos + 250))]
        # A second main clause: "… while Interior Minister Joachim Brudziński wrote …".
        starts += [
            c.end()
            for c in _CLAUSE_JOIN.finditer(text, pos, min(end, pos + 250))
            if not _inside_quote(text, c.start())
        ]
        starts.sort()
        for st in starts:
            for run in _CAP_RUN.finditer(text, st, min(end, st + 90)):
                before = text[st : run.start()].split()
                if len(before) > 4 or any(w.lower() in _NOT_ROLE for w in before):
                    break
                name = run.group()
                if name.endswith(("’s", "'s")):
                    name = name[:-2]  # the possessive is matched as part of what follows
                verb = _VERB_AFTER.match(text, run.start() + len(name), end)
                if verb is None:
                    continue
                at, words = run.start(), name.split()
                while words and words[0].lower().strip("’'") in _OPENING_WORDS:
                    at += len(words[0]) + 1  # "When Sanders", "But I’m": no part of a name
                    words = words[1:]
                if words:
                    out.append((at, " ".join(words)))
                if verb.group("verb"):
                    break  # "Bush is panning Obama’s plan": the subject is found
    return out


def split_name(text: str) -> tuple[list[str], list[str]]:
    """(titles and role words, name tokens) of a name mention; possessives dropped.

    "Japanese Defence Minister Gen Nakatani" -> (["Japanese", "Defence",
    "Minister"], ["Gen", "Nakatani"]): everything up to the last title word is
    the role; "Gen" without a full stop is not a title.
    """
    words = [_drop_possessive(w) for w in text.split()]
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if w.lower() in TITLES:
            last_title = i
    if last_title >= 0 and words[-1].lower() in _ORG_HINTS:
        return [], words  # "The Alachua Sheriff Office": an organisation, not Sheriff Office
    titles = words[: last_title + 1]
    return titles, words[last_title + 1 :]


_POSSESSIVES = ("’s", "'s", "’", "'")


def _drop_possessive(word: str) -> str:
    # String tests instead of a regex substitution: this runs for every word of
    # every name, and most words have no possessive (one test rules them out).
    if word.endswith(_POSSESSIVES):
        for suffix in _POSSESSIVES:
            if word.endswith(suffix):
                return word[: -len(suffix)]
    return word


_FOR_SOMEONE = frozenset(["for", "to", "of", "with"])
_ROLE_HEAD = re.compile(r"\s+(?:of|at|for|in|from|with|on|who|whose|which|that)\s+")


class SpeakerResolver:
    """Keeps the people of one document, in order of their first claim."""

    def __init__(self, known_names: list[tuple[int, str]] | None = None, text: str = "") -> None:
        self.text = text
        self.people: list[Person] = []
        self.recent: list[Person] = []  # most recent speaker last
        # Every name in the text with its offset: for pronouns and role nouns whose
        # antecedent was introduced without speaking yet.
        self.names_at: list[tuple[int, str]] = list(known_names or [])
        # The speaker of the transcript turn being read: "I" and "we" outside quotation
        # marks are that speaker, or else the writer (no speaker), never the last one quoted.
        self.turn: Person | None = None

    @functools.cached_property
    def known_full(self) -> list[tuple[str, ...]]:
        """The multi-word names of the text, to complete a bare surname.

        Built on first use: splitting every name of the text is a measurable
        share of extraction, and a third of documents never need it.
        """
        full: dict[tuple[str, ...], None] = {}  # ordered, and a name named twice is one
        for _, n in self.names_at:
            _, toks = split_name(n)
            # "Das. Das" is two sentences, not a name.
            if any(t.endswith(".") and len(t) > 2 for t in toks[:-1]):
                continue
            if toks and toks[-1].endswith(".") and len(toks[-1]) > 3:
                toks = [*toks[:-1], toks[-1][:-1]]  # "Sen. Kelly Ayotte." ends a sentence
            if len(toks) >= 2:
                full[tuple(toks)] = None
        return list(full)

    def resolve(self, subj: Subject) -> Person | None:
        if subj.kind == "passive":
            return None
        if subj.kind == "pronoun" and subj.text.lower() in _FIRST_PERSON:
            person = self.turn
        elif subj.kind == "pronoun":
            person = self._pronoun(subj.text.lower(), subj.start)
            want = PRONOUNS.get(subj.text.lower())
            if person is None and want in ("m", "f"):
                person = self._subject_since(-1, subj.start, want)
                if person is None:
                    person = self._antecedent(subj, lambda _title, _name: True, person=True)
            elif person is None:
                person = self._antecedent(subj, lambda _title, _name: True)
        elif subj.kind == "relative":
            # "Lee, who said …": the name right before the relative pronoun, or nobody.
            person = self._antecedent(subj, lambda _title, _name: True, reach=60, least=1)
            if person is None and self.recent:
                # "according to CNN who reported …": the speaker just named, one word long.
                last = self.recent[-1]
                before = self.text[max(0, last.last_at) : subj.start].rstrip(" ,")
                forms = (last.name, last.surname, *last.mentions)
                if 0 <= last.last_at < subj.start and before.endswith(forms):
                    person = last
        elif subj.kind == "name":
            person = self._name(subj)
        else:
            person = self._noun(subj)
        if person is not None:
            self.touch(person, subj.start)
        return person

    def _antecedent(
        self,
        subj: Subject,
        fits: Callable[[list[str], list[str]], bool],
        reach: int = 800,
        least: int = 2,
        person: bool = False,
    ) -> Person | None:
        """The nearest name before the mention that fits, as a new speaker.

        A pronoun's antecedent needs two words, since a lone capitalised word may
        just open a sentence; the name right before "who" (``least=1``) is one.
        """
        for at, text in reversed(self.names_at):
            if at >= subj.start:
                continue
            if subj.start - at > reach:
                break
            titles, toks = split_name(text)
            if len(toks) < least or not fits(titles, toks):
                continue
            if person and (
                any(t.lower() in _ORG_HINTS for t in toks)
                or _THING_BEFORE.search(self.text, max(0, at - 6), at)
            ):
                continue  # he/she: not "the United States Constitution", "the “Dealer's Den”"
            return self._name(Subject(at, at + len(text), text, "name", None))
        return None

    def _titled(self, want: str, at: int, reach: int = 400) -> Person | None:
        """The nearest name before ``at`` whose title fits the pronoun ("Ms. Hawkins").

        ``names_at`` already ends each name with its sentence (``sentence_cut``).
        """
        titles = _FEMALE_TITLES if want == "f" else _MALE_TITLES
        if self.recent and any(p.gender == want for p in self.recent[-6:]):
            return None  # a speaker known to fit is nearer in the discourse than a mere name
        for name_at, text in reversed(self.names_at):
            if name_at >= at:
                continue
            if at - name_at > reach:
                break
            found, toks = split_name(text)
            if toks and any(t.lower().rstrip(".") in titles for t in found):
                return self._name(Subject(name_at, name_at + len(text), text, "name", None))
        return None

    def touch(self, person: Person, at: int = -1) -> None:
        person.last_at = max(person.last_at, at)
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    @property
    def last(self) -> Person | None:
        return self.recent[-1] if self.recent else None

    def _pronoun(self, word: str, at: int) -> Person | None:
        want = PRONOUNS.get(word)
        for p in reversed(self.recent[-6:]):
            if want in ("m", "f"):
                if p.kind != "person" or (p.gender and p.gender != want):
                    continue
                subject = self._subject_since(p.last_at, at, want)
                if subject is not None:
                    return subject
                if p.gender is None:
                    # A speaker of unknown gender yields to a person just named with a
                    # title that fits: "Consider Ms. Hawkins. While she says …".
                    titled = self._titled(want, at)
                    if titled is not None:
                        return titled
                p.gender = want
                return p
            if want == "n" and p.kind == "group":
                return p
            if want == "p":
                plural = self._plural_subject_since(p.last_at, at)
                if plural is not None:
                    return plural
                return p
            if want == "s":
                return p
        if want == "p":
            return self._plural_subject_since(-1, at)
        return None

    def _plural_subject_since(self, since: int, at: int, reach: int = 400) -> Person | None:
        """A plural noun that is the subject of a sentence between ``since`` and ``at``.

        "Researchers used swab samples …. They found …": "they" is the researchers,
        not the experts quoted before them.
        """
        lo = max(since + 1, at - reach, 0)
        if lo >= at or not self.text:
            return None
        for start, name in reversed(sentence_subjects(self.text, lo, at)):
            low = name.lower()
            if " " in name or not low.endswith("s") or low not in SPEAKER_NOUNS:
                continue
            return self._noun(Subject(start, start + len(name), name, "noun", None))
        return None

    def _subject_since(self, since: int, at: int, want: str, reach: int = 600) -> Person | None:
        """A person who is the subject of a sentence between ``since`` and ``at``.

        The subject of the last sentences is more salient than an earlier speaker:
        in "Ahmed said … Special effects costumer Ian Campbell had a booth. … he
        told Wikinews", "he" is Campbell. Only main-clause subjects count: in "Das
        highlighted that the late Shinzo Abe viewed …. She", Abe is not one.
        """
        lo = max(since + 1, at - reach, 0)
        if lo >= at or not self.text:
            return None
        for start, name in reversed(sentence_subjects(self.text, lo, at)):
            _, toks = split_name(name)
            if not toks or any(t.lower() in _ORG_HINTS or t.lower() in _GROUPS for t in toks):
                continue
            key = tuple(toks)
            known = self._lookup(key)
            if (
                known is None
                and len(key) == 1
                and not any(key[0] == f[-1] for f in self.known_full)
            ):
                continue  # a lone capitalised word may be anything; a surname is someone
            if known is not None and (
                known.kind != "person" or (known.gender and known.gender != want)
            ):
                continue
            found = self._name(Subject(start, start + len(name), name, "name", None))
            if found is not None and found.kind == "person":
                found.gender = want
                return found  # resolve() records the mention
        return None

    def _name(self, subj: Subject) -> Person | None:
        titles, toks = split_name(subj.text)
        if not toks:
            return None
        key = tuple(toks)
        found = self._lookup(key)
        if found is None:
            if len(key) == 1:
                full = [f for f in self.known_full if key[0] in (f[-1], f[0])]
                if len(full) == 1:
                    key = full[0]
                    found = self._lookup(key)
            if found is None:
                # An acronym alone ("POLITICO", "NASA", "CNN") names a body, never a he or she.
                acronym = len(key) == 1 and len(key[0]) >= 3 and key[0].isupper()
                org = acronym or any(t.lower() in _ORG_HINTS for t in key)
                kind = "group" if org else "person"
                found = Person(" ".join(key), key, kind)
                self.people.append(found)
        self._learn(found, subj, titles)
        return found

    def _lookup(self, key: tuple[str, ...]) -> Person | None:
        exact = [p for p in self.people if p.tokens == key]
        if exact:
            return exact[0]
        if len(key) == 1:
            cands = [
                p for p in self.people if p.kind == "person" and p.surname.lower() == key[0].lower()
            ]
            if not cands:
                cands = [p for p in self.people if p.kind == "person" and p.tokens[0] == key[0]]
        else:
            # "Jane Das" after "Jane Q. Das": same first and last token.
            cands = [p for p in self.people if p.tokens[-1] == key[-1] and p.tokens[0] == key[0]]
        if not cands:
            return None
        # Two people with one surname: the one spoken of most recently.
        for p in reversed(self.recent):
            if p in cands:
                return p
        return cands[-1]

    def _learn(self, person: Person, subj: Subject, titles: list[str]) -> None:
        mention = " ".join(subj.text.split())
        mention = re.sub(r"(’s|'s)$", "", mention)
        if mention not in person.mentions and mention != person.name:
            person.mentions.append(mention)
        for t in titles:
            low = t.lower().rstrip(".")
            if t not in person.titles:
                person.titles.append(t)
            if low in _FEMALE_TITLES:
                person.gender = "f"
            elif low in _MALE_TITLES:
                person.gender = "m"
        if subj.role and not person.role:
            person.role = subj.role

    def _noun(self, subj: Subject) -> Person:
        text = " ".join(subj.text.split())
        low = text.lower()
        for art in ("the ", "a ", "an "):
            if low.startswith(art):
                bare = text[len(art) :]
                break
        else:
            bare = text
        titles, toks = split_name(bare)
        if (
            titles
            and 2 <= len(toks) <= 4
            and all(t[:1].isupper() for t in toks)
            and len(toks[-1]) > 1  # "former education secretary William J" was cut short
            and not _FOR_SOMEONE.intersection(t.lower() for t in titles)
        ):
            # "Coös County Attorney John McCormick", "current president Emmerson
            # Mnangagwa": a described person, named after the description; but a
            # "spokesman for Mayor Frank G. Jackson" is not the mayor.
            found = self._name(Subject(subj.start, subj.end, bare, "name", subj.role))
            if found is not None:
                return found
        # "The prime minister said" after "Prime Minister Jane Das".
        if low.startswith("the "):
            words = bare.lower().split()
            for p in reversed(self.recent):
                # The role's head only: "the study" is not "co-author of a new study".
                head = _ROLE_HEAD.split(p.role or "", maxsplit=1)[0]
                hay = " ".join(t.lower() for t in p.titles) + " " + head.lower()
                if p.kind == "person" and words and all(w in hay.split() for w in words):
                    return p
        if low.startswith("the "):
            for p in self.people:
                if p.name.lower() == bare.lower():
                    return p
            words = bare.lower().split()
            found = self._antecedent(
                subj,
                lambda titles, _t: (
                    bool(words) and words == [t.lower() for t in titles][-len(words) :]
                ),
            )
            if found is not None:
                return found
        name = bare
        existing = [p for p in self.people if p.name == name]
        if existing:
            return existing[0]
        person = Person(name, tuple(name.split()), "group")
        self.people.append(person)
        return person
