from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pgserver import ENV_REQUIRE, server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "india-japan-defense.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED


# An empty index on each backend, for the tests of the index (test_index_store) and
# of an archive's index (test_archive_index). The PostgreSQL server is real.
@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    import os

    try:
        with server() as url:
            yield url
    except RuntimeError as exc:
        if os.environ.get(ENV_REQUIRE) or os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required here and could not be started: {exc}")
        yield None
        return


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "index.sqlite")
        return
    url = request.getfixturevalue("postgres_url")
    if url is None:
        pytest.skip("no PostgreSQL server could be started here (see tests/pgserver.py)")
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        # Connections an earlier test left open would hold locks that DROP waits for.
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        # Dropped here, not through the store: an earlier test may have left tables
        # that are no claimcheck index, which the store refuses to open.
        for table in ("post", "df", "units", "entries", "docs", "meta"):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    yield url
