"""``claimcheck schema``: the JSON Schemas of the ledger, the report and the config."""

from __future__ import annotations

import json

import typer


def schema_ledger() -> None:
    """JSON Schema of the claims ledger (extract --format json).

    Examples:
      claimcheck schema ledger > ledger.schema.json
      check-jsonschema --schemafile ledger.schema.json claims/*.json

    Exit codes:
      0  printed
    """
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("ledger"), indent=2, sort_keys=True))


def schema_report() -> None:
    """JSON Schema of the verification report (verify --format json).

    Examples:
      claimcheck schema report > report.schema.json
      check-jsonschema --schemafile report.schema.json report.json

    Exit codes:
      0  printed
    """
    from claimcheck.models import json_schema

    typer.echo(json.dumps(json_schema("report"), indent=2, sort_keys=True))


def schema_config() -> None:
    """JSON Schema of the configuration ([tool.claimcheck] or claimcheck.toml).

    Point an editor's TOML support at it to check the config as you type.

    Examples:
      claimcheck schema config > claimcheck.schema.json
      claimcheck config show    # the settings in force, each with its source

    Exit codes:
      0  printed
    """
    from claimcheck.ci.settings import json_schema

    typer.echo(json.dumps(json_schema(), indent=2, sort_keys=True))
