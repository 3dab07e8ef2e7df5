"""CI: from a finished report to the outputs and the exit code a CI job needs.

The order ``outputs.postprocess`` applies, after ``verify``:

1. ``settings``       ``[tool.claimcheck]`` / ``claimcheck.toml``, found upward
2. ``selection``      which drafts the config's include/exclude globs pick
3. severity overrides by rule id (``exit_policy.override``)
4. ``suppress``       inline ``<!-- claimcheck-disable … -->`` comments
5. ``changed_lines``  ``--diff REF``: only findings on lines changed since REF
6. ``baseline``       only findings not recorded in the baseline file count
7. ``outputs``        every ``--report FORMAT:FILE``, the step summary
8. ``exit_policy``    ``--fail-on`` / ``--max-warnings`` / ``--exit-zero`` → 0, 1, 2

The catalogue of finding kinds that every format shows is
``claimcheck.catalogue``; the formats themselves are ``claimcheck.render``.
"""
