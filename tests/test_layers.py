"""Each stage imports only from its own folder, the stages before it and the shared top level.

The order is the pipeline's (docs/architecture.md): a newcomer can trust the
folder listing, and no stage can grow a dependency on a later one unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "claimcheck"
SHARED = {
    "errors",
    "models",
    "text",
    "limits",
    "files",
    "paths",
    "catalogue",
    "regexes",
    "lexicon",
    "__init__",
    "__main__",
}
# render/ formats models only, so every later stage may print with it.
ORDER = ["loaders", "extract", "render", "corpus", "index", "verify", "ci", "guard", "lsp", "cli"]


def _stage(module: str) -> int:
    """-1 for the shared top level, else the stage's place in ORDER."""
    head = module.split(".")[0]
    return -1 if head in SHARED else ORDER.index(head)


def _imports(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("claimcheck."):
                out.append(node.module.removeprefix("claimcheck."))
            elif node.module == "claimcheck":
                out.extend(a.name for a in node.names if a.name != "__version__")
        elif isinstance(node, ast.Import):
            out.extend(
                a.name.removeprefix("claimcheck.")
                for a in node.names
                if a.name.startswith("claimcheck.")
            )
    return out


def test_no_stage_imports_a_later_one() -> None:
    wrong = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).with_suffix("").as_posix().replace("/", ".")
        if rel.split(".")[0] in ("__init__", "__main__"):
            continue
        mine = _stage(rel)
        for target in _imports(path):
            if _stage(target) > mine:
                wrong.append(f"{rel} imports {target}")
    assert not wrong, wrong


def test_every_stage_is_known() -> None:
    folders = {p.name for p in PKG.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders <= set(ORDER) | SHARED, folders - set(ORDER) - SHARED
