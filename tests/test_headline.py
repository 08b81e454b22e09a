"""Headlines for stories whose sources give no title (the readability audit's title check)."""

from __future__ import annotations

from newsfuse.model import Article, BriefSentence
from newsfuse.summary.headline import headline_from_lead, make_headline


def _article(text: str, title: str = "") -> Article:
    return Article(id="pellow-1", text=text, title=title)


def test_the_headline_is_the_shared_source_title_when_sources_have_titles() -> None:
    articles = [
        _article("a", "Ferry aground off Pellow"),
        Article(id="b", text="b", title="Pellow ferry runs aground"),
        Article(id="c", text="c", title="Ferry aground off Pellow"),
    ]
    assert make_headline(articles, []) == "Ferry aground off Pellow"


def test_without_source_titles_the_headline_is_a_short_line_from_the_lead() -> None:
    lead = BriefSentence(
        text="PELLOW (Wire) — A ferry carrying 212 passengers ran aground on a sandbank off "
        "the Pellow coast early on Monday after its engines failed in heavy fog, the "
        "coastguard said.",
        citations=(),
    )
    headline = make_headline([_article("x")], [lead])
    assert headline.startswith("A ferry carrying 212 passengers ran aground")
    assert len(headline.split()) <= 15
    assert "coastguard said" not in headline
    assert not headline.endswith(".")


def test_a_short_lead_becomes_the_headline_without_its_attribution() -> None:
    assert (
        headline_from_lead("The Orrin bridge reopened on Sunday after repairs, officials said.")
        == "The Orrin bridge reopened on Sunday after repairs"
    )
