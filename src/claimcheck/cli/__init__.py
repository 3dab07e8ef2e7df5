"""The command line: thin commands over the library (see ``app``)."""

from claimcheck.cli.app import app, main

__all__ = ["app", "main"]
