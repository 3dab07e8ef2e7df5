"""A hand-built ledger of the seed article, so verify is tested apart from the extractor."""

from __future__ import annotations

from pathlib import Path

from claimcheck.loaders import load
from claimcheck.models import Claim, ClaimKind, DocumentInfo, Ledger, Speaker

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "india-japan-defense.txt"

SPEAKERS = [
    Speaker(name="Shubhamitra Das", aliases=["Das", "Dr. Shubhamitra Das", "Dr Das"]),
    Speaker(name="Arnab Dasgupta", aliases=["Dasgupta", "Dr. Arnab Dasgupta"]),
    Speaker(name="Subrahmanyam Jaishankar", aliases=["Jaishankar"]),
    Speaker(name="Dongkeun Lee", aliases=["Lee"]),
]

# (kind, speaker, text as it stands in the article)
CLAIMS: list[tuple[ClaimKind, str | None, str]] = [
    ("narrative", None, "If finalized, this pact would allow the two countries’ militaries to use"),
    (
        "indirect",
        "Shubhamitra Das",
        "the evolving Indo-Pacific strategy, supported by the United States and its allies, "
        "has created a strong foundation for India and Japan to deepen their partnership",
    ),
    ("quote", "Shubhamitra Das", "India and Japan have been close since the 1952 peace treaty."),
    ("quote", "Shubhamitra Das", "It was not just to counter China but also to build"),
    ("narrative", None, "Both Japan and India shared a commitment to an “inclusive and plural"),
    (
        "indirect",
        "Shubhamitra Das",
        "close collaboration with the United States would further strengthen the ties "
        "between New Delhi and Tokyo",
    ),
    ("narrative", None, "On November 16, India took a significant step by signing its first"),
    ("narrative", None, "The pact formalized a “memorandum of implementation” for the"),
    ("quote", "Arnab Dasgupta", "In that sense, there is nothing surprising"),
    ("quote", "Arnab Dasgupta", "“India and Japan share common understandings of the"),
    (
        "indirect",
        "Subrahmanyam Jaishankar",
        "the India-Japan relationship has evolved significantly over the past decade",
    ),
    (
        "indirect",
        "Dongkeun Lee",
        "the proposed reciprocal supply and services pact would allow India and Japan to "
        "establish semi-overseas bases on opposite sides of the Indo-Pacific, enhancing support "
        "for each other’s naval operations",
    ),
]


def _span(text: str, prefix: str) -> tuple[int, int]:
    """Extend a claim's opening words to the end of its quote or sentence."""
    start = text.index(prefix)
    if prefix.startswith("“"):
        start += 1
    if prefix.startswith(("the ", "close")):
        return start, start + len(prefix)
    line_end = text.index("\n", start)
    quote_end = text.find("”", start, line_end)
    if quote_end > 0 and text[start - 1] == "“":
        return start, quote_end - (1 if text[quote_end - 1] == "," else 0)
    stop = text.find(". ", start, line_end)
    return start, (stop + 1 if stop > 0 else line_end)


def seed_ledger() -> Ledger:
    doc = load(SEED.relative_to(ROOT).as_posix() if Path.cwd() == ROOT else SEED)
    claims: list[Claim] = []
    for n, (kind, speaker, prefix) in enumerate(CLAIMS, 1):
        start, end = _span(doc.text, prefix)
        line, col = doc.line_col(start)
        end_line, end_col = doc.line_col(end)
        claims.append(
            Claim(
                id=f"india-japan-defense:{line}:{n}",
                kind=kind,
                text=doc.text[start:end],
                start=start,
                end=end,
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
                speaker=speaker,
                rule="hand",
            )
        )
    info = DocumentInfo(path="corpus/india-japan-defense.txt", sha256=doc.sha256)
    return Ledger(document=info, speakers=SPEAKERS, claims=claims)
