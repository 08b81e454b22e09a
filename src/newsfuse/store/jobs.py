"""Background jobs in the store: the ``jobs`` table, and claiming a job under a lease.

A job row holds the request (JSON), its state, its progress and its result.
Several servers may share one store: a server runs a job only while it holds
its lease (``owner`` and ``lease_until``), taken by one ``UPDATE ... WHERE``
the job is queued or its lease has lapsed, inside a write transaction, and
renewed while the job runs. Progress, results and failures are written only
by the lease holder, so exactly one server finishes a job even when a lease
lapsed and another server took the job over.

:class:`JobRecords` has a connection of its own, so that polling a job never
waits behind an ingest holding the corpus handle; SQLite's WAL lets it read
while others write.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.locking import is_lock_error
from newsfuse.store.schema import migrate

# Job states; the last three are final.
QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
FINAL_STATES = frozenset({DONE, FAILED, CANCELLED})

_COLUMNS = (
    "id, kind, status, request, token_hash, done, total, stage, result, error, attempts, "
    "owner, lease_until, created_at, updated_at, expires_at"
)


@dataclass(frozen=True, slots=True)
class JobRecord:
    """One job as stored. Times are seconds since the epoch (UTC).

    ``request`` and ``result`` are JSON text; ``done``/``total`` count the
    job's steps, ``stage`` names the step under way. ``owner`` holds the lease
    until ``lease_until``; ``attempts`` counts the times the job was claimed.
    """

    id: str
    kind: str
    status: str
    request: str
    token_hash: str
    done: int
    total: int
    stage: str
    result: str | None
    error: str
    attempts: int
    owner: str
    lease_until: float
    created_at: float
    updated_at: float
    expires_at: float


def _record(row: tuple[object, ...]) -> JobRecord:
    return JobRecord(*row)  # type: ignore[arg-type]


class JobRecords:
    """The ``jobs`` table of one store file, over a connection of its own.

    Safe to share between threads (a lock around the connection). ``path`` is
    the store file (``":memory:"``: a private table, for one process).
    """

    def __init__(self, path: str | Path, *, lock_timeout: float) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(
                self.path, timeout=lock_timeout, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            migrate(self._db, self.path)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"{self.path}: cannot open the job table ({error})") from error
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): all of the block or none of it."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if is_lock_error(error):
                    raise StoreError(
                        f"{self.path}: the store stayed locked; the job was not updated"
                    ) from error
                raise

    def add(self, record: JobRecord) -> None:
        """Insert a new job."""
        with self._write() as db:
            db.execute(
                f"INSERT INTO jobs({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                (
                    record.id,
                    record.kind,
                    record.status,
                    record.request,
                    record.token_hash,
                    record.done,
                    record.total,
                    record.stage,
                    record.result,
                    record.error,
                    record.attempts,
                    record.owner,
                    record.lease_until,
                    record.created_at,
                    record.updated_at,
                    record.expires_at,
                ),
            )

    def get(self, job_id: str) -> JobRecord | None:
        """The job with this id, if it exists."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
        return None if row is None else _record(row)

    def claim(self, owner: str, lease: float, max_attempts: int) -> JobRecord | None:
        """Take the oldest job that is queued or whose lease lapsed, for ``lease`` seconds.

        A job already claimed ``max_attempts`` times (its runs keep dying) is
        marked failed instead of being run again. Returns None when nothing is waiting.
        """
        now = time.time()
        with self._write() as db:
            while True:
                row = db.execute(
                    "SELECT id, attempts FROM jobs WHERE (status = ? OR "
                    "(status = ? AND lease_until < ?)) AND expires_at > ? "
                    "ORDER BY created_at, id LIMIT 1",
                    (QUEUED, RUNNING, now, now),
                ).fetchone()
                if row is None:
                    return None
                job_id, attempts = row
                if attempts >= max_attempts:
                    db.execute(
                        "UPDATE jobs SET status = ?, error = ?, owner = '', lease_until = 0, "
                        "updated_at = ? WHERE id = ?",
                        (
                            FAILED,
                            f"the job was started {attempts} times and never finished "
                            "(its server stopped each time); send the request again",
                            now,
                            job_id,
                        ),
                    )
                    continue
                claimed = db.execute(
                    "UPDATE jobs SET status = ?, owner = ?, lease_until = ?, "
                    "attempts = attempts + 1, updated_at = ? WHERE id = ? AND "
                    "(status = ? OR (status = ? AND lease_until < ?))",
                    (RUNNING, owner, now + lease, now, job_id, QUEUED, RUNNING, now),
                )
                if claimed.rowcount == 1:
                    found = db.execute(
                        f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,)
                    ).fetchone()
                    return _record(found)

    def renew(self, job_id: str, owner: str, lease: float) -> bool:
        """Extend ``owner``'s lease; False when it no longer holds the job (lapsed or cancelled)."""
        now = time.time()
        with self._write() as db:
            changed = db.execute(
                "UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ? AND status = ?",
                (now + lease, job_id, owner, RUNNING),
            )
        return changed.rowcount == 1

    def progress(self, job_id: str, owner: str, done: int, total: int, stage: str) -> bool:
        """Record progress; False when ``owner`` no longer holds the job."""
        with self._write() as db:
            changed = db.execute(
                "UPDATE jobs SET done = ?, total = ?, stage = ?, updated_at = ? "
                "WHERE id = ? AND owner = ? AND status = ?",
                (done, total, stage, time.time(), job_id, owner, RUNNING),
            )
        return changed.rowcount == 1

    def finish(
        self, job_id: str, owner: str, *, result: str | None, error: str, ttl: float
    ) -> bool:
        """End a job the ``owner`` holds: done with ``result``, or failed with ``error``.

        The job is then kept ``ttl`` seconds. False (and nothing written) when
        ``owner`` lost the job meanwhile: someone else finishes it, or it was cancelled.
        """
        now = time.time()
        status = FAILED if error else DONE
        with self._write() as db:
            changed = db.execute(
                "UPDATE jobs SET status = ?, result = ?, error = ?, lease_until = 0, "
                "stage = '', updated_at = ?, expires_at = ? "
                "WHERE id = ? AND owner = ? AND status = ?",
                (status, result, error, now, now + ttl, job_id, owner, RUNNING),
            )
        return changed.rowcount == 1

    def release(self, job_id: str, owner: str) -> bool:
        """Give a running job back to the queue (its server is stopping), to be run again."""
        with self._write() as db:
            changed = db.execute(
                "UPDATE jobs SET status = ?, owner = '', lease_until = 0, updated_at = ? "
                "WHERE id = ? AND owner = ? AND status = ?",
                (QUEUED, time.time(), job_id, owner, RUNNING),
            )
        return changed.rowcount == 1

    def cancel(self, job_id: str, ttl: float) -> bool:
        """Cancel a queued or running job (kept ``ttl`` seconds more); False if it had ended."""
        now = time.time()
        with self._write() as db:
            changed = db.execute(
                "UPDATE jobs SET status = ?, owner = '', lease_until = 0, stage = '', "
                "updated_at = ?, expires_at = ? WHERE id = ? AND status IN (?, ?)",
                (CANCELLED, now, now + ttl, job_id, QUEUED, RUNNING),
            )
        return changed.rowcount == 1

    def delete_expired(self) -> int:
        """Delete the jobs past their expiry time; returns how many."""
        with self._write() as db:
            deleted = db.execute("DELETE FROM jobs WHERE expires_at <= ?", (time.time(),))
        return deleted.rowcount

    def count_waiting(self) -> int:
        """Jobs queued or running, over every server sharing the store."""
        with self._lock:
            row = self._db.execute(
                "SELECT count(*) FROM jobs WHERE status IN (?, ?)", (QUEUED, RUNNING)
            ).fetchone()
        return int(row[0])
