"""How every ``--help`` reads: what the command does, its options, examples, exit codes.

A command's docstring is its help. Its first line is the summary (also listed by
``claimcheck --help``); more paragraphs may follow; then blocks that open with
``Examples:`` or ``Exit codes:`` (or ``Files:``, ``See also:``) on a line of their
own are printed after the options exactly as written, never re-wrapped::

    def verify(...) -> None:
        \"\"\"Check a draft's quotes and attributed claims against the corpus.

        Examples:
          claimcheck verify examples/draft.md

        Exit codes:
          0  nothing at the fail level
        \"\"\"

Options read ``--corpus DIR``: the option's ``metavar``, never a type (``<str>``,
``<list[str]>``); a flag shows none. A default the help text does not mention is
added as "(default: …)". The output is plain text (no colour, no boxes), so it
reads the same in a terminal, a pipe and a CI log, and it loads no rich.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

_TAIL = re.compile(r"^(?:Examples|Exit codes|Files|See also):\s*$", re.M)


def split_help(text: str) -> tuple[str, str]:
    """The help's prose, and its verbatim blocks (examples, exit codes)."""
    m = _TAIL.search(text)
    if m is None:
        return text.strip(), ""
    return text[: m.start()].strip(), text[m.start() :].rstrip()


def summary(text: str | None) -> str:
    return (text or "").strip().split("\n", 1)[0].strip()


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _argument_usage(param: Any) -> str:
    name = param.metavar or param.name.upper()
    if param.nargs != 1:
        name = name if name.endswith("...") else f"{name}..."
    return name if param.required else f"[{name}]"


def _option_metavar(param: Any) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if param.metavar:
        return str(param.metavar)
    # typer >= 0.20 describes the type itself (type_descriptor); older typer keeps click's.
    kind = getattr(param, "type_descriptor", None) or getattr(param, "type", None)
    choices = getattr(kind, "choices", None)
    if choices:
        return "|".join(c.value if isinstance(c, Enum) else str(c) for c in choices)
    return str(param.name).upper()


def _default_note(param: Any, text: str) -> str:
    default = param.default
    if (
        not getattr(param, "show_default", True)
        or default in (None, False, (), [])
        or callable(default)
        or getattr(param, "is_flag", False)
        or "default" in text.lower()
    ):
        return ""
    value = default.value if isinstance(default, Enum) else default
    return f" (default: {value})"


def _rows(command: Any, ctx: Any, arguments: bool) -> Iterator[tuple[str, str]]:
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False) or _is_argument(param) != arguments:
            continue
        text = " ".join((getattr(param, "help", None) or "").split())
        if arguments:
            yield _argument_usage(param), text
            continue
        names = ", ".join(sorted(param.opts, key=lambda o: (o.startswith("--"), o)))
        if param.secondary_opts:
            names += " / " + ", ".join(param.secondary_opts)
        metavar = _option_metavar(param)
        note = _default_note(param, text)
        if note and text.endswith("."):
            text, note = text[:-1], note + "."
        yield (f"{names} {metavar}" if metavar else names), text + note


def _write(command: Any, ctx: Any, formatter: Any, commands: list[tuple[str, str]]) -> None:
    formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)))
    prose, tail = split_help(command.help or "")
    for paragraph in prose.split("\n\n") if prose else []:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(" ".join(paragraph.split()))
    for title, rows in (
        ("Commands", commands),
        ("Arguments", list(_rows(command, ctx, arguments=True))),
        ("Options", list(_rows(command, ctx, arguments=False))),
    ):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)
    if tail:
        formatter.write_paragraph()
        formatter.write(tail + "\n")


class _Deferred:
    """A parameter's coercion, built when a value is given (typer >= 0.2x builds a pydantic
    ``TypeAdapter`` for every parameter of the command it runs, given or not).

    A parameter left out has the value None, which typer's coercion returns as it is (or as
    ``()`` for a repeatable one) before its adapter is used; only then is that work skipped.
    So ``claimcheck --version`` and ``--help`` import no pydantic (~0.08 s of the floor),
    and a command builds adapters only for the options it was given.
    """

    def __init__(self, build: Callable[[Any], Any], param: Any) -> None:
        self._build, self._param = build, param

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if (param.multiple or param.nargs == -1) else None
        real = self._param._runtime_param = self._build(self._param.type_descriptor)
        return real.coerce(value, param=param, ctx=ctx)


def _defer_coercion(command: Any, ctx: Any) -> None:
    try:
        from typer._coercion import build_runtime_param
    except ImportError:  # an older typer: click's types, no pydantic
        return
    for param in command.get_params(ctx):
        if getattr(param, "_runtime_param", False) is None:
            param._runtime_param = _Deferred(build_runtime_param, param)


class Command(TyperCommand):
    """A command whose help follows the module docstring."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _defer_coercion(self, ctx)
        return list(super().parse_args(ctx, args))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        args = [_argument_usage(p) for p in self.get_params(ctx) if _is_argument(p)]
        return [self.options_metavar or "[OPTIONS]", *args]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _write(self, ctx, formatter, [])


class Group(TyperGroup):
    """A command group (``claimcheck``, ``claimcheck schema``) with the same help style."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _defer_coercion(self, ctx)
        return list(super().parse_args(ctx, args))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [self.options_metavar or "[OPTIONS]", "COMMAND [ARGS]..."]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        listed = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                listed.append((name, summary(cmd.help)))
        _write(self, ctx, formatter, listed)


class App(typer.Typer):
    """A typer app whose commands and groups use this module's help."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", Group)
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("pretty_exceptions_enable", False)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", Command)
        return super().command(name, **kwargs)
