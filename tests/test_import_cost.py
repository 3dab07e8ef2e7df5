"""``import claimcheck`` and ``claimcheck --help`` stay cheap: heavy modules load where used.

Measured once with ``python -X importtime -m claimcheck --help`` (0.79 s before
the pipelines loaded lazily, 0.29 s after); this test pins the cause, not a time:
which modules a bare import and the help screen pull in.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = (
    "rapidfuzz",
    "numpy",
    "selectolax",
    "docx",
    "yaml",
    "claimcheck.extract.cues",
    "claimcheck.verify.index",
    "claimcheck.models",
    "dask",
    "distributed",
    "pyarrow",
    "fsspec",
    "claimcheck.guard.pipeline",
    "pygls",  # the lsp extra: only `claimcheck lsp` loads it
    "lsprotocol",
)


# What a cold ``verify`` of a Markdown draft against an SQLite index has no use for.
# numpy came with rapidfuzz's cdist (0.15 s), yaml with statement files (50 ms),
# pathspec with include/exclude globs (45 ms), the other renderers with ci.outputs.
VERIFY_HEAVY = (
    "numpy",
    "yaml",
    "pathspec",
    "selectolax",
    "docx",
    "pyarrow",
    "dask",
    "distributed",
    "fsspec",
    "psycopg",
    "pygls",
    "rich",
    "claimcheck.guard.pipeline",
    "claimcheck.render.sarif",
    "claimcheck.render.junit",
    "claimcheck.render.github",
    "claimcheck.render.rdjson",
    "claimcheck.render.markdown",
    "claimcheck.corpus.bulk",
)


def _loaded(code: str, cwd: Path | None = None) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=cwd
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def _cli(*args: str) -> str:
    return (
        f"import sys\nsys.argv = ['claimcheck', {', '.join(map(repr, args))}]\n"
        "from claimcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )


def test_import_claimcheck_loads_no_pipeline() -> None:
    loaded = _loaded("import claimcheck")
    assert not [m for m in HEAVY if m in loaded]
    assert callable(__import__("claimcheck").verify)


def test_help_loads_no_pipeline() -> None:
    code = (
        "import sys\nsys.argv = ['claimcheck', '--help']\nfrom claimcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    loaded = _loaded(code)
    assert not [m for m in HEAVY if m in loaded]


def test_public_api_resolves() -> None:
    import claimcheck
    from claimcheck.extract import extract
    from claimcheck.verify import Corpus, Policy, Settings, check, load_corpus, run

    assert callable(claimcheck.verify)
    assert all(callable(x) for x in (extract, check, load_corpus, run))
    assert Settings().policy == Policy()
    assert Corpus.__name__ == "Corpus"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_cold_verify_with_an_index_loads_only_what_it_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    data = Path(__file__).resolve().parent / "data" / "wikinews"
    shutil.copytree(data, tmp_path / "corpus")
    draft = tmp_path / "draft.md"
    draft.write_text('Callamard said the people were "patient and resilient".\n')
    monkeypatch.setenv("CI", "1")
    subprocess.run(
        [sys.executable, "-m", "claimcheck", "index", "--jobs", "1"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    loaded = _loaded(_cli("verify", "draft.md", "--isolated", "--format", fmt), tmp_path)
    assert "claimcheck.index.stored" in loaded  # answered from the index
    assert not [m for m in VERIFY_HEAVY if m in loaded]


def test_ranking_a_candidate_pool_loads_no_numpy() -> None:
    """The pool of a piece with many near-duplicates (wire copies) is ranked by score;
    rapidfuzz's cdist would import numpy for it, so the ranking scores one by one."""
    code = (
        "from claimcheck.index.memory import best_of_pool\n"
        "assert best_of_pool(['a', 'b'], ['a b', 'b c', 'a c'], [(1, 2), (2, 1), (3, 3)], 2)"
        " == [1, 3]"
    )
    assert "numpy" not in _loaded(code)
