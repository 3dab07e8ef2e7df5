"""Settings from ``claimcheck.toml`` / ``[tool.claimcheck]``, with where each came from.

Precedence: defaults < the config file < command-line options. The file is
``--config FILE`` or the nearest of ``.claimcheck.toml``, ``claimcheck.toml``,
``pyproject.toml`` (only with a ``[tool.claimcheck]`` table) upward from the
working directory; ``--isolated`` reads none. Paths in a file are relative to
that file's folder and are shown relative to the working directory.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimcheck.catalogue import RULE_IDS
from claimcheck.errors import ConfigError
from claimcheck.models import Severity

NAMES = (".claimcheck.toml", "claimcheck.toml", "pyproject.toml")
_PATH_KEYS = ("corpus", "claims", "baseline", "index")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Settings(BaseModel):
    """claimcheck configuration (``[tool.claimcheck]`` or ``claimcheck.toml``)."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )

    corpus: str = Field("corpus", description="Folder of source articles.")
    claims: str | None = Field(None, description="Ledger folder (default: claims/ by the corpus).")
    include: list[str] = Field(
        default_factory=lambda: ["**/*.md"], description="Drafts to check (gitignore globs)."
    )
    exclude: list[str] = Field(default_factory=list, description="Drafts to skip (globs).")
    threshold: float = Field(80.0, ge=0, le=100, description="Lowest fuzzy score (0-100).")
    scope: Literal["quotes", "attributed", "all"] = Field(
        "attributed", description="Which statements to check."
    )
    severity: dict[str, Severity] = Field(
        default_factory=dict,
        description="Per-rule severity overrides, e.g. speaker-conflict = 'warning'.",
        json_schema_extra={"propertyNames": {"enum": list(RULE_IDS)}},
    )
    fail_on: Literal["error", "warning", "info", "never"] = Field(
        "error", description="Lowest severity that fails the run."
    )
    max_warnings: int | None = Field(None, ge=0, description="Fail on more warnings than this.")
    baseline: str | None = Field(None, description="Baseline file of known findings.")
    index: str | None = Field(
        None,
        description=(
            "The corpus index: a file (SQLite) or a postgresql:// URL (default: "
            ".claimcheck/index.sqlite beside the corpus, used when it exists)."
        ),
    )
    speakers: dict[str, list[str]] = Field(
        default_factory=dict, description="Canonical speaker name -> the aliases a team uses."
    )

    @field_validator("severity")
    @classmethod
    def _known_rules(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        for key in value:
            if key not in RULE_IDS:
                near = difflib.get_close_matches(key, RULE_IDS, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                raise ValueError(f"unknown rule {key!r}{hint}")
        return value


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    file: Path | None = None
    origins: dict[str, str] = field(default_factory=dict)

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")


def discover(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
    return "claimcheck" in data.get("tool", {})


def read_table(path: Path, shown: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such config file", path=shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config ({exc})", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"is not valid TOML ({exc})", path=shown) from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("claimcheck")
    if not isinstance(table, dict):
        raise ConfigError("has no [tool.claimcheck] table", path=shown)
    return table


def validate(values: Mapping[str, Any], where: str) -> Settings:
    try:
        return Settings.model_validate(dict(values))
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            near = difflib.get_close_matches(key, [_kebab(n) for n in Settings.model_fields], n=1)
            msg = "unknown key" + (f"; did you mean {near[0]!r}?" if near else "")
        raise ConfigError(f"{key}: {msg}", path=where) from None


def _rebase(table: dict[str, Any], folder: Path, cwd: Path) -> dict[str, Any]:
    out = dict(table)
    for key in _PATH_KEYS:
        value = out.get(key)
        if isinstance(value, str) and "://" not in value and not Path(value).is_absolute():
            out[key] = Path(os.path.relpath(folder / value, cwd)).as_posix()
    return out


def load(
    cwd: Path,
    *,
    config: Path | None = None,
    isolated: bool = False,
    overrides: Mapping[str, tuple[str, Any]] | None = None,
) -> Loaded:
    """``overrides`` maps a setting to (the option that set it, its value)."""
    if config is not None and isolated:
        raise ConfigError("--config and --isolated exclude each other")
    path = config
    if path is None and not isolated:
        found = discover(cwd)
        # Shown relative to where the user stands, as they would type it.
        path = Path(os.path.relpath(found, cwd)) if found is not None else None
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if path is not None:
        table = read_table(cwd / path, shown=path.as_posix())
        shown = path.as_posix()
        validate(table, shown)
        values = _rebase(table, (cwd / path).resolve().parent, cwd.resolve())
        by_alias = {_kebab(n): n for n in Settings.model_fields}
        values = {by_alias.get(k, k): v for k, v in values.items()}
        origins = dict.fromkeys(values, shown)
    for name, (option, value) in (overrides or {}).items():
        if value is not None:
            values[name] = value
            origins[name] = option
    settings = validate(values, "command line")
    return Loaded(settings, path, origins)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    raise TypeError(type(value))


def _toml_key(key: str) -> str:
    bare = key.replace("-", "").replace("_", "").isalnum() and key.isascii()
    return key if bare else _toml_value(key)


def show(loaded: Loaded) -> str:
    """The effective settings as TOML, each line saying where its value came from."""
    source = loaded.file.as_posix() if loaded.file else "none"
    lines = [f"# config file: {source}"]
    # The keys are printed as they would be written in that file: under
    # [tool.claimcheck] in pyproject.toml, at the top level of claimcheck.toml.
    if loaded.file is not None and loaded.file.name == "pyproject.toml":
        lines.append("[tool.claimcheck]")
    elif loaded.file is None:
        lines.append("# (no config file: the defaults, as claimcheck.toml would hold them)")
    data = loaded.settings.model_dump()
    for name in Settings.model_fields:
        value = data[name]
        key = _kebab(name)
        text = f"# {key} = (unset)" if value is None else f"{key} = {_toml_value(value)}"
        lines.append(f"{text:<50} # {loaded.origin(name)}")
    return "\n".join(lines) + "\n"


def json_schema() -> dict[str, Any]:
    schema = Settings.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://claimcheck.dev/schema/config.json"
    return schema
