"""The JSON contracts: frozen pydantic models.

The ledger (``claimcheck extract``) and the report (``claimcheck verify``) are
read by programs; their field names are fixed by ``contracts.md``. Fields may be
added; none of the documented ones may be renamed or dropped without raising
that contract's version (``LEDGER_SCHEMA_VERSION``, ``REPORT_SCHEMA_VERSION``).
JSON Schemas are generated from these classes.
"""

from __future__ import annotations

import json
from typing import Any, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

# The two contracts are versioned apart: 1.1 added cue.act, speaker_basis and
# speaker_alternatives to the ledger; the report is unchanged.
LEDGER_SCHEMA_VERSION = "1.1"
REPORT_SCHEMA_VERSION = "1"

ClaimKind = Literal["quote", "indirect", "narrative"]
ClaimForm = Literal["direct", "split", "mixed", "partial", "transcript"]
Stance = Literal["assert", "deny", "ask", "believe"]
Act = Literal["speech", "writing", "evidence", "belief", "intent", "question"]
SpeakerBasis = Literal[
    "named",
    "alias",
    "title",
    "pronoun",
    "description",
    "document",
    "label",
    "context",
    "unresolved",
]
Verdict = Literal["exact", "fuzzy", "missing"]
Attribution = Literal["match", "mismatch", "unattributed-source", "not-stated", "not-applicable"]
Severity = Literal["error", "warning", "info"]
Flag = Literal[
    "number-changed",
    "negation-changed",
    "name-changed",
    "modality-changed",
    "paraphrase-quoted",
    "not-a-quote",
    "speaker-conflict",
    "truncated-meaning",
    # ``claimcheck guard`` only: what an edit did to a quotation of the earlier version.
    "quote-dropped",
    "quotes-merged",
]
FLAGS: tuple[str, ...] = get_args(Flag)
GUARD_FLAGS: tuple[str, ...] = ("quote-dropped", "quotes-merged")  # verify never sets these


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# BaseModel's own slots, written through their descriptors: ``object.__setattr__`` looks
# each one up again on every call (a third of the cost of making a small model).
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

M = TypeVar("M", bound=BaseModel)


def made(cls: type[M], values: dict[str, Any], given: frozenset[str]) -> M:
    """The model ``cls.model_validate(v)`` returns for ``v``, the values of ``given``.

    For values the program computed itself (the extractor's ledgers): ``values``
    holds every field of ``cls`` in its declared order, each already of its type
    (the defaults of the fields not given included); ``given`` is what validation
    records as set. pydantic's ``model_construct`` does the same in Python, field
    by field, at three times validation's cost.
    """
    m: M = _new(cls)
    _set_dict(m, values)
    _set_fields(m, set(given))
    _set_extra(m, None)
    _set_private(m, None)
    return m


# ---------------------------------------------------------------- ledger


class DocumentInfo(Model):
    path: str = Field(description="Path as given on the command line, POSIX separators.")
    sha256: str = Field(description="sha256 of the file's bytes.")
    title: str | None = None


class Speaker(Model):
    name: str = Field(description="Canonical name: the full name as first introduced.")
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None


class Mention(Model):
    text: str
    start: int
    end: int


class Cue(Model):
    text: str
    start: int
    end: int
    lemma: str | None = None
    stance: Stance = "assert"
    act: Act | None = Field(
        default=None,
        description=(
            "What the cue reports (schema 1.1): speech (said, told), writing (wrote, "
            "tweeted, a statement), evidence (a study or document shows, found), belief "
            "(thinks, hopes, fears), intent (plans, vows), question (asked, wondered)."
        ),
    )


class Claim(Model):
    id: str = Field(description="Stable across re-runs of the same text: <stem>:<line>:<n>.")
    kind: ClaimKind
    text: str = Field(description="Exactly document[start:end].")
    start: int
    end: int
    line: int = Field(description="1-based line of start.")
    column: int = Field(default=1, description="1-based column of start, in code points.")
    end_line: int = 1
    end_column: int = 1
    speaker: str | None = None
    speaker_basis: SpeakerBasis | None = Field(
        default=None,
        description=(
            "How the speaker was found (schema 1.1): named (in full, in the sentence), "
            "alias (a surname, short form or acronym of someone named elsewhere), title "
            "('Mr. Das'), pronoun, description ('the mayor', resolved to a name), "
            "document ('the report', resolved to its issuer), label (a transcript or "
            "interview turn), context (a floating or continued quote), unresolved (a "
            "description or group the article never ties to a name: 'the company', "
            "'police'). Null when speaker is null."
        ),
    )
    speaker_alternatives: list[str] = Field(
        default_factory=list,
        description=(
            "Other speakers of the document the mention could equally refer to (a "
            "pronoun with two candidates); empty when the resolution is unambiguous."
        ),
    )
    mention: Mention | None = None
    cue: Cue | None = None
    stance: Stance | None = None
    rule: str
    form: ClaimForm | None = Field(
        default=None,
        description=(
            "For quotes: direct (the whole text is in quotation marks), split (one "
            "quotation interrupted by its cue; verbatim lists the parts), mixed (reported "
            "speech carrying the speaker's words in marks), partial (a quoted fragment "
            "taken from its context), transcript (a labelled turn: 'PENCE: …')."
        ),
    )
    verbatim: list[Mention] = Field(
        default_factory=list,
        description=(
            "For split and mixed quotes: the parts inside quotation marks, the speaker's "
            "own words. Matching a quotation against this claim must use these parts."
        ),
    )
    reviewed: bool = Field(
        default=False, description="True when a person's correction was applied."
    )


class Skipped(Model):
    line: int
    reason: str
    text: str
    start: int = 0
    end: int = 0


class Ledger(Model):
    schema_version: str = LEDGER_SCHEMA_VERSION
    document: DocumentInfo
    speakers: list[Speaker] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    pending_corrections: list[Claim] = Field(
        default_factory=list,
        description=(
            "Reviewed claims whose text the document no longer has (a word was edited): "
            "kept until their text returns (they are applied again) or a person deletes "
            "them here. Written only when there are some."
        ),
    )

    @model_serializer(mode="wrap")
    def _omit_empty_pending(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Ledgers without pending corrections stay byte-identical to those written
        # before the field existed.
        data: dict[str, Any] = handler(self)
        if not data.get("pending_corrections"):
            data.pop("pending_corrections", None)
        return data


# ---------------------------------------------------------------- claims table

# ``extract --out X.parquet`` writes ledgers as a table, one row per claim; its
# columns are derived from these models (``corpus.table``), and it is versioned
# apart from the ledger: a renamed or dropped column raises this.
TABLE_SCHEMA_VERSION = "1"


class ArticleInfo(Model):
    """What the table says of an article beyond ``DocumentInfo``."""

    id: str = Field(
        description="The article's id: its archive row's id, else its row number, or the "
        "stem of its file."
    )
    url: str | None = None
    date: str | None = Field(
        default=None, description="As the archive gives it (a Parquet date in ISO 8601)."
    )


# ---------------------------------------------------------------- report


class ToolInfo(Model):
    name: str = "claimcheck"
    version: str


class CorpusInfo(Model):
    documents: int
    claims: int
    fingerprint: str


class Summary(Model):
    statements: int = 0
    exact: int = 0
    fuzzy: int = 0
    missing: int = 0
    misattributed: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0


class StatementRef(Model):
    text: str
    speaker: str | None = None
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: ClaimKind
    id: str | None = None
    start: int | None = None
    end: int | None = None


class SourceRef(Model):
    document: str
    claim_id: str = Field(
        description=(
            "The claim's id; <stem>:<line>:text for words found in the document's "
            "text that no claim covers."
        )
    )
    text: str
    kind: ClaimKind
    speaker: str | None = None
    speakers: list[str] = Field(default_factory=list)
    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None
    passage: str | None = Field(
        default=None, description="The part of the source claim the statement aligns with."
    )
    speaker_basis: SpeakerBasis | None = Field(
        default=None,
        description="How the source's ledger found its speaker (the claim's speaker_basis).",
    )
    speaker_alternatives: list[str] = Field(
        default_factory=list,
        description="Other speakers the source's mention could refer to (from the ledger).",
    )


class Change(Model):
    op: Literal["replace", "delete", "insert"]
    source: str
    statement: str


class Result(Model):
    id: str = Field(description="Stable fingerprint: survives moving the statement.")
    statement: StatementRef
    verdict: Verdict
    score: float
    attribution: Attribution
    source: SourceRef | None = None
    nearest: SourceRef | None = Field(
        default=None,
        description="For a missing statement: the closest candidate, a hint only.",
    )
    nearest_score: float | None = None
    changes: list[Change] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    severity: Severity
    message: str
    rule: str | None = Field(
        default=None,
        description="The catalogue rule id every other format shows (claimcheck rules).",
    )
    basis: Literal["verbatim", "paraphrase"] | None = Field(
        default=None,
        description=(
            "How the source was found: verbatim (the words, aligned word by word) or "
            "paraphrase (reported speech matched on content words); null when missing."
        ),
    )
    matched: list[str] = Field(
        default_factory=list,
        description="For a paraphrase: the source's words the alignment matched.",
    )
    suppressed: bool = False
    suppression_reason: str | None = None


class RunError(Model):
    path: str | None = None
    line: int | None = None
    code: str
    message: str


class Report(Model):
    schema_version: str = REPORT_SCHEMA_VERSION
    tool: ToolInfo
    corpus: CorpusInfo
    summary: Summary
    results: list[Result] = Field(default_factory=list)
    errors: list[RunError] = Field(default_factory=list)


def dump_json(model: BaseModel) -> str:
    """Deterministic JSON: stable key order (declaration order), no timestamps."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def dump_jsonl(model: BaseModel) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def json_schema(name: Literal["ledger", "report"]) -> dict[str, Any]:
    cls: type[BaseModel] = Ledger if name == "ledger" else Report
    schema = cls.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    version = LEDGER_SCHEMA_VERSION if name == "ledger" else REPORT_SCHEMA_VERSION
    schema["$id"] = f"https://claimcheck.dev/schema/{name}-v{version}.json"
    return schema
