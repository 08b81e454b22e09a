"""Fact subjects read as the sources wrote them: what a vague amount counts, an object's
state after its verb, and hyphened words kept whole."""

from __future__ import annotations

from dataclasses import replace

from conftest import subject_of, two_outlet_facts
from newsfuse.facts import FactParams, compare_facts
from newsfuse.model import Article, Fact

# Invented: a storm over the Brisk Isles, told by two outlets.
FIRST = (
    "A storm struck the Brisk Isles on Monday. It left 14 people dead, officials said. "
    "Hundreds of flood-weary residents slept in the Tarrow school hall."
)
SECOND = (
    "The storm that hit the Brisk Isles left 14 people dead. "
    "About 30 anti-flood barriers gave way along the coast road."
)


def table(params: FactParams | None = None) -> list[Fact]:
    return two_outlet_facts(FIRST, SECOND, params)


def test_a_vague_amount_is_named_by_what_it_counts() -> None:
    assert subject_of(table(), "Hundreds") == "flood-weary residents"
    off = table(FactParams(name_vague_amounts=False))
    assert subject_of(off, "Hundreds") == "Hundreds"


def test_an_objects_state_after_its_verb_joins_the_subject() -> None:
    facts = table()
    assert subject_of(facts, "14") == "people dead"
    assert next(f.status for f in facts if f.subject == "people dead") == "agree"


def test_hyphened_words_stay_whole() -> None:
    assert subject_of(table(), "30") == "anti-flood barriers"


# Invented: a ferry-terminal fire at Quillon Sound, one outlet each test.
def subjects(text: str) -> dict[str, str]:
    facts = compare_facts([Article(id="a", text=text, source="Sound Gazette")])
    return {claim.text: fact.subject for fact in facts for claim in fact.claims}


def test_a_date_is_named_by_its_clause_with_its_determiners() -> None:
    found = subjects("The blaze broke out on Monday. Harbour crews cleared the slipway on Friday.")
    assert found["Monday"] == "date the blaze broke out"
    assert found["Friday"] == "date harbour crews cleared the slipway"


def test_names_keep_their_capitals_as_written() -> None:
    found = subjects("On Saturday, Veldish marines retook the ferry terminal at Quillon Sound.")
    assert found["Saturday"] == "date Veldish marines retook the ferry terminal"


def test_a_verb_that_only_values_its_object_is_left_out() -> None:
    found = subjects("Insurers have put the losses at £3.1 million, the port board heard.")
    assert found["£3.1 million"] == "amount of losses"


def test_a_figure_that_is_the_subject_is_named_by_what_is_said_of_it() -> None:
    text = "Nine crew members were hurt. All nine were expected to recover."
    off = subjects_with(text, FactParams(restated_count_names_noun=False))
    assert off["nine"] == "expected to recover"
    # the figure repeats the earlier count, whose noun it takes
    assert subjects(text)["nine"] == "crew members expected to recover"


def test_a_measure_taken_by_an_action_is_named_by_its_clause() -> None:
    found = subjects("Residents asked why the first tender took 25 minutes to arrive.")
    assert found["25 minutes"] == "duration the first tender took to arrive"


def test_a_number_after_its_noun_is_a_label() -> None:
    text = "The fire started in Shed 7, which held rope and paint."
    kept = subjects_with(text, FactParams(numbers_in_names_are_no_facts=False))
    assert kept["7"] == "Shed number"
    # by default a label's number is part of a name, no fact of its own
    assert "7" not in subjects(text)


def test_a_possessor_keeps_its_apostrophe() -> None:
    found = subjects("Tolvar's main ferry terminal has been closed since Tuesday.")
    assert "Tolvar's main ferry terminal" in found["Tuesday"]


def test_a_figure_with_nothing_counted_is_named_by_who_did_what() -> None:
    found = subjects("The pilot said she was paid €480 for the crossing.")
    assert found["€480"] == "amount she was paid"


def test_a_percentage_sign_is_never_the_counted_noun() -> None:
    found = subjects("Nine (12%) riders had sprained wrists, and four (5%) had concussions.")
    assert found["four"] == "concussions"
    assert found["5%"] == "percentage of concussions"  # "had" says nothing after its object


def test_a_sum_put_on_a_noun_by_a_relative_clause_is_named_by_that_noun() -> None:
    found = subjects("The court weighed the fees charged, which the judge put at £2.6m.")
    assert found["£2.6m"] == "amount of fees charged"


def test_a_phrase_that_restates_the_others_names_the_row() -> None:
    texts = [
        "Six wardens were evacuated from the Tarrow lighthouse on Monday.",
        "Six wardens lived at the Tarrow lighthouse.",
        "Six wardens worked at the Tarrow lighthouse until the storm.",
    ]
    articles = [
        Article(id=name, text=text, source=f"Outlet {name}")
        for name, text in zip("abc", texts, strict=True)
    ]
    facts = compare_facts(articles)
    row = next(fact for fact in facts if any(c.text == "Six" for c in fact.claims))
    assert len(row.claims) == 3
    # each outlet's own verb ("evacuated", "lived", "worked"): named by what they share
    assert row.subject == "wardens"
    off = compare_facts(articles, params=FactParams(subject_names_shared_words=False))
    row = next(fact for fact in off if any(c.text == "Six" for c in fact.claims))
    assert row.subject == "wardens evacuated"  # restates the two plain "wardens"


def test_a_phrase_restating_claims_without_a_verb_of_their_own_names_the_row() -> None:
    texts = [
        "Six wardens were evacuated from the Tarrow lighthouse on Monday.",
        "The Tarrow lighthouse had six wardens.",
        "The Tarrow lighthouse had six wardens until Monday.",
    ]
    articles = [
        Article(id=name, text=text, source=f"Outlet {name}")
        for name, text in zip("abc", texts, strict=True)
    ]
    row = next(f for f in compare_facts(articles) if any(c.text == "Six" for c in f.claims))
    assert row.subject == "wardens evacuated"


def test_a_one_source_row_split_from_a_group_is_named_by_its_own_phrase() -> None:
    # Invented: two outlets count five rangers hurt; a third's "four" counts stations.
    from newsfuse.facts.compare import _split_differing
    from newsfuse.model import Claim

    claims = tuple(
        Claim(article, 0, 4, text, "count", value, attribute="rangers hurt")
        for article, text, value in (("a", "five", 5.0), ("b", "five", 5.0), ("c", "four", 4.0))
    )
    own = {claims[0]: "rangers hurt", claims[1]: "rangers", claims[2]: "stations"}
    facts = _split_differing(claims, "rangers hurt", FactParams(), own)
    assert [(f.status, f.subject) for f in facts] == [
        ("agree", "rangers hurt"),
        ("single", "stations"),
    ]
    assert facts[1].claims[0].attribute == "stations"
    without = _split_differing(claims, "rangers hurt", FactParams())
    assert without[1].subject == "rangers hurt"


def subjects_with(text: str, params: FactParams) -> dict[str, str]:
    facts = compare_facts([Article(id="a", text=text, source="Sound Gazette")], params=params)
    return {claim.text: fact.subject for fact in facts for claim in fact.claims}


def test_a_sum_with_no_actor_is_named_by_its_own_complement() -> None:
    found = subjects("Agreeing to pay up to $3.1 billion in fines cleared the way for Velmar Oil.")
    assert found["$3.1 billion"] == "amount of fines"
    found = subjects("A berth costs less when it is rented at $90 per night.")
    assert found["$90"] == "amount per night"
    off = subjects_with(
        "Agreeing to pay up to $3.1 billion in fines cleared the way for Velmar Oil.",
        FactParams(subject_complements=False),
    )
    assert off["$3.1 billion"] == "amount"


def test_an_event_named_by_a_noun_is_joined_by_of() -> None:
    found = subjects("Turnout fell sharply in Tuesday's runoff across the Quillon districts.")
    assert found["Tuesday"] == "date of runoff"


def test_a_share_in_brackets_is_of_what_its_figure_counts() -> None:
    text = "Among 70 riders, 48 (69%) were previously healthy, and 22 had sprains."
    found = subjects(text)
    # a state reads on after "percentage"; only a noun takes "of"
    assert found["69%"] == "percentage previously healthy"
    assert found["48"] == "previously healthy"
    off = FactParams(subject_complements=False, shares_named_by_their_count=False)
    assert subjects_with(text, off)["69%"] == "percentage"
    before = FactParams(shares_named_by_their_count=False)
    assert subjects_with(text, before)["69%"] == "percentage of previously healthy"


def test_a_predicate_keeps_its_negation() -> None:
    found = subjects("Of the 40 ferry passengers, 12 were not injured.")
    assert found["12"] == "not injured"


def test_a_measure_of_a_direction_locates_its_verbs_subject() -> None:
    found = subjects("The slipway lies 6 miles north of the Tolvar lighthouse.")
    assert found["6 miles"] == "distance of slipway from Tolvar lighthouse"


def test_a_word_written_only_before_a_title_and_a_person_is_no_organisation() -> None:
    from spacy.tokens import Span

    from newsfuse.facts.entities import extract_entities
    from newsfuse.facts.nlp import load_pipeline

    def names(text: str, drop: bool = True) -> list[str]:
        doc = load_pipeline().make_doc(text)
        # The recogniser's reading of "Station Warden Ilse Morrow", set by hand.
        words = [t.text for t in doc]
        ents = [Span(doc, 0, 1, "ORG"), Span(doc, 2, 4, "PERSON")]
        if "Tolvar" in words:
            ents.append(Span(doc, words.index("Tolvar"), words.index("Tolvar") + 1, "GPE"))
        doc.ents = ents
        article = Article(id="a", text=text, source="Sound Gazette")
        return [str(claim.value) for claim in extract_entities(article, doc, drop)]

    titled = "Station Warden Ilse Morrow said the Tolvar slipway would reopen."
    assert names(titled) == ["Ilse Morrow", "Tolvar"]
    assert names(titled, drop=False) == ["Station", "Ilse Morrow", "Tolvar"]
    # Written on its own elsewhere, the word is a name after all.
    assert "Station" in names(titled + " Station crews cleared the quay.")


def test_a_date_after_a_quote_dates_the_saying() -> None:
    found = subjects('"The slipway is safe now," Warden Morrow said in 2019.')
    assert found["2019"] == "year Warden Morrow said"
    found = subjects("Warden Morrow said on Friday that crews will reopen the slipway.")
    assert found["Friday"] == "date crews will reopen the slipway"


def test_a_figure_that_sizes_a_noun_names_the_noun_it_sizes() -> None:
    found = subjects("The fire gutted a three-storey store leased by the port board.")
    assert found["three"] == "storey store"
    off = compare_facts(
        [Article(id="a", text="The fire gutted a three-storey store.", source="Sound Gazette")],
        params=FactParams(subject_names_shared_words=False),
    )
    assert [f.subject for f in off if f.claims[0].text == "three"] == ["storey"]


def test_a_figure_after_or_counts_the_noun_before_it() -> None:
    # an offset is no fact by default (see the test of time offsets); named when kept
    kept = FactParams(time_offsets_are_no_facts=False)
    found = subjects_with("Doctors said the rash can appear a week or two later.", kept)
    assert found["two"] == "weeks later"
    singular = compare_facts(
        [Article(id="a", text="The rash can appear a week or two later.", source="Sound Gazette")],
        params=FactParams(subject_counts_in_plural=False, time_offsets_are_no_facts=False),
    )
    assert [f.subject for f in singular if f.claims[0].text == "two"] == ["week later"]


def test_a_count_in_a_bracketed_list_is_never_named_by_its_share() -> None:
    found = subjects("Of 40 riders, 12 (30%) tested positive: seven (18%) for flu.")
    assert found["seven"] != "%"
    assert found["seven"].endswith("for flu")


def test_an_age_limit_is_named_by_whose_it_is() -> None:
    found = subjects(
        "We do not share data from children under the age of thirteen without consent."
    )
    assert found["thirteen"] == "age of children"


def test_an_event_in_the_passive_keeps_who_did_it() -> None:
    found = subjects("The pier has been held by the Tarrow militia since 2019.")
    assert found["2019"].endswith("held by Tarrow militia")
    off = compare_facts(
        [
            Article(
                id="a",
                text="The pier has been held by the Tarrow militia since 2019.",
                source="Sound Gazette",
            )
        ],
        params=FactParams(subject_keeps_agents=False),
    )
    assert "militia" not in off[0].subject


def test_a_name_keeps_every_word_of_its_compound() -> None:
    found = subjects("Its depots were seized by Red Tarrow fighters in 2019.")
    assert found["2019"] == "year depots were seized by Red Tarrow fighters"


def test_a_one_source_figure_an_article_repeats_is_shown_once() -> None:
    text = "Sensors ship with every Zentrix 720. Buyers of a Zentrix 720 get one free."
    article = Article(id="a", text=text, source="Sound Gazette")
    # a model's number is part of its name: kept here to see the repeat shown once
    labels = FactParams(numbers_in_names_are_no_facts=False)
    facts = compare_facts([article], params=labels)
    assert [f.subject for f in facts if f.claims[0].text == "720"] == ["Zentrix number"]
    off = compare_facts([article], params=replace(labels, singles_shown_once=False))
    assert [f.subject for f in off if f.claims[0].text == "720"] == ["Zentrix number"] * 2
    assert not [f for f in compare_facts([article]) if f.claims[0].text == "720"]


def test_a_weekday_inside_a_capitalised_name_is_no_date() -> None:
    from datetime import date

    from newsfuse.facts.dates import find_dates

    published = date(2026, 3, 10)
    assert find_dates("She joined Sunday Night Quiz last year.", published) == []
    # "the Tuesday Council session" is Tuesday's session: a name after it is no title
    assert [m.text for m in find_dates("the Tuesday Council session", published)] == ["Tuesday"]
    assert [m.text for m in find_dates("On Monday Tarrow voted.", published)] == ["Monday"]
    assert [m.text for m in find_dates("They met on Sunday night.", published)] == ["Sunday"]


def test_a_verb_after_its_count_keeps_its_particle() -> None:
    found = subjects("Harbour crews carried out 36 rescues on the slipway.")
    assert found["36"] == "rescues carried out"
    off = compare_facts(
        [Article(id="a", text="Harbour crews carried out 36 rescues.", source="Sound Gazette")],
        params=FactParams(subject_verbs_keep_complements=False),
    )
    assert [f.subject for f in off if f.claims[0].text == "36"] == ["rescues carried"]


def test_a_passive_verb_keeps_its_to_complement_and_an_active_one_does_not() -> None:
    found = subjects(
        "About 2,000 visitors are expected to come to the quay fair. "
        "The port board ordered 300 extra barriers to meet demand."
    )
    assert found["2,000"] == "visitors expected to come"
    assert found["300"] == "extra barriers ordered"


def test_a_bracketed_share_is_named_by_what_its_count_counts() -> None:
    text = (
        "Of 40 riders, 12 (30%) tested positive: seven (18%) for flu and five (12%) for colds. "
        "Overall, 22 (55%) were males."
    )
    found = subjects(text)
    assert found["seven"] == "tested positive for flu"
    assert found["18%"] == "percentage tested positive for flu"
    assert found["five"] == "tested positive for colds"
    assert found["12%"] == "percentage tested positive for colds"
    assert found["55%"] == "percentage of males"
    off = compare_facts(
        [Article(id="a", text=text, source="Sound Gazette")],
        params=FactParams(shares_named_by_their_count=False),
    )
    assert {c.text: f.subject for f in off for c in f.claims}["five"] != "tested positive for colds"


def test_a_word_in_capitals_read_as_a_verb_is_a_name() -> None:
    text = "TMF (the Tarrow militia) held the pier in 2019. IS took the quay in 2020."
    found = subjects(text)
    assert found["2019"] == "year TMF held the pier"
    assert found["2020"] == "year IS took the quay"
    off = compare_facts(
        [Article(id="a", text=text, source="Sound Gazette")],
        params=FactParams(subject_reads_acronyms_as_names=False),
    )
    assert {c.text: f.subject for f in off for c in f.claims}["2020"] != "year IS took the quay"


def test_an_age_is_named_after_the_person_it_was_given_to() -> None:
    text = "Tamsin Hollow won the Dunmore sprint. The 23-year-old took the title from Orla Fenn."
    assert subjects_with(text, FactParams())["23-year-old"] == "age of Tamsin Hollow"
    off = subjects_with(text, FactParams(subject_names_age_holder=False))
    assert off["23-year-old"] != "age of Tamsin Hollow"  # the name nearest the age


# Invented: a footbridge collapse at Lanmoor, told by three outlets in their own verbs.
BRIDGE_STORIES = (
    "A footbridge collapsed at Lanmoor station on Friday. Nine people were injured.",
    "The nine people hurt when the Lanmoor footbridge fell on Friday are all recovering.",
    "Nine people were taken to Quenby Infirmary after the Lanmoor footbridge gave way.",
)


def bridge_table(params: FactParams | None = None) -> list[Fact]:
    articles = [
        Article(id=f"b{index}", text=text, source=f"Outlet {index}")
        for index, text in enumerate(BRIDGE_STORIES)
    ]
    return compare_facts(articles, params=params or FactParams())


def test_a_count_of_people_is_named_by_what_befell_them_in_most_reports() -> None:
    facts = bridge_table()
    row = next(fact for fact in facts if fact.claims[0].text.lower() == "nine")
    assert len(row.claims) == 3
    assert row.subject == "people injured"  # "injured" and "hurt" are one meaning
    off = bridge_table(FactParams(generic_subjects_keep_verb=False))
    assert next(fact for fact in off if fact.claims[0].text.lower() == "nine").subject == "people"


def test_a_single_count_of_people_keeps_its_verb_and_its_place() -> None:
    articles = [
        Article(id="a", text=BRIDGE_STORIES[2], source="Outlet A"),
        Article(id="b", text="The Lanmoor footbridge reopened on Monday.", source="Outlet B"),
    ]
    facts = compare_facts(articles, params=FactParams())
    assert subject_of(facts, "Nine") == "people taken to Quenby Infirmary"
    off = compare_facts(articles, params=FactParams(generic_subjects_keep_verb=False))
    assert subject_of(off, "Nine") == "people taken"


def test_a_guessed_time_offset_is_no_fact_but_an_exact_one_is() -> None:
    text = (
        "The Kell ferry ran aground on Monday. Two days later, divers reached the hull. "
        "A tug arrived a day or two later."
    )
    found = subjects(text)
    assert "two" not in found  # "a day or two later"
    assert "Two days" in found  # an exact span: sources may disagree on it
    kept = subjects_with(text, FactParams(time_offsets_are_no_facts=False))
    assert "two" in kept


def test_a_bare_figure_repeating_an_earlier_count_is_named_by_its_noun() -> None:
    text = "Six climbers were flown off Mount Tessel on Sunday. All six were expected to recover."
    assert subjects(text)["six"] == "climbers expected to recover"
    off = subjects_with(text, FactParams(restated_count_names_noun=False))
    assert off["six"] == "expected to recover"
