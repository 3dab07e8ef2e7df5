"""Evidence for a result: the source passage, where it is, who says it, what changed."""

from __future__ import annotations

from claimcheck.models import Change, SourceRef, Speaker
from claimcheck.verify.align import Edit
from claimcheck.verify.index import ClaimLookup, Entries
from claimcheck.verify.match import EntryMatch
from claimcheck.verify.names import named, same_person


def _line_col(text: str, line: int, column: int, offset: int) -> tuple[int, int]:
    """Line and column of ``offset`` inside a claim that starts at ``line:column``."""
    before = text[:offset]
    breaks = before.count("\n")
    if breaks == 0:
        return line, column + offset
    return line + breaks, offset - before.rfind("\n")


def source_ref(
    index: Entries, m: EntryMatch, speakers: list[str], span: tuple[int, int] | None = None
) -> SourceRef:
    """Where the statement's words are; ``span`` (offsets in the claim text) overrides
    the word range of ``m``, for a paraphrase aligned on its own tokens."""
    entry = index.entries[m.entry]
    claim, f = entry.claim, index.folded(m.entry)
    words = f.words
    passage = None
    line, column = claim.line, claim.column
    end_line, end_column = claim.end_line, claim.end_column
    if span is None and words and m.hi > m.lo:
        span = f.orig_start(words[m.lo].start), f.orig_end(words[m.hi - 1].end)
    if span is not None:
        a, b = span
        passage = claim.text[a:b]
        line, column = _line_col(claim.text, claim.line, claim.column, a)
        end_line, end_column = _line_col(claim.text, claim.line, claim.column, b)
    return SourceRef(
        document=entry.document,
        claim_id=claim.id,
        text=claim.text,
        kind=claim.kind,
        speaker=claim.speaker,
        speakers=speakers,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        passage=passage,
        speaker_basis=claim.speaker_basis,
        speaker_alternatives=claim.speaker_alternatives,
    )


def speaker_of(index: ClaimLookup, eid: int) -> Speaker | None:
    """The entry's speaker as its ledger knows them (with aliases), or None."""
    entry = index.entries[eid]
    name = entry.claim.speaker
    if name is None:
        return None
    known = [s for s in entry.speakers if s.name == name]
    return known[0] if known else Speaker(name=name)


def speaks(index: ClaimLookup, eid: int, draft: str) -> bool:
    """The draft's speaker is the entry's (compared as people, with its document's names)."""
    speaker = speaker_of(index, eid)
    return speaker is not None and same_person(draft, speaker, index.entries[eid].speakers)


def speaking(index: ClaimLookup, eids: list[int], draft: str) -> dict[int, bool]:
    """``speaks`` for each entry, asked once per speaker and document's names.

    Wire copies give one statement dozens of tied sources, each in its own document
    under the same names; comparing names as people is the costly part.
    """
    out: dict[int, bool] = {}
    said: dict[tuple[object, ...], bool] = {}
    docs: dict[int, tuple[tuple[Speaker, ...], tuple[object, ...]]] = {}
    # A draft that names the speaker (or an alias) names them in any document: the
    # document's other names can only add a spelling variant, and aliases only more
    # names. Asked first, of the name alone and then with its aliases, it spares reading
    # every name of every copy's document.
    by_name: dict[str, bool] = {}
    direct: dict[tuple[str, tuple[str, ...]], bool] = {}
    for eid in eids:
        entry = index.entries[eid]
        name, document = entry.claim.speaker, entry.speakers
        if name is None:
            out[eid] = False
            continue
        named_so = by_name.get(name)
        if named_so is None:
            named_so = by_name[name] = same_person(draft, Speaker(name=name))
        if named_so:
            out[eid] = True
            continue
        speaker = next((s for s in document if s.name == name), None)
        aliases = tuple(speaker.aliases) if speaker is not None else ()
        plain = direct.get((name, aliases))
        if plain is None:
            plain = direct[(name, aliases)] = same_person(
                draft, speaker if speaker is not None else Speaker(name=name)
            )
        if plain:
            out[eid] = True
            continue
        # What ``same_person`` reads of the document: its names and aliases. By id, with
        # the tuple kept alive beside it so no other tuple can take the id.
        known = docs.get(id(document))
        if known is None or known[0] is not document:
            names = tuple((s.name, *s.aliases) for s in document)
            known = docs[id(document)] = (document, names)
        key = (name, known[1])
        if key not in said:
            said[key] = speaks(index, eid, draft)
        out[eid] = said[key]
    return out


def uncertain(index: ClaimLookup, eid: int) -> str | None:
    """Why the source's speaker is not sure, or None when it is.

    The ledger says how it found the speaker (``speaker_basis``): a description or
    group the article never ties to a name is ``unresolved``; a mention that could
    be two people lists the others in ``speaker_alternatives``.
    """
    claim = index.entries[eid].claim
    others = claim.speaker_alternatives
    if others:
        return f"the source's mention could also be {' or '.join(others)}"
    if claim.speaker_basis == "unresolved":
        mention = claim.mention.text if claim.mention else claim.speaker
        return f'the source only says "{mention}" and never ties it to a name'
    if claim.speaker and not named(claim.speaker):
        return f'the source\'s speaker "{claim.speaker}" is a description, not a name'
    return None


def speakers_of(index: ClaimLookup, matches: list[EntryMatch]) -> list[Speaker]:
    """Every distinct speaker the corpus gives these words, in corpus order."""
    out: dict[str, Speaker] = {}
    entries = index.entries
    for eid in sorted([m.entry for m in matches]):
        # The first entry of a name gives its speaker: copies of a passage repeat it.
        name = entries[eid].claim.speaker
        if name is not None and name not in out:
            speaker = speaker_of(index, eid)
            assert speaker is not None  # the entry has a speaker's name
            out[name] = speaker
    return list(out.values())


def change(edit: Edit) -> Change:
    op = edit.op if edit.op in ("replace", "delete", "insert") else "replace"
    return Change(op=op, source=" ".join(edit.source), statement=" ".join(edit.statement))  # type: ignore[arg-type]
