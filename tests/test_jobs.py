"""Background jobs: the lease over real SQLite files, the queue's token check, the runner,
and big requests over HTTP to a real server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import free_port, load_records
from newsfuse.corpus.jobs import JobQueue, JobSettings, hash_token
from newsfuse.corpus.runner import JobRunner, Report
from newsfuse.errors import InputError, NotFoundError
from newsfuse.store.jobs import JobRecords
from newsfuse.store.schema import MIGRATIONS

# Short leases keep the takeover tests quick; the runner renews every third of one.
SHORT_LEASE = 0.6


def wait_for(check: Any, timeout: float = 60.0, pause: float = 0.05) -> Any:
    """Call ``check`` until it returns something true, or fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(pause)
    raise AssertionError(f"not true within {timeout} s: {check}")


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[JobQueue]:
    jobs = JobQueue(tmp_path / "jobs.db", settings=JobSettings(lease=SHORT_LEASE, max_running=2))
    yield jobs
    jobs.close()


def test_the_jobs_table_comes_from_one_migration_appended_last() -> None:
    assert MIGRATIONS[-1].__name__ == "_add_jobs"


def test_two_connections_claiming_at_once_take_each_job_exactly_once(
    queue: JobQueue, tmp_path: Path
) -> None:
    for number in range(30):
        queue.submit("brief", {"n": number}, token=None)
    other = JobRecords(tmp_path / "jobs.db", lock_timeout=10)
    claimed: dict[str, list[str]] = {"a": [], "b": []}

    def claim_all(records: JobRecords, name: str) -> None:
        while (record := records.claim(name, 60, 3)) is not None:
            claimed[name].append(record.id)

    threads = [
        threading.Thread(target=claim_all, args=(queue.records, "a")),
        threading.Thread(target=claim_all, args=(other, "b")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    every = claimed["a"] + claimed["b"]
    assert len(every) == 30
    assert len(set(every)) == 30


def test_a_lapsed_lease_passes_to_another_server_and_only_it_can_finish(
    queue: JobQueue,
) -> None:
    job = queue.submit("brief", {}, token=None)
    first = queue.records.claim("server-a", SHORT_LEASE, 3)
    assert first is not None and first.id == job.id
    assert queue.records.claim("server-b", SHORT_LEASE, 3) is None, "the lease still holds"
    time.sleep(SHORT_LEASE + 0.1)
    second = queue.records.claim("server-b", SHORT_LEASE, 3)
    assert second is not None and second.attempts == 2
    assert not queue.records.renew(job.id, "server-a", SHORT_LEASE)
    assert not queue.records.finish(job.id, "server-a", result='{"answer": 1}', error="", ttl=60)
    assert queue.records.finish(job.id, "server-b", result='{"answer": 2}', error="", ttl=60)
    finished = queue.get(job.id, token=None)
    assert (finished.status, finished.result) == ("done", 2)


def test_a_job_answers_only_to_the_token_that_made_it(queue: JobQueue) -> None:
    job = queue.submit("brief", {}, token="s3cret-token")
    assert queue.get(job.id, token="s3cret-token").id == job.id
    for wrong in (None, "", "s3cret-toke", "another"):
        with pytest.raises(NotFoundError, match="token"):
            queue.get(job.id, token=wrong)
        with pytest.raises(NotFoundError):
            queue.cancel(job.id, token=wrong)
    stored = queue.records.get(job.id)
    assert stored is not None
    assert "s3cret" not in stored.token_hash and stored.token_hash == hash_token("s3cret-token")


def test_a_cancelled_job_is_not_run_and_an_expired_one_is_gone(tmp_path: Path) -> None:
    jobs = JobQueue(tmp_path / "jobs.db", settings=JobSettings(ttl=0.5))
    try:
        cancelled = jobs.submit("brief", {}, token=None)
        assert jobs.cancel(cancelled.id, token=None).status == "cancelled"
        assert jobs.records.claim("server", 10, 3) is None
        time.sleep(0.6)
        with pytest.raises(NotFoundError):
            jobs.get(cancelled.id, token=None)
        assert jobs.records.delete_expired() == 1
        assert jobs.records.get(cancelled.id) is None
    finally:
        jobs.close()


def test_a_job_whose_server_keeps_dying_is_failed_after_its_attempts(queue: JobQueue) -> None:
    job = queue.submit("brief", {}, token=None)
    for attempt in range(2):
        assert queue.records.claim(f"dying-{attempt}", 0.01, 2) is not None
        time.sleep(0.02)
    assert queue.records.claim("next", 10, 2) is None
    failed = queue.get(job.id, token=None)
    assert failed.status == "failed" and "2 times" in failed.error


def test_the_runner_bounds_concurrency_and_reports_a_failure_on_that_job_alone(
    queue: JobQueue,
) -> None:
    running = 0
    most = 0
    guard = threading.Lock()

    def work(kind: str, request: dict[str, Any], report: Report) -> Any:
        nonlocal running, most
        with guard:
            running += 1
            most = max(most, running)
        try:
            for step in range(3):
                report(step, 3, "working")
                time.sleep(0.05)
            if request["n"] == 2:
                raise InputError("articles", "no usable article in the request")
            return {"answer": request["n"] * 10}
        finally:
            with guard:
                running -= 1

    jobs = [queue.submit("brief", {"n": n}, token=None) for n in range(6)]
    runner = JobRunner(queue, work)
    runner.start()
    try:
        ended = wait_for(
            lambda: all(queue.get(j.id, token=None).finished for j in jobs) and jobs, 30
        )
    finally:
        runner.stop()
    results = {j.id: queue.get(j.id, token=None) for j in ended}
    assert most == 2, "max_running=2 bounds the jobs running at once"
    failed = [job for job in results.values() if job.status == "failed"]
    assert [job.error for job in failed] == ["articles: no usable article in the request"]
    done = sorted(job.result for job in results.values() if job.status == "done")
    assert done == [0, 10, 30, 40, 50]


def test_a_stopping_runner_gives_its_running_job_back_to_the_queue(queue: JobQueue) -> None:
    started = threading.Event()

    def slow(kind: str, request: dict[str, Any], report: Report) -> Any:
        started.set()
        for step in range(200):
            report(step, 200, "working")
            time.sleep(0.05)
        return {"answer": "finished"}

    job = queue.submit("brief", {}, token=None)
    runner = JobRunner(queue, slow)
    runner.start()
    assert started.wait(10)
    runner.stop()
    left = queue.records.get(job.id)
    assert left is not None and (left.status, left.owner, left.attempts) == ("queued", "", 1)


# ---------------------------------------------------------------- over HTTP


def serve(db: Path, settings: JobSettings, token: str | None = None) -> tuple[str, Any]:
    """The app on a free loopback port in a thread; returns its URL and the uvicorn server."""
    import uvicorn

    from newsfuse.server.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(db, token=token, jobs=settings),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    wait_for(lambda: server.started, 20)
    return url, server


@pytest.fixture(scope="module")
def guarded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = JobSettings(sync_max_articles=2, sync_max_chars=100_000)
    db = tmp_path_factory.mktemp("jobs-http") / "news.db"
    url, server = serve(db, settings, token="tok-A")
    yield url
    server.should_exit = True


AUTH = {"Authorization": "Bearer tok-A"}


def poll(http: httpx.Client, location: str, headers: dict[str, str]) -> dict[str, Any]:
    def ended() -> dict[str, Any] | None:
        job: dict[str, Any] = http.get(location, headers=headers).json()
        return job if job["status"] in ("done", "failed", "cancelled") else None

    found: dict[str, Any] = wait_for(ended, 180, 0.2)
    return found


def test_a_small_brief_answers_at_once_and_a_big_one_with_a_job(guarded_server: str) -> None:
    records = load_records()
    with httpx.Client(base_url=guarded_server, timeout=120) as http:
        small = http.post("/api/brief", json={"articles": records[:2]}, headers=AUTH)
        assert small.status_code == 200 and small.json()["schema_version"]
        big = http.post("/api/brief", json={"articles": records[:3]}, headers=AUTH)
        assert big.status_code == 202, big.text
        location = big.headers["location"]
        assert location == big.json()["url"] == f"/api/jobs/{big.json()['id']}"
        assert big.json()["status"] == "queued"
        assert http.get(location).status_code == 404, "no token, no job"
        assert http.get(location, headers={"Authorization": "Bearer tok-B"}).status_code == 404
        job = poll(http, location, AUTH)
    assert job["status"] == "done", job
    assert job["progress"]["done"] == job["progress"]["total"] == 3
    brief = job["result"]
    assert brief["schema_version"] and len(brief["sources"]) == 3
    assert brief["summary"] and all(s["citations"] for s in brief["summary"])


def test_a_big_ingest_is_a_job_whose_result_is_the_ingest_report(guarded_server: str) -> None:
    records = load_records()
    with httpx.Client(base_url=guarded_server, timeout=120) as http:
        answer = http.post(
            "/api/articles", json={"articles": records}, headers={**AUTH, "Prefer": "wait=1"}
        )
        assert answer.status_code == 202
        job = poll(http, answer.headers["location"], AUTH)
        assert job["status"] == "done", job
        assert job["result"]["new"] == len(records)
        stories = http.get("/api/stories").json()["stories"]
    assert sum(s["article_count"] for s in stories) == len(records)


def test_respond_async_makes_a_job_of_a_small_request_and_it_can_be_cancelled(
    guarded_server: str,
) -> None:
    records = load_records()
    with httpx.Client(base_url=guarded_server, timeout=60) as http:
        answer = http.post(
            "/api/brief",
            json={"articles": records[:1]},
            headers={**AUTH, "Prefer": "respond-async"},
        )
        assert answer.status_code == 202
        location = answer.headers["location"]
        assert http.delete(location).status_code == 404, "cancelling needs the token too"
        cancelled = http.delete(location, headers=AUTH).json()
        assert cancelled["status"] in ("cancelled", "done")
        again = http.post(location + "/cancel", headers=AUTH).json()
        assert again["status"] == cancelled["status"], "an ended job stays as it ended"


def test_a_bad_job_fails_alone_with_its_reason(guarded_server: str) -> None:
    with httpx.Client(base_url=guarded_server, timeout=60) as http:
        bad = http.post(
            "/api/brief",
            json={"articles": [{"id": "empty", "text": "   "}] * 3},
            headers=AUTH,
        )
        good = http.post("/api/brief", json={"articles": load_records()[:3]}, headers=AUTH)
        failed = poll(http, bad.headers["location"], AUTH)
        done = poll(http, good.headers["location"], AUTH)
    assert failed["status"] == "failed" and "no usable article" in failed["error"]
    assert failed["result"] is None
    assert done["status"] == "done"


def test_the_serve_options_default_to_the_job_settings() -> None:
    from newsfuse.cli import serve_cmd

    defaults = JobSettings()
    assert defaults.sync_max_articles == serve_cmd.SYNC_MAX_ARTICLES
    assert defaults.sync_max_chars == serve_cmd.SYNC_MAX_CHARS
    assert defaults.ttl == serve_cmd.JOB_TTL
    assert defaults.lease == serve_cmd.JOB_LEASE
    assert defaults.poll_interval == serve_cmd.JOB_POLL_INTERVAL
