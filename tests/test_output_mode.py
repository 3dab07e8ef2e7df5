from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.files import write_atomic


def test_new_files_get_the_umask_mode_and_existing_keep_theirs(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        target = tmp_path / "report.sarif"
        write_atomic(target, "{}")
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        target.chmod(0o600)
        write_atomic(target, "{ }")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert target.read_text(encoding="utf-8") == "{ }"
    finally:
        os.umask(umask)
