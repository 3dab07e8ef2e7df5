"""A document as speaker: "the white paper", "a statement", "her statement" -> its issuer.

A document speaks for whoever issued it when the article says who did: a
possessive ("CP's white paper", "its two-page statement", "her statement"), a
"by" or "from" ("a report by the ministry"), or, for a statement or release
nobody owns, the speaker the article had just quoted ("Gatsby said … A
statement said …"). Otherwise the document stays a speaker of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimcheck.extract.people import Person
from claimcheck.extract.subjects import COUNTRY_SHORT, Subject
from claimcheck.lexicon.cues import ISSUED_WRITINGS

if TYPE_CHECKING:
    from claimcheck.extract.speakers import SpeakerResolver

DOCUMENT_HEADS = frozenset(
    """statement report paper letter memo release complaint lawsuit filing document email
    post tweet affidavit petition motion brief notice announcement communique communiqué
    study survey poll analysis review audit projection estimate""".split()
)


# Recordings show, they do not speak: "video footage from the scene shows …" has no
# source unless the article says whose it is ("the ministry's video", "footage from
# the union").
FOOTAGE_HEADS = frozenset(
    """video videos footage image images photo photos photograph photographs picture
    pictures clip clips recording recordings livestream""".split()
)
OWNED_HEADS = DOCUMENT_HEADS | FOOTAGE_HEADS

# Only a bare "a statement" or "the release" is the last speaker's: "a Turkish
# statement", "several posts on social media" are someone else's.
_BARE = re.compile(r"(?:an?|the)\s+(?:press\s+|written\s+|brief\s+)?\w+", re.I)

_POSSESSIVE = re.compile(r"^(?:(?P<pron>its|his|her|their)|(?P<name>.+?)['’]s?)\s+(?P<rest>.+)$")

_BY = re.compile(r"\s(?:by|from|of)\s+(?P<who>.+)$")

_PUT_OUT_BY = re.compile(
    r"(?<![\w’'.-])(?P<who>[A-Z][\w.&’'-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w.&’'-]*){0,5})"
    r"\s+(?:(?:also|later|then|quickly|has|had)\s+)?(?:issued|released|published|posted|put out|"
    r"sent out|sent|shared|tweeted|emailed|e-mailed|distributed)\s+$"
)

_ACRONYM = re.compile(r"[A-Z]{2,6}")

_PRONOUN_FOR = {"its": "it", "his": "he", "her": "she", "their": "they"}


def head_of(text: str) -> str:
    words = re.split(r"\s+(?:by|from|of|on|in|for|with|claiming|issued|released)\s", text.lower())
    first = words[0].split()
    head = first[-1].strip(".,’'") if first else ""
    if head not in DOCUMENT_HEADS:
        # "projections", "studies": the plural of a document is one too
        for single in (head[:-1], head[:-3] + "y" if head.endswith("ies") else ""):
            if single in DOCUMENT_HEADS:
                return single
    return head


def issuer(r: SpeakerResolver, subj: Subject) -> Person | None:
    """Who issued the document the mention names, if the article says so."""
    text = " ".join(subj.text.split())
    head = head_of(text)
    if head not in OWNED_HEADS:
        return None
    m = _POSSESSIVE.match(
        text[:1].lower() + text[1:] if text[:3] in ("Its", "His", "Her") else text
    )
    if m is None and text[:5] == "Their":
        m = _POSSESSIVE.match("t" + text[1:])
    if m is not None and (m.group("pron") or _is_owner(m.group("name") or "")):
        if m.group("pron"):
            word = _PRONOUN_FOR[m.group("pron")]
            owner = Subject(subj.start, subj.start + len(m.group("pron")), word, "pronoun", None)
        else:
            name = m.group("name")
            kind = "name" if name[:1].isupper() else "noun"
            if re.match(r"(?:The|A|An)\s+[a-z]", name):
                kind = "noun"  # "The ministry's report": a description, capital or not
            owner = Subject(subj.start, subj.start + len(name), name, kind, None)
        return r.resolve(owner)
    by = _BY.search(text)
    if by is not None and head in FOOTAGE_HEADS and by.group().split(None, 1)[0] == "of":
        by = None  # "footage of Trump" shows him, it is not his
    if by is not None:
        who = by.group("who")
        if who.startswith("the ") and who[4:5].isupper():
            who = who[4:]  # "a report by the Ministry of Health": a name
        kind = "name" if who[:1].isupper() else "noun"
        if kind == "noun" and not who.lower().startswith(("the ", "a ", "an ")):
            return None
        if kind == "noun" and head in FOOTAGE_HEADS:
            return None  # "footage from the scene" is where, not whose
        found = r.resolve(Subject(subj.start, subj.end, who, kind, None))
        if found is not None and not found.name[:1].isupper() and kind == "name":
            return None  # "a tweet by US Secretary of State": the name was cut off
        return found
    before: list[str] = []
    for w in text.split():
        if w.lower().strip(".,’'").startswith(head):
            break
        before.append(w)
    acronyms = [w for w in before if _ACRONYM.fullmatch(w) and w not in COUNTRY_SHORT]
    if len(acronyms) == 1:
        # "a March 14, 2019 NATO press release", "a new CDC study": the body named in it.
        return r.resolve(Subject(subj.start, subj.end, acronyms[0], "name", None))
    if head in ISSUED_WRITINGS and _BARE.fullmatch(text):
        put_out = _PUT_OUT_BY.search(r.text, max(0, subj.start - 90), subj.start)
        if put_out is not None:
            # "Facebook released a statement which read, …": the issuer is the
            # sentence's own subject.
            who, at = put_out.group("who"), put_out.start("who")
            if ". " in who:  # "… on Thursday. Acme released": the sentence's own subject
                cut = who.rindex(". ") + 2
                who, at = who[cut:], at + cut
            if who.startswith("The "):
                who, at = who[4:], at + 4
            kind = "pronoun" if who.lower() in ("they", "it", "he", "she", "we") else "name"
            found = r.resolve(Subject(at, at + len(who), who, kind, None))
            if found is not None:
                return found
    if head in ISSUED_WRITINGS and r.recent and _BARE.fullmatch(text):
        # The last speaker the article named, not a description it never tied to one.
        last = next((p for p in reversed(r.recent) if not p.described), None)
        if last is not None and 0 <= subj.start - last.last_at < 400:
            return last  # "Gatsby said … A statement said …": Gatsby's statement
    return None


def _is_owner(name: str) -> bool:
    """ "CP's white paper", "the ministry's report": an owner, not "the report's" page."""
    return bool(name) and name.lower() not in ("the", "a", "an", "this", "that")
