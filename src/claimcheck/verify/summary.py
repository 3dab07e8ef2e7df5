"""The counts at the top of a report: ``summarise(results, errors) -> Summary``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimcheck.catalogue import is_notice
from claimcheck.models import Result, RunError, Summary


def summarise(results: Sequence[Result], errors: Sequence[RunError] = ()) -> Summary:
    """Counts of what is left; suppressed results count only as suppressed.

    The one place a Summary is counted: verify builds the first one, and the CI
    layer recounts after severity overrides and suppressions.
    """
    verdicts = Counter(r.verdict for r in results)
    live = Counter(r.severity for r in results if not r.suppressed)
    notices = sum(1 for e in errors if is_notice(e))
    return Summary(
        statements=len(results),
        exact=verdicts["exact"],
        fuzzy=verdicts["fuzzy"],
        missing=verdicts["missing"],
        misattributed=sum(1 for r in results if r.attribution == "mismatch"),
        errors=live["error"],
        warnings=live["warning"] + notices,
        infos=live["info"],
        suppressed=sum(1 for r in results if r.suppressed),
    )
