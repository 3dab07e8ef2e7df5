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

from claimcheck.cues import Subject
from claimcheck.lexicon.names import PRONOUNS, TITLES

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


class SpeakerResolver:
    """Keeps the people of one document, in order of their first claim."""

    def __init__(self, known_names: list[tuple[int, str]] | None = None) -> None:
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
        full: list[tuple[str, ...]] = []
        for _, n in self.names_at:
            _, toks = split_name(n)
            # "Das. Das" is two sentences, not a name.
            if any(t.endswith(".") and len(t) > 2 for t in toks[:-1]):
                continue
            if len(toks) >= 2:
                full.append(tuple(toks))
        return full

    def resolve(self, subj: Subject) -> Person | None:
        if subj.kind == "pronoun" and subj.text.lower() in _FIRST_PERSON:
            person = self.turn
        elif subj.kind == "pronoun":
            person = self._pronoun(subj.text.lower(), subj.start)
            if person is None:
                person = self._antecedent(subj, lambda _title, _name: True)
        elif subj.kind == "relative":
            # "Lee, who said …": the name right before the relative pronoun, or nobody.
            person = self._antecedent(subj, lambda _title, _name: True, reach=60, least=1)
        elif subj.kind == "name":
            person = self._name(subj)
        else:
            person = self._noun(subj)
        if person is not None:
            self.touch(person)
        return person

    def _antecedent(
        self,
        subj: Subject,
        fits: Callable[[list[str], list[str]], bool],
        reach: int = 800,
        least: int = 2,
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

    def touch(self, person: Person) -> None:
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
            if want in ("p", "s"):
                return p
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
                kind = "group" if any(t.lower() in _ORG_HINTS for t in key) else "person"
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
        # "The prime minister said" after "Prime Minister Jane Das".
        if low.startswith("the "):
            words = bare.lower().split()
            for p in reversed(self.recent):
                hay = " ".join(t.lower() for t in p.titles) + " " + (p.role or "").lower()
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
