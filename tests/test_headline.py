"""Headlines for stories whose sources give no title (the readability audit's title check)."""

from __future__ import annotations

from newsfuse.model import Article, BriefSentence
from newsfuse.summary.headline import headline_from_lead, make_headline, story_headline


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


# Words a headline never ends on: they lean on the words the cut removed.
_LEANING_ENDS = {"and", "but", "or", "to", "of", "in", "with", "the", "a", "an", "her", "his"}


def test_a_relative_clause_after_the_subject_is_left_out_of_the_headline() -> None:
    headline = headline_from_lead(
        "Marla Venn, who founded the Orrin rowing club in 1998, was named coach of the "
        "national team on Tuesday after a six-month search by the federation."
    )
    assert headline.startswith("Marla Venn was named coach of the national team")
    assert "founded" not in headline


def test_an_appositive_after_the_subject_is_left_out_of_the_headline() -> None:
    headline = headline_from_lead(
        "Teodor Ash, one of four climbers caught by the avalanche on Mount Orrin, walked "
        "out of the valley on Sunday after two nights in a snow cave near the summit."
    )
    assert headline.startswith("Teodor Ash walked out of the valley")


def test_an_aside_between_dashes_is_left_out_and_the_headline_does_not_end_on_and() -> None:
    headline = headline_from_lead(
        "Brannock's new harbour master -- and by that we mean the acting one -- is currently "
        "inspecting every mooring with the coastguard in Pellow Bay."
    )
    assert headline.startswith("Brannock's new harbour master is currently inspecting")
    assert "acting one" not in headline


def test_a_dateline_in_mixed_case_before_an_agency_is_removed() -> None:
    headline = headline_from_lead(
        "Pellow, Norland (Wire) -- A ferry carrying 212 passengers ran aground on a sandbank "
        "on Monday."
    )
    assert headline == "A ferry carrying 212 passengers ran aground on a sandbank on Monday"


def test_the_headline_ends_at_the_first_clause_boundary_that_reports_something() -> None:
    headline = headline_from_lead(
        "The Orrin rangers were back at the flooded quarry on Tuesday; the storm that closed "
        "it last week, the worst in a decade, also cut power to about 3,000 homes."
    )
    # A lead too long for a headline loses its weekday.
    assert headline == "The Orrin rangers were back at the flooded quarry"


def test_a_particle_that_ends_a_clause_stays_in_the_headline() -> None:
    headline = headline_from_lead(
        "The words “closed for repairs” have been painted out, and the Orrin lighthouse "
        "museum will reopen to visitors on Saturday morning after a year."
    )
    assert headline == "The words “closed for repairs” have been painted out"


def test_a_headline_cut_inside_a_long_clause_never_ends_on_a_word_that_leans_forward() -> None:
    leads = [
        "More walkers are expected on the Orrin coast path this summer thanks to a "
        "television series about the smugglers who once used it.",
        "The Brannock ferry company has cancelled every crossing to the Pellow islands for "
        "the rest of the month because of a strike by its engineers.",
        "A retired teacher from Orrin found a bronze brooch in the mud of her allotment and "
        "handed it to the county museum for identification on Friday.",
    ]
    for lead in leads:
        headline = headline_from_lead(lead)
        last = headline.split()[-1].lower()
        assert last not in _LEANING_ENDS | {"thanks"}, headline
        assert not last.endswith("'s"), headline
        assert len(headline.split()) <= 15


def test_a_headline_does_not_cut_a_quotation_in_half() -> None:
    headline = headline_from_lead(
        'Brannock councillors voted on Monday night to call the new Pellow footbridge a "costly, '
        'pointless vanity project" and to ask for a review of its budget.'
    )
    assert headline.count('"') % 2 == 0
    assert not headline.endswith((" a", " the"))
    assert headline.startswith("Brannock councillors voted")


def test_a_long_clause_is_cut_before_that_but_not_after_a_verb_of_saying() -> None:
    relative = headline_from_lead(
        "A wildlife charity in Brannock has published photographs that appear to show "
        "hundreds of dead fish floating near the old Pellow sewage outfall."
    )
    assert relative == "A wildlife charity in Brannock has published photographs"
    reported = headline_from_lead(
        "The Orrin harbour board said on Friday that it would close the old fish market "
        "for repairs until the end of the summer season."
    )
    # What was said stays whole; the weekday and "that" go, as in a headline.
    assert reported.startswith("The Orrin harbour board said it would close")


def test_a_headline_never_ends_on_a_subject_pronoun() -> None:
    headline = headline_from_lead(
        "Councillors in Brannock have voted to publish a confidential survey of the harbour "
        "wall they commissioned after the storms of last winter."
    )
    assert headline.split()[-1] not in {"they", "he", "she", "we"}, headline
    assert headline.startswith("Councillors in Brannock have voted to publish")


def test_an_age_a_weekday_and_a_relative_clause_before_the_verb_leave_a_long_lead() -> None:
    lead = (
        "The ferry captain who was seen on video steering the Tarrow ferry into the Orrin "
        "harbour wall has been suspended, the operator said on Thursday."
    )
    assert headline_from_lead(lead) == "The ferry captain has been suspended"
    lead = (
        "Ilse Varga, 52, who ran the Orrin bakery for three decades, said on Monday that the "
        "bakery would close at the end of the month after a dispute over rent."
    )
    assert headline_from_lead(lead).startswith("Ilse Varga said the bakery would close")
    # A relative clause with another clause inside it is not cut: the main verb is unsure.
    lead = (
        "The dog who was found by a farmer that was walking near the Orrin quarry has been "
        "returned to its owners in the village of Pellow after a week."
    )
    assert headline_from_lead(lead).startswith("The dog who was found by a farmer")
    # A weekday inside a name stays.
    lead = (
        "Cast members of Saturday Night Live will perform at the Orrin harbour festival in "
        "the summer for the first time, the organisers said."
    )
    assert headline_from_lead(lead).startswith("Cast members of Saturday Night Live will perform")
    # A lead short enough keeps its weekday.
    assert headline_from_lead("The Orrin pier closed on Monday after a storm.") == (
        "The Orrin pier closed on Monday after a storm"
    )


def test_a_dash_the_splitter_left_from_a_dateline_does_not_open_the_headline() -> None:
    lead = (
        "PELLOW (Wire) — A ferry carrying 212 passengers ran aground on a sandbank off "
        "the Pellow coast early on Monday after its engines failed in heavy fog."
    )
    assert story_headline([], lead).startswith("A ferry carrying 212 passengers")
    assert headline_from_lead("-- A ferry ran aground off Pellow on Monday") == (
        "A ferry ran aground off Pellow on Monday"
    )
    assert headline_from_lead("-5 degrees froze the Pellow harbour overnight").startswith("-5")


def test_a_clause_cut_keeps_a_verb_not_the_subject_alone() -> None:
    lead = "Divers at a sunken merchant ship off Kessra, Norland, found a bronze bell in the hold."
    assert headline_from_lead(lead) == (
        "Divers at a sunken merchant ship off Kessra, Norland, found a bronze bell"
    )
    from dataclasses import replace

    from newsfuse.summary.params import BriefParams

    off = headline_from_lead(lead, replace(BriefParams(), headline_needs_verb=False))
    assert off == "Divers at a sunken merchant ship off Kessra"
