"""``import claimcheck`` and ``claimcheck --help`` stay cheap: heavy modules load where used.

Measured once with ``python -X importtime -m claimcheck --help`` (0.79 s before
the pipelines loaded lazily, 0.29 s after); this test pins the cause, not a time:
which modules a bare import and the help screen pull in.
"""

from __future__ import annotations

import json
import os
import re
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
    "concurrent.futures",  # with multiprocessing: only a pool that starts needs it
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


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("verify", "--help")])
def test_the_floor_loads_no_pydantic(args: tuple[str, ...]) -> None:
    """typer (>= 0.2x) built a pydantic ``TypeAdapter`` for every parameter of the command it
    runs, given or not: ``--version`` imported pydantic (and, through its plugin loader,
    ``importlib.metadata``) for ``--help``'s and ``--version``'s own flags."""
    loaded = _loaded(_cli(*args))
    assert not [m for m in ("pydantic", "importlib.metadata") if m in loaded]


def test_an_option_left_out_is_coerced_as_typer_coerces_it() -> None:
    """The deferred coercion (``help._Deferred``) answers a missing value itself; it must
    answer what typer's own coercion answers, for every parameter of every command."""
    typer_coercion = pytest.importorskip("typer._coercion")
    import typer

    from claimcheck.cli import app
    from claimcheck.cli.help import _Deferred

    def params(command: object) -> list[object]:
        found = list(getattr(command, "params", []))
        for sub in getattr(command, "commands", {}).values():
            found += params(sub)
        return found

    every = params(typer.main.get_command(app))
    assert len(every) > 50
    for param in every:
        descriptor = param.type_descriptor  # type: ignore[attr-defined]
        real = typer_coercion.build_runtime_param(descriptor)
        deferred = _Deferred(typer_coercion.build_runtime_param, param)
        assert deferred.coerce(None, param, None) == real.coerce(None, param, None), param


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


def test_a_verify_process_freezes_its_imports(tmp_path: Path) -> None:
    """The collector's full passes walked every imported module's objects (0.1-0.2 s of a
    cold verify): the one-command process freezes them once the pipeline is imported."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text('Das said: "We will win."\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text('Das said "we will win".\n', encoding="utf-8")
    probe = _cli("verify", "draft.md", "--isolated", "--corpus", "corpus") + (
        "\nimport gc\nprint(gc.get_freeze_count() > 1000)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    ).stdout
    assert out.splitlines()[-1] == "True"


_COLLECTIONS_PROBE = """
import gc, sys
from claimcheck.cli import main
seen = []  # (frozen yet, the collector on at the command's start)
gc.callbacks.append(lambda phase, info: phase == "start" and seen.append(gc.get_freeze_count()))
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(sum(1 for frozen in seen if not frozen), gc.isenabled())
"""


@pytest.mark.parametrize("command", ["verify", "extract"])
def test_a_one_command_process_collects_nothing_while_it_imports(
    tmp_path: Path, command: str
) -> None:
    """The ~100 collections of a cold verify's imports freed nothing: the collector is off
    until the pipeline is imported (verify) or the command starts (every other one), and on
    for the command's work."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text('Das said: "We will win."\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text('Das said "we will win".\n', encoding="utf-8")
    args = ["verify", "draft.md", "--isolated", "--corpus", "corpus"]
    if command == "extract":
        args = ["extract", "corpus", "--isolated", "--out", "claims"]
    out = subprocess.run(
        [sys.executable, "-c", _COLLECTIONS_PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    before_freeze, enabled = out.splitlines()[-1].split()
    assert enabled == "True"
    if command == "verify":
        assert before_freeze == "0"


def test_ranking_a_candidate_pool_loads_no_numpy() -> None:
    """The pool of a piece with many near-duplicates (wire copies) is ranked by score;
    rapidfuzz's cdist would import numpy for it, so the ranking scores one by one."""
    code = (
        "from claimcheck.index.memory import best_of_pool\n"
        "assert best_of_pool(['a', 'b'], ['a b', 'b c', 'a c'], [(1, 2), (2, 1), (3, 3)], 2)"
        " == [1, 3]"
    )
    assert "numpy" not in _loaded(code)


_PATTERNS_PROBE = """
import json, sys
sys.dont_write_bytecode = False
from claimcheck import regexes
with regexes.cached(sys.argv[1]):
    import claimcheck.extract
print(json.dumps(regexes.LAST[0].compiled))
"""


def _compiled_at_start(cache: Path, seed: str) -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", _PATTERNS_PROBE, str(cache)],
        capture_output=True,
        text=True,
        check=True,
        env=env | {"PYTHONHASHSEED": seed},
    ).stdout
    return int(json.loads(out.splitlines()[-1]))


def test_the_extractors_patterns_are_compiled_once_per_install(tmp_path: Path) -> None:
    """Compiling the extractor's patterns was ~0.25 s of every cold verify (regexes).

    A second start, under another hash seed, compiles none: a pattern whose text
    depends on a set's order (``sorted(a_set, key=len)``) would miss the cache at
    every start, and be compiled twice there.
    """
    cache = tmp_path / "regexes.marshal"
    assert _compiled_at_start(cache, "1") > 100
    assert _compiled_at_start(cache, "2") == 0


_SAMPLE = "“We will not back down,” Jane Das, the party's leader, said on Tuesday. He added"


def test_patterns_built_from_the_cache_equal_compiled_ones(tmp_path: Path) -> None:
    from claimcheck import regexes

    cache = tmp_path / "regexes.marshal"
    _compiled_at_start(cache, "0")
    entries = regexes._load(str(cache))
    assert len(entries) > 100
    for (pattern, flags), entry in entries.items():
        built = regexes._build(pattern, entry)
        real = re.compile(pattern, flags)
        assert built == real, pattern  # CPython compares flags, pattern text and code
        assert (built.groups, built.groupindex) == (real.groups, real.groupindex)
        found, expected = built.search(_SAMPLE), real.search(_SAMPLE)
        assert (found and found.span()) == (expected and expected.span()), pattern


def test_a_compiler_whose_internals_changed_still_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``re._parser``/``re._compiler`` are no API: if a later Python changes them, the
    patterns are compiled as usual and nothing is cached."""
    from claimcheck import regexes

    def changed(*_: object) -> None:
        raise AttributeError("module 're._compiler' has no attribute '_code'")

    monkeypatch.setattr(regexes, "_entry", changed)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    cache = regexes._Cache(str(tmp_path / "regexes.marshal"))
    assert cache.compile(r"(?P<who>\w+) said", re.I) == re.compile(r"(?P<who>\w+) said", re.I)
    cache.save()
    assert not (tmp_path / "regexes.marshal").exists()
