"""The ``Ledger`` model assembled from the emitted claims.

The extractor builds every value itself (slices of the document, offsets, names
and lemmas of its own), so the models are made from their field values directly,
without pydantic's validation of each one; the few fields whose contract is a
closed set of words (kind, basis, stance, act, form) are checked by membership,
and anything else than those words sends the whole ledger through validation,
which reports it as before.
"""

from __future__ import annotations

import operator
import re
from typing import get_args

from claimcheck.extract.acts import act_of
from claimcheck.extract.people import Person
from claimcheck.extract.state import State
from claimcheck.loaders.documents import Document
from claimcheck.models import (
    LEDGER_SCHEMA_VERSION,
    Act,
    Claim,
    ClaimForm,
    ClaimKind,
    Cue,
    DocumentInfo,
    Ledger,
    Mention,
    Speaker,
    SpeakerBasis,
    Stance,
    made,
)

_WORDY = re.compile(r"[^\W_]")

_ORDER = operator.attrgetter("raw.start", "raw.end", "raw.kind")  # a claim's place in its ledger

_KINDS = frozenset(get_args(ClaimKind))
_BASES = frozenset((*get_args(SpeakerBasis), None))
_STANCES = frozenset(get_args(Stance))
_ACTS = frozenset((*get_args(Act), None))
_FORMS = frozenset((*get_args(ClaimForm), None))

# What each model's validation records as set: the keys build_ledger gives it.
_CLAIM_GIVEN = frozenset(Claim.model_fields) - {"reviewed"}
_MENTION_GIVEN = frozenset(Mention.model_fields)
_CUE_GIVEN = frozenset(Cue.model_fields)
_SPEAKER_GIVEN = frozenset(Speaker.model_fields)
_INFO_GIVEN = frozenset(DocumentInfo.model_fields)
_LEDGER_GIVEN = frozenset({"document", "speakers", "claims", "skipped"})


def build_ledger(doc: Document, state: State) -> Ledger:
    items = sorted(state.out, key=_ORDER)
    text = doc.text
    stem = doc.stem  # a property that splits the path: computed once, not per claim
    claims: list[Claim] = []
    per_line: dict[int, int] = {}
    speaking: list[Person] = []
    closed = True  # every closed-set field holds one of its words
    for o in items:
        r = o.raw
        body = text[r.start : r.end]
        if r.end <= r.start or body.isspace():
            continue
        if r.kind == "quote" and not _WORDY.search(text, r.start, r.end):
            continue  # marks around blanks ("“\u3000”") or a dash quote no words
        verbatim: list[Mention] = []
        if r.verbatim:  # most claims have none: no comprehension built for them
            verbatim = [
                made(Mention, {"text": text[a:b], "start": a, "end": b}, _MENTION_GIVEN)
                for a, b in r.verbatim
                if _WORDY.search(text, a, b)
            ]
            if not verbatim:
                continue  # a mixed quote whose marks hold no words quotes nobody
        line, col = doc.line_col(r.start)
        end_line, end_col = doc.line_col(r.end)
        n = per_line[line] = per_line.get(line, 0) + 1
        person = o.person
        if person is not None and person not in speaking:
            speaking.append(person)
        mention = None
        if o.mention is not None:
            m = o.mention
            said = {"text": text[m.start : m.end], "start": m.start, "end": m.end}
            mention = made(Mention, said, _MENTION_GIVEN)
        cue = None
        c = r.cue
        stance = None
        if c is not None:
            stance = c.stance
            act = act_of(c, r.subject, text, r.start)
            closed = closed and stance in _STANCES and act in _ACTS
            cue = made(
                Cue,
                {
                    "text": text[c.start : c.end],
                    "start": c.start,
                    "end": c.end,
                    "lemma": c.lemma,
                    "stance": stance,
                    "act": act,
                },
                _CUE_GIVEN,
            )
        basis = o.basis if person else None
        closed = closed and r.kind in _KINDS and basis in _BASES and r.form in _FORMS
        claims.append(
            made(
                Claim,
                {
                    "id": f"{stem}:{line}:{n}",
                    "kind": r.kind,
                    "text": body,
                    "start": r.start,
                    "end": r.end,
                    "line": line,
                    "column": col,
                    "end_line": end_line,
                    "end_column": end_col,
                    "speaker": person.name if person else None,
                    "speaker_basis": basis,
                    "speaker_alternatives": (
                        [p.name for p in o.alternatives if p is not person]
                        if o.alternatives
                        else []
                    ),
                    "mention": mention,
                    "cue": cue,
                    "stance": stance,
                    "rule": r.rule,
                    "form": r.form,
                    "verbatim": verbatim,
                    "reviewed": False,
                },
                _CLAIM_GIVEN,
            )
        )
    speakers = [
        made(Speaker, {"name": p.name, "aliases": p.aliases(), "role": p.role}, _SPEAKER_GIVEN)
        for p in speaking
    ]
    title = doc.title or state.title
    if not closed or type(doc.path) is not str or type(doc.sha256) is not str:
        return _validated(doc, title, speakers, claims, state)
    info = made(DocumentInfo, {"path": doc.path, "sha256": doc.sha256, "title": title}, _INFO_GIVEN)
    return made(
        Ledger,
        {
            "schema_version": LEDGER_SCHEMA_VERSION,
            "document": info,
            "speakers": speakers,
            "claims": claims,
            "skipped": list(state.skipped),
            "pending_corrections": [],
        },
        _LEDGER_GIVEN,
    )


def _validated(
    doc: Document, title: str | None, speakers: list[Speaker], claims: list[Claim], state: State
) -> Ledger:
    """The ledger through pydantic's validation: its error names the field at fault."""
    info = {"path": doc.path, "sha256": doc.sha256, "title": title}
    return Ledger.model_validate(
        {
            "document": info,
            "speakers": [s.model_dump() for s in speakers],
            "claims": [c.model_dump(exclude={"reviewed"}) for c in claims],
            "skipped": state.skipped,
        }
    )
