"""Starting and stopping the app's job queue and runner with the app (its lifespan)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial

from fastapi import FastAPI

from newsfuse.corpus import Corpus
from newsfuse.corpus.job_work import run_job
from newsfuse.corpus.jobs import JobQueue, JobSettings
from newsfuse.corpus.runner import JobRunner


@contextmanager
def start_jobs(
    app: FastAPI, corpus: Corpus, settings: JobSettings, lock_timeout: float | None
) -> Iterator[None]:
    """Open the queue in the corpus's store and run its jobs while the app serves.

    Unfinished jobs left by a stopped server are run again (released ones at
    once, those of a killed server when their lease lapses).
    """
    queue = JobQueue(corpus.path, settings=settings, lock_timeout=lock_timeout)
    runner = JobRunner(queue, partial(run_job, corpus))
    app.state.jobs = queue
    app.state.runner = runner
    runner.start()
    try:
        yield
    finally:
        runner.stop()
        app.state.runner = None
        app.state.jobs = None
        queue.close()
