from __future__ import annotations

import json

from typer.testing import CliRunner

from claimcheck.cli.app import app
from claimcheck.models import json_schema


def test_ledger_schema_has_contract_fields() -> None:
    schema = json_schema("ledger")
    claim = schema["$defs"]["Claim"]["properties"]
    for name in ("id", "kind", "text", "start", "end", "line", "speaker", "mention", "cue", "rule"):
        assert name in claim
    # schema 1.1: how the speaker was found, and what the cue reports
    for name in ("speaker_basis", "speaker_alternatives"):
        assert name in claim
    assert "act" in schema["$defs"]["Cue"]["properties"]
    assert schema["$id"].endswith("ledger-v1.1.json")


def test_report_schema_has_contract_fields() -> None:
    schema = json_schema("report")
    result = schema["$defs"]["Result"]["properties"]
    for name in ("id", "statement", "verdict", "score", "attribution", "source", "changes"):
        assert name in result
    for name in ("flags", "severity", "message"):
        assert name in result


def test_schema_command_prints_generated_schema() -> None:
    res = CliRunner().invoke(app, ["schema", "ledger"])
    assert res.exit_code == 0
    assert json.loads(res.stdout) == json.loads(json.dumps(json_schema("ledger"), sort_keys=True))
