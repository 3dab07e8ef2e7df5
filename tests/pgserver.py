"""A real PostgreSQL server for the tests of the shared index: started here, stopped after.

``CLAIMCHECK_TEST_POSTGRES=URL`` uses a server that is already running.
Otherwise a throw-away cluster is made with the distribution's ``initdb`` and
``pg_ctl`` (``apt-get install postgresql``), listening on a Unix socket only,
run as the ``postgres`` user when the tests run as root (the server refuses
root). When no server can be started, the PostgreSQL tests are skipped with
the reason, unless ``CLAIMCHECK_REQUIRE_POSTGRES`` is set (``.ci/run`` sets it):
then they fail, so CI never passes without them.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV_URL = "CLAIMCHECK_TEST_POSTGRES"
ENV_REQUIRE = "CLAIMCHECK_REQUIRE_POSTGRES"


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise RuntimeError("running as root and no runuser to start PostgreSQL as postgres")
    return [runuser, "-u", "postgres", "--"]


@contextmanager
def server() -> Iterator[str]:
    """The URL of a running server with an empty database; raises RuntimeError if none."""
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("no initdb/pg_ctl (install the postgresql package)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise RuntimeError(
            "psycopg is not installed (pip install 'claimcheck-news[postgres]')"
        ) from None
    prefix = _as_user()
    home = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
    data, sock = home / "data", home
    os.chmod(home, 0o777)
    if prefix:
        shutil.chown(home, "postgres")
    log = home / "log"
    try:
        run = lambda *a: subprocess.run(  # noqa: E731
            [*prefix, *a], check=True, capture_output=True, text=True, timeout=120
        )
        run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        opts = f"-k {sock} -c listen_addresses='' -c fsync=off -p 55432"
        run(pg_ctl, "-D", str(data), "-l", str(log), "-o", opts, "-w", "start")
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        shutil.rmtree(home, ignore_errors=True)
        raise RuntimeError(f"cannot start PostgreSQL: {detail.strip()[:300]}") from None
    try:
        yield f"postgresql://postgres@/postgres?host={sock}&port=55432"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(home, ignore_errors=True)
