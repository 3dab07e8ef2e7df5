"""The README stays a page for users, and what it and docs/ show is what the code does."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(text: str, marker: str) -> str:
    """The fenced block that follows ``<!-- marker… -->``."""
    m = re.search(rf"<!-- {re.escape(marker)}\b.*?-->\n```\w*\n(.*?)^```", text, re.S | re.M)
    assert m, f"no block marked {marker!r}"
    return m.group(1)


def test_the_readme_is_short() -> None:
    assert len(README.splitlines()) <= 250


def test_ci_runs_the_readmes_test_command() -> None:
    (command,) = block_after(README, "test-command").strip().splitlines()
    install, test = command.split(" && ")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install in ci and test in ci
    assert ci.index(install) < ci.index(test)


def test_the_readme_links_every_docs_page() -> None:
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"(docs/{page.name})" in README, f"README does not link docs/{page.name}"
    assert "(benchmarks/README.md)" in README


def test_links_between_pages_resolve() -> None:
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"


def test_measured_history_is_not_in_the_readme() -> None:
    for phrase in ("session", "F1@", "MB/s", "PolNeAR", "untouched"):
        assert phrase not in README, phrase


def test_the_verify_page_shows_the_real_report() -> None:
    page = (ROOT / "docs" / "verify.md").read_text(encoding="utf-8")
    golden = ROOT / "tests" / "test_verify_pipeline" / "test_text_report_golden.txt"
    assert golden.read_text(encoding="utf-8") in page


def test_the_readme_shows_the_editor_settings_docs_editor_md_explains() -> None:
    import json
    import tomllib

    blocks = re.findall(r"<!-- editor-settings\b.*?-->\n```(\w+)\n(.*?)^```", README, re.S | re.M)
    assert [lang for lang, _ in blocks] == ["json", "lua", "toml"]  # VS Code, Neovim, Helix
    editor = (ROOT / "docs" / "editor.md").read_text(encoding="utf-8")
    for lang, body in blocks:
        assert body in editor, f"the README's {lang} settings differ from docs/editor.md's"
    assert json.loads(blocks[0][1])["glspc.server.commandArguments"] == ["lsp"]
    assert tomllib.loads(blocks[2][1])["language-server"]["claimcheck"]["args"] == ["lsp"]
    assert 'cmd = { "claimcheck", "lsp" }' in blocks[1][1]
