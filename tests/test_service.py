"""newsfuse as a service: several writers on one store, a server reading, a kill, backups.

Every process here is real (``python -m newsfuse``), the server listens on
127.0.0.1, and the articles are invented and generated on the spot.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, free_port, subprocess_env
from newsfuse.corpus import Corpus, check_store, restore_store
from newsfuse.errors import StoreError
from newsfuse.store import SQLiteStore

# The model-free embedder keeps each process's start fast; grouping is not under test.
INGEST = [sys.executable, "-m", "newsfuse", "ingest", "--embedder", "hashing"]
TOWNS = ["Arlenmoor", "Brisk Hollow", "Cadrith", "Dunvale", "Eskerby", "Fallowmere", "Gorran"]
EVENTS = [
    ("bridge closure", "engineers found cracks in the {town} river bridge"),
    ("library reopening", "the {town} public library reopened after a roof repair"),
    ("bus strike", "drivers at the {town} depot stopped work over a pay offer"),
    ("flood warning", "the {town} council issued a flood warning for the lower streets"),
    ("school award", "pupils from {town} Grammar won a regional science prize"),
]
OUTLETS = ["Valley Courier", "Northgate Post", "Riverside Herald", "Moorland Times"]


def invent_articles(count: int, seed: int = 7, prefix: str = "svc") -> list[dict[str, Any]]:
    """``count`` distinct invented news records, each with a unique URL and text."""
    rng = random.Random(seed)
    records = []
    for number in range(count):
        town = TOWNS[number % len(TOWNS)]
        event, lead = EVENTS[(number // len(TOWNS)) % len(EVENTS)]
        outlet = OUTLETS[number % len(OUTLETS)]
        figure = rng.randint(12, 900)
        official = rng.choice(["Mara Quell", "Tobin Ashgrove", "Ilse Varn", "Corin Dale"])
        text = (
            f"{lead.format(town=town).capitalize()} on Tuesday, officials said. "
            f"{official}, who speaks for the council, said {figure} residents had been "
            f"told about the {event} by letter. Report {prefix}-{number} notes that "
            f"the work is expected to last {rng.randint(2, 40)} days and cost about "
            f"{rng.randint(10, 99)},000 pounds. Residents in {town} said they had "
            f"waited {rng.randint(2, 11)} months for news, and several shops on the high "
            f"street expect fewer customers until the {event} is over."
        )
        records.append(
            {
                "id": f"{prefix}-{number}",
                "title": f"{town} {event}: {figure} residents told",
                "text": text,
                "source": outlet,
                "url": f"https://{outlet.lower().replace(' ', '')}.example/{prefix}/{number}",
                "published": f"2026-0{1 + number % 9}-{10 + number % 18}T08:00:00+00:00",
            }
        )
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def start_serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    """``newsfuse serve`` on a free loopback port, once it answers /healthz."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", "serve", "--db", str(db), "--port", str(port)],
        env=subprocess_env(),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"newsfuse serve did not start: {process.communicate()[1]}")


def fetch(url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET")
    request.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def stored_urls(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return [row[0] for row in connection.execute("SELECT url FROM articles")]
    finally:
        # Closed at once: an open connection counts as the store being in use.
        connection.close()


@pytest.mark.slow  # five interpreters (four ingests and a server) on a shared store
def test_four_ingests_a_server_and_a_kill_store_every_article_once(tmp_path: Path) -> None:
    articles = invent_articles(360)
    seed = articles[:1]
    chunks = [articles[1 + 80 * i : 81 + 80 * i] for i in range(4)]
    posted = articles[321:]
    db = tmp_path / "shared.db"
    # The store's embedder is settled first, so the server's POSTs use the hashing one too.
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(seed)
    files = [write_jsonl(tmp_path / f"chunk{i}.jsonl", chunk) for i, chunk in enumerate(chunks)]
    server, url = start_serve(db)
    reader_errors: list[str] = []
    reads = [0]
    stop = threading.Event()

    def read_continuously() -> None:
        while not stop.is_set():
            for path in ("/api/stories?limit=20", "/healthz", "/api/stories?q=bridge"):
                try:
                    status, body = fetch(url + path)
                except OSError as error:
                    reader_errors.append(f"{path}: {error}")
                    continue
                reads[0] += 1
                if status != 200:
                    reader_errors.append(f"{path}: {status} {body}")

    readers = [threading.Thread(target=read_continuously) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        # The first ingest takes every chunk, three times over (copies of the files, so no
        # new articles), so it is still running when it is killed; the other three (B+C,
        # C+D, D+A) still cover every chunk between them.
        copies = [
            write_jsonl(tmp_path / f"copy{k}-chunk{i}.jsonl", chunk)
            for k in range(2)
            for i, chunk in enumerate(chunks)
        ]
        inputs = [files + copies, files[1:3], files[2:4], [files[3], files[0]]]
        ingests = [
            subprocess.Popen(
                [*INGEST, "--db", str(db), *map(str, chosen)],
                env=subprocess_env(),
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for chosen in inputs
        ]
        # POSTs go in while the ingests run, some of them repeats of a chunk's articles.
        # Seven new and three repeated articles: small enough to be answered in the request.
        post_statuses = []
        for start in range(0, len(posted), 7):
            batch = posted[start : start + 7] + chunks[0][start : start + 3]
            post_statuses.append(fetch(url + "/api/articles", {"articles": batch})[0])
        # SIGKILL the first ingest as soon as any batch lands (its chunks are also in the
        # ingests on either side of it): later, on a fast machine, the other three may have
        # stored its articles already, and it ends early with nothing left to write.
        deadline = time.monotonic() + 120
        while len(stored_urls(db)) < 1 + len(seed) and time.monotonic() < deadline:
            time.sleep(0.05)
        if ingests[0].poll() is None:  # else it ended first, its articles all stored
            ingests[0].send_signal(signal.SIGKILL)
        outcomes = [(*p.communicate(timeout=300), p.returncode) for p in ingests]
    finally:
        stop.set()
        for reader in readers:
            reader.join()
        deep = fetch(url + "/healthz?deep=1")
        server.terminate()
        server.communicate(timeout=30)
    # Killed, or finished just before the kill once the others had stored its articles.
    assert outcomes[0][2] in (-signal.SIGKILL, 0), outcomes[0]
    assert [code for _, _, code in outcomes[1:]] == [0, 0, 0], outcomes
    assert post_statuses == [200] * len(post_statuses)
    urls = stored_urls(db)
    assert sorted(urls) == sorted(r["url"] for r in articles)
    assert check_store(db=db) == []
    assert deep[1].pop("models") in ("loading", "ready")  # serve preloads in the background
    assert deep == (200, {"status": "ok", "version": deep[1]["version"], "problems": []})
    assert reads[0] > 0 and reader_errors == []


def test_a_writer_gives_up_on_a_locked_store_with_a_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    SQLiteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        store = SQLiteStore(db, lock_timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StoreError) as raised, store.transaction():
            pass
        waited = time.monotonic() - started
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert 0.3 <= waited < 5
    message = str(raised.value)
    assert "\n" not in message and "locked" in message and "--lock-timeout" in message


def test_the_cli_reports_a_locked_store_and_exits_with_the_store_status(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    records = write_jsonl(tmp_path / "in.jsonl", invent_articles(3))
    SQLiteStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = subprocess.run(
            [*INGEST, "--db", str(db), "--lock-timeout", "0.5", str(records)],
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 6, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "stayed locked" in lines[0] and "Traceback" not in result.stderr


def test_a_bad_lock_timeout_setting_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsfuse.errors import ConfigError

    monkeypatch.setenv("NEWSFUSE_LOCK_TIMEOUT", "soon")
    with pytest.raises(
        ConfigError, match=r"^NEWSFUSE_LOCK_TIMEOUT: expected a number of seconds, got 'soon'$"
    ):
        Corpus(tmp_path / "x.db")
    monkeypatch.setenv("NEWSFUSE_LOCK_TIMEOUT", "2.5")
    with Corpus(tmp_path / "x.db") as corpus:
        assert corpus.check() == []


@pytest.mark.slow  # an ingest process runs while the backup is taken
def test_a_backup_taken_during_an_ingest_is_sound_and_restores(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(20, prefix="first"))
    more = write_jsonl(tmp_path / "more.jsonl", invent_articles(200, seed=3, prefix="more"))
    ingest = subprocess.Popen(
        [*INGEST, "--db", str(db), str(more)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while len(stored_urls(db)) <= 20 and time.monotonic() < deadline:
            time.sleep(0.02)
        backup = tmp_path / "copy.db"
        result = subprocess.run(
            [sys.executable, "-m", "newsfuse", "backup", "--db", str(db), str(backup)],
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        ingest.communicate(timeout=300)
    assert result.returncode == 0, result.stderr
    assert ingest.returncode == 0
    # One self-contained file, a snapshot taken part-way: consistent on its own.
    assert not Path(str(backup) + "-wal").exists()
    assert check_store(db=backup) == []
    in_backup = len(stored_urls(backup))
    assert 20 <= in_backup <= 220 and len(stored_urls(db)) == 220
    # Putting it back while nobody else has the store open.
    restore_store(backup, db=db)
    assert len(stored_urls(db)) == in_backup
    assert check_store(db=db) == []
    checked = subprocess.run(
        [sys.executable, "-m", "newsfuse", "check", "--db", str(db)],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0 and checked.stdout.startswith("ok:"), checked


def test_restore_refuses_a_store_in_use_unless_forced(tmp_path: Path) -> None:
    db, backup = tmp_path / "live.db", tmp_path / "copy.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(5))
        corpus.backup(backup)
        corpus.ingest(invent_articles(5, prefix="later"))
        with pytest.raises(StoreError, match="open in another process"):
            restore_store(backup, db=db)
        restore_store(backup, db=db, force=True)
        # The open handle sees the restored content, not a file swapped under it.
        assert sum(len(story["articles"]) for story in corpus.export()) == 5
    assert len(stored_urls(db)) == 5
    assert check_store(db=db) == []


def test_restore_refuses_a_damaged_backup_and_leaves_the_store_alone(tmp_path: Path) -> None:
    db, backup = tmp_path / "live.db", tmp_path / "copy.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(5))
        corpus.backup(backup)
    data = bytearray(backup.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    backup.write_bytes(bytes(data))
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("just some notes", encoding="utf-8")
    for bad in (backup, not_a_store, tmp_path / "missing.db"):
        with pytest.raises(StoreError, match="not restored"):
            restore_store(bad, db=db)
    assert len(stored_urls(db)) == 5


def test_the_deep_health_check_needs_the_token(tmp_path: Path) -> None:
    from conftest import start_server

    db = tmp_path / "s.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest(invent_articles(3))
    live = start_server(db, token="sesame")
    try:
        assert fetch(live.url + "/healthz")[0] == 200
        assert fetch(live.url + "/healthz?deep=1")[0] == 401
        request = urllib.request.Request(live.url + "/healthz?deep=1")
        request.add_header("authorization", "Bearer sesame")
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert json.loads(answer.read())["problems"] == []
    finally:
        live.stop()


def test_check_and_backup_refuse_a_store_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in (["check"], ["backup", str(tmp_path / "copy.db")]):
        result = subprocess.run(
            [sys.executable, "-m", "newsfuse", *command, "--db", str(missing)],
            env=subprocess_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 6 and "no store there" in result.stderr
    assert not missing.exists()
