"""The Dask engine on a real LocalCluster of two worker processes: the same bytes as
one process, retried and reported failures, and a worker killed mid-run losing
and duplicating nothing.

One cluster serves the module (starting it is most of the time); the test that
kills a worker runs last.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from claimcheck.cli.app import app  # noqa: E402
from claimcheck.corpus import bulk, engines  # noqa: E402
from claimcheck.loaders.archive import Columns  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "tests" / "data" / "archive" / "wikinews-24.jsonl"
PARQUET_COLUMNS = "id=article_id,title=headline,date=published,url=link,text=body"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with engines.dask_client(None, 2) as c:
        yield c


@pytest.fixture(scope="module")
def parquet_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = [json.loads(line) for line in ARCHIVE.read_text("utf-8").splitlines()]
    data = {
        "article_id": [f"wn-{n:02d}" for n in range(len(rows))],
        "headline": [r["title"] for r in rows],
        "published": [dt.date.fromisoformat(r["date"]) for r in rows],
        "link": [r["url"] for r in rows],
        "body": [r["text"] for r in rows],
    }
    path = tmp_path_factory.mktemp("pq") / "wikinews.parquet"
    pq.write_table(pa.table(data), path, row_group_size=3)
    return path


def _run(
    source: Path,
    options: bulk.Options,
    size: int = 8 * 1024,
    on_event: Any = None,
) -> tuple[str, bulk.Outcome, list[str]]:
    plan = bulk.plan_inputs([str(source)], options.columns, size)
    printed: list[str] = []
    said: list[str] = []
    outcome = bulk.run(plan.parts, options, printed.append, said.append, on_event)
    return "".join(printed), outcome, said


def _parts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_the_cluster_writes_the_bytes_one_process_writes(
    kind: str, client: Any, parquet_archive: Path, tmp_path: Path
) -> None:
    source = ARCHIVE if kind == "jsonl" else parquet_archive
    cols = Columns() if kind == "jsonl" else Columns.parse(PARQUET_COLUMNS)
    here, here_outcome, _ = _run(source, bulk.Options(columns=cols))
    there, outcome, _ = _run(source, bulk.Options(columns=cols, client=client))
    assert outcome.parts >= 4 and outcome.workers == 2
    assert there == here and len(here.splitlines()) == 24
    assert (outcome.articles, outcome.claims) == (here_outcome.articles, here_outcome.claims)
    for out in ("one.parquet", "parts.parquet/"):
        _run(source, bulk.Options(columns=cols, out=f"{tmp_path}/here/{out}"))
        _run(source, bulk.Options(columns=cols, out=f"{tmp_path}/there/{out}", client=client))
    assert (tmp_path / "here/one.parquet").read_bytes() == (
        tmp_path / "there/one.parquet"
    ).read_bytes()
    assert _parts(tmp_path / "here/parts.parquet") == _parts(tmp_path / "there/parts.parquet")


def test_progress_counts_the_cluster_s_partitions(client: Any) -> None:
    plan = bulk.plan_inputs([str(ARCHIVE)], Columns(), 8 * 1024)
    ticks: list[tuple[int, int, str]] = []
    options = bulk.Options(client=client, quiet=True)
    bulk.run(plan.parts, options, print, print, progress=lambda *t: ticks.append(t))
    count = len(plan.parts)
    assert [(done, total) for done, total, _ in ticks] == [(n, count) for n in range(1, count + 1)]
    assert ticks[-1][2].startswith("24 articles, ") and ticks[-1][2].endswith("/s")


def test_the_local_cluster_takes_no_fixed_port(client: Any) -> None:
    # Sessions and test runs side by side: a dashboard on :8787 would be taken, with a warning.
    services = client.scheduler_info().get("services", {})
    assert services.get("dashboard") != 8787


def test_the_command_on_a_scheduler(client: Any, tmp_path: Path) -> None:
    args = ["extract", str(ARCHIVE), "--partition-size", "16KB"]
    here = CliRunner().invoke(app, args)
    address = client.scheduler.address
    there = CliRunner().invoke(app, [*args, "--scheduler", address])
    assert here.exit_code == there.exit_code == 0, there.stderr
    assert there.stdout == here.stdout
    assert "extract: 24 articles" in there.stderr and "on 2 workers" in there.stderr


def _dump(location: str) -> dict[str, list[Any]]:
    from claimcheck.index.store import open_store

    store = open_store(location)
    tables = ("docs", "entries", "units", "post", "df")
    out = {t: store.run(f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    store.close()
    return out


def test_the_cluster_fills_the_index_one_process_fills(client: Any, tmp_path: Path) -> None:
    from claimcheck.index.archive import IndexWriter, RowsSink

    dumps = []
    for name, on in (("here", None), ("there", client)):
        location = str(tmp_path / f"{name}.sqlite")
        options = bulk.Options(
            client=on, sinks=(RowsSink(),), receivers=(IndexWriter(location),), quiet=True
        )
        printed, outcome, said = _run(ARCHIVE, options)
        assert not printed and not outcome.failed
        assert any(line.startswith("index: 24 documents written") for line in said)
        dumps.append(_dump(location))
    assert dumps[0] == dumps[1] and len(dumps[0]["docs"]) == 24 and dumps[0]["post"]


@dataclass(frozen=True)
class Flaky:
    """Fails ``times`` times for one partition (counted in files: tries run in
    other processes), then lets it through."""

    folder: str
    index: int
    times: int

    def write(self, index: int, items: list[Any]) -> None:
        if index != self.index:
            return
        tries = len(list(Path(self.folder).iterdir()))
        if tries < self.times:
            (Path(self.folder) / f"try-{tries}").touch()
            raise OSError("the disk went away")


def test_a_failed_partition_is_retried_and_reported(client: Any, tmp_path: Path) -> None:
    want, _, _ = _run(ARCHIVE, bulk.Options())
    marks = tmp_path / "marks"
    marks.mkdir()
    options = bulk.Options(client=client, sinks=(Flaky(str(marks), 2, 2),))
    got, outcome, said = _run(ARCHIVE, options)
    assert got == want and not outcome.failed
    retries = [line for line in said if "trying again" in line]
    assert len(retries) == 2 and "partition 2 (" in retries[0]
    assert "OSError: the disk went away" in retries[0]


def test_a_partition_that_always_fails_is_reported_never_dropped(
    client: Any, tmp_path: Path
) -> None:
    marks = tmp_path / "marks"
    marks.mkdir()
    out = tmp_path / "claims.parquet"
    out.mkdir()
    (out / "part-000001.parquet").write_bytes(b"an earlier run's")
    options = bulk.Options(client=client, sinks=(Flaky(str(marks), 1, 99),), out=f"{out}/")
    _, outcome, said = _run(ARCHIVE, options)
    assert outcome.failed and len(outcome.failed_parts) == 1
    assert any("partition 1 (" in line and "failed on every try (3;" in line for line in said)
    assert "1 partitions failed" in outcome.line()
    names = sorted(p.name for p in out.iterdir())
    assert "part-000001.parquet" not in names and len(names) == outcome.parts - 1


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client: Any, tmp_path: Path) -> None:
    _run(ARCHIVE, bulk.Options(out=f"{tmp_path}/want.parquet/"), size=2048)
    pids = client.run(os.getpid)
    killed: list[tuple[str, int]] = []

    def kill_the_busier(event: Any) -> None:
        if killed or not isinstance(event, engines.Done):
            return
        busy = {w: len(keys) for w, keys in client.processing().items()}
        victim = max(busy, key=lambda w: busy[w])
        killed.append((victim, busy[victim]))
        os.kill(pids[victim], signal.SIGKILL)

    out = tmp_path / "got.parquet"
    options = bulk.Options(client=client, out=f"{out}/")
    _, outcome, said = _run(ARCHIVE, options, size=2048, on_event=kill_the_busier)
    assert killed and killed[0][1] >= 1, "the killed worker had no partition in hand"
    # The parts it was running come back as KilledWorker and are tried again.
    assert any("KilledWorker" in line and "trying again" in line for line in said), said
    assert not outcome.failed and outcome.articles == 24
    assert _parts(out) == _parts(tmp_path / "want.parquet")
    ids = pq.read_table(out).column("id").to_pylist()
    assert len(ids) == len(set(ids)) == outcome.claims
