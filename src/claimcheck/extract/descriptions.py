"""Descriptions: "the prime minister", "a spokesman for the ministry" as speakers.

A description resolves to the person the article introduced with it ("Prime
Minister Jane Das … the prime minister said"), or becomes a group of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract import documents, referents
from claimcheck.extract.people import (
    FOR_SOMEONE,
    ROLE_HEAD,
    Person,
    split_name,
)
from claimcheck.extract.pronouns import antecedent
from claimcheck.extract.subjects import Subject
from claimcheck.lexicon.cues import FORMS
from claimcheck.lexicon.names import TITLES, title_forms

if TYPE_CHECKING:
    from claimcheck.extract.speakers import SpeakerResolver


# Lower-case words, then a name: "British aid group Gatsby" (not "spokesman for Jane Das").
_NAME_AT_END = re.compile(
    r"^(?:[A-Z][\w.&-]*(?:’s|'s)?\s+)?(?:(?!(?:for|of|to|with|at|from|by|in|on|and|or|the|during|"
    r"within|across|near|outside|inside|over|under|into|about|per|via|than)\b)[a-z][\w-]*\s+){1,4}"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:al|el)-[\w’'.-]+"
    r"|(?:al|el|bin|ibn|de|van|von)(?=\s+[A-Z]))){0,3})$"
)


# A person's name set off by commas right after a description: ", Chris Kervick,".
_NAME_SET_OFF = re.compile(r",\s+((?:Dr\.\s+)?[A-Z][a-z][\w’'-]*(?:\s+[A-Z][\w’'.-]*){1,2}),")


# "of Burundi", "of the United States": a place or body by name, capitals after "of".
_OF_NAME = re.compile(r"of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3}")


# Where a description's head noun ends: "spokeswoman | for the ministry", "officials |
# unauthorized to speak", "lawyers | and experts".
_HEAD_END = frozenset(
    "for of at from with in on to by who that which familiar close and but".split()
)


def _head_words(name: str) -> list[str]:
    words: list[str] = []
    for w in name.lower().replace(",", " ,").split():
        if w in _HEAD_END or w == ",":
            break
        words.append(w)
    while len(words) > 1 and words[-1].endswith("ed"):
        words.pop()  # "officials unauthorized", "sources briefed"
    return words


_BODY_OWNS = re.compile(r"[Tt]he\s+([a-z]+)(?:’s|')s?\s+((?:[\w-]+\s+){0,2}[\w-]+)")


# "However, this person also said": the source just quoted, named or not.
_THIS = re.compile(
    r"(?:this|that)\s+(person|individual|official|source|spokesman|spokeswoman|spokesperson)"
)


def _earlier_description(r: SpeakerResolver, words: list[str]) -> Person | None:
    """ "The spokeswoman said" after "A spokeswoman for the ministry said": the source the
    article described before with that head noun (and any words the short form keeps)."""
    if not words or len(words) > 3 or not all(w.isalpha() and w.islower() for w in words):
        return None
    for p in reversed(r.recent):
        head = _head_words(p.name)
        if not head or head[-1] != words[-1]:
            continue
        if p.kind != "group" or not p.described:
            return None  # a source named with that head is nearer: "the USC … tracking poll"
        if len(p.name.split()) > len(words) and set(words[:-1]) <= set(head[:-1]):
            return p
    return None


def titles_only(name: str) -> bool:
    return all(w.lower().rstrip(".") in TITLES for w in name.split())


def described(r: SpeakerResolver, subj: Subject) -> Person:
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
        and not FOR_SOMEONE.intersection(t.lower() for t in titles)
    ):
        # "Coös County Attorney John McCormick", "current president Emmerson
        # Mnangagwa": a described person, named after the description; but a
        # "spokesman for Mayor Frank G. Jackson" is not the mayor.
        found = r.named(Subject(subj.start, subj.end, bare, "name", subj.role))
        if found is not None:
            return found
    named_last = _NAME_AT_END.search(bare)
    if named_last is not None and not titles_only(named_last.group("name")):
        # "the British aid group Gatsby", "the utility BC Hydro": the name at the end
        # speaks, the words before it are its role.
        name = named_last.group("name")
        at = subj.end - len(name)
        role = bare[: named_last.start("name")].strip()
        found = r.named(Subject(at, subj.end, name, "name", role or subj.role))
        if found is not None:
            return found
    issued_by = documents.issuer(r, subj)
    if issued_by is not None:
        return issued_by
    set_off = _NAME_SET_OFF.match(r.text, subj.end)
    role_word = low.split()[-1] if low.split() else ""
    if set_off is not None and (
        role_word in TITLES or role_word.endswith(("man", "woman", "person"))
    ):
        # "According to Windsor Locks' first selectman, Chris Kervick, there were": the
        # name set off right after the role is who speaks.
        at = set_off.start(1)
        found = r.named(Subject(at, set_off.end(1), set_off.group(1), "name", None))
        if found is not None and found.kind == "person":
            return found
    spoke_for = referents.spokesperson(r, subj) or referents.owned_role(r, subj)
    if spoke_for is not None:
        return spoke_for
    if referents.plain_description(text):
        found = referents.titled_person(r, subj) or referents.named_body(r, subj)
        if found is not None:
            return found
    owned = _BODY_OWNS.fullmatch(text)
    if owned is not None and owned.group(1).lower() in referents.BODY_NOUNS:
        # "The company's CEO", "the city's mayor": the holder of the role the text named.
        held = Subject(subj.start, subj.end, f"the {owned.group(2)}", "noun", subj.role)
        if referents.plain_description(held.text):
            found = referents.titled_person(r, held)
            if found is not None:
                return found
    # "The prime minister said" after "Prime Minister Jane Das"; but "the president
    # of Turkey" is not the president the text named.
    elsewhere = subj.role is not None and subj.role.startswith("of ")
    words = bare.lower().split()
    kin = bool(words) and words[-1] in referents.KIN  # "the father": someone's father
    if low.startswith("the ") and not elsewhere and not kin:
        best, best_at = None, -1
        for p in reversed(r.recent):
            # The role's head only: "the study" is not "co-author of a new study".
            head = ROLE_HEAD.split(p.role or "", maxsplit=1)[0]
            hay = {f for t in p.titles for f in title_forms(t)} | set(head.lower().split())
            if p.kind == "person" and words and all(w in hay for w in words):
                # The one named last, by any form of the name, not the last to speak.
                at = referents.last_named(r, p.tokens[-1], subj.start, p.last_at)
                if at > best_at:
                    best, best_at = p, at
        if best is not None:
            return best
    if low.startswith("the ") and not elsewhere:
        for p in r.people:
            if p.name.lower() == bare.lower():
                return p
        words = bare.lower().split()
        found = antecedent(
            r,
            subj,
            lambda titles, _t: bool(words) and words == [t.lower() for t in titles][-len(words) :],
        )
        if found is not None:
            return found
    capitalised = all(w[:1].isupper() for w in bare.split()[:-1])
    if low.startswith("the ") and len(words) >= 2 and words[-1] in TITLES and capitalised:
        # "the Timmins-James Bay MP", "the Liberal MP": the person with that title, and
        # none introduced with another place ("the Florida senator").
        head = Subject(subj.start, subj.end, f"the {words[-1]}", "noun", None)
        places = frozenset(w.strip(".,") for w in " ".join(words[:-1]).replace("-", " ").split())
        found = referents.titled_person(r, head, places=places)
        if found is not None:
            return found
    found = referents.epithet(r, subj) or referents.kin(r, subj)
    if found is not None:
        return found
    if low.startswith("the ") and not elsewhere and subj.role is None:
        found = _earlier_description(r, bare.split())
        if found is not None:
            return found
    this = _THIS.fullmatch(low)
    if this is not None and subj.role is None:
        found = _earlier_description(r, [this.group(1)])
        last = r.recent[-1] if r.recent else None
        if found is None and last is not None and this.group(1) in ("person", "individual"):
            found = last if 0 <= subj.start - last.last_at < 600 else None
        if found is not None:
            return found
    name = bare
    of_role = " ".join((subj.role or "").split())
    of_place = _OF_NAME.fullmatch(of_role)
    one_of = False
    if of_place is not None and bare[:1].islower() and low.split()[-1] in referents.BODY_NOUNS:
        # "The government of Burundi", "the city of Calabasas": the name says which.
        name = f"{bare} {of_place.group()}"
    elif (
        of_role.startswith("of ")
        and bare[:1].islower()
        and len(bare.split()) <= 3
        and (of_phrase := _of_phrase(of_role)) is not None
    ):
        # "The head of the police's internal investigators", "the owner of the Make Crate
        # service", "the president of Turkey": what the person is of says who; a bare
        # "head" or "owner" names nobody. A later "the head" is still this one.
        name, one_of = f"{bare} {of_phrase}", True
    existing = [p for p in r.people if p.name == name]
    if existing:
        return existing[0]
    person = Person(name, tuple(name.split()), "group", described=name == bare or one_of)
    r.people.append(person)
    return person


# Where a description's "of" phrase ends: a verb or a clause word the speaker phrase ran
# into ("the former secretary of state has long", "the first member of Congress to").
_OF_PHRASE_END = (
    frozenset(
        """is are was were has have had been be will would can could may might must should
        does did do to that which who whom whose than as also still said says told
        includes include led""".split()
    )
    | FORMS.keys()
)


_OF_TAIL = frozenset("in on at by from for with to of the a an and or all".split())


def _of_phrase(role: str) -> str | None:
    """ "of the police's internal investigators", cut where the phrase stops being one."""
    words = role.split()
    kept = words[:1]
    for w in words[1:]:
        low = w.lower()
        if low in _OF_PHRASE_END or (low.endswith("ed") and len(low) > 4):
            break
        if w[:1].isupper() and kept[-1][:1].islower() and kept[-1] not in ("of", "the", "and"):
            break  # "a number of people The Washington Post": the next phrase's name
        kept.append(w)
    while len(kept) > 1 and (kept[-1].lower() in _OF_TAIL or kept[-1].isdigit()):
        kept.pop()  # "an average of recent polls by", "a poll of voters in all 50"
    if len(kept) < 2 or len(kept) > 10 or kept[-1].lower() in ("the", "a", "an", "and", "of"):
        return None
    return " ".join(kept)


def basis(subj: Subject, person: Person) -> str:
    """How a description names its speaker: by a name it holds, as a document, or as one."""
    if documents.head_of(" ".join(subj.text.split())) in documents.OWNED_HEADS:
        return "document"  # "CP's white paper", "a statement" -> its issuer
    words = [w.lower().strip(".,") for w in subj.text.split()]
    if person.kind == "person" and person.surname.lower() in words:
        return "named"  # "Coös County Attorney John McCormick"
    return "description"
