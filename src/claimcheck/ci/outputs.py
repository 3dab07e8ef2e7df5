"""The CI layer between a finished report and the outside world.

``postprocess`` applies what the team configured (severity overrides, inline
suppressions, ``--diff``, the baseline); ``emit`` renders the chosen format
for stdout and every ``--report FORMAT:FILE``. The exit code comes from the
report alone (``exit_policy.exit_code``), so writing files never changes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck import paths
from claimcheck.ci import baseline, changed_lines, exit_policy, suppress
from claimcheck.errors import ClaimcheckError, InputError, UsageError
from claimcheck.files import encodable, write_atomic
from claimcheck.loaders import documents
from claimcheck.models import Report, Severity, dump_json, dump_jsonl
from claimcheck.render.findings import findings

FORMATS = ("text", "json", "jsonl", "github", "sarif", "rdjson", "rdjsonl", "junit", "markdown")
Render = Callable[[Report, Mapping[str, str]], str]


@dataclass(frozen=True)
class Options:
    fmt: str = "text"
    output: Path | None = None  # the chosen format goes here instead of stdout
    reports: tuple[tuple[str, Path], ...] = ()
    exit: exit_policy.ExitPolicy = field(default_factory=exit_policy.ExitPolicy)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    baseline: Path | None = None
    diff: str | None = None
    cwd: Path = field(default_factory=Path.cwd)


def parse_report_spec(spec: str) -> tuple[str, Path]:
    """``sarif:out/claimcheck.sarif`` -> ("sarif", Path(...))."""
    fmt, sep, path = spec.partition(":")
    if not sep or not path or fmt not in FORMATS:
        raise UsageError(
            f"--report {spec!r}: expected FORMAT:FILE",
            hint=f"FORMAT is one of {', '.join(FORMATS)}",
        )
    return fmt, Path(path)


def read_report(path: Path) -> Report:
    """A report saved with ``--format json`` (or ``--report json:FILE``)."""
    shown = path.as_posix()
    paths.check(path, shown)
    try:
        return Report.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise InputError("no such report file", path=shown) from None
    except OSError as exc:
        raise InputError(f"cannot read report ({exc.strerror})", path=shown) from None
    except ValueError as exc:
        first = str(exc).splitlines()[1:2] or ["invalid"]
        raise InputError(f"is not a claimcheck JSON report ({first[0]})", path=shown) from None


def draft_texts(report: Report, drafts: Iterable[str] = ()) -> dict[str, str]:
    """Each draft's text, for suppression comments and byte columns; unreadable ones skipped.

    ``drafts`` adds drafts without results, whose suppressions are all unused.
    """
    texts: dict[str, str] = {}
    paths = {r.statement.path for r in report.results} | _notice_paths(report) | set(drafts)
    for path in sorted(paths):
        if path in ("-", "<stdin>", "<text>"):
            continue
        try:
            texts[path] = documents.load(path).text
        except ClaimcheckError:
            continue  # verify has already reported it as a run error
    return texts


def _notice_paths(report: Report) -> set[str]:
    return {e.path for e in report.errors if e.path is not None}


def postprocess(report: Report, texts: Mapping[str, str], options: Options) -> Report:
    report = exit_policy.override(report, options.severity)
    report = suppress.apply(report, texts)
    if options.diff is not None:
        paths = sorted({r.statement.path for r in report.results})
        report = changed_lines.only_changed(
            report, changed_lines.changed_lines(options.diff, paths, options.cwd)
        )
    if options.baseline is not None:
        report = baseline.apply(report, baseline.read(options.baseline))
    return report


def _concise(report: Report, texts: Mapping[str, str]) -> str:
    """``path:line:col: severity [rule] message``: the fallback when no text renderer is given."""
    return "".join(
        f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}\n"
        for f in findings(report, include_info=False)
    )


def _lazy(module: str, name: str = "render", texts: bool = False) -> Render:
    """A renderer imported when used: a verify writes one format, not all of them
    (the renderers are 30 ms of a cold start)."""

    def run(report: Report, given: Mapping[str, str]) -> str:
        from importlib import import_module

        fn = getattr(import_module(f"claimcheck.render.{module}"), name)
        return str(fn(report, given) if texts else fn(report))

    return run


BUILTIN: dict[str, Render] = {
    "text": _concise,
    "json": lambda r, t: dump_json(r),
    "jsonl": lambda r, t: "".join(dump_jsonl(x) + "\n" for x in r.results),
    "github": _lazy("github"),
    "markdown": _lazy("markdown"),
    "sarif": _lazy("sarif"),
    "rdjson": _lazy("rdjson", texts=True),
    "rdjsonl": _lazy("rdjson", "render_lines", texts=True),
    "junit": _lazy("junit"),
}


def render(
    fmt: str,
    report: Report,
    texts: Mapping[str, str],
    base: Mapping[str, Callable[[Report], str]] | None = None,
) -> str:
    """``base`` supplies the verify command's own text/json/jsonl renderers when present."""
    if base and fmt in base:
        return base[fmt](report)
    return BUILTIN[fmt](report, texts)


def write_reports(
    report: Report,
    texts: Mapping[str, str],
    reports: Iterable[tuple[str, Path]],
    base: Mapping[str, Callable[[Report], str]] | None = None,
) -> None:
    for fmt, path in reports:
        write_atomic(path, render(fmt, report, texts, base))


def append_step_summary(report: Report, env: Mapping[str, str] | None = None) -> bool:
    """Append the Markdown table to ``$GITHUB_STEP_SUMMARY`` when GitHub set it."""
    target = (os.environ if env is None else env).get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(encodable(BUILTIN["markdown"](report, {})) + "\n")
    except OSError as exc:
        raise InputError(f"cannot append the job summary ({exc.strerror})", path=target) from None
    return True
