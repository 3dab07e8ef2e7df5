"""``claimcheck config show``: the effective settings and where each came from."""

from __future__ import annotations

import sys

from claimcheck.cli.common import ConfigOpt, IsolatedOpt, fail, load_settings
from claimcheck.errors import ClaimcheckError


def config_show(config: ConfigOpt = None, isolated: IsolatedOpt = False) -> None:
    """Print the effective settings and where each one came from.

    The config is the nearest .claimcheck.toml, claimcheck.toml or pyproject.toml
    with a [tool.claimcheck] table, from this folder upward.

    Examples:
      claimcheck config show
      claimcheck config show --config newsroom/claimcheck.toml

    Exit codes:
      0  printed
      2  the config cannot be read or is invalid
    """
    from claimcheck.ci import settings as settings_mod

    try:
        loaded = load_settings(config, isolated)
    except ClaimcheckError as err:
        fail(err)
    sys.stdout.write(settings_mod.show(loaded))
