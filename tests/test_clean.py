"""Tests of newsfuse.clean: each kind of boilerplate goes, every story sentence stays.

The fixtures (tests/fixtures/ingest) are invented articles with invented
outlets, people and places, and boilerplate written for these tests.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES as FIXTURES_ROOT
from newsfuse.clean import CleanParams, clean_articles, clean_report, find_repeated_lines
from newsfuse.clean.language import detect_language, is_foreign
from newsfuse.clean.signals import (
    NOTE_ACTION,
    NOTE_AUTHOR,
    NOTE_CAPTION,
    NOTE_EDITOR,
    NOTE_OPINION,
    NOTE_PAGE,
    byline_name,
    is_contributor_credit,
    is_counter,
    is_figure_line,
    is_headline_like,
    is_reader_prompt,
    page_note_kind,
)
from newsfuse.clean.stamps import names_update, parse_stamp, stamp_parts
from newsfuse.model import Article, ReadReport
from newsfuse.reading import read_inputs

FIXTURES = FIXTURES_ROOT / "ingest"

COURIER_STORY = [
    "The ferry link between Ostmark and the island of Velde reopened on Friday, three days "
    "after a storm damaged the main pier.",
    "Harbour master Ilka Brandt said repairs had cost about 80,000 euros and that two of the "
    "four berths were usable again.",
    '"We expect full service by the end of the month," Brandt said.',
]
WIRE_STORY = [
    "Residents of Velde will vote next Sunday on whether to build a desalination plant on the "
    "island's western shore.",
    "The plant would produce 2,000 cubic metres of drinking water a day, according to the "
    "island council.",
    "Opponents say the project threatens a colony of terns that nests on the shore every spring.",
]
EXPANSION_STORY = [
    "The ferry company Nordlicht said on Friday it would add a second boat to the Ostmark-Velde "
    "route from June.",
    "Chief executive Pia Lundqvist told reporters the new vessel could carry 300 passengers and "
    "40 cars.",
    "The company carried 1.2 million passengers last year, up 8 percent.",
]


def read_fixture(name: str) -> Article:
    (article,) = read_inputs([FIXTURES / name]).articles
    return article


def clean_one(article: Article) -> Article:
    (cleaned,) = clean_articles([article])
    return cleaned


def reasons_of(article: Article) -> dict[str, str]:
    return {removal.reason: removal.text for removal in article.removed}


def assert_story_kept(article: Article, sentences: list[str]) -> None:
    for sentence in sentences:
        assert sentence in article.text, f"lost story sentence: {sentence!r}"


def test_related_list_and_update_stamp_are_removed() -> None:
    cleaned = clean_one(read_fixture("ferry_courier.txt"))
    assert_story_kept(cleaned, COURIER_STORY)
    assert cleaned.text == "\n\n".join(COURIER_STORY)
    reasons = reasons_of(cleaned)
    assert reasons["update stamp"].startswith("Last updated")
    related = reasons["related-articles list"]
    assert related.startswith("Other news from Region")
    assert "Korn & Co. announced plans" in related  # a teaser without an ellipsis goes too
    # Fri, 04/09/2021 is 9 April 2021 (a Friday), not 4 September (a Saturday).
    assert cleaned.published == datetime(2021, 4, 9, 16, 20, tzinfo=UTC)


def test_wire_article_head_and_tail_boilerplate() -> None:
    cleaned = clean_one(read_fixture("water_vote_wire.txt"))
    assert_story_kept(cleaned, WIRE_STORY)
    assert cleaned.text.startswith(WIRE_STORY[0])  # dateline gone, sentence intact
    assert cleaned.author == "Tomas Reiher"
    reasons = reasons_of(cleaned)
    assert reasons["repeated title"] == "Velde islanders to vote on new water plant"
    assert reasons["byline"] == "By Tomas Reiher"
    assert reasons["wire dateline"] == "OSTMARK (NWA) -"
    assert reasons["source or label line"] == "Source:Regional Wire"
    assert reasons["view counter"] == "This article has been viewed 1,204 times"
    assert reasons["share/comment prompt"] == "WRITE A COMMENT ON THIS STORY"
    assert reasons["notice in another language"].startswith("HINWEIS:")
    assert "Older and Newer Articles" not in cleaned.text
    for leftover in ("Source:", "1,204", "COMMENT", "HINWEIS", "Older"):
        assert leftover not in cleaned.text


def test_caption_copyright_share_prompt_and_spanish_notice() -> None:
    cleaned = clean_one(read_fixture("ferry_expansion.txt"))
    assert_story_kept(cleaned, EXPANSION_STORY)
    assert cleaned.text == "\n\n".join(EXPANSION_STORY)
    reasons = reasons_of(cleaned)
    assert "Photo: Karl Ostberg" in reasons["photo caption or credit"]
    assert reasons["copyright line"].startswith("©")
    assert reasons["interface text"] == "Share this story on Facebook and Twitter"
    assert reasons["notice in another language"].startswith("AVISO:")


def test_html_article_loses_repeated_title_and_footer() -> None:
    cleaned = clean_one(read_fixture("flood_page.html"))
    assert cleaned.text.startswith("Heavy rain caused the river Orme")
    assert "Copyright" not in cleaned.text
    assert cleaned.title == "Flood closes Brenvale bridge"


def test_social_widget_help_text_at_the_tail() -> None:
    text = (
        "Divers found the wreck of the schooner Marta off Velde on Monday.\n\n"
        "Post with your location\n\n"
        "You can attach where you are to your posts from the app or the web. "
        "You can always delete your location history. Find out more"
    )
    cleaned = clean_one(Article(id="w", text=text))
    assert cleaned.text == "Divers found the wreck of the schooner Marta off Velde on Monday."
    assert "social widget or reader notice" in reasons_of(cleaned)


def test_turkish_like_moderation_notice_in_english_article() -> None:
    text = (
        "The island council approved the harbour budget on Tuesday by seven votes to two.\n\n"
        "The money will pay for a new breakwater and for dredging the channel, which has "
        "been too shallow for the larger ferries since the winter storms.\n\n"
        "UYARI: Hakaret ve küfür içeren yorumlar ile büyük harflerle yazılmış "
        "yorumlar onaylanmamaktadır."
    )
    cleaned = clean_one(Article(id="t", text=text))
    assert cleaned.text.startswith("The island council approved")
    assert "UYARI" not in cleaned.text


def test_weak_signals_do_not_remove_lines_in_the_middle() -> None:
    text = (
        "The bridge reopened on Monday after two weeks of repairs.\n\n"
        "Repairs ahead\n\n"
        "Engineers said more work would be needed in the spring.\n\n"
        "Click here, said the sign on the contractor's van, as a joke.\n\n"
        "The council will review the costs in May."
    )
    cleaned = clean_one(Article(id="m", text=text))
    assert cleaned.text == text
    assert cleaned.removed == ()


def test_bylines() -> None:
    assert byline_name("By Alex Varga, Courier Staff • June 14, 2017 2:30 pm") == "Alex Varga"
    assert byline_name("By MIRA TOLAN and Ilse Varga") == "MIRA TOLAN and Ilse Varga"
    assert byline_name("By Monday, the water had receded.") == ""
    assert byline_name("By the time police arrived, the van was gone") == ""
    assert byline_name("/ Updated By Ilse Varga and Tomas Reiher") == "Ilse Varga and Tomas Reiher"
    assert byline_name("| Posted by Mira Tolan") == "Mira Tolan"


def test_a_closing_contributor_credit_is_removed_and_a_story_sentence_kept() -> None:
    story = "\n\n".join(COURIER_STORY)
    credit = "Wire writers Ilse Varga in Orrin and Tomas Reiher contributed to this report."
    cleaned = clean_one(Article(id="c", text=story + "\n\n" + credit))
    assert cleaned.text == story
    assert reasons_of(cleaned).keys() >= {"byline"}
    assert is_contributor_credit("The Orrin Courier contributed to this story.")
    assert not is_contributor_credit("The fee contributed to the report's high cost, he said.")


def test_sign_up_widget_glued_to_its_heading_and_slash_byline_are_removed() -> None:
    head = (
        "Courier Alerts Get breaking news emails and special reports. The stories that "
        "matter, delivered every morning.\n\n/ Updated By Ilse Varga\n\n"
    )
    story = "\n\n".join(COURIER_STORY)
    cleaned = clean_one(Article(id="w", text=head + story))
    assert cleaned.text == story
    assert reasons_of(cleaned).keys() >= {"byline"}
    # A capitalised verb that is not about the page leaves a story line alone.
    assert not is_reader_prompt("Share prices in Ostmark fell 4 percent on Friday.")
    assert not is_reader_prompt("Ferry Operators Post Record Summer Traffic")


def test_story_sentences_that_look_like_boilerplate_are_kept() -> None:
    text = (
        "Police released a file photo of the suspect on Monday.\n\n"
        "The names of the victims may not be published until relatives are told.\n\n"
        "By Monday, the water had receded.\n\n"
        "The video of the rescue was viewed 2 million times.\n\n"
        "The harbour will reopen in May."
    )
    cleaned = clean_one(Article(id="s", text=text))
    assert cleaned.text == text


def test_notes_about_the_page_filling_a_line_are_removed_and_the_story_kept() -> None:
    notes = [
        "The opinions expressed in this column are solely those of the author.",
        "Correction: An earlier version misspelled the harbour master's name.",
        "This story has been updated.",
        "Follow Ilse Varga on Twitter @ivarga_courier.",
        "For more from the Courier, follow us on Twitter at @OstmarkCourier.",
        "Read the harbour council's full statement here.",
        "(Tomas Reiher/Ostmark Courier)",
        "Courtesy Ilka Brandt",
    ]
    story = "\n\n".join(COURIER_STORY)
    cleaned = clean_one(Article(id="n", text=story + "\n\n" + "\n\n".join(notes)))
    assert cleaned.text == story
    assert reasons_of(cleaned).keys() == {
        "opinion disclaimer",
        "editor's note",
        "call to action",
        "photo caption or credit",
    }


def test_page_notes_are_told_from_story_sentences_about_views_and_updates() -> None:
    kinds = {
        "The views expressed here do not necessarily reflect those of the Courier.": NOTE_OPINION,
        "Update, 3 May: the council referred to in this story has since met.": NOTE_EDITOR,
        "This image provided by the Velde coast guard shows the damaged pier.": NOTE_CAPTION,
        "The damaged pier is seen in this May 2 photo released by the coast guard.": NOTE_CAPTION,
        "Reach Ilse Varga at ivarga@courier.example.com.": NOTE_ACTION,
        "The new timetable is as shown below.": NOTE_PAGE,
        "The writer is a former harbour master of Velde.": NOTE_AUTHOR,
    }
    for text, kind in kinds.items():
        assert page_note_kind(text) == kind, text
    for story in [
        *COURIER_STORY,
        "Brandt said the views expressed at the meeting were divided.",
        "The council updated its forecast on Friday, and the story ran in the Courier.",
        "Follow-up inspections found cracks in the pier, officials said here on Monday.",
        "The pier can be seen in this photo taken by a passenger, Brandt said.",
        "Read alongside the budget, the plan shows a deficit.",
        "Follow the signs here to the ferry, the harbour master told drivers.",
    ]:
        assert page_note_kind(story) == "", story
    # A note inside a longer paragraph is left to the brief: the paragraph is kept.
    paragraph = COURIER_STORY[0] + " This story has been updated."
    assert clean_one(Article(id="p", text=paragraph)).text == paragraph


def test_story_sentence_about_views_is_not_a_counter() -> None:
    assert not is_counter("The video was viewed 2 million times in its first week.")
    assert is_counter("1,204 views")
    assert is_counter("This story has been read 88 times")


def test_line_repeated_in_unrelated_articles_is_removed() -> None:
    notice = (
        "Since 1998 the Open Page Library has been storing copies of public websites. "
        "Pages are added to the library after a waiting period."
    )
    flood = Article(
        id="f",
        text=notice + "\n\nThe river Orme flooded 340 homes in Brenvale after heavy rain. "
        "Mayor Ilse Varga opened shelters at two schools and asked residents to stay "
        "indoors while engineers inspected the old stone bridge over the swollen river.",
    )
    ferry = Article(
        id="g",
        text="Nordlicht will add a second ferry between Ostmark and Velde from June. "
        "Chief executive Pia Lundqvist said the vessel carries 300 passengers and forty cars, "
        "doubling capacity on the busy summer route to the island harbour.\n\n" + notice,
    )
    bare = Article(id="h", text=notice)
    cleaned = clean_articles([flood, ferry, bare])
    assert all("Open Page Library" not in article.text for article in cleaned)
    assert cleaned[0].text.startswith("The river Orme flooded 340 homes")
    assert cleaned[2].text == ""
    report = clean_report(ReadReport(articles=(flood, ferry, bare)))
    assert [a.id for a in report.articles] == ["f", "g"]
    assert "all boilerplate" in report.skipped[0].reason


def test_wire_copy_shared_by_reports_of_one_event_is_kept() -> None:
    wire = (
        "Residents of Velde will vote on Sunday on a desalination plant for the island.\n\n"
        "The plant would produce 2,000 cubic metres of water a day, the council said."
    )
    extended = Article(
        id="x",
        text=wire + "\n\nCouncil leader Hanne Kolb said the Velde desalination plant vote "
        "would decide the island's water supply for decades, and that residents would "
        "receive the cubic metre figures and costs by post before Sunday.",
    )
    bare = Article(id="y", text=wire)
    cleaned = clean_articles([extended, bare])
    assert cleaned[1].text == wire
    assert cleaned[0].text.startswith(wire)
    assert find_repeated_lines([extended, bare]) == frozenset()


def test_dateline_only_recorded_once_and_sentence_kept() -> None:
    text = "LAKESIDE, Tarven (Nord Press) — The water level fell by 40 cm overnight."
    cleaned = clean_one(Article(id="d", text=text))
    assert cleaned.text == "The water level fell by 40 cm overnight."
    assert [r.reason for r in cleaned.removed] == ["wire dateline"]


def test_dateline_with_a_year_sets_published() -> None:
    text = "OSTMARK, March 3, 2021 (Nord Press) - The pier reopened."
    cleaned = clean_one(Article(id="y", text=text))
    assert cleaned.text == "The pier reopened."
    assert cleaned.published == datetime(2021, 3, 3, tzinfo=UTC)


def test_existing_metadata_is_not_overwritten() -> None:
    known = datetime(2020, 1, 2, tzinfo=UTC)
    text = "By Ana Pereira\n\nThe storm passed.\n\nUpdated: 3 May 2021 10:00"
    cleaned = clean_one(Article(id="k", text=text, author="Desk", published=known))
    assert (cleaned.author, cleaned.published) == ("Desk", known)
    assert cleaned.text == "The storm passed."


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Last update: Mon, 11/07/2016 - 23:09", datetime(2016, 7, 11, 23, 9, tzinfo=UTC)),
        ("Updated Wed 07/10/2019 8:15 pm", datetime(2019, 7, 10, 20, 15, tzinfo=UTC)),
        ("Published 2022-05-01 09:30", datetime(2022, 5, 1, 9, 30, tzinfo=UTC)),
        ("Posted on 3 May 2021, 10:00", datetime(2021, 5, 3, 10, 0, tzinfo=UTC)),
        ("Updated: 25/12/2020", datetime(2020, 12, 25, tzinfo=UTC)),
    ],
)
def test_parse_stamp(stamp: str, expected: datetime) -> None:
    assert parse_stamp(stamp) == expected


def test_a_stamp_is_read_part_by_part_with_its_labels() -> None:
    third, fifth = datetime(2024, 6, 3, tzinfo=UTC), datetime(2024, 6, 5, tzinfo=UTC)
    assert stamp_parts("Published 3 June 2024 | Updated 5 June 2024") == [
        (False, third),
        (True, fifth),
    ]
    assert stamp_parts("Last updated: 5 June 2024\nPosted: 3 June 2024") == [
        (True, fifth),
        (False, third),
    ]
    assert stamp_parts("3 June 2024, modified 5 June 2024") == [(False, third), (True, fifth)]
    assert stamp_parts("Updated a moment ago") == []
    assert names_update("Last modified: 5 June 2024") and names_update("Update: 5 June 2024")
    assert not names_update("Published 3 June 2024") and not names_update("Posted 3 June")


def test_language_detection() -> None:
    assert detect_language("The council said that the bridge will be closed for a week.") == "en"
    assert detect_language("Die Brücke ist nicht mehr offen, sagte der Bürgermeister.") == "de"
    assert detect_language("Мост закрыт на ремонт до пятницы.") == "CYRILLIC"
    assert is_foreign("Los comentarios con insultos no serán publicados por el equipo.", "en")
    assert not is_foreign("Brandt met the Velde council on Friday.", "en")


def test_the_cleaned_article_carries_the_language_its_foreign_notices_were_judged_by() -> None:
    cleaned = clean_one(read_fixture("water_vote_wire.txt"))
    assert reasons_of(cleaned)["notice in another language"].startswith("HINWEIS:")
    assert cleaned.language == "en"
    german = Article(
        id="de",
        text="Die Fähre nach Velde fährt wieder, sagte die Hafenmeisterin am Freitag.\n\n"
        "Die Reparatur des Anlegers hat nach Angaben der Gemeinde drei Tage gedauert.",
    )
    assert clean_one(german).language == "de"


def test_a_language_the_record_gives_is_kept_by_the_cleaner() -> None:
    article = replace(read_fixture("water_vote_wire.txt"), language="nl")
    assert clean_one(article).language == "nl"


def test_signals_on_typical_lines() -> None:
    assert is_headline_like("Council approves new cycle lane on Mill Street")
    assert not is_headline_like("The council approved a new cycle lane on Mill Street.")
    assert is_reader_prompt("Sign up for our morning newsletter")
    assert is_reader_prompt("Got a tip? Write to desk@courier.example")
    assert not is_reader_prompt("If you thought Facebook was invasive, wait for this.")


STORY_LINES = COURIER_STORY + WIRE_STORY + EXPANSION_STORY
NOISE_LINES = [
    "Share this story on Facebook and Twitter",
    "This article has been viewed 1,204 times",
    "Last updated: Fri, 04/09/2021 - 16:20",
    "© 2021 Ostmark Daily Courier. All rights reserved.",
    "By Tomas Reiher",
    "More from Region",
    "Museum reopens its textile wing",
    "After two years of renovation, the city museum opened on...",
    "HINWEIS: Kommentare mit Beleidigungen werden nicht veröffentlicht und die Redaktion kürzt.",
    "OSTMARK (NWA) - Residents of Velde will vote next Sunday.",
]
LINE = st.one_of(
    st.sampled_from(STORY_LINES + NOISE_LINES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n"])), max_size=14))
def test_cleaning_never_adds_text_and_is_idempotent(parts: list[tuple[str, str]]) -> None:
    text = "".join(line + separator for line, separator in parts).strip()
    cleaned = clean_one(Article(id="p", text=text, title="Museum reopens its textile wing"))
    original_words = text.split()
    cleaned_words = cleaned.text.split()
    iterator = iter(original_words)
    assert all(word in iterator for word in cleaned_words), "cleaning added or reordered text"
    assert len(cleaned.text) <= len(text)
    again = clean_one(cleaned)
    assert again.text == cleaned.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(STORY_LINES), min_size=1, max_size=6, unique=True))
def test_story_sentences_always_survive(story: list[str]) -> None:
    text = "\n\n".join(["By Tomas Reiher", *story, "Share this story on Facebook and Twitter"])
    cleaned = clean_one(Article(id="s", text=text))
    for sentence in story:
        # a dateline prefix may be stripped, never the sentence after it
        assert re.sub(r"^[A-Z]+ \(NWA\) - ", "", sentence) in cleaned.text


def test_agencyless_dateline_and_file_photo_caption() -> None:
    text = (
        "FILE - In this March 3, 2020, file photo, harbour master Ilka Brandt inspects the "
        "pier at Ostmark. Brandt said on Monday the... (Nord Press)\n\n"
        "OSTMARK, Tarven — The harbour reopened on Monday after repairs to the pier.\n\n"
        "NORDLICHT plans a second boat."
    )
    cleaned = clean_one(Article(id="c", text=text))
    assert cleaned.text == (
        "The harbour reopened on Monday after repairs to the pier.\n\n"
        "NORDLICHT plans a second boat."
    )
    reasons = reasons_of(cleaned)
    assert reasons["wire dateline"] == "OSTMARK, Tarven —"
    assert reasons["photo caption or credit"].startswith("FILE - In this")


def test_credit_followed_by_long_story_text_is_kept() -> None:
    line = (
        "Photo: Ana Pereira/via Courier The harbour master said the pier would need another "
        "month of work before the larger ferries could dock again, and that the council had "
        "agreed to pay for the extra divers needed to inspect the foundations."
    )
    cleaned = clean_one(Article(id="k", text="The pier is closed.\n\n" + line))
    assert line in cleaned.text


def test_bulleted_link_list_without_teasers_is_removed_but_key_points_stay() -> None:
    story = "\n\n".join(COURIER_STORY)
    links = (
        "Latest from the Courier\n- Velde school gets new roof\n- Ostmark market moves indoors\n"
    )
    links += "- Storm warning lifted for the coast"
    key_points = "Key points:\n- The pier reopened on Friday.\n- Two berths are usable again."
    listed = clean_one(Article(id="links", text=f"{story}\n\n{links}"))
    assert listed.text == story
    assert any(r.reason == "related-articles list" for r in listed.removed)
    kept = clean_one(Article(id="points", text=f"{story}\n\n{key_points}"))
    assert "The pier reopened on Friday." in kept.text


_LANGUAGE_WORDS = ["the", "und", "die", "de", "la", "het", "ve", "brücke", "niño", "garçon", "pão",
                   "ağaç", "harbour", "of", "que", "il", "een", "straße", "ÉTÉ"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LANGUAGE_WORDS) | st.text(max_size=8), max_size=30))
def test_language_scores_count_each_stop_word_and_marker_word_per_language(
    words: list[str],
) -> None:
    from collections import Counter

    from newsfuse.clean.language import _WORD, MARKER_LETTERS, STOP_WORDS, language_scores

    text = " ".join(words)
    found = Counter(_WORD.findall(text.lower()))
    for language in STOP_WORDS:
        letters = MARKER_LETTERS.get(language, frozenset())
        expected = sum(n for w, n in found.items() if w in STOP_WORDS[language])
        expected += sum(n for w, n in found.items() if letters & set(w))
        assert language_scores(text)[language] == expected


# -- figure blocks: a key-figures box or results list beside the story is story ----------
FIGURE_STORY = [
    "The Harbour Bank of Quelmont raised its deposit rate by a quarter point to 4.25% on "
    "Tuesday, citing faster wage growth.",
    "Six of the seven board members backed the rise, the bank said.",
]


def test_a_key_figures_box_closing_the_story_is_kept() -> None:
    box = ["AT A GLANCE:", "Deposit rate: 4.25% (was 4%)", "Wage growth this year: 5.1%"]
    text = "\n\n".join(FIGURE_STORY) + "\n\n" + "\n".join(box) + "\n\nAdvertisement"
    cleaned = clean_one(Article(id="a", text=text))
    assert_story_kept(cleaned, FIGURE_STORY + box)
    assert "Advertisement" not in cleaned.text
    off = clean_articles([Article(id="a", text=text)], CleanParams(keep_figure_blocks=False))
    assert "Deposit rate: 4.25% (was 4%)" not in off[0].text


def test_a_results_list_opening_the_story_is_kept() -> None:
    results = ["Quelmont 10km, women: results", "1. Mara Oste 31:02", "2. Lin Vardo 31:40"]
    header = "Stage 4, Pell - Ostra summit (164km)"
    story = "Mara Oste won the Quelmont 10km on Sunday in 31:02, ahead of Lin Vardo."
    text = header + "\n\n" + "\n".join(results) + "\n\n" + story
    cleaned = clean_one(Article(id="a", text=text))
    assert_story_kept(cleaned, [*results, story])
    assert clean_one(Article(id="a", text=cleaned.text)).text == cleaned.text
    # A lone short line is a block only when asked: it is as often a kicker or caption.
    assert header not in cleaned.text
    (single,) = clean_articles([Article(id="a", text=text)], CleanParams(figure_block_min_lines=1))
    assert_story_kept(single, [header, *results, story])


def test_page_numbers_at_the_edges_are_still_removed() -> None:
    tail = ["Comments (23)", "Related: Quelmont rate rise in 2027", "Share 45"]
    text = "\n\n".join(FIGURE_STORY) + "\n\n" + "\n\n".join(tail)
    cleaned = clean_one(Article(id="a", text=text))
    assert_story_kept(cleaned, FIGURE_STORY)
    for line in tail:
        assert line not in cleaned.text


def test_a_figure_block_beyond_other_boilerplate_is_not_reached() -> None:
    # A line removed for another reason (an update stamp) cuts the block from the story.
    text = "\n\n".join(FIGURE_STORY) + "\n\nUpdated 12 March 2026\n\nDeposit rate: 4.25%"
    cleaned = clean_one(Article(id="a", text=text))
    assert "Deposit rate: 4.25%" not in cleaned.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Policy rate: 3.25% (prev 3.5%)", True),
        ("1. Oren Salt 2:09:14", True),
        ("Stage 2, Vell - Dorn (143km)", True),
        ("Comments (14)", False),
        ("Have your say: comments (9)", False),
        ("Posted 3 min ago", False),
        ("Top 10 Quelmont Restaurants", False),
        ("Rescuers Pull 4 From Quelmont Harbour After Ferry Fire", False),
        ("Deposit rate", False),
    ],
)
def test_figure_lines_are_told_from_page_numbers(line: str, expected: bool) -> None:
    assert is_figure_line(line) is expected
