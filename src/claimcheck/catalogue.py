"""The rule catalogue: one rule per kind of finding, shared by every CI format.

A result gets exactly one rule id, its *primary* kind, so that a SARIF
``ruleId``, a reviewdog ``code`` and a severity override in the config all use
the same name a user sees in the output.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import FLAGS, GUARD_FLAGS, Result, RunError

HELP_URL = "https://claimcheck.dev/rules/"


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    short: str
    full: str
    help: str


def _r(id: str, name: str, short: str, full: str, help: str) -> Rule:
    return Rule(id, name, short, full, help)


RULES: tuple[Rule, ...] = (
    _r(
        "missing",
        "QuoteNotInCorpus",
        "Quote not found in the corpus",
        "Nothing in the source articles is close enough to these words.",
        "Find the source and add it to the corpus, or rephrase without quotation marks.",
    ),
    _r(
        "misattributed",
        "Misattributed",
        "Words attributed to the wrong speaker",
        "The source gives these words to someone else (see the related location).",
        "Attribute the words to the speaker the source names.",
    ),
    _r(
        "number-changed",
        "NumberChanged",
        "A number differs from the source",
        "The draft changes a number the source gives.",
        "Use the source's number exactly (the suggested fix has the source wording).",
    ),
    _r(
        "negation-changed",
        "NegationChanged",
        "A negation was added or dropped",
        "The draft adds or drops a negation, which reverses the meaning.",
        "Quote the source exactly (the suggested fix has the source wording).",
    ),
    _r(
        "name-changed",
        "NameChanged",
        "A name differs from the source",
        "The draft changes a name inside the quoted words.",
        "Quote the source exactly (the suggested fix has the source wording).",
    ),
    _r(
        "modality-changed",
        "ModalityChanged",
        "Certainty or modality changed",
        "The draft changes a modal word (would/will, may/must), which changes the claim.",
        "Quote the source exactly (the suggested fix has the source wording).",
    ),
    _r(
        "truncated-meaning",
        "TruncatedMeaning",
        "A fragment drops a qualifier",
        "The quoted fragment leaves out a qualifier the meaning depends on.",
        "Quote enough of the source to keep its meaning.",
    ),
    _r(
        "paraphrase-quoted",
        "ParaphraseQuoted",
        "Reported speech put in quotation marks",
        "The source only reports these words; the draft presents them as a direct quote.",
        "Remove the quotation marks or find the speaker's own words.",
    ),
    _r(
        "not-a-quote",
        "NotAQuote",
        "The source words are not speech",
        "In the source these words are narration or a scare quote, not anyone's speech.",
        "Attribute the words to the publication, not to a speaker.",
    ),
    _r(
        "speaker-conflict",
        "SpeakerConflict",
        "Sources disagree on the speaker",
        "Two or more sources give these words to different speakers.",
        "Check which source is right before publishing.",
    ),
    _r(
        "misquote",
        "Misquote",
        "Quoted wording differs from the source",
        "The words are close to a source passage but not the same.",
        "Quote the source exactly (the suggested fix has the source wording).",
    ),
    _r(
        "verified",
        "Verified",
        "Quote matches the source",
        "The words and the speaker match the source.",
        "Nothing to do.",
    ),
    _r(
        "unused-suppression",
        "UnusedSuppression",
        "A suppression comment suppressed nothing",
        "A claimcheck-disable comment matched no finding; it may hide a future one.",
        "Delete the comment.",
    ),
    # New rules go last: a rule's index in SARIF output stays what it was.
    _r(
        "draft-not-checked",
        "DraftNotChecked",
        "Part or all of the draft was not checked",
        "The draft is empty, holds only whitespace or markup, or an unclosed code fence turns "
        "the rest of it into code: statements there were not verified.",
        "Check the path and the file's format; close the code fence.",
    ),
    _r(
        "quote-dropped",
        "QuoteDropped",
        "An edit dropped a quotation",
        "A quotation of the earlier version is not in the edited version (claimcheck guard).",
        "Restore the quotation, or declare the removal: "
        "<!-- claimcheck-removed: first words -- reason --> or --allow-removed.",
    ),
    _r(
        "quotes-merged",
        "QuotesMerged",
        "An edit merged separate quotations",
        "Two quotations of the earlier version became one in the edited version "
        "(claimcheck guard): the words read as said at once.",
        "Keep the quotations apart, each with its own attribution.",
    ),
    _r(
        "stale-ledger",
        "StaleLedger",
        "A ledger is older than its source",
        "The source changed since its ledger was extracted: verify extracted it again for "
        "this run and carried the ledger's reviewed claims over by the rule extract uses.",
        "Run the claimcheck extract command the message gives, and review what changed.",
    ),
)
RULE_IDS: tuple[str, ...] = tuple(r.id for r in RULES)
BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
_MATERIAL: tuple[str, ...] = ("number-changed", "negation-changed", "name-changed")
_MATERIAL += ("modality-changed", "truncated-meaning")
_KIND_FLAGS = ("paraphrase-quoted", "not-a-quote", "speaker-conflict")
assert set(_MATERIAL + _KIND_FLAGS + GUARD_FLAGS) == set(FLAGS)


def rule_of(result: Result) -> str:
    """The primary kind: the most serious thing the result says."""
    for flag in GUARD_FLAGS:  # what an edit did to a quotation (guard) comes first
        if flag in result.flags:
            return flag
    if result.verdict == "missing":
        return "missing"
    if result.attribution == "mismatch":
        return "misattributed"
    for flag in (*_MATERIAL, *_KIND_FLAGS):
        if flag in result.flags:
            return flag
    return "misquote" if result.verdict == "fuzzy" else "verified"


def rule_of_error(error: RunError) -> str:
    return error.code


def is_notice(error: RunError) -> bool:
    """Run errors that are findings about the draft, not failures of the run."""
    return error.code in BY_ID
