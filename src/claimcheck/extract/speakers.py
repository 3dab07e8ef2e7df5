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
import unicodedata
from collections.abc import Iterator

from claimcheck.extract import descriptions, documents, gender, name_forms, referents
from claimcheck.extract.people import (
    FEMALE_TITLES,
    FIRST_PERSON,
    MALE_TITLES,
    ORG_HINTS,
    Person,
    name_parts,
    split_name,
)
from claimcheck.extract.pronouns import antecedent, own_sentence, pronoun, subject_since
from claimcheck.extract.subjects import COUNTRY_SHORT, Subject
from claimcheck.lexicon import given_names
from claimcheck.lexicon.names import (
    HONORIFICS,
    PARTICLES,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
)
from claimcheck.lexicon.places import PLACE_NAMES

# "Spindler's father", "Wise’s dad": a role that ties a given name to another family.
_OWNER = re.compile(
    r"[\w.-](?:’s|'s)\s+(?:"
    + "|".join(sorted(referents.KIN | {"dad", "mom", "son", "daughter"}))
    + r")\b"
)

_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,7})\)")

# The acronym in brackets within a few words after a mention: "The California
# Department of Forestry and Fire Protection (CalFire)" read as "The California
# Department" with the role "of Forestry …".
_BRACKET_AHEAD = re.compile(r"[^()“”\".;]{0,80}?\(([A-Z][A-Za-z&]{1,7})\)")

_COUNTRY_SHORT = COUNTRY_SHORT


_FUNCTION_WORDS = frozenset("to of in on at for with by from and or but as than the a an".split())

_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}

_PRONOUN_PHRASE = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:was|is|were|are|had\s+been)\s+quoted\b"
)


# Words after a body's own name that make a unit or a product of it, not a person.
_UNIT_WORDS = frozenset(
    "research trust limited ltd person program programme app platform store labs lab".split()
)


def _body_after(first: str, full: tuple[str, ...]) -> bool:
    """ "Facebook Research", "GitHub Trust", "US Constitution": not a person called Facebook."""
    camel = any(c.isupper() for c in first[1:])
    rest = {t.lower() for t in full[1:]}
    return camel or first in COUNTRY_SHORT or bool(rest & (ORG_HINTS | _UNIT_WORDS))


_NAME_LINKS = frozenset({"of", "and", "for", "the", "on", "&", "de"})


def _proper_name(name: str) -> bool:
    """A body's proper name, not a capitalised title or common noun ("the Prime Minister")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) == 1:
        word = words[0].replace(".", "")
        return len(word) >= 2 and word.isupper() and word.isalpha()  # "BBC", "CNN"
    content = [w for w in words if w.lower() not in _NAME_LINKS]
    if len(content) < 2 or not all(w[:1].isupper() for w in content):
        return False
    if content[-1].lower().rstrip(".") in TITLES or content[0].lower().rstrip(".") in TITLES:
        return False  # "the Liberal MP", "the Foreign Minister", "Chief Technological Officer of"
    return any(
        w.lower() not in TITLES and w.lower() not in SPEAKER_NOUNS and w not in COUNTRY_SHORT
        for w in content
    )


def _placed_body(key: tuple[str, ...]) -> bool:
    """ "Statistics Canada", "Health Canada", "Canada Post": a country in a name makes a body."""
    if len(key) < 2:
        return False
    return key[-1].lower() in PLACE_NAMES or (
        key[0].lower() in PLACE_NAMES and key[0].lower() not in _REGION_FIRST
    )


# Regions that open people's names ("Virginia Woolf", "Florida Evans"): a body only at the end.
_REGION_FIRST = frozenset(["virginia", "florida", "georgia", "carolina", "indiana", "montana"])


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
        # How the last resolve() found its speaker (models.SpeakerBasis), and who
        # else its mention could equally mean.
        self.basis: str | None = None
        self.alternatives: tuple[Person, ...] = ()
        # Long forms of the acronyms the text defines, as written (commas kept).
        self._defined: dict[tuple[str, ...], str] = {}
        self._spelled_out = -1
        self._named_times: dict[tuple[str, ...], int] = {}
        self._first_at: dict[tuple[str, ...], int] = {}

    def names_before(self, at: int, reach: int) -> Iterator[tuple[int, str]]:
        """The names that start before ``at``, nearest first, at most ``reach`` back."""
        for start, text in reversed(self.names_at):
            if start >= at:
                continue
            if at - start > reach:
                return
            yield start, text

    @functools.cached_property
    def genders(self) -> dict[tuple[str, ...], str]:
        """Name tokens -> gender, where the document's own words say it (``gender``)."""
        return gender.evidence(self.text, self.names_at)

    def gender_of(self, key: tuple[str, ...]) -> str | None:
        """What the document says of a person's gender, else what the given name says.

        "Calgary MP Michelle Rempel" with no he or she of her own is still no "he".
        """
        said = self.genders.get(key)
        if said is None and len(key) >= 2:
            said = given_names.gender_of(key[0])
        return said

    @functools.cached_property
    def known_full(self) -> list[tuple[str, ...]]:
        """The multi-word names of the text, to complete a bare surname.

        Built on first use: splitting every name of the text is a measurable
        share of extraction, and a third of documents never need it.
        """
        full: dict[tuple[str, ...], int] = {}  # ordered; how often each is named
        for at, n in self.names_at:
            _, toks = name_parts(n)  # the cached tuple: read, never edited here
            # "Das. Das" is two sentences, not a name.
            if any(t.endswith(".") and len(t) > 2 for t in toks[:-1]):
                continue
            if toks and toks[-1].endswith(".") and len(toks[-1]) > 3:
                toks = (*toks[:-1], toks[-1][:-1])  # "Sen. Kelly Ayotte." ends a sentence
            if len(toks) >= 2:
                full[toks] = full.get(toks, 0) + 1
                self._first_at.setdefault(toks, at)
        self._named_times = full
        return list(full)

    def _surnames_before(self, at: int) -> frozenset[str]:
        """The last words of the multi-word names the text gave before ``at``."""
        out = set()
        for _, n in self.names_before(at, 20000):
            toks = split_name(n)[1]
            if len(toks) >= 2:
                out.add(toks[-1])
        return frozenset(out)

    @functools.cached_property
    def _by_first_or_last(self) -> dict[str, list[tuple[str, ...]]]:
        """The multi-word names by their first and by their last word, folded, in text order.

        A bare name is looked up in these for every claim it speaks: testing every
        name of the text each time cost more than all the rest of the lookup.
        """
        out: dict[str, list[tuple[str, ...]]] = {}
        for f in self.known_full:
            for word in dict.fromkeys((fold(f[-1]), fold(f[0]))):
                out.setdefault(word, []).append(f)
        return out

    def resolve(self, subj: Subject) -> Person | None:
        self.alternatives = ()
        subject_form = _OBJECT_PRONOUNS.get(subj.text.lower()) if subj.kind != "pronoun" else None
        if subject_form is not None:
            # "According to him": the object form is the same he.
            subj = Subject(subj.start, subj.end, subject_form, "pronoun", None)
        elif subj.kind == "noun" and _PRONOUN_PHRASE.match(subj.text):
            # “…,” he was quoted as saying: the phrase before the cue opens with its he.
            word = subj.text.split(None, 1)[0]
            subj = Subject(subj.start, subj.start + len(word), word, "pronoun", None)
        if subj.kind == "name" and " and " in subj.text:
            joint = _joint_names(subj.text, self._surnames_before(subj.start))
            if joint is not None:
                # "Donald Trump and House Speaker Paul Ryan said": both speak, without titles.
                subj = Subject(subj.start, subj.end, joint, "name", subj.role)
        before = self.last_at_of(subj)
        person = self._resolve(subj)
        self.basis = None if person is None else self._basis(subj, person)
        if person is not None and self.basis == "pronoun":
            self.alternatives = rivals(self, person, subj, before.get(id(person), -1))
        return person

    def last_at_of(self, subj: Subject) -> dict[int, int]:
        """Where each known person was last referred to, before a he/she is resolved."""
        if subj.kind != "pronoun" or PRONOUNS.get(subj.text.lower()) not in ("m", "f"):
            return {}
        return {id(p): p.last_at for p in self.recent}

    def _basis(self, subj: Subject, person: Person) -> str:
        if person.described:
            return "unresolved"
        if subj.kind == "name" and _common_noun(subj.text):
            # "Critics say …", "Others said …": a capital, not a name; "Police" after
            # "Thames Valley Police" is that body, by description.
            return "unresolved" if person.name == subj.text.strip() else "description"
        if subj.kind == "pronoun":
            return "label" if subj.text.lower() in FIRST_PERSON else "pronoun"
        if subj.kind == "relative":
            return "named"
        if subj.kind == "noun":
            found = descriptions.basis(subj, person)
            text = " ".join(subj.text.split())
            if found == "description" and _proper_name(text) and text.endswith(person.name):
                return "named"  # "the National Hurricane Center" names itself
            return found
        if subj.start == self._spelled_out:
            return "named"
        if subj.text[:4] in ("The ", "the ") and subj.text.split()[-1].lower() in TITLES:
            return "description"  # "The Timmins-James Bay MP"
        return name_basis(subj.text, person)

    def _resolve(self, subj: Subject) -> Person | None:
        if subj.kind == "passive":
            return None
        if subj.kind == "noun" and subj.text.lower() in _FUNCTION_WORDS:
            return None  # “shocked and saddened” to confirm: "to" is nobody
        if subj.kind == "pronoun" and subj.text.lower() in FIRST_PERSON:
            person = self.turn
        elif subj.kind == "pronoun":
            person = pronoun(self, subj.text.lower(), subj.start)
            want = PRONOUNS.get(subj.text.lower())
            if person is None and want in ("m", "f"):
                person = subject_since(self, -1, subj.start, want)
                if person is None:
                    person = antecedent(
                        self, subj, lambda _title, _name: True, person=True, want=want
                    )
            elif person is None:
                person = antecedent(self, subj, lambda _title, _name: True)
        elif subj.kind == "relative":
            # "Lee, who said …": the name right before the relative pronoun, or nobody.
            person = antecedent(self, subj, lambda _title, _name: True, reach=60, least=1)
            if person is None and self.recent:
                # "according to CNN who reported …": the speaker just named, one word long.
                last = self.recent[-1]
                before = self.text[max(0, last.last_at) : subj.start].rstrip(" ,")
                forms = (last.name, last.surname, *last.mentions)
                if 0 <= last.last_at < subj.start and before.endswith(forms):
                    person = last
        elif subj.kind == "name":
            person = self.named(subj)
        elif documents.head_of(" ".join(subj.text.split())) in documents.FOOTAGE_HEADS:
            person = documents.issuer(self, subj)  # footage nobody owns speaks for nobody
        else:
            person = self.described(subj)
        if person is not None:
            self.touch(person, subj.start)
        return person

    def described(self, subj: Subject) -> Person:
        """The person or body a description ("the prime minister") refers to."""
        person = descriptions.described(self, subj)
        if person.described and _proper_name(person.name):
            # "the National Hurricane Center", "the BBC": a body's own name after "the"
            # says who speaks as surely as any name; only a common noun is unresolved.
            person.described = False
        return person

    def touch(self, person: Person, at: int = -1) -> None:
        person.last_at = max(person.last_at, at)
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    @property
    def last(self) -> Person | None:
        return self.recent[-1] if self.recent else None

    def named(self, subj: Subject) -> Person | None:
        titles, toks = split_name(subj.text)
        if not toks or (
            any(t.lower() in TITLES for t in toks)
            and all(t.lower() in TITLES or t in _COUNTRY_SHORT for t in toks)
        ):
            return None  # "Ms.", "U.S. Secretary": a title cut from its name is nobody
        if len(toks) >= 2 and toks[0] in ("The", "the") and toks[-1].lower() in TITLES:
            # "The Timmins-James Bay MP": a description, however capitalised.
            return self.described(Subject(subj.start, subj.end, subj.text, "noun", subj.role))
        if "and" in toks:
            toks = self._members_in_full(toks, subj.start)
        key = self._long_form(tuple(toks), subj.end)
        if len(key) == len(toks):
            ahead = self._long_form_ahead(key, subj.end)
            if ahead != key:
                key = ahead
                self._spelled_out = subj.start  # the whole long form is written here
                subj = Subject(subj.start, subj.end, subj.text, subj.kind, None)  # no role left
        # "Spindler's father, Joseph": a given name the text ties to another family is
        # that person alone, not the Joseph Boinnet named elsewhere.
        kin = len(key) == 1 and subj.role is not None and _OWNER.search(subj.role) is not None
        found = next((p for p in self.people if p.tokens == key), None) if kin else self.lookup(key)
        if found is None and not kin:
            if len(key) == 1:
                folded = fold(key[0])
                full = list(self._by_first_or_last.get(folded, ()))
                # A bare name that is someone's surname is that person, not the first
                # word of another name: "Trump" is Donald Trump, not Trump University.
                # Only a name that may well be a person's wins so ("Unlike Patriot",
                # "Besides Centerview" are a sentence's opener and a body's name).
                surnamed = [f for f in full if folded == fold(f[-1])]
                if surnamed and len(surnamed) < len(full) and key[0].lower() not in PLACE_NAMES:
                    persons = [f for f in surnamed if self._may_be_given(f)]
                    if persons:
                        full = persons
                elif not surnamed:
                    # A given name alone is the person named in full; a body's name is
                    # not the name of its unit or product ("Facebook Research").
                    full = [f for f in full if not _body_after(key[0], f)]
            elif key[0].lower() in PARTICLES:
                n = len(key)
                full = [f for f in self.known_full if len(f) > n and f[-n:] == key]
            elif (
                len(key) == 2
                and given_names.gender_of(key[0]) is None
                and any(n.endswith(key[1]) and n.count(" ") >= 2 for _, n in self.names_at)
            ):
                # "Vázquez Garced" after "Wanda Vázquez Garced": a double surname alone.
                full = [
                    f
                    for f in self.known_full
                    if len(f) == 3 and f[1:] == key and given_names.gender_of(f[0]) is not None
                ]
            else:
                full = []
            if len(set(full)) > 1 and len(key) == 1:
                shortest = min(full, key=len)
                if all(f[-len(shortest) :] == shortest for f in full):
                    # "Vermont Bernie Sanders" (a run cut at "Senator from") and a
                    # title's "Bernie Sanders": the name is the shorter one.
                    full = [shortest]
                else:
                    full = self._most_named(full)
            if len(set(full)) > 1 and len(key) == 1:
                # "Durning says" where only Jeanine Durning has been named yet: her
                # father Charles Durning, named further on, is not meant.
                named = {f for f in full if self._first_at.get(f, subj.start) < subj.start}
                if len(named) == 1:
                    full = list(named)
            if len({tuple(fold(t) for t in f) for f in full}) == 1:
                # One name, perhaps written with and without its diacritics: the first
                # written with them ("Kaczyński" over a headline's "Kaczynski").
                key = max(full, key=lambda f: not all(t.isascii() for t in f))
                found = self.lookup(key)
        if found is None:
            # An acronym alone ("POLITICO", "NASA", "CNN") names a body, never a he or she.
            acronym = len(key) == 1 and len(key[0]) >= 3 and key[0].isupper()
            defined = key in self._defined
            # "City" opening "City requests …" is a body's noun, never a he or she.
            noun = len(key) == 1 and key[0].lower() in referents.BODY_NOUNS
            org = acronym or defined or noun or any(t.lower() in ORG_HINTS for t in key)
            # "Algeria and Morocco", "Jane Roe and John Doe": several, never one he or she.
            org = org or _placed_body(key) or "and" in key
            kind = "group" if org else "person"
            found = Person(self._defined.get(key, " ".join(key)), key, kind)
            if kind == "person" and self.text:
                found.gender = self.gender_of(key)
            self.people.append(found)
        self.learn(found, subj, titles)
        return found

    @functools.cached_property
    def acronyms(self) -> dict[str, tuple[str, ...]]:
        """Acronym -> the tokens of the long form the text defines it by."""
        found = name_forms.acronyms(self.text)
        out = {a: tuple(w.strip(",") for w in long.split()) for a, long in found.items()}
        self._defined.update({out[a]: long for a, long in found.items()})
        return out

    def _long_form(self, key: tuple[str, ...], end: int) -> tuple[str, ...]:
        """ "IRCC", or "Citizenship Canada (IRCC)" cut short at a comma: the long form."""
        if "(" not in self.text or not self.acronyms:
            return key
        if len(key) == 1 and key[0] in self.acronyms:
            return self.acronyms[key[0]]
        m = _BRACKETED.match(self.text, end)
        if m is not None:
            long = self.acronyms.get(m.group(1))
            if long is not None and long[-len(key) :] == key:
                return long
        return key

    def _may_be_given(self, full: tuple[str, ...]) -> bool:
        """Whether the first word of a name may be a given name: a known one, or a word the
        text never writes in lower case, in a name written at least once inside a sentence
        (a run that only ever opens one, "Besides Centerview", is an opener and a name)."""
        word = full[0]
        if given_names.gender_of(word) is not None:
            return True
        low = word.lower()
        # The substring test first: the pattern is built for this word and reads the
        # whole text, and most given names are never written in lower case at all.
        if low in self.text and re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", self.text):
            return False
        for at, n in self.names_at:
            if tuple(split_name(n)[1]) == full:
                before = self.text[max(0, at - 3) : at].rstrip(" \t\"“‘'(")
                if before and before[-1] not in ".!?\n:":
                    return True
        return False

    def _most_named(self, full: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
        """ "Trump" in a round-up naming Donald Trump a dozen times and Mary Trump once:
        the one the article names far more often than any other of that surname."""
        times = sorted(((self._named_times.get(f, 0), f) for f in set(full)), reverse=True)
        if times[0][0] >= 3 and times[0][0] >= 3 * times[1][0]:
            return [times[0][1]]
        return full

    def _long_form_ahead(self, key: tuple[str, ...], end: int) -> tuple[str, ...]:
        """A mention that is the start of a long form the next words complete."""
        if "(" not in self.text[end : end + 90] or not self.acronyms:
            return key
        m = _BRACKET_AHEAD.match(self.text, end)
        if m is None:
            return key
        long = self.acronyms.get(m.group(1))
        if key and key[0] in ("The", "the"):
            key = key[1:]  # "The California Department" of "California Department of …"
        if long is None or not key or tuple(long[: len(key)]) != key:
            return key
        written = " ".join(self.text[end : m.start(1) - 1].split())
        rest = " ".join(long[len(key) :])
        return long if written.replace(",", "") == rest else key

    def _members_in_full(self, toks: list[str], at: int) -> list[str]:
        """ "Obama and Clinton" as the text names them in full: "Barack Obama and Hillary
        Clinton": a person the text already quotes, or the one person of that surname.
        The commas and "and" stay as written."""
        out: list[str] = []
        part: list[str] = []
        for t in [*toks, "and"]:
            if t == "and":
                out.extend(self._member(part, at) if part else [])
                out.append("and")
                part = []
            elif t.endswith(","):
                out.extend(self._member([*part, t[:-1]], at))
                out[-1] += ","
                part = []
            else:
                part.append(t)
        return out[:-1]

    def _member(self, part: list[str], at: int) -> list[str]:
        known = self.lookup(tuple(part)) if len(part) <= 2 else None
        if known is not None and known.kind == "person":
            part = list(known.tokens)  # "Biden" whom the text quoted already
        elif len(part) == 1:
            folded = fold(part[0])
            full = {f for f in self.known_full if fold(f[-1]) == folded}
            if len(full) > 1:
                # "both Mugabe and Tsvangirai" before a "Grace Mugabe" is named: the one
                # person of that surname named so far ("Robert Mugabe", "Robert Gabriel
                # Mugabe" share given name and surname), so no pair is named by halves.
                seen = [f for f in full if self._named_before(f, at)]
                if seen and len({(f[0], f[-1]) for f in seen}) == 1:
                    full = {min(seen, key=len)}
            if len(full) == 1:
                part = list(next(iter(full)))
        member = self.lookup(tuple(part))
        if member is not None and member.kind == "person":
            self.touch(member, at)  # "Miller and Smith … He too suggested": one of them
        return part

    def _named_before(self, full: tuple[str, ...], at: int) -> bool:
        return any(tuple(split_name(n)[1]) == full for _, n in self.names_before(at, 20000))

    def lookup(self, key: tuple[str, ...]) -> Person | None:
        exact = [p for p in self.people if p.tokens == key]
        if exact:
            return exact[0]
        if len(key) == 1:
            folded = fold(key[0])
            cands = [p for p in self.people if p.kind == "person" and fold(p.surname) == folded]
            if not cands:
                cands = [p for p in self.people if p.kind == "person" and p.tokens[0] == key[0]]
        elif key[0].lower() in PARTICLES:
            # "Al Mnajer" after "Mohammad Al Mnajer", "de Gaulle": a surname with its particle.
            n = len(key)
            cands = [p for p in self.people if p.kind == "person" and p.tokens[-n:] == key]
        else:
            # "Jane Das" after "Jane Q. Das": same first and last token.
            cands = [p for p in self.people if p.tokens[-1] == key[-1] and p.tokens[0] == key[0]]
        if not cands and len(key) >= 2:
            # "Jodie Wilson-Raybould" in a caption is the "Jody Wilson-Raybould" of the text.
            same = [p for p in self.people if p.kind == "person" and p.tokens[-1] == key[-1]]
            cands = [
                p
                for p in same
                if len(p.tokens) == len(key) and name_forms.spelling_variant(p.tokens[0], key[0])
            ]
            if len(same) != 1:
                cands = []  # two people of that surname: a variant may be the other one
        if not cands:
            return None
        if len(key) == 1 and len(cands) > 1:
            # "Biden" after "Biden said" was Joe Biden: the one the text already calls by
            # the bare surname, not his son Hunter Biden spoken of since.
            called = [p for p in cands if key[0] in p.mentions]
            if len(called) == 1:
                return called[0]
        # Two people with one surname: the one spoken of most recently.
        for p in reversed(self.recent):
            if p in cands:
                return p
        return cands[-1]

    def learn(self, person: Person, subj: Subject, titles: list[str]) -> None:
        mention = " ".join(subj.text.split())
        if mention.endswith(("’s", "'s")):
            mention = mention[:-2]
        if mention not in person.mentions and mention != person.name:
            person.mentions.append(mention)
        for t in titles:
            low = t.lower().rstrip(".")
            if t not in person.titles:
                person.titles.append(t)
            if low in FEMALE_TITLES:
                person.gender = "f"
            elif low in MALE_TITLES:
                person.gender = "m"
        if subj.role and not person.role:
            person.role = subj.role


# Letters NFKD leaves whole: "Jarosław" is written "Jaroslaw" in an ASCII headline.
_UNDECOMPOSED = str.maketrans("łŁøØđĐıßæÆœŒ", "lLoOdDisaAoO")


def _joint_names(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """ "Donald Trump and House Speaker Paul Ryan" -> "Donald Trump and Paul Ryan".

    Only when the second person carries a title (without one the name is already the
    pair) and the first is a person too: titled ("Mr. Trump"), opening with a given
    name ("Donald Trump") or ending with the surname of someone the text has named
    (``known``: "Jeb Bush", "Toomey"), never a body's name ("Bangladeshi Road Transport").
    """
    parts = text.split(" and ")
    if len(parts) != 2:
        return None
    (t1, n1), (t2, n2) = split_name(parts[0]), split_name(parts[1])
    if not t2 or not 1 <= len(n2) <= 3 or not 1 <= len(n1) <= 3:
        return None
    if not all(w[:1].isupper() for w in n1 + n2):
        return None
    if not t1 and n1[-1] not in known and (len(n1) < 2 or given_names.gender_of(n1[0]) is None):
        return None
    return f"{' '.join(n1)} and {' '.join(n2)}"


@functools.lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """ "Erdoğan" -> "erdogan": a name written with or without its diacritics is one name."""
    if word.isascii():
        return word.lower()
    plain = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


# Bodies of people whose names are proper nouns ("Democrats said" names someone), and
# "Police", the force of the place the story is about.
_PROPER_GROUPS = frozenset(["democrats", "republicans", "americans", "police"])


def _common_noun(text: str) -> bool:
    word = text.strip()
    return " " not in word and word.lower() in SPEAKER_NOUNS and word.lower() not in _PROPER_GROUPS


def name_basis(text: str, person: Person) -> str:
    """named (the full name), title ("Mr. Das") or alias (a surname, a short form)."""
    titles, toks = name_parts(text)
    if toks == person.tokens or len(toks) >= len(person.tokens) >= 1:
        return "named"
    if any(t.lower() in HONORIFICS for t in titles):
        return "title"
    return "alias"


def rivals(r: SpeakerResolver, chosen: Person, subj: Subject, chosen_at: int) -> tuple[Person, ...]:
    """Others a he/she could equally mean: named after the one chosen, of its gender.

    "Smith met Jones on Monday. He said …": the resolver prefers the speaker it
    knows (Smith), but Jones was named since and is a he too, so the claim says
    both; verify then treats its speaker as uncertain.
    """
    want = PRONOUNS.get(subj.text.lower())
    if want not in ("m", "f"):
        return ()
    lo = max(chosen_at, subj.start - 400)
    hi = min(subj.start, own_sentence(r.text, subj.start))
    out: list[Person] = []
    for at, text in r.names_at:
        if at <= lo or at >= hi:
            continue
        _, toks = split_name(text)
        other = r.lookup(tuple(toks)) if toks else None
        if other is None and len(toks) >= 2 and not any(t.lower() in ORG_HINTS for t in toks):
            # Named, not yet spoken, but a he or she by the article's own words.
            gender = r.gender_of(tuple(toks))
            other = Person(" ".join(toks), tuple(toks), "person", gender=gender)
        if (
            other is None
            or other is chosen
            or other.kind != "person"
            or other.gender != want
            or other.tokens[-1] == chosen.tokens[-1]
            or any(o.name == other.name for o in out)
        ):
            continue
        out.append(other)
    return tuple(out)
