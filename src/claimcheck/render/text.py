"""A terminal report a person reads top to bottom: where, what, who, and the diff.

Removed source words show as ``[-word-]`` and added draft words as ``{+word+}``
so the diff survives without colour (``NO_COLOR``, pipes, CI logs); colour only
emphasises them.
"""

from __future__ import annotations

import difflib
import textwrap

from claimcheck.catalogue import is_notice
from claimcheck.models import Report, Result
from claimcheck.render.words import count, location, visible
from claimcheck.text import fold

BASELINE = "baseline"  # ci.baseline.REASON: the suppression_reason of a known finding
_RED, _GREEN, _BOLD, _DIM, _RESET = "\033[31m", "\033[32m", "\033[1m", "\033[2m", "\033[0m"
_SEVERITY = {"error": _RED, "warning": "\033[33m", "info": _DIM}
_WIDTH = 96


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


_PUNCT = "\"'.,;:!?“”‘’()"


def word_diff(source: str, statement: str, color: bool = False) -> str:
    """The source passage with the draft's edits marked, punctuation outside the marks.

    >>> word_diff("It was not just to counter China", "It was just to counter China")
    'It was [-not-] just to counter China'
    >>> word_diff("troops will leave Syria.", "troops will leave Iraq.")
    'troops will leave [-Syria-] {+Iraq+}.'
    """
    a, b = visible(source).split(), visible(statement).split()
    keys_a = [fold(w).text.strip(_PUNCT) for w in a]
    keys_b = [fold(w).text.strip(_PUNCT) for w in b]
    out: list[str] = []
    sm = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.extend(a[i1:i2])
            continue
        # The source's punctuation after a changed word stays, outside the marks.
        tail = a[i2 - 1][len(a[i2 - 1].rstrip(_PUNCT)) :] if i2 > i1 else ""
        marks: list[str] = []
        if i2 > i1:
            marks.append(_paint("[-" + " ".join(a[i1:i2]).strip(_PUNCT) + "-]", _RED, color))
        if j2 > j1:
            marks.append(_paint("{+" + " ".join(b[j1:j2]).strip(_PUNCT) + "+}", _GREEN, color))
        marks[-1] += tail
        out.extend(marks)
    return " ".join(out)


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _where(path: str, line: int, column: int | None = None) -> str:
    return visible(location(path, line, column))


def render_result(r: Result, color: bool = False) -> list[str]:
    """One result's lines; every text from a draft, a source or a file name is ``visible``."""
    st = r.statement
    sev = _paint(r.severity, _SEVERITY[r.severity], color)
    if r.suppressed:
        sev = _paint(f"suppressed {r.severity}", _DIM, color)
    score = f" {r.score:.1f}" if r.verdict == "fuzzy" else ""
    who = f" ({visible(st.speaker)})" if st.speaker else ""
    where = _where(st.path, st.line, st.column) + ":"
    lines = [f"{where} {sev} {r.verdict}{score}, speaker {r.attribution}{who}"]
    lines += _wrap(f"“{visible(' '.join(st.text.split()))}”", "  ")
    lines += _wrap(visible(r.message), "  ")
    if r.suppressed:
        lines += _wrap(visible(f"suppressed: {r.suppression_reason or 'no reason given'}"), "  ")
    if r.flags:
        lines.append("  flags: " + ", ".join(r.flags))
    src = r.source
    if src is not None:
        said = visible(", ".join(src.speakers)) if src.speakers else "no speaker"
        lines.append(f"  source: {_where(src.document, src.line, src.column)} ({said})")
        passage = visible(" ".join((src.passage or src.text).split()))
        shown = passage if r.verdict == "exact" else word_diff(passage, st.text, color)
        lines += _wrap(shown, "    ")
    elif r.nearest is not None:
        near = r.nearest
        lines.append(
            f"  hint, not a match: nearest is {_where(near.document, near.line, near.column)} "
            f"(score {r.nearest_score:.1f})"
        )
        lines += _wrap(visible(" ".join((near.passage or near.text).split())), "    ")
    return lines


def render(report: Report, color: bool = False) -> str:
    out: list[str] = []
    known = 0
    for r in report.results:
        if r.suppressed and r.suppression_reason == BASELINE:
            known += 1  # accepted when the baseline was written: counted, not shown again
            continue
        out += render_result(r, color)
        out.append("")
    for e in report.errors:
        if is_notice(e):  # a notice about the draft, not a run failure
            where = _where(e.path or "", e.line, 1) if e.line is not None else visible(f"{e.path}")
            out.append(f"{where}: warning [{e.code}] {visible(e.message)}")
        else:
            out.append(f"error: {visible(e.message)}")
    s = report.summary
    c = report.corpus
    inline = s.suppressed - known
    held = [f"{inline} suppressed"] if inline > 0 else []
    if known:
        held.append(f"{known} known from the baseline, not shown")
    out.append(
        f"{count(s.statements, 'statement')}: {s.exact} exact, {s.fuzzy} fuzzy, "
        f"{s.missing} missing; {s.misattributed} misattributed; "
        f"{count(s.errors, 'error')}, {count(s.warnings, 'warning')} "
        + (f"({', '.join(held)}) " if held else "")
        + f"(corpus: {count(c.documents, 'document')}, {count(c.claims, 'claim')})"
    )
    return "\n".join(out) + "\n"
