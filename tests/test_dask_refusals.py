"""The Dask engine refuses what would give wrong or no answers: a scheduler it cannot
reach, and workers that run another claimcheck (they would extract other claims)."""

from __future__ import annotations

from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from claimcheck.corpus import engines  # noqa: E402
from claimcheck.errors import UsageError  # noqa: E402


class _Workers:
    def __init__(self, versions: dict[str, str]) -> None:
        self.versions = versions
        self.closed = False

    def run(self, fn: Any) -> dict[str, str]:
        return dict(self.versions)

    def close(self) -> None:
        self.closed = True


def test_workers_of_another_version_are_refused_by_address() -> None:
    here = engines._version()
    client = _Workers({"tcp://10.0.0.2:4000": here, "tcp://10.0.0.3:4000": "0.0.1"})
    with pytest.raises(UsageError) as err:
        engines._same_version(client)
    assert "tcp://10.0.0.3:4000 runs claimcheck 0.0.1" in str(err.value)
    assert here in str(err.value)
    assert "same claimcheck on every worker" in (err.value.hint or "")


def test_workers_of_this_version_are_accepted() -> None:
    here = engines._version()
    engines._same_version(_Workers({"tcp://10.0.0.2:4000": here}))


def test_an_unreachable_scheduler_is_a_usage_error_with_the_command_to_start_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(address: str, timeout: str) -> Any:
        assert timeout  # never wait forever for a scheduler that is not there
        raise OSError(f"Timed out trying to connect to {address} after 20 s")

    monkeypatch.setattr(distributed, "Client", refuse)
    with pytest.raises(UsageError) as err, engines.dask_client("tcp://127.0.0.1:1", None):
        pass
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in str(err.value)
    assert "dask scheduler" in (err.value.hint or "")


def test_a_refused_worker_set_closes_the_client(monkeypatch: pytest.MonkeyPatch) -> None:
    client = _Workers({"tcp://10.0.0.3:4000": "0.0.1"})
    monkeypatch.setattr(distributed, "Client", lambda address, timeout: client)
    with pytest.raises(UsageError), engines.dask_client("tcp://10.0.0.3:8786", None):
        pass
    assert client.closed
