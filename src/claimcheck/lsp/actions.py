"""Code actions on a finding: the source's exact wording, or a suppression with a reason.

Both are offered, never applied: the writer picks one. The wording fix
replaces the statement with the source passage, keeping the draft's capital
at the start of a quotation (its first word's case is the draft's sentence,
not the source's wording); it is offered only where the statement is one
stretch of the draft (not a quotation split by its cue). The suppression is
the CI layer's own comment, on a line of its own above the statement, with a
reason for the writer to fill in.
"""

from __future__ import annotations

import re

from lsprotocol import types

from claimcheck.lsp.diagnostics import Shown
from claimcheck.lsp.positions import Lines
from claimcheck.render.findings import quoted_source

REASON = "TODO: say why this is right"
_PREFIX = re.compile(r"[ \t>]*")  # indentation and blockquote markers the comment keeps


def wording(shown: Shown, lines: Lines) -> str | None:
    """The source's words to put in place of the statement, if a fix applies."""
    r = shown.result
    if r is None:
        return None
    words = quoted_source(r)
    if not words or lines.text[shown.start : shown.end] != r.statement.text:
        return None
    words = " ".join(words.split())
    draft = r.statement.text
    if draft[:1].isupper() and words[:1].islower():
        words = words[0].upper() + words[1:]
    return words if words != draft else None


def suppression(rule: str, line: int, lines: Lines) -> types.TextEdit:
    """``<!-- claimcheck-disable-next-line RULE -- reason -->`` above 1-based ``line``."""
    start = lines.line_start(line)
    prefix = _PREFIX.match(lines.text, start)
    lead = prefix.group() if prefix else ""
    ending = "\r\n" if "\r\n" in lines.text else "\n"
    comment = f"{lead}<!-- claimcheck-disable-next-line {rule} -- {REASON} -->{ending}"
    at = lines.position(start)
    return types.TextEdit(range=types.Range(at, at), new_text=comment)


def actions(
    uri: str, shown: list[Shown], lines: Lines, start: int, end: int
) -> list[types.CodeAction]:
    """The actions for the findings whose range meets ``[start, end]``."""
    out: list[types.CodeAction] = []
    for s in shown:
        if s.result is None or s.end < start or s.start > end:
            continue
        rule = str(s.diagnostic.code)
        fix = wording(s, lines)
        if fix is not None:
            edit = types.TextEdit(range=s.diagnostic.range, new_text=fix)
            out.append(
                types.CodeAction(
                    title=f"Use the source's wording: “{_short(fix)}”",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[s.diagnostic],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        line = s.result.statement.line
        out.append(
            types.CodeAction(
                title=f"Suppress {rule} here (with a reason)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[s.diagnostic],
                edit=types.WorkspaceEdit(changes={uri: [suppression(rule, line, lines)]}),
            )
        )
    return out


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
