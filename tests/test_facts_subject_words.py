"""Fact subjects read as the sources wrote them: what a vague amount counts, an object's
state after its verb, and hyphened words kept whole."""

from __future__ import annotations

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
    articles = [
        Article(id="a", text=FIRST, source="Isles Herald"),
        Article(id="b", text=SECOND, source="Coast Radio"),
    ]
    return compare_facts(articles, params=params or FactParams())


def subject_of(facts: list[Fact], text: str) -> str:
    return next(fact.subject for fact in facts if any(c.text == text for c in fact.claims))


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
    found = subjects("Nine crew members were hurt. All nine were expected to recover.")
    assert found["nine"] == "expected to recover"


def test_a_measure_taken_by_an_action_is_named_by_its_clause() -> None:
    found = subjects("Residents asked why the first tender took 25 minutes to arrive.")
    assert found["25 minutes"] == "duration the first tender took to arrive"


def test_a_number_after_its_noun_is_a_label() -> None:
    found = subjects("The fire started in Shed 7, which held rope and paint.")
    assert found["7"] == "Shed number"


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
    assert row.subject == "wardens evacuated"  # restates the two plain "wardens"


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
