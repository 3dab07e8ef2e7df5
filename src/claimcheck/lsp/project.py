"""Which settings and corpus a document is checked with: the same discovery as ``verify``.

The nearest ``.claimcheck.toml``, ``claimcheck.toml`` or ``pyproject.toml`` with
a ``[tool.claimcheck]`` table upward from the document's folder, else from the
workspace root, else the defaults (``corpus/`` in the workspace root). Paths
in the file are relative to its folder, as on the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claimcheck.ci import settings as settings_mod


@dataclass(frozen=True)
class Project:
    base: Path  # the config file's folder (or the workspace root): relative paths start here
    config: Path | None
    settings: settings_mod.Settings

    @property
    def corpus(self) -> Path:
        return (self.base / self.settings.corpus).resolve()

    @property
    def claims(self) -> Path | None:
        claims = self.settings.claims
        return (self.base / claims).resolve() if claims else None

    @property
    def index(self) -> str | None:
        """The corpus index setting: a file made absolute, or a server URL as written."""
        index = self.settings.index
        if not index or "://" in index:
            return index
        return str((self.base / index).resolve())

    def resolve(self, shown: str) -> Path:
        """A source document's path as a report shows it, made absolute.

        Stored ledgers keep the path their document was extracted under (relative
        to the project, usually); documents extracted now carry the absolute path.
        """
        p = Path(shown)
        if p.is_absolute():
            return p
        for folder in (self.base, self.corpus.parent, Path.cwd()):
            if (folder / p).is_file():
                return (folder / p).resolve()
        return (self.base / p).resolve()


def project_for(document: Path, workspace: Path | None, config: Path | None = None) -> Project:
    """The project ``document`` belongs to; a ``ConfigError`` when its config is bad."""
    found = config
    if found is None:
        found = settings_mod.discover(document.parent)
    if found is None and workspace is not None:
        found = settings_mod.discover(workspace)
    if found is None:
        base = workspace or document.parent
        return Project(base, None, settings_mod.load(base, isolated=True).settings)
    found = found.resolve()
    loaded = settings_mod.load(found.parent, config=found)
    return Project(found.parent, found, loaded.settings)
