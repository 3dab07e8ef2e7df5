"""The severity policy: which verdicts, attributions and flags are errors.

``Policy`` grades one result (error / warning / info); the run's exit code is
a different policy, the CI layer's (``claimcheck.ci.exit_policy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.models import Attribution, Flag, Severity, Verdict

MATERIAL: frozenset[str] = frozenset(
    {"number-changed", "negation-changed", "name-changed", "modality-changed", "truncated-meaning"}
)


@dataclass(frozen=True)
class Policy:
    """Which findings are errors; override fields to change what fails a run."""

    threshold: float = 80.0
    missing: Severity = "error"
    mismatch: Severity = "error"
    # The draft names someone else, but the source is not sure of its own speaker.
    uncertain_mismatch: Severity = "warning"
    material: Severity = "error"
    fuzzy: Severity = "warning"
    flagged: Severity = "warning"  # exact but flagged (not-a-quote, speaker-conflict, …)
    exact: Severity = "info"
    material_flags: frozenset[str] = field(default_factory=lambda: MATERIAL)

    def severity(
        self,
        verdict: Verdict,
        attribution: Attribution,
        flags: list[Flag],
        *,
        certain: bool = True,
    ) -> Severity:
        """``certain``: the source's speaker is resolved with confidence (see ``evidence``)."""
        found: list[Severity] = [self.exact]
        if verdict == "missing":
            found.append(self.missing)
        if verdict == "fuzzy":
            found.append(self.fuzzy)
        if attribution == "mismatch":
            found.append(self.mismatch if certain else self.uncertain_mismatch)
        if any(f in self.material_flags for f in flags):
            found.append(self.material)
        if flags:
            found.append(self.flagged)
        order = {"error": 0, "warning": 1, "info": 2}
        return min(found, key=lambda s: order[s])
