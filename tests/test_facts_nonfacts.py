"""Figures that are no facts of the story (issue 14): phone and emergency numbers, street
addresses, page furniture, numbers inside names, and a currency conversion in brackets.
Each class is switched by a ``FactParams`` field; every test reads invented events,
places, outlets and people, and each class has a counter-example that stays a fact."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfuse.facts import FactParams
from newsfuse.facts.extract import join_currency_conversions, scan_claims
from newsfuse.facts.nonfacts import inside_proper_name
from newsfuse.model import Article, Claim

OFF = FactParams(
    phone_numbers_are_no_facts=False,
    emergency_numbers_are_no_facts=False,
    addresses_are_no_facts=False,
    page_furniture_is_no_fact=False,
    numbers_in_names_are_no_facts=False,
)


def _texts(text: str, params: FactParams = FactParams()) -> list[str]:
    return [claim.text for claim in scan_claims(Article(id="a", text=text), params=params)]


@pytest.mark.parametrize(
    "text",
    [
        "Anyone with information should call Brackwater Crime Stoppers at 555-014-TIPS.",
        "Tips go to the Dunmore sheriff's office at (555) 014-2290 or 1-800-555-0143.",
        "Residents can call 555-0142 for updates on the Varrow Creek closure.",
    ],
)
def test_a_phone_number_is_no_fact(text: str) -> None:
    assert _texts(text) == []
    assert _texts(text, OFF) != []


@pytest.mark.parametrize(
    "text",
    [
        "Workers at the Pellam depot called 911 when the roof gave way.",
        "A 999 call came from the Ostry quarry at dawn.",
    ],
)
def test_an_emergency_number_dialled_is_no_fact(text: str) -> None:
    assert _texts(text) == []
    assert _texts(text, replace(FactParams(), emergency_numbers_are_no_facts=False)) != []


def test_a_count_of_911_people_stays_a_fact() -> None:
    assert _texts("The Harlow plant employs 911 people on two shifts.") == ["911", "two"]


@pytest.mark.parametrize(
    "text",
    [
        "The fire began at 4410 Marrow Creek Road before dawn.",
        "Police were called to the 2300 block of Tenley Avenue.",
        "Crews closed 18 W. 52nd St. after the leak.",
    ],
)
def test_a_street_address_is_no_fact(text: str) -> None:
    assert _texts(text) == []
    assert _texts(text, replace(FactParams(), addresses_are_no_facts=False)) != []


def test_a_count_on_a_numbered_road_stays_a_fact() -> None:
    assert _texts("4 people were killed on Route 9 near Callow.") == ["4"]


def test_a_count_before_a_court_stays_a_fact() -> None:
    assert _texts("3 Supreme Court justices dissented in the Ferren case.") == ["3"]


def test_page_furniture_in_capitals_is_no_fact() -> None:
    text = "The Tolland ferry sank in calm water. 12 PHOTOS Divers searched the hull."
    assert _texts(text) == []
    assert _texts(text, replace(FactParams(), page_furniture_is_no_fact=False)) == ["12"]


def test_photos_counted_in_a_sentence_stay_a_fact() -> None:
    assert _texts("Divers took 12 photos of the Tolland ferry's hull.") == ["12"]


@pytest.mark.parametrize(
    "text",
    [
        "She told Kestrel 9 nothing, and Apollo 11 flew on.",
        "He starred on 40 Rook and was taken to Two Willows Hospital in Marden.",
        "The rumour spread after Channel 6 ran the Ossby story.",
    ],
)
def test_a_number_inside_a_name_is_no_fact(text: str) -> None:
    assert _texts(text) == []
    assert _texts(text, replace(FactParams(), numbers_in_names_are_no_facts=False)) != []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The Apollo 11 mission carried 11 astronauts to Varn.", ["11"]),
        ("Nine Lenmark Republicans and 3 Lenmark Guard soldiers were hurt.", ["Nine", "3"]),
        ("Halden is recalling 41,200 Orion sport utility vehicles.", ["41,200"]),
        ("She is the mother of 10 Mrs Pell said, and 30 Corran Bank staff quit.", ["10", "30"]),
        ("Three Killed In Crash On Callow Bridge Road", ["Three"]),
    ],
)
def test_counts_beside_capitalised_words_stay_facts(text: str, kept: list[str]) -> None:
    assert _texts(text) == kept


def test_a_count_inside_a_recognised_name_is_no_fact() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Span

    text = "Viewers of Kestrel 9 News saw 9 boats."
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, 2, 5, label="ORG")]
    first, second = text.index("9"), text.rindex("9")
    inside = Claim("a", first, first + 1, "9", "count", 9.0)
    outside = Claim("a", second, second + 1, "9", "count", 9.0)
    assert inside_proper_name(inside, doc)
    assert not inside_proper_name(outside, doc)


def _joined(texts: list[str]) -> list[list[Claim]]:
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]
    scanned = [scan_claims(article) for article in articles]
    return join_currency_conversions(articles, scanned)


def test_a_bracketed_currency_conversion_joins_its_amount() -> None:
    (claims,) = _joined(["Brennock United paid £130m ($187m) for the striker."])
    assert [(c.text, c.unit, c.value) for c in claims] == [("£130m ($187m)", "GBP", 130e6)]


def test_a_joined_conversion_takes_the_currency_the_story_shares() -> None:
    first, second = _joined([
        "Valdren sold the forward for 61.5 million euros (about £52 million).",
        "The forward cost Kingsmere £52m.",
    ])  # fmt: skip
    assert [(c.unit, c.value) for c in first] == [("GBP", 52e6)]
    assert [(c.unit, c.value) for c in second] == [("GBP", 52e6)]


def test_an_amount_in_brackets_of_the_same_currency_is_not_joined() -> None:
    (claims,) = _joined(["Tarrow paid $5m (of a $9m budget) for the bridge."])
    assert len(claims) == 2


def test_a_year_beside_a_name_stays_a_fact() -> None:
    text = "The Corran eclipse returns on Harvest Day 2031, and in 2029 Pellam Mills closed."
    assert _texts(text) == ["2031", "2029"]
