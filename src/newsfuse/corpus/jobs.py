"""Background jobs: their settings, the queue, and who may see a job.

A request too big to answer at once (:meth:`JobSettings.wants_job`) becomes
a job in the store (:mod:`newsfuse.store.jobs`); a :class:`~newsfuse.corpus.runner.JobRunner`
in some server sharing the store claims it under a lease and runs it. A job
answers only to the token of the request that made it: the queue keeps a
hash of that token and compares hashes in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsfuse.errors import ConfigError, NotFoundError
from newsfuse.store import lock_timeout_setting
from newsfuse.store.jobs import FINAL_STATES, QUEUED, JobRecord, JobRecords

# The job kinds: a stateless brief (POST /api/brief) and an ingest (POST /api/articles).
BRIEF = "brief"
INGEST = "ingest"
KINDS = frozenset({BRIEF, INGEST})


def _default_running() -> int:
    # One job per two cores: a brief's encoder already uses two threads.
    return max(1, (os.cpu_count() or 2) // 2)


@dataclass(frozen=True, slots=True)
class JobSettings:
    """How a server handles big requests (``newsfuse serve --job-*`` options).

    ``sync_max_articles`` / ``sync_max_chars``: a request with more articles,
    or more characters of text and HTML in all, becomes a job (202 Accepted)
    instead of being answered at once. At the defaults a synchronous brief with
    facts costs under a CPU-second warm (10 Multi-News articles, 12,049 characters:
    0.65 CPU-s, docs/benchmarks-jobs.md), and the cost grows faster than the size.
    ``max_running``: jobs one server runs at a time (others wait in the queue).
    ``ttl``: seconds a job is kept, from its creation until it ends and from its
    end on; then it is deleted and its URL answers 404. ``lease``: seconds a
    server holds a job without renewing it (it renews every third of that), after
    which another server, or the same one restarted, runs it again.
    ``poll_interval``: seconds between looks for jobs that other servers queued
    or left. ``max_attempts``: runs of one job at most (a job whose runs keep
    dying with their server is failed, not retried for ever).
    """

    sync_max_articles: int = 10
    sync_max_chars: int = 20_000
    max_running: int = _default_running()
    ttl: float = 24 * 3600.0
    lease: float = 30.0
    poll_interval: float = 1.0
    max_attempts: int = 3

    def __post_init__(self) -> None:
        for name in ("sync_max_articles", "sync_max_chars", "max_running", "max_attempts"):
            if getattr(self, name) < (0 if name.startswith("sync") else 1):
                raise ConfigError(f"job setting {name} is out of range: {getattr(self, name)}")
        for name in ("ttl", "lease", "poll_interval"):
            if not getattr(self, name) > 0:
                raise ConfigError(f"job setting {name} must be more than 0 seconds")

    def wants_job(self, articles: int, chars: int) -> bool:
        """True when a request of ``articles`` articles and ``chars`` characters is a job."""
        return articles > self.sync_max_articles or chars > self.sync_max_chars


@dataclass(frozen=True, slots=True)
class Job:
    """A job as its client sees it: state, progress (``done`` of ``total`` steps,
    ``stage`` under way), the result (the JSON the synchronous endpoint would have
    answered) or the error, and when it was made, last changed and expires.
    ``view`` is what the web UI needs to show a brief job's result (None otherwise)."""

    id: str
    kind: str
    status: str
    done: int
    total: int
    stage: str
    result: Any
    view: Any
    error: str
    attempts: int
    created_at: datetime
    updated_at: datetime
    expires_at: datetime

    @property
    def finished(self) -> bool:
        """True once the job is done, failed or cancelled."""
        return self.status in FINAL_STATES


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def job_of(record: JobRecord) -> Job:
    """The client's view of a stored job (a result is ``{"answer": ..., "view": ...}``)."""
    stored = {} if record.result is None else json.loads(record.result)
    return Job(
        id=record.id,
        kind=record.kind,
        status=record.status,
        done=record.done,
        total=record.total,
        stage=record.stage,
        result=stored.get("answer"),
        view=stored.get("view"),
        error=record.error,
        attempts=record.attempts,
        created_at=_moment(record.created_at),
        updated_at=_moment(record.updated_at),
        expires_at=_moment(record.expires_at),
    )


def hash_token(token: str | None) -> str:
    """The stored form of a request's bearer token (none: the hash of an empty one)."""
    return hashlib.sha256(b"newsfuse-job-token\0" + (token or "").encode()).hexdigest()


class JobQueue:
    """The jobs of one store: submit, look up, cancel (each checked against the token).

    ``path`` is the store file, None for a private in-memory table (one process).
    """

    def __init__(
        self,
        path: str | Path | None,
        *,
        settings: JobSettings | None = None,
        lock_timeout: float | None = None,
    ) -> None:
        self.settings = settings or JobSettings()
        self.records = JobRecords(
            ":memory:" if path is None else path, lock_timeout=lock_timeout_setting(lock_timeout)
        )

    def close(self) -> None:
        """Close the queue's connection."""
        self.records.close()

    def submit(self, kind: str, request: dict[str, Any], *, token: str | None) -> Job:
        """Queue a job of ``kind`` for ``request``; only ``token`` will see it."""
        if kind not in KINDS:
            raise ConfigError(f"unknown job kind {kind!r}; choose one of: {', '.join(KINDS)}")
        now = time.time()
        record = JobRecord(
            id=secrets.token_urlsafe(16),
            kind=kind,
            status=QUEUED,
            request=json.dumps(request, ensure_ascii=False),
            token_hash=hash_token(token),
            done=0,
            total=0,
            stage="queued",
            result=None,
            error="",
            attempts=0,
            owner="",
            lease_until=0.0,
            created_at=now,
            updated_at=now,
            expires_at=now + self.settings.ttl,
        )
        self.records.add(record)
        return job_of(record)

    def get(self, job_id: str, *, token: str | None) -> Job:
        """The job, if it exists and was made with ``token``; else :class:`NotFoundError`."""
        return job_of(self._find(job_id, token))

    def cancel(self, job_id: str, *, token: str | None) -> Job:
        """Cancel the job (a running one stops at its next step); an ended job stays as it is."""
        self._find(job_id, token)
        self.records.cancel(job_id, self.settings.ttl)
        return job_of(self._find(job_id, token))

    def _find(self, job_id: str, token: str | None) -> JobRecord:
        record = self.records.get(job_id)
        # Same answer for "no such job" and "another token's job": ids are not confirmed.
        if record is None or not hmac.compare_digest(record.token_hash, hash_token(token)):
            raise NotFoundError(
                f"no job {job_id!r} for this token: jobs are kept "
                f"{self.settings.ttl / 3600:g} h and answer only to the bearer token "
                "of the request that made them"
            )
        if record.expires_at <= time.time():
            raise NotFoundError(f"job {job_id!r} has expired; send the request again")
        return record
