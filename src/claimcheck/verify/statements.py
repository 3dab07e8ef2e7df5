"""What to check: statements from statement files, or found in drafts by ``extract()``.

A statement is a ``StatementRef`` (the report's own model). Statement files
list ``text`` with an optional ``speaker`` and ``id``, as YAML, JSON, JSONL or
CSV; a malformed file is an ``InputError`` naming the file and line. Drafts
are documents: the extractor finds their quotes and attributed claims.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from claimcheck.errors import InputError
from claimcheck.extract.pipeline import extract
from claimcheck.loaders.documents import Document
from claimcheck.models import Claim, ClaimKind, Ledger, StatementRef

if TYPE_CHECKING:
    import yaml

Scope = Literal["quotes", "attributed", "all"]
SCOPES: dict[str, frozenset[ClaimKind]] = {
    "quotes": frozenset({"quote"}),
    "attributed": frozenset({"quote", "indirect"}),
    "all": frozenset({"quote", "indirect", "narrative"}),
}
STATEMENT_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".csv")


def standalone(
    text: str,
    speaker: str | None = None,
    *,
    path: str = "<text>",
    line: int = 1,
    kind: ClaimKind = "quote",
    ident: str | None = None,
) -> StatementRef:
    """A statement that is not a span of a draft (``--text``, a statement file's row).

    Its location is its line (or item number); columns cover the whole text.
    """
    return StatementRef(
        text=text,
        speaker=speaker,
        path=path,
        line=line,
        column=1,
        end_line=line,
        end_column=len(text) + 1,
        kind=kind,
        id=ident,
    )


def is_statement_file(path: str) -> bool:
    return path.lower().endswith(STATEMENT_SUFFIXES)


def from_document(document: Document, scope: Scope = "attributed") -> list[StatementRef]:
    """The draft's claims of the kinds in scope, as statements.

    What a draft presents as a speaker's exact words is what must be in the
    corpus: a quotation split by its cue is checked without the cue (its parts
    joined by an ellipsis, so they must occur in order), and each quoted part of
    a mixed quote is checked on its own, since the words around it are the
    writer's paraphrase.
    """
    return from_ledger(document, extract(document), scope)


def from_ledger(
    document: Document, ledger: Ledger, scope: Scope = "attributed"
) -> list[StatementRef]:
    """``from_document`` for a ledger already extracted (the caller needs its speakers too)."""
    kinds = SCOPES[scope]
    out: list[StatementRef] = []
    claims = [c for c in ledger.claims if c.kind in kinds]
    for c in claims:
        if _nested(c, claims):
            continue
        if c.form == "mixed" and c.verbatim:
            for part in c.verbatim:
                out.append(_span(document, part.text, c.speaker, c.kind, part.start, part.end))
        elif c.form == "split" and len(c.verbatim) > 1:
            text = " … ".join(part.text for part in c.verbatim)
            out.append(_span(document, text, c.speaker, c.kind, c.start, c.end))
        else:
            out.append(_span(document, c.text, c.speaker, c.kind, c.start, c.end))
    return out


def _nested(claim: Claim, claims: list[Claim]) -> bool:
    """Reported speech inside another claim's reported speech is checked as part of it.

    "Schumer said Democrats had pleaded with the president not to …" is one thing
    Schumer said; the plea inside it is not a second statement. A quotation inside
    reported speech is still checked on its own: it claims someone's exact words.
    """
    if claim.kind != "indirect":
        return False
    return any(
        o is not claim and o.kind == "indirect" and o.start <= claim.start and claim.end <= o.end
        for o in claims
    )


def _span(
    document: Document, text: str, speaker: str | None, kind: ClaimKind, start: int, end: int
) -> StatementRef:
    line, column = document.line_col(start)
    end_line, end_column = document.line_col(end)
    return StatementRef(
        text=text,
        speaker=speaker,
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        kind=kind,
        start=start,
        end=end,
    )


@cache
def _no_alias_loader() -> type[yaml.SafeLoader]:
    """The loader of statement files; yaml is imported only for one (50 ms of a start)."""
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        """Aliases are how a small YAML file expands into gigabytes; statements never need one."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, "YAML aliases are not allowed in statement files", event.start_mark
                )
            return super().compose_node(parent, index)

    return NoAliasLoader


def _yaml_rows(text: str, path: str) -> Iterator[tuple[int, Any]]:
    import yaml

    try:
        root = yaml.compose(text, Loader=_no_alias_loader())
    except RecursionError:
        raise InputError(_TOO_DEEP, path=path) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"is not valid YAML ({exc.problem})", path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(f"is not valid YAML ({exc})", path=path) from None
    if root is None:
        return
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "statements":
                root = value
                break
    if not isinstance(root, yaml.SequenceNode):
        raise InputError("expected a list of statements", path=path, line=root.start_mark.line + 1)
    for node in root.value:
        line = node.start_mark.line + 1
        try:
            value = yaml.load(yaml.serialize(node), Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:  # a tag such as !!python/object/apply
            what = getattr(exc, "problem", None) or exc
            raise InputError(f"is not plain YAML data ({what})", path=path, line=line) from None
        except ValueError:  # an integer of more than 4,300 digits
            raise InputError(_LONG_NUMBER, path=path, line=line) from None
        yield line, value


_SURROGATE = re.compile("[\ud800-\udfff]")
_LONG_NUMBER = "holds a number of more than 4,300 digits"
_TOO_DEEP = "nests too deep to be a list of statements"


def _json_rows(text: str, path: str) -> Iterator[tuple[int, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"is not valid JSON ({exc.msg})", path=path, line=exc.lineno) from None
    except RecursionError:
        raise InputError(_TOO_DEEP, path=path) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise InputError(_LONG_NUMBER, path=path) from None
    if isinstance(data, dict) and "statements" in data:
        data = data["statements"]
    if not isinstance(data, list):
        raise InputError("expected a list of statements", path=path, line=1)
    for item in data:
        yield 0, item


def _jsonl_rows(text: str, path: str) -> Iterator[tuple[int, Any]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"is not valid JSON ({exc.msg})", path=path, line=n) from None
        except RecursionError:
            raise InputError(_TOO_DEEP, path=path, line=n) from None
        except ValueError:
            raise InputError(_LONG_NUMBER, path=path, line=n) from None
        yield n, value


def _csv_rows(text: str, path: str) -> Iterator[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise InputError("a CSV statement file needs a 'text' column", path=path, line=1)
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:  # a field past csv.field_size_limit(), a NUL byte
        line = reader.line_num or 1
        raise InputError(f"is not valid CSV ({exc})", path=path, line=line) from None


_READERS = {"yaml": _yaml_rows, "yml": _yaml_rows, "json": _json_rows}
_READERS.update({"jsonl": _jsonl_rows, "csv": _csv_rows})


def from_file(document: Document) -> list[StatementRef]:
    """Statements listed in a statement file (already read and decoded)."""
    path = document.path
    reader = _READERS[path.rsplit(".", 1)[-1].lower()]
    out: list[StatementRef] = []
    for n, (line, row) in enumerate(reader(document.text, path), 1):
        where = line or n
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError("each statement needs a 'text' string", path=path, line=where)
        if not row["text"].strip():
            raise InputError("empty statement text", path=path, line=where)
        speaker = row.get("speaker") or None
        if speaker is not None and not isinstance(speaker, str):
            raise InputError("'speaker' must be a string", path=path, line=where)
        ident = row.get("id")
        if any(_SURROGATE.search(v) for v in (row["text"], speaker or "", str(ident or ""))):
            # JSON's "\ud800" escape decodes to half a character no output can encode.
            raise InputError("holds an unpaired surrogate escape", path=path, line=where)
        out.append(
            standalone(
                row["text"],
                speaker,
                path=path,
                line=where,
                ident=None if ident is None else str(ident),
            )
        )
    return out
