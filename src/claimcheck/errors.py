"""Errors with structured fields, so the CLI can say what, where and how to fix."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """A problem with the input or the run, reported as one line and exit code 2."""

    code = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return " ".join(text.split())


class InputError(ClaimcheckError):
    """A file could not be read or decoded, or is not what it should be."""

    code = "input"


class ConfigError(ClaimcheckError):
    code = "config"


class UsageError(ClaimcheckError):
    code = "usage"
