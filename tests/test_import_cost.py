"""``import claimcheck`` and ``claimcheck --help`` stay cheap: heavy modules load where used.

Measured once with ``python -X importtime -m claimcheck --help`` (0.79 s before
the pipelines loaded lazily, 0.29 s after); this test pins the cause, not a time:
which modules a bare import and the help screen pull in.
"""

from __future__ import annotations

import json
import subprocess
import sys

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


def _loaded(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


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
