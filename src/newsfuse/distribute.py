"""Brief every story of a store in parallel: on local processes or on an existing Dask cluster.

Grouping is incremental and runs in one process (each article's placement
depends on the stories before it), but briefing is independent per story and
is where the time goes: segmenting, scoring, embedding for citations, and
spaCy for the fact comparison. :func:`refresh_briefs` fans that work out and
keeps all writing on the calling process (through its :class:`~newsfuse.corpus.Corpus`),
so the SQLite store has one writer:

1. the caller lists the stories whose cached brief is missing or stale (the
   cache key is the story's membership version, the budget and the facts flag,
   the same key ``newsfuse story`` reads);
2. each story becomes a :class:`BriefJob` (plain, picklable data: the story's
   original articles) and is run by :func:`run_job` on a worker, which returns
   the brief as JSON text, or the error, in a :class:`BriefOutcome`;
3. the caller stores each brief as it arrives, one transaction per story, so an
   interrupted run keeps every brief finished so far and the next run only does
   the rest.

Engines: ``workers`` local processes (``concurrent.futures``; the default,
nothing to install), or a Dask distributed scheduler at ``scheduler``
(``pip install 'newsfuse[dask]'`` on the caller and on every worker; workers
need newsfuse installed, and load the models once per worker process). At most
``IN_FLIGHT_PER_WORKER`` jobs per worker are outstanding at a time, so memory
stays bounded however many stories the store holds.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from newsfuse.config import DEFAULT_BUDGET
from newsfuse.corpus import Corpus
from newsfuse.errors import ConfigError
from newsfuse.model import Article
from newsfuse.pipeline import brief as brief_articles
from newsfuse.store.codec import encode_brief

__all__ = [
    "BriefJob",
    "BriefOutcome",
    "RefreshReport",
    "refresh_briefs",
    "run_job",
]

# Jobs handed out per worker before waiting for one to finish: two keep every worker
# busy while the caller stores a result, without shipping the whole corpus at once.
IN_FLIGHT_PER_WORKER = 2

# Seconds to wait for a Dask scheduler to answer before reporting it unreachable.
CONNECT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class BriefJob:
    """One story to brief: everything a worker needs, and nothing that needs the store."""

    story_id: str
    cache_key: str
    articles: tuple[Article, ...]
    budget: int
    facts: bool


@dataclass(frozen=True, slots=True)
class BriefOutcome:
    """What a worker returns: the brief as stored JSON, or why there is none."""

    story_id: str
    cache_key: str
    body: str | None
    error: str | None
    seconds: float


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """Counts of one :func:`refresh_briefs` run."""

    stories: int  # stories in the store
    fresh: int  # cached brief already current, not redone
    made: int  # briefs made and stored in this run
    failed: tuple[tuple[str, str], ...]  # (story id, error) for stories that failed
    engine: str  # "local (N processes)" or "dask (ADDRESS)"
    seconds: float


class _Executor(Protocol):
    """The part of ``concurrent.futures.Executor`` and ``distributed.Client`` used here."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any: ...


def run_job(job: BriefJob) -> BriefOutcome:
    """Brief one story (runs on a worker). Errors come back as text, not as exceptions.

    A story whose articles break the pipeline must not stop the other stories,
    and an exception object from a remote worker may not unpickle on the caller.
    """
    started = time.perf_counter()
    try:
        made = brief_articles(list(job.articles), budget=job.budget, facts=job.facts)
        body: str | None = encode_brief(made)
        error = None
    except Exception as failure:  # reported per story, see the docstring
        body, error = None, f"{type(failure).__name__}: {failure}"
    return BriefOutcome(job.story_id, job.cache_key, body, error, time.perf_counter() - started)


def refresh_briefs(
    corpus: Corpus | str | Path | None = None,
    *,
    budget: int = DEFAULT_BUDGET,
    facts: bool = True,
    workers: int | None = None,
    scheduler: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[BriefOutcome], None] | None = None,
) -> RefreshReport:
    """Make the brief of every story whose cached brief is missing or stale.

    ``corpus`` is an open :class:`~newsfuse.corpus.Corpus`, or the path of a
    store to open for the run (None: the default store). ``workers`` local
    processes do the work (default: the CPU count), or, with ``scheduler``
    (e.g. ``"tcp://10.0.0.5:8786"``), the workers of that Dask cluster.
    ``on_start(n)`` is called with the number of briefs to make and ``on_done``
    after each one, for progress display. Briefs are stored as they finish; a
    failed story is reported in ``RefreshReport.failed`` and the others go on.
    """
    if budget < 1:
        raise ConfigError(f"budget must be a positive number of words, got {budget}")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if not isinstance(corpus, Corpus):
        with Corpus(corpus) as opened:
            return _refresh(opened, budget, facts, workers, scheduler, on_start, on_done)
    return _refresh(corpus, budget, facts, workers, scheduler, on_start, on_done)


def _refresh(
    corpus: Corpus,
    budget: int,
    facts: bool,
    workers: int | None,
    scheduler: str | None,
    on_start: Callable[[int], None] | None,
    on_done: Callable[[BriefOutcome], None] | None,
) -> RefreshReport:
    """:func:`refresh_briefs` on an open corpus: list, fan out, store as results come."""
    started = time.perf_counter()
    stories, stale = corpus.stale_briefs(budget=budget, facts=facts)
    if on_start is not None:
        on_start(len(stale))

    def jobs() -> Iterator[BriefJob]:
        for story_id, key in stale:
            yield BriefJob(story_id, key, corpus.brief_sources(story_id), budget, facts)

    def keep(outcome: BriefOutcome) -> None:
        if outcome.body is not None:
            corpus.cache_brief(outcome.story_id, outcome.cache_key, outcome.body)
        if on_done is not None:
            on_done(outcome)

    if scheduler is not None:
        engine, outcomes = _run_on_dask(scheduler, jobs(), keep)
    else:
        count = workers or os.cpu_count() or 1
        engine = f"local ({count} process{'es' if count > 1 else ''})"
        outcomes = _run_locally(count, jobs(), keep)
    failed = tuple((o.story_id, o.error or "") for o in outcomes if o.body is None)
    return RefreshReport(
        stories=stories,
        fresh=stories - len(stale),
        made=len(outcomes) - len(failed),
        failed=failed,
        engine=engine,
        seconds=time.perf_counter() - started,
    )


def _run_locally(
    workers: int, jobs: Iterator[BriefJob], keep: Callable[[BriefOutcome], None]
) -> list[BriefOutcome]:
    if workers == 1:
        # One worker: no process to start, and the models stay loaded for the caller.
        outcomes = []
        for job in jobs:
            outcome = run_job(job)
            keep(outcome)
            outcomes.append(outcome)
        return outcomes
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return _drain(pool, workers, jobs, keep)


def _run_on_dask(
    scheduler: str, jobs: Iterator[BriefJob], keep: Callable[[BriefOutcome], None]
) -> tuple[str, list[BriefOutcome]]:
    try:  # Dask is an optional extra, imported only when a scheduler is given
        from distributed import Client
    except ImportError:
        raise ConfigError(
            "--scheduler needs Dask: pip install 'newsfuse[dask]' (here and on the workers)"
        ) from None
    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except OSError as error:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {scheduler} ({error}); "
            "check the address and that 'dask scheduler' is running"
        ) from None
    with client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        outcomes = _drain(client, workers, jobs, keep)
    return f"dask ({scheduler}, {workers} worker{'s' if workers > 1 else ''})", outcomes


def _drain(
    executor: _Executor,
    workers: int,
    jobs: Iterator[BriefJob],
    keep: Callable[[BriefOutcome], None],
) -> list[BriefOutcome]:
    """Keep ``IN_FLIGHT_PER_WORKER`` jobs per worker running; store results as they come.

    A worker that dies (killed, out of memory) fails its job, not the run.
    """
    limit = workers * IN_FLIGHT_PER_WORKER
    running: dict[Any, BriefJob] = {}
    outcomes: list[BriefOutcome] = []
    pending = iter(jobs)
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < limit:
            job = next(pending, None)
            if job is None:
                exhausted = True
            else:
                running[executor.submit(run_job, job)] = job
        if not running:
            break
        for future in _wait_any(list(running)):
            job = running.pop(future)
            try:
                outcome = future.result()
            except Exception as failure:  # the worker itself failed
                outcome = BriefOutcome(
                    job.story_id, job.cache_key, None, f"worker failed: {failure!r}", 0.0
                )
            keep(outcome)
            outcomes.append(outcome)
    return outcomes


def _wait_any(running: Sequence[Any]) -> Sequence[Any]:
    """The finished futures among ``running`` (blocks until at least one is)."""
    if all(isinstance(future, Future) for future in running):
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        return list(done)
    # Dask is optional: only reached with futures from a Dask client, so it is installed.
    from distributed import wait as dask_wait

    done, _ = dask_wait(list(running), return_when="FIRST_COMPLETED")
    return list(done)
