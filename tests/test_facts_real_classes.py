"""Classes of real-news misses in the fact comparison: ages told through the person
they describe ("a 4-year-old toddler" / "a three-year-old child"), and nouns that
are kinds of each other in WordNet. Every sentence here is invented."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import parsed_figure
from newsfuse.facts import compare_facts
from newsfuse.facts.describe import Mention, aged_noun, describe_claim
from newsfuse.facts.extract import scan_claims
from newsfuse.facts.params import FactParams
from newsfuse.facts.roles import is_earlier_figure
from newsfuse.facts.score import score_pairs
from newsfuse.facts.synonymy import load_wordnet, noun_is_kind_of
from newsfuse.model import Article
from test_facts_synonymy import write_wordnet

needs_wordnet = pytest.mark.skipif(load_wordnet() is None, reason="WordNet (wordnet-base) absent")


def test_a_kind_is_a_kind_of_its_class_but_siblings_are_not(tmp_path: Path) -> None:
    tiny = str(write_wordnet(tmp_path))
    assert noun_is_kind_of("docker", "worker", tiny) is True  # three steps up
    assert noun_is_kind_of("worker", "docker", tiny) is True  # either way round
    assert noun_is_kind_of("docker", "member", tiny) is False  # both people, neither a kind
    assert noun_is_kind_of("job", "cut", tiny) is False
    assert noun_is_kind_of("docker", "zeppelin", tiny) is None  # not in the database


@needs_wordnet
def test_the_installed_wordnet_knows_children_and_big_cats() -> None:
    assert noun_is_kind_of("toddler", "child")
    assert noun_is_kind_of("son", "child")
    assert noun_is_kind_of("lion", "big cat")
    assert not noun_is_kind_of("son", "daughter")


@pytest.mark.parametrize(
    ("sentence", "age", "noun"),
    [
        ("A 4-year-old toddler was bitten at Fernhill Park.", "4-year-old", "toddler"),
        ("Orla Benn, 61, chairs the Marlow trust.", "61", "Benn"),
        ("The 57-year-old Dunmore was due to retire.", "57-year-old", "Dunmore"),
        ("She was 6 years old when she moved.", "6", None),  # no noun described
        ("He died at the age of 89 on Friday.", "89", None),  # the age word, not a person
    ],
)
def test_an_age_describes_the_noun_it_modifies(sentence: str, age: str, noun: str | None) -> None:
    found = aged_noun(parsed_figure(sentence, age))
    assert (found.text if found is not None else None) == noun


def _age_mentions(
    text: str, article_id: str = "a", params: FactParams = FactParams()
) -> list[Mention]:
    from newsfuse.facts.entities import parse_articles

    article = Article(id=article_id, text=text, source="The Marlow Courier")
    doc = parse_articles([article])[0]
    return [describe_claim(c, doc, params) for c in scan_claims(article) if c.kind == "age"]


def test_an_age_takes_its_described_noun_as_head_and_a_described_name_as_its_person() -> None:
    text = "A 4-year-old toddler was bitten. Ms Orla Benn said 27-year-old Tomas Reyes helped."
    toddler, reyes = _age_mentions(text)
    assert toddler.head_word == "toddler"
    # The nearest name is Benn's; the name the age describes is Reyes's.
    assert reyes.person == "reyes"


@needs_wordnet
def test_two_reports_of_one_childs_age_form_one_row_named_after_the_child() -> None:
    articles = [
        Article(
            id="a1",
            text="A 4-year-old toddler was bitten by a dog at Fernhill Park on Sunday, "
            "police in Marlow said. The dog's owner, 45, was questioned.",
            source="The Marlow Courier",
        ),
        Article(
            id="a2",
            text="Police in Marlow said a warden's three-year-old child was bitten by a dog "
            "at Fernhill Park on Sunday. The owner of the dog, aged 45, was questioned.",
            source="Fernhill Today",
        ),
    ]
    facts = compare_facts(articles)
    ages = [f for f in facts if f.kind == "age" and {c.value for c in f.claims} == {4, 3}]
    assert len(ages) == 1
    assert ages[0].status == "conflict"
    assert ages[0].subject in ("age of the toddler", "age of the warden's child")


@needs_wordnet
def test_ages_of_a_kind_and_its_class_score_higher_than_ages_of_siblings() -> None:
    toddler, *_ = _age_mentions("A 4-year-old toddler was bitten by a dog.")
    child, *_ = _age_mentions("A three-year-old child was bitten by a dog.", "b")
    daughter, *_ = _age_mentions("A three-year-old daughter was bitten by a dog.", "b")
    params = FactParams()
    without = replace(params, kind_of_bonus=0.0)

    def score(first: Mention, second: Mention, params: FactParams) -> float:
        return float(score_pairs([first, second], None, None, params)[0, 1])

    assert score(toddler, child, params) == pytest.approx(
        score(toddler, child, without) + params.kind_of_bonus
    )
    # "toddler" and "daughter" are both children, but neither is a kind of the other.
    assert score(toddler, daughter, params) == pytest.approx(score(toddler, daughter, without))


@pytest.mark.parametrize(
    ("sentence", "figure", "earlier"),
    [
        ("The boy, 7, was previously healthy, his aunt told the Tallow Gazette.", "7", False),
        ("The 34 patients had previously been healthy.", "34", False),
        ("Wardens had earlier said that 10 hikers were missing.", "10", True),
        ("The ferry operator initially reported 30 injuries.", "30", True),
        ("Thirty crew were initially reported missing.", "Thirty", True),
    ],
)
def test_an_earlier_adverb_on_the_subjects_state_is_no_earlier_account(
    sentence: str, figure: str, earlier: bool
) -> None:
    assert is_earlier_figure(parsed_figure(sentence, figure)) is earlier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The Kestrel probe will pass within 4m miles of the sun.", 4e6 * 1609.344, "m"),
        ("Port Avenne shipped 2bn tonnes of ore last year.", 2e12, "kg"),
        ("The Dunmore ranch spans 1.2m acres.", 1.2e6 * 4046.8564224, "m2"),
        ("Marlow Cola sold 12.5m bottles.", 12.5e6, None),  # a noun, not a unit
        ("The Fernhill sea wall is 3m high.", 3.0, "m"),  # metres, not millions
    ],
)
def test_a_suffixed_scale_keeps_the_unit_word_after_it(
    text: str, value: float, unit: str | None
) -> None:
    (claim,) = scan_claims(Article(id="a", text=text))
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


def test_the_end_of_a_from_to_period_is_an_as_of_date() -> None:
    from newsfuse.facts.date_roles import date_role

    sentence = "From Jan. 1 to Aug. 31, 2024, health officials in Kellmouth reported 40 cases."
    span = parsed_figure(sentence, "Aug. 31, 2024")
    assert date_role(span) == "as of"
    assert date_role(span, range_end_as_of=False) == "statement"  # the verb's role, as before
    # "to" without a "from" before it names no period.
    moved = parsed_figure("The Kellmouth fair was moved to Aug. 31.", "Aug. 31")
    assert date_role(moved) != "as of"


def _described(text: str, figure: str, params: FactParams) -> Mention:
    from newsfuse.facts.entities import parse_articles

    article = Article(id="a", text=text, source="The Marlow Courier")
    doc = parse_articles([article])[0]
    return next(describe_claim(c, doc, params) for c in scan_claims(article) if c.text == figure)


def test_a_figures_words_stop_at_the_line_break_above_it() -> None:
    # A credit line with no full stop, which the parser may run into the next paragraph.
    text = "Watch the report from Marlow. Kestrelcam Newsdesk\n\nA 5-year-old pony was found."
    on = _described(text, "5-year-old", FactParams())
    words = {lemma for lemma, _ in on.context}
    assert "poni" in words  # Porter stems
    assert not words & {"kestrelcam", "newsdesk"}
    assert "Newsdesk" not in on.clause
    # Off, the credit line's words describe the pony's age: the parser ran the lines together.
    off = _described(text, "5-year-old", FactParams(context_stops_at_line_breaks=False))
    assert {"kestrelcam", "newsdesk"} <= {lemma for lemma, _ in off.context}
    assert "Newsdesk" in off.clause


@pytest.mark.parametrize(
    ("sentence", "figure", "noun"),
    [
        ("The Marlow Trust, putting the death toll at 3,400, blamed the army.", "3,400", "toll"),
        ("Auditors valued the Kellmouth ferry company at $210 million.", "$210 million", "company"),
        ("Officials put the number of evacuees at 2,300 on Sunday.", "2,300", "evacuees"),
        # A time is when the figure stood, not what it values: no counted noun here.
        ("Orders at Fernhill ended the quarter at $4.6bn.", "4.6bn", None),
    ],
)
def test_a_figure_after_at_counts_the_object_it_values(
    sentence: str, figure: str, noun: str | None
) -> None:
    from newsfuse.facts.describe import _counted_noun

    span = parsed_figure(sentence, figure)
    found = _counted_noun(span)
    assert (found.text if found is not None else None) == noun
    if noun is not None:  # off, the figure after "at" counts nothing
        assert _counted_noun(span, valued_objects=False) is None


def test_a_toll_put_at_a_figure_is_named_after_the_toll_not_who_put_it() -> None:
    from newsfuse.facts.entities import parse_articles
    from newsfuse.facts.subject import claim_phrase

    article = Article(
        id="a",
        text="Thousands died, with the Marlow Trust putting the toll at 3,400.",
        source="The Marlow Courier",
    )
    doc = parse_articles([article])[0]
    claim = next(c for c in scan_claims(article) if c.text == "3,400")
    assert claim_phrase(claim, doc) == "toll"
    # The toll names no kind of thing: the aligner reads what it counts from its words.
    mention = describe_claim(claim, doc, FactParams())
    assert mention.head == ""
    assert "<death>" in dict(mention.context)


# An invented time trial; the first rider is the winner, the second her rival.
TRIAL = (
    "Anna Marrow won the Oskby time trial on Sunday. The 29-year-old averaged 48 km/h "
    "along the river Tessel, finishing ahead of Sarah Lund."
)


def test_a_definite_age_noun_belongs_to_the_person_named_before_it() -> None:
    (age,) = _age_mentions(TRIAL)
    # "The 29-year-old" refers back to the winner, not to the rival named after it.
    assert age.person == "marrow"
    # Off (with the rule that reads the subject before an opening age, which comes first).
    off = replace(
        FactParams(), definite_age_refers_back=False, opening_age_takes_previous_subject=False
    )
    (nearest,) = _age_mentions(TRIAL, params=off)
    assert nearest.person == "lund"


def test_an_indefinite_age_keeps_the_nearest_name_in_its_sentence() -> None:
    text = (
        "Anna Marrow won the Oskby time trial on Sunday. "
        "A 29-year-old rival, Sarah Lund, came second."
    )
    (age,) = _age_mentions(text)
    assert age.person == "lund"


def test_two_reports_of_one_riders_age_agree_when_one_refers_back() -> None:
    articles = [
        Article(id="a", text=TRIAL, source="The Marlow Courier"),
        Article(
            id="b",
            text="Anna Marrow, 29, won Sunday's Oskby time trial and took the race lead.",
            source="Fernhill Today",
        ),
    ]
    ages = [f for f in compare_facts(articles) if f.kind == "age"]
    assert [(f.status, {c.article_id for c in f.claims}) for f in ages] == [("agree", {"a", "b"})]
    assert ages[0].subject == "age of Anna Marrow"


def test_an_age_opening_its_sentence_belongs_to_the_subject_before_it() -> None:
    text = (
        "Tomas Orrin won the Fellby road race on Sunday, beating Karel Dusek in a sprint. "
        "The 24-year-old rider now leads the Arlen series."
    )
    (age,) = _age_mentions(text)
    # The rival is named last before the age; the sentence is about the winner.
    assert age.person == "orrin"
    off = replace(FactParams(), opening_age_takes_previous_subject=False)
    assert [age.person for age in _age_mentions(text, params=off)] == ["dusek"]


def test_an_age_opening_its_sentence_skips_a_results_list_above_the_subject() -> None:
    text = (
        "1. Tomas Orrin 3:02:11\n2. Karel Dusek at 4s\n"
        "Tomas Orrin won the Fellby road race on Sunday, beating Karel Dusek in a sprint.\n\n"
        "The 24-year-old now leads the Arlen series."
    )
    ages = _age_mentions(text)
    assert [age.person for age in ages] == ["orrin"]


def test_an_age_opening_its_sentence_after_a_subject_that_is_no_name() -> None:
    text = (
        "Mara Tellen's win in Tuesday's vote owed much to the east of Olbury, said Ivo Brandt. "
        "The 47-year-old councillor won by 900 votes."
    )
    (age,) = _age_mentions(text)
    # The subject is "win": the first person the sentence names is the one it is about.
    assert age.person == "tellen"


def test_an_age_opening_its_sentence_after_a_speaker_who_is_the_topic() -> None:
    text = (
        "Ana Ruiz says she joined Kelby Athletic to win trophies. "
        "The 23-year-old winger signed a four-year contract."
    )
    (age,) = _age_mentions(text)
    # The reported clause's subject is "she": the speaker is whom the story is about.
    assert age.person == "ruiz"


def test_an_opening_age_is_not_given_to_a_subject_the_sentence_before_gives_another() -> None:
    text = (
        "Maria Lopez, 30, was stabbed outside a bakery in Ostby on Friday night. "
        "The 24-year-old man arrested at the scene is being held."
    )
    # The man arrested is someone else: the outlet gave Lopez's age one sentence before.
    assert [age.person for age in _age_mentions(text)] == ["lopez", ""]
    off = replace(FactParams(), opening_age_skips_aged_subject=False)
    assert [age.person for age in _age_mentions(text, params=off)] == ["lopez", "lopez"]


def test_an_opening_age_that_repeats_the_subjects_age_stays_the_subjects() -> None:
    text = (
        "Ana Ruiz, 25, won the Ostby marathon on Sunday, finishing ahead of Lena Hart. "
        "The 25-year-old led from the 30th kilometre."
    )
    assert [age.person for age in _age_mentions(text)] == ["ruiz", "ruiz"]


@pytest.mark.parametrize(
    "text",
    [
        "The 24-year-old won the Ostby marathon on Sunday.",
        "\n\nThe 24-year-old won the Ostby marathon on Sunday.",
        ". The 24-year-old won.",
    ],
)
def test_an_opening_age_in_the_first_sentence_reads_no_previous_subject(text: str) -> None:
    (age,) = _age_mentions(text)
    assert age.person == ""


def test_an_opening_age_under_a_headline_the_parser_joins_to_it_takes_its_subject() -> None:
    text = (
        "Ana Ruiz wins Ostby marathon title\n\n"
        "The 24-year-old crossed the line in 2:21 ahead of Lena Hart."
    )
    assert [age.person for age in _age_mentions(text)] == ["ruiz"]
    # Off, the line break is no sentence end and the age goes to the name in its sentence.
    off = replace(FactParams(), opening_age_after_line_break=False)
    assert [age.person for age in _age_mentions(text, params=off)] == ["hart"]
