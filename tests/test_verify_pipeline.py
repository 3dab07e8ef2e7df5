"""Pipeline behaviour: stored ledgers, scope, stable ids, colour, text report golden."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest
from pytest_regressions.file_regression import FileRegressionFixture

from claimcheck import verify
from claimcheck.extract import extract
from claimcheck.loaders import load
from claimcheck.models import dump_json
from claimcheck.render import RENDERERS
from claimcheck.verify import Settings, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "india-japan-defense.txt"
QUOTE = "“It was not just to counter China but also to build a regional grouping,” Das said."


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def _stored_ledger(folder: Path, tmp_path: Path, sha: str | None = None) -> Path:
    """A reviewed ledger that gives Das's quote to someone else."""
    ledger = extract(load(folder / SEED.name))
    claims = [
        c.model_copy(update={"speaker": "Arnab Dasgupta"}) if c.text.startswith("It was not") else c
        for c in ledger.claims
    ]
    doc = ledger.document.model_copy(update={"sha256": sha or ledger.document.sha256})
    claims_dir = tmp_path / "claims"
    claims_dir.mkdir()
    (claims_dir / f"{SEED.stem}.json").write_text(
        dump_json(ledger.model_copy(update={"claims": claims, "document": doc}))
    )
    return claims_dir


def test_current_stored_ledger_is_used(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    claims = _stored_ledger(folder, tmp_path)
    corpus = load_corpus(str(folder), str(claims))
    entry = next(e for e in corpus.index.entries if e.claim.text.startswith("It was not"))
    assert entry.claim.speaker == "Arnab Dasgupta"


def test_stale_stored_ledger_is_ignored(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    claims = _stored_ledger(folder, tmp_path, sha="0" * 64)
    corpus = load_corpus(str(folder), str(claims))
    entry = next(e for e in corpus.index.entries if e.claim.text.startswith("It was not"))
    assert entry.claim.speaker == "Shubhamitra Das"


def test_scope_selects_claim_kinds(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(f"{QUOTE}\n\nDas noted that India and Japan are institution builders.\n")
    corpus = load_corpus(str(ROOT / "corpus"))
    kinds = {
        scope: [
            r.statement.kind for r in verify([str(draft)], corpus, Settings(scope=scope)).results
        ]
        for scope in ("quotes", "attributed", "all")
    }
    assert kinds["quotes"] == ["quote"]
    assert kinds["attributed"] == ["quote", "indirect"]
    assert len(kinds["all"]) >= 2


def test_result_id_survives_moving_a_paragraph(tmp_path: Path) -> None:
    other = "“India and Japan share common understandings,” Dasgupta said."
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(f"{QUOTE}\n\n{other}\n")
    b.write_text(f"Intro line.\n\n{other}\n\nMore text here.\n\n{QUOTE}\n")
    corpus = load_corpus(str(ROOT / "corpus"))

    def ids() -> dict[str, tuple[str, int]]:
        return {
            r.statement.text: (r.id, r.statement.line) for r in verify([str(a)], corpus).results
        }

    first = ids()
    b.rename(a)  # same path, paragraphs moved and new ones added
    moved = ids()
    assert {k: v[0] for k, v in moved.items()} == {k: v[0] for k, v in first.items()}
    assert {k: v[1] for k, v in moved.items()} != {k: v[1] for k, v in first.items()}


def test_colour_only_when_asked() -> None:
    corpus = load_corpus(str(ROOT / "corpus"))
    from claimcheck.verify import run

    report = run([], corpus, Settings(), text="It was just to counter China", speaker="Das")
    assert "\033[" in RENDERERS["text"](report, True)
    assert "\033[" not in RENDERERS["text"](report, False)
    assert json.loads(RENDERERS["json"](report, True))["summary"]["errors"] == 1


def test_text_report_golden(file_regression: FileRegressionFixture) -> None:
    with contextlib.chdir(ROOT):
        report = verify(["examples/draft.md"], "corpus")
    file_regression.check(RENDERERS["text"](report, False), extension=".txt")


def test_same_bytes_whatever_the_hash_seed() -> None:
    """str hashes change per process; nothing in the report may depend on them."""
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        cmd = [sys.executable, "-m", "claimcheck", "verify", "examples/draft.md", "-f", "json"]
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 1, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_draft_verified_again_is_extracted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same bytes, same statements: the extractor runs once for them, and a changed
    draft is extracted again."""
    from claimcheck.verify import pipeline, statements

    corpus = load_corpus(str(_corpus(tmp_path)))
    draft = tmp_path / "draft.md"
    draft.write_text(QUOTE + "\n", encoding="utf-8")
    calls: list[str] = []
    real = statements.from_document

    def counted(doc, scope="attributed"):  # type: ignore[no-untyped-def]
        calls.append(doc.sha256)
        return real(doc, scope)

    monkeypatch.setattr(statements, "from_document", counted)
    monkeypatch.setattr(pipeline, "_DRAFTS", type(pipeline._DRAFTS)())
    first = pipeline.verify([str(draft)], corpus, Settings())
    second = pipeline.verify([str(draft)], corpus, Settings())
    assert len(calls) == 1
    assert second.model_dump_json() == first.model_dump_json()
    draft.write_text(QUOTE.replace("Das said", "said Das") + "\n", encoding="utf-8")
    third = pipeline.verify([str(draft)], corpus, Settings())
    assert len(calls) == 2
    assert third.results[0].statement.text == second.results[0].statement.text
    pipeline.forget_drafts()
    assert pipeline.verify([str(draft)], corpus, Settings()) == third
    assert len(calls) == 3
