"""Tests of briefing a store's stories in parallel: in-process, and on a real Dask cluster."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import SRC
from newsfuse import corpus, distribute
from newsfuse.corpus import Corpus
from newsfuse.distribute import BriefOutcome, refresh_briefs
from newsfuse.errors import ConfigError


def brief_rows(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT story_id, version FROM briefs").fetchall())


def test_bad_options_are_refused_before_any_work(store: Path) -> None:
    with pytest.raises(ConfigError, match="budget"):
        refresh_briefs(store, budget=0)
    with pytest.raises(ConfigError, match="workers"):
        refresh_briefs(store, workers=0)
    assert brief_rows(store) == {}


@pytest.mark.slow  # briefs load the sentence-embedding model
def test_refresh_makes_each_stale_brief_once_and_story_serves_it(store: Path) -> None:
    started: list[int] = []
    finished: list[BriefOutcome] = []
    with Corpus(store) as handle:
        report = refresh_briefs(
            handle, facts=False, workers=1, on_start=started.append, on_done=finished.append
        )
        stories = list(handle.export())
    assert report.stories == len(stories) and report.fresh == 0
    assert report.made == len(stories) and report.failed == ()
    assert started == [len(stories)] and len(finished) == len(stories)
    assert set(brief_rows(store)) == {story["id"] for story in stories}

    # Everything is current now: a second run makes nothing.
    again = refresh_briefs(store, facts=False, workers=1)
    assert (again.fresh, again.made) == (len(stories), 0)

    # `newsfuse story` reads the stored brief: the same sentences, cited the same way.
    outcome = finished[0]
    assert outcome.body is not None
    stored = json.loads(outcome.body)
    view = corpus.get_story(outcome.story_id, db=store, facts=False)
    assert [s.text for s in view.brief.sentences] == [s["text"] for s in stored["sentences"]]

    # A new article makes its story's brief stale; only that one is redone.
    extra = {
        "id": "late-report",
        "title": "Ferry strike talks resume",
        "text": "Union leaders and the Port of Vellmar resumed talks on Friday "
        "after the three-day ferry strike, officials said. The strike has stranded "
        "about 4,000 travellers on the islands.",
        "source": "Harbour Times",
        "published": "2025-04-12T09:00:00+00:00",
    }
    corpus.ingest([extra], db=store, embedder="hashing")
    changed = refresh_briefs(store, facts=False, workers=1)
    # It either joined a story (now stale) or started one (never briefed): one brief to make.
    assert changed.made == 1 and changed.fresh == changed.stories - 1


@pytest.mark.slow  # starts a Dask scheduler and a worker process that loads the models
def test_refresh_runs_on_a_dask_cluster(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    # The worker is a separate interpreter: it must find newsfuse even when it is not
    # installed (running from a checkout).
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        report = refresh_briefs(store, facts=False, scheduler=cluster.scheduler_address)
    assert report.engine.startswith("dask (tcp://127.0.0.1:")
    assert report.failed == () and report.made == report.stories > 0
    local = corpus.get_story(next(iter(brief_rows(store))), db=store, facts=False)
    assert local.brief.sentences and all(s.citations for s in local.brief.sentences)


def test_unreachable_scheduler_is_a_clear_error(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(distribute, "CONNECT_SECONDS", 1)
    with pytest.raises(
        ConfigError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        refresh_briefs(store, scheduler="tcp://127.0.0.1:9")
    assert brief_rows(store) == {}
