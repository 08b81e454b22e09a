"""Runs queued jobs in a server: claim under a lease, renew it, record progress and the end.

One dispatcher thread claims jobs while fewer than ``max_running`` run here
and renews the leases of those that do; each job runs in a thread of its own.
A job's failure is written on that job and nothing else stops. Stopping the
runner gives its running jobs back to the queue, so that a restarted server
(or another sharing the store) runs them again at once instead of after the lease.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from newsfuse.corpus.jobs import JobQueue
from newsfuse.errors import NewsfuseError
from newsfuse.store.jobs import JobRecord

log = logging.getLogger(__name__)

# Seconds the runner waits for its job threads when stopping, before giving the jobs back.
STOP_GRACE = 2.0


class JobCancelled(Exception):
    """Raised inside a job's work when its server no longer holds it (cancelled or taken over)."""


# What a job's work is told to call as it goes: steps done, steps in all, stage under way.
Report = Callable[[int, int, str], None]
# A job's work: (kind, request, report) to the JSON result.
Work = Callable[[str, dict[str, Any], Report], Any]


class JobRunner:
    """Claims and runs the jobs of ``queue`` with ``work``, at most ``max_running`` at once."""

    def __init__(self, queue: JobQueue, work: Work, *, owner: str | None = None) -> None:
        self.queue = queue
        self.work = work
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._running: dict[str, threading.Thread] = {}
        self._guard = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the dispatcher thread."""
        self._thread = threading.Thread(target=self._dispatch, name="newsfuse-jobs", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look for work now (a job was just queued here)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop claiming; give the jobs still running back to the queue."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=STOP_GRACE)
        deadline = time.monotonic() + STOP_GRACE
        for thread in self._threads():
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
        with self._guard:
            left = list(self._running)
        for job_id in left:
            self._give_back(job_id)

    def _give_back(self, job_id: str) -> None:
        try:
            if self.queue.records.release(job_id, self.owner):
                log.info("job %s given back to the queue", job_id)
        except (NewsfuseError, sqlite3.Error) as error:
            # The queue closed first (the server is exiting): the lease lapses instead.
            log.info(
                "job %s not given back (%s); it runs again when its lease lapses", job_id, error
            )

    def _threads(self) -> list[threading.Thread]:
        with self._guard:
            return list(self._running.values())

    def _dispatch(self) -> None:
        settings = self.queue.settings
        renew_every = settings.lease / 3
        next_renewal = time.monotonic() + renew_every
        next_cleanup = 0.0
        while not self._stopping.is_set():
            try:
                if time.monotonic() >= next_cleanup:
                    self.queue.records.delete_expired()
                    next_cleanup = time.monotonic() + settings.poll_interval * 60
                if time.monotonic() >= next_renewal:
                    self._renew()
                    next_renewal = time.monotonic() + renew_every
                while len(self._threads()) < settings.max_running:
                    record = self.queue.records.claim(
                        self.owner, settings.lease, settings.max_attempts
                    )
                    if record is None:
                        break
                    self._launch(record)
            except NewsfuseError as error:
                # A locked store: the next round tries again; the jobs keep their state.
                log.warning("job dispatcher: %s", error)
            except Exception:  # the dispatcher must outlive one bad round (a disk error)
                log.exception("job dispatcher: unexpected error; trying again")
            self._wake.wait(timeout=min(settings.poll_interval, renew_every))
            self._wake.clear()

    def _renew(self) -> None:
        with self._guard:
            running = list(self._running)
        for job_id in running:
            if not self.queue.records.renew(job_id, self.owner, self.queue.settings.lease):
                log.info("job %s: lease lost (cancelled or taken over)", job_id)

    def _launch(self, record: JobRecord) -> None:
        with self._guard:
            if record.id in self._running:
                # Our own job whose lease lapsed (a stalled renewal): the claim renewed it.
                return
        thread = threading.Thread(
            target=self._run, args=(record,), name=f"newsfuse-job-{record.id[:8]}", daemon=True
        )
        with self._guard:
            self._running[record.id] = thread
        thread.start()

    def _run(self, record: JobRecord) -> None:
        records = self.queue.records

        def report(done: int, total: int, stage: str) -> None:
            if self._stopping.is_set() or not records.progress(
                record.id, self.owner, done, total, stage
            ):
                raise JobCancelled(record.id)

        result: str | None = None
        error = ""
        try:
            report(0, 0, "starting")
            result = json.dumps(self.work(record.kind, json.loads(record.request), report))
        except JobCancelled:
            if self._stopping.is_set():
                self._give_back(record.id)
            log.info("job %s stopped: cancelled, taken over or the server is stopping", record.id)
            return
        except NewsfuseError as failure:
            error = str(failure)
        except Exception as failure:  # one job's bug must not stop the others
            log.exception("job %s failed", record.id)
            error = f"internal error: {type(failure).__name__}: {failure}"
        finally:
            with self._guard:
                self._running.pop(record.id, None)
            self._wake.set()
        try:
            if not records.finish(
                record.id, self.owner, result=result, error=error, ttl=self.queue.settings.ttl
            ):
                log.info("job %s ended here but its lease had passed to another run", record.id)
        except NewsfuseError as failure:
            log.error("job %s: the result could not be written: %s", record.id, failure)
