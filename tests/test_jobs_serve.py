"""Jobs across real ``newsfuse serve`` processes on 127.0.0.1: a 60-article brief that
answers at once, survives a restart of its server, and a job taken over from a killed
server by another sharing the store."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import REPO, free_port, subprocess_env
from test_jobs import wait_for
from test_service import invent_articles

pytestmark = pytest.mark.slow  # several interpreters each loading the models

# Seconds a request for a big brief may take to answer with its job (the issue's bound).
ANSWER_WITHIN = 1.0


class Serve:
    """One ``newsfuse serve`` process on a free loopback port."""

    def __init__(self, db: Path, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsfuse",
                "serve",
                "--db",
                str(db),
                "--port",
                str(self.port),
                *options,
            ],
            env=subprocess_env(),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for(self._answers, 60, 0.2)

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"newsfuse serve exited: {self.process.communicate()[1]}")
        try:
            return httpx.get(self.url + "/healthz", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)
        if self.process.stderr is not None:
            self.process.stderr.close()


def job_row(db: Path, job_id: str) -> tuple[str, str, int]:
    """(status, owner, attempts) of a job, read straight from the store file."""
    connection = sqlite3.connect(db)
    try:
        row = connection.execute(
            "SELECT status, owner, attempts FROM jobs WHERE id = ?", (job_id,)
        ).fetchone()
    finally:
        connection.close()
    return row[0], row[1], row[2]


def finished(url: str, location: str) -> dict[str, Any] | None:
    try:
        job: dict[str, Any] = httpx.get(url + location, timeout=10).json()
    except httpx.HTTPError:
        return None
    return job if job["status"] in ("done", "failed", "cancelled") else None


def test_a_60_article_brief_answers_at_once_and_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    articles = invent_articles(60, prefix="restart")
    server = Serve(db)
    try:
        started = time.perf_counter()
        answer = httpx.post(server.url + "/api/brief", json={"articles": articles}, timeout=30)
        took = time.perf_counter() - started
        assert answer.status_code == 202, answer.text
        assert took < ANSWER_WITHIN, f"the job took {took:.2f} s to be accepted"
        location = answer.headers["location"]
        job_id = answer.json()["id"]
        wait_for(lambda: job_row(db, job_id)[0] == "running", 30, 0.05)
    finally:
        server.stop(signal.SIGTERM)
    status, owner, attempts = job_row(db, job_id)
    assert (status, owner, attempts) == ("queued", "", 1), "a stopping server gives its job back"
    restarted = Serve(db)
    try:
        job = wait_for(lambda: finished(restarted.url, location), 240, 0.5)
    finally:
        restarted.stop()
    assert job["status"] == "done", job
    assert job["attempts"] == 2
    brief = job["result"]
    assert len(brief["sources"]) == 60
    assert brief["summary"] and all(s["citations"] for s in brief["summary"])
    assert brief["stats"]["articles_read"] == 60


def test_a_job_of_a_killed_server_is_finished_by_the_other_server_once(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    options = ("--job-lease", "2", "--max-jobs", "1")
    first = Serve(db, *options)
    second = Serve(db, *options)
    servers = {first.process.pid: first, second.process.pid: second}
    try:
        locations = []
        for number in range(3):
            answer = httpx.post(
                first.url + "/api/brief",
                json={"articles": invent_articles(12, seed=number, prefix=f"lease{number}")},
                timeout=30,
            )
            assert answer.status_code == 202
            locations.append((answer.json()["id"], answer.headers["location"]))
        victim_job = locations[0][0]
        owner = wait_for(lambda: job_row(db, victim_job)[1], 60, 0.05)
        victim = servers[int(owner.split(":")[1])]
        survivor = second if victim is first else first
        victim.stop(signal.SIGKILL)
        jobs = [
            wait_for(lambda loc=loc: finished(survivor.url, loc), 240, 0.5) for _, loc in locations
        ]
    finally:
        first.stop()
        second.stop()
    assert [job["status"] for job in jobs] == ["done"] * 3
    survivor_pid = str(survivor.process.pid)
    _status, owner, attempts = job_row(db, victim_job)
    assert owner.split(":")[1] == survivor_pid, "the survivor finished the killed server's job"
    assert attempts == 2, "claimed once by each server, finished once"
    assert all(len(job["result"]["sources"]) == 12 for job in jobs)
