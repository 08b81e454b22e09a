"""A story's listing title is chosen by the corpus layer; the store persists what it is given."""

from __future__ import annotations

from pathlib import Path

from newsfuse.corpus import Corpus
from newsfuse.corpus.listing import choose_story_title
from newsfuse.store import SQLiteStore
from newsfuse.store.base import StoryTitleSources

LEAD = (
    "A ferry carrying 212 passengers ran aground on a sandbank off the Pellow coast early "
    "on Monday after its engines failed in heavy fog, the coastguard said."
)


def test_the_founders_title_wins_then_the_shared_title_then_a_headline_from_the_lead() -> None:
    shared = (
        "Ferry aground off Pellow",
        "",
        "Pellow ferry runs aground",
        "Ferry aground off Pellow",
    )
    assert choose_story_title(StoryTitleSources("Pellow ferry stuck", LEAD, shared)) == (
        "Pellow ferry stuck"
    )
    assert choose_story_title(StoryTitleSources("", LEAD, shared)) == "Ferry aground off Pellow"
    headline = choose_story_title(StoryTitleSources("", LEAD, ("", "")))
    assert headline.startswith("A ferry carrying 212 passengers ran aground")
    assert not headline.endswith(".")


def test_an_untitled_story_is_listed_under_its_headline_and_the_store_keeps_a_given_title(
    tmp_path: Path,
) -> None:
    db = tmp_path / "corpus.db"
    with Corpus(db, embedder="hashing") as corpus:
        corpus.ingest([{"id": "pellow", "text": LEAD}])
        (story,) = corpus.stories()
    assert story.title.startswith("A ferry carrying 212 passengers ran aground")
    store = SQLiteStore(db)
    try:
        sources = store.story_title_sources(story.id)
        assert sources == StoryTitleSources("", LEAD, ("",))
        with store.transaction():
            store.refresh_story_summary(story.id, "Given title")
        (listed,) = store.list_stories()
        assert (listed.title, listed.article_count) == ("Given title", 1)
        assert store.story_title_sources("no-such-story") is None
    finally:
        store.close()
