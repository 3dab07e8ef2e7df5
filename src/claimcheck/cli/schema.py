"""``claimcheck schema``: the JSON Schemas of the ledger, the report and the config."""

from __future__ import annotations

import json

import typer


def schema_ledger() -> None:
    """JSON Schema of the claims ledger."""
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("ledger"), indent=2, sort_keys=True))


def schema_report() -> None:
    """JSON Schema of the verification report."""
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("report"), indent=2, sort_keys=True))


def schema_config() -> None:
    """JSON Schema of the configuration ([tool.claimcheck] / claimcheck.toml)."""
    from claimcheck.ci.settings import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True))
