"""Where the parts run: in this process, or on a Dask cluster (``dask.distributed``).

Both engines run the same function on the same parts and say what happened
as events: a part ``Done`` (its result), a part that failed and is tried
again (``Retry``), a part that failed every try (``Failed``). A part is never
dropped in silence. On a cluster a worker that dies takes its running parts
with it; the scheduler reruns them on another worker (and a part that kills
every worker it meets ends as ``KilledWorker``, an error like any other).

The retries are the engine's, not the scheduler's, so each one is reported.
distributed is imported only when the dask engine starts (``claimcheck-news[archive]``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from claimcheck.errors import UsageError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Done(Generic[R]):
    index: int
    result: R


@dataclass(frozen=True)
class Retry:
    index: int
    error: str
    attempt: int


@dataclass(frozen=True)
class Failed:
    index: int
    error: str
    attempts: int


Event = Done[R] | Retry | Failed


def describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 160 and ". " in text:
        text = text.split(". ", 1)[0]  # KilledWorker goes on to advise reading the logs
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def run_local(tasks: list[tuple[int, T]], fn: Callable[[T], R], retries: int) -> Iterator[Event[R]]:
    """Each part in turn, in this process."""
    for index, task in tasks:
        for attempt in range(1, retries + 2):
            try:
                result = fn(task)
            except Exception as exc:  # a part's failure is reported, never fatal
                if attempt <= retries:
                    yield Retry(index, describe(exc), attempt)
                    continue
                yield Failed(index, describe(exc), attempt)
                break
            yield Done(index, result)
            break


def run_dask(
    client: Any, tasks: list[tuple[int, T]], fn: Callable[[T], R], retries: int
) -> Iterator[Event[R]]:
    """Every part submitted at once; events in the order the parts finish."""
    import distributed

    as_completed: Any = distributed.as_completed  # untyped

    def submit(index: int, task: T, attempt: int) -> Any:
        key = f"claimcheck-part-{index}-try-{attempt}"
        return client.submit(fn, task, key=key, pure=False)

    pending: dict[Any, tuple[int, T, int]] = {}
    for index, task in tasks:
        pending[submit(index, task, 1)] = (index, task, 1)
    queue = as_completed(list(pending))
    for future in queue:
        index, task, attempt = pending.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # the remote error, KilledWorker or a lost connection
            if attempt <= retries:
                yield Retry(index, describe(exc), attempt)
                again = submit(index, task, attempt + 1)
                pending[again] = (index, task, attempt + 1)
                queue.add(again)
            else:
                yield Failed(index, describe(exc), attempt)
            continue
        finally:
            future.release()
        yield Done(index, result)


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster started here."""
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "--engine dask needs the archive extra", hint="pip install 'claimcheck-news[archive]'"
        ) from None
    # A worker that dies is reported as a retried part; the library's own log
    # lines about it would only repeat that, with a traceback.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    lib: Any = distributed  # untyped
    # Extraction is pure Python: one single-threaded process per core. The scheduler
    # would rerun a part whose worker died without a word (up to 3 times); with
    # allowed-failures 0 it says so, and the retry is ours, reported like any other.
    if scheduler is None:
        import dask

        with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
            cluster = lib.LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                # None still binds :8787 (health checks), and warns when it is taken.
                dashboard_address=":0",
                worker_dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        client = lib.Client(cluster)
    else:
        cluster = None
        try:
            client = lib.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(
                f"cannot reach the Dask scheduler at {scheduler} ({describe(exc)})",
                hint="start one with: dask scheduler; then dask worker " + scheduler,
            ) from None
    try:
        _same_version(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def worker_count(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


def _version() -> str:
    from claimcheck import __version__

    return __version__


def _warm_up() -> str:
    """Import the extractor on a worker and run it once (seconds of start-up and
    first-use caches, paid before the first part's clock starts); say which
    claimcheck it is."""
    from claimcheck.corpus.bulk import warm_up

    warm_up()
    return _version()


def _same_version(client: Any) -> None:
    """Workers with another claimcheck would extract other claims: refuse them."""
    here = _version()
    for address, theirs in sorted(client.run(_warm_up).items()):
        if theirs != here:
            raise UsageError(
                f"the worker at {address} runs claimcheck {theirs}, this is {here}",
                hint="install the same claimcheck on every worker",
            )
