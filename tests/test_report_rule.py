"""Each JSON result carries its rule id, the one every other format shows (issue 15).

Fails before: the JSON report had no rule per result, although the README says
the id is the same in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.catalogue import RULE_IDS, rule_of
from claimcheck.cli.app import app
from claimcheck.models import Result

ROOT = Path(__file__).resolve().parent.parent


def test_every_json_result_names_its_rule() -> None:
    res = CliRunner().invoke(
        app,
        [
            "verify",
            str(ROOT / "examples" / "draft.md"),
            "--corpus",
            str(ROOT / "corpus"),
            "-f",
            "json",
        ],
    )
    results = json.loads(res.stdout)["results"]
    assert results
    for raw in results:
        assert raw["rule"] in RULE_IDS
        assert raw["rule"] == rule_of(Result.model_validate(raw))
    assert {"verified", "missing"} <= {r["rule"] for r in results}
