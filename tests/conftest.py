from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "india-japan-defense.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
