"""The ``Ledger`` model assembled from the emitted claims, validated in one call."""

from __future__ import annotations

import operator
import re

from claimcheck.extract.acts import act_of
from claimcheck.extract.people import Person
from claimcheck.extract.state import State
from claimcheck.loaders.documents import Document
from claimcheck.models import Ledger

_WORDY = re.compile(r"[^\W_]")

_ORDER = operator.attrgetter("raw.start", "raw.end", "raw.kind")  # a claim's place in its ledger


def build_ledger(doc: Document, state: State) -> Ledger:
    # The claims are gathered as plain dicts and validated in one call: the same
    # models as constructing each one, without a Python-level __init__ per object.
    items = sorted(state.out, key=_ORDER)
    text = doc.text
    stem = doc.stem  # a property that splits the path: computed once, not per claim
    claims: list[dict[str, object]] = []
    per_line: dict[int, int] = {}
    speaking: list[Person] = []
    for o in items:
        r = o.raw
        body = text[r.start : r.end]
        if r.end <= r.start or body.isspace():
            continue
        if r.kind == "quote" and not _WORDY.search(text, r.start, r.end):
            continue  # marks around blanks ("“\u3000”") or a dash quote no words
        verbatim: list[dict[str, object]] = []
        if r.verbatim:  # most claims have none: no comprehension built for them
            verbatim = [
                {"text": text[a:b], "start": a, "end": b}
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
            mention = {"text": text[m.start : m.end], "start": m.start, "end": m.end}
        cue = None
        c = r.cue
        if c is not None:
            cue = {
                "text": text[c.start : c.end],
                "start": c.start,
                "end": c.end,
                "lemma": c.lemma,
                "stance": c.stance,
                "act": act_of(c, r.subject, text, r.start),
            }
        claims.append(
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
                "speaker_basis": o.basis if person else None,
                "speaker_alternatives": (
                    [p.name for p in o.alternatives if p is not person] if o.alternatives else []
                ),
                "mention": mention,
                "cue": cue,
                "stance": c.stance if c is not None else None,
                "rule": r.rule,
                "form": r.form,
                "verbatim": verbatim,
            }
        )
    speakers = [{"name": p.name, "aliases": p.aliases(), "role": p.role} for p in speaking]
    info = {"path": doc.path, "sha256": doc.sha256, "title": doc.title or state.title}
    return Ledger.model_validate(
        {"document": info, "speakers": speakers, "claims": claims, "skipped": state.skipped}
    )
