"""Fact comparison end to end on an invented flood reported by three outlets.

The fixture (tests/fixtures/facts/flood.jsonl) is written to hold one of each
case: an agreement in different units (6.2 metres / 20 feet), a conflict
(150 / 180 additional rescue workers), a revision (12 dead, two days later
"rose to 19"), and a total (2,400 rescue workers) that must not merge with
the additional ones. spaCy and MiniLM load once for the module.
"""

from __future__ import annotations

import ast
import json
from dataclasses import FrozenInstanceError, fields, replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import newsfuse.facts.params
import newsfuse.model
import newsfuse.render
from conftest import FIXTURES
from newsfuse import pipeline
from newsfuse.facts import FactParams, annotate_brief, compare_facts
from newsfuse.facts.describe import Mention
from newsfuse.facts.verdict import is_clear_dispute, is_transposition_pair
from newsfuse.model import Article, BriefSentence, Citation, Claim, Fact
from newsfuse.render.data import fact_to_dict

FIXTURE = FIXTURES / "facts" / "flood.jsonl"


def load_flood() -> list[Article]:
    articles = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        articles.append(
            Article(
                id=raw["id"],
                text=raw["text"],
                title=raw["title"],
                source=raw["source"],
                published=datetime.fromisoformat(raw["published"].replace("Z", "+00:00")),
            )
        )
    return articles


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return load_flood()


@pytest.fixture(scope="module")
def facts(articles: list[Article]) -> list[Fact]:
    return compare_facts(articles)


def find_fact(facts: list[Fact], article_id: str, value: float | str) -> Fact:
    """The fact holding the claim with ``value`` from ``article_id``."""
    for fact in facts:
        for claim in fact.claims:
            if claim.article_id == article_id and claim.value == value:
                return fact
    raise AssertionError(f"no fact holds {value!r} from {article_id}")


def values(fact: Fact) -> dict[str, float | str]:
    return {claim.article_id: claim.value for claim in fact.claims}


def test_every_claim_points_at_its_text(articles: list[Article], facts: list[Fact]) -> None:
    by_id = {article.id: article for article in articles}
    for fact in facts:
        for claim in fact.claims:
            assert by_id[claim.article_id].text[claim.start : claim.end] == claim.text


def test_additional_workers_conflict(facts: list[Fact]) -> None:
    fact = find_fact(facts, "a", 150)
    assert fact.status == "conflict"
    assert values(fact) == {"a": 150, "b": 180}
    assert "worker" in fact.subject


def test_total_is_not_merged_with_additional(facts: list[Fact]) -> None:
    total = find_fact(facts, "a", 2400)
    assert total.status == "single"
    assert total is not find_fact(facts, "a", 150)


def test_death_toll_is_a_revision(facts: list[Fact]) -> None:
    fact = find_fact(facts, "c", 19)
    assert fact.status == "revision"
    assert values(fact) == {"a": 12, "b": 12, "c": 19}


def test_crest_agrees_across_units(facts: list[Fact]) -> None:
    fact = find_fact(facts, "a", 6.2)
    assert fact.status == "agree"
    assert fact.claims[1].unit == "m"
    assert values(fact)["b"] == pytest.approx(6.096)


def test_money_and_counts_agree_in_other_words(facts: list[Fact]) -> None:
    aid = find_fact(facts, "a", 40e6)
    assert aid.status == "agree" and set(values(aid)) == {"a", "b", "c"}
    assert {claim.unit for claim in aid.claims} == {"EUR"}
    evacuated = find_fact(facts, "b", 1200)
    assert evacuated.status == "agree" and set(values(evacuated)) == {"a", "b", "c"}


def test_dates_resolve_and_agree(facts: list[Fact]) -> None:
    date_fact = find_fact(facts, "b", "2026-04-06")
    assert date_fact.kind == "date"
    assert date_fact.status == "agree"


def test_names_given_by_several_sources_agree(facts: list[Fact]) -> None:
    named = {fact.subject: fact for fact in facts if fact.kind in ("place", "organization")}
    assert named["Marrow River"].status == "agree"
    assert {claim.article_id for claim in named["Marrow River"].claims} == {"a", "b"}
    assert all(fact.status == "agree" for fact in named.values())


def test_fact_to_dict_follows_the_contract(facts: list[Fact]) -> None:
    record = fact_to_dict(find_fact(facts, "a", 150))
    assert set(record) == {"status", "subject", "kind", "claims"}
    assert record["status"] == "conflict"
    first = record["claims"][0]
    assert set(first) == {"article", "text", "value", "unit", "start", "end"}
    assert first["value"] == 150 and isinstance(first["value"], int)
    assert first["unit"] is None
    json.dumps(record)  # plain JSON, no dataclasses or numpy


def test_annotate_brief_flags_disputed_sentences(
    articles: list[Article], facts: list[Fact]
) -> None:
    text = articles[0].text
    start = text.index("The county will send")
    end = text.index("\n", start)
    disputed = BriefSentence(text[start:end], (Citation("a", start, end, 1.0),))
    calm_start = text.index("The river crested")
    calm_end = text.index(".", calm_start) + 1
    calm = BriefSentence(text[calm_start:calm_end], (Citation("a", calm_start, calm_end, 1.0),))
    annotated = annotate_brief([disputed, calm], facts)
    assert annotated[0].note == "180 according to [b]"
    assert annotated[1].note == ""
    assert annotated[0].text == disputed.text


def test_annotate_brief_flags_a_figure_in_a_later_kept_piece_of_a_compressed_sentence(
    articles: list[Article], facts: list[Fact]
) -> None:
    text = articles[0].text
    start = text.index("The county will send")
    end = text.index("\n", start)
    cut = start + len("The county")
    pieces = (Citation("a", start, cut, 1.0), Citation("a", cut, end, 1.0))
    compressed = BriefSentence(text[start:end], pieces)
    [annotated] = annotate_brief([compressed], facts)
    assert annotated.note == "180 according to [b]"


def test_no_articles_no_facts() -> None:
    assert compare_facts([]) == []


def test_single_source_gives_no_disputes(articles: list[Article]) -> None:
    facts = compare_facts(articles[:1], embeddings=False)
    assert facts and all(fact.status == "single" for fact in facts)


def make_article(article_id: str, text: str, day: int = 10) -> Article:
    return Article(
        id=article_id,
        text=text,
        title="",
        source=f"Outlet {article_id}",
        published=datetime.fromisoformat(f"2026-06-{day:02d}T12:00:00+00:00"),
    )


def test_whole_of_a_partitive_is_not_the_disputed_part() -> None:
    # Invented ferry accident: the 40 lifeboats are the fleet, not the launched ones.
    articles = [
        make_article("a", "In all, 14 lifeboats were launched from the Vessa ferry overnight."),
        make_article("b", "Nineteen lifeboats were launched from the ferry, the crew said."),
        make_article("c", "Fourteen of the ferry's 40 lifeboats were launched, officials said."),
    ]
    facts = compare_facts(articles)
    fleet = find_fact(facts, "c", 40)
    assert "b" not in values(fleet)
    launched = find_fact(facts, "b", 19)
    assert launched.status == "conflict"
    assert values(launched) == {"a": 14, "b": 19, "c": 14}


def test_figures_an_order_of_magnitude_apart_do_not_conflict() -> None:
    # Invented cycling race: a breakaway of three riders is not the 9,000-rider field.
    articles = [
        make_article("a", "Some 9,000 riders started the Orlen Valley sportive on Sunday."),
        make_article("b", "The finish came down to a sprint between three riders on the hill."),
    ]
    facts = compare_facts(articles)
    assert all(fact.status != "conflict" for fact in facts)


def test_age_owner_named_with_a_possessive() -> None:
    # Invented chess final: the same player's age, told three ways.
    articles = [
        make_article(
            "a", "Mira Tolvanen's title came after a long final. Tolvanen, 31, won in Kesk."
        ),
        make_article("b", "The 33-year-old Mira Tolvanen won the final in Kesk on Saturday."),
        make_article("c", "Mira Tolvanen, 31, beat the defending champion in Kesk."),
    ]
    facts = compare_facts(articles)
    age = find_fact(facts, "b", 33)
    assert age.status == "conflict"
    assert values(age) == {"a": 31, "b": 33, "c": 31}


def test_monthly_rate_disputed_across_wordings() -> None:
    # Invented economy: two outlets give 2.7 %, one 2.9 %, for the same month's inflation.
    articles = [
        make_article("a", "Consumer prices rose 2.7% in May from a year earlier, the office said."),
        make_article(
            "b", "Inflation stood at 2.9 percent in May, according to the statistics office."
        ),
        make_article("c", "The bank held rates, citing inflation of 2.7 percent in May."),
    ]
    facts = compare_facts(articles)
    rate = find_fact(facts, "b", 2.9)
    assert rate.status == "conflict"
    assert values(rate) == {"a": 2.7, "b": 2.9, "c": 2.7}


def test_age_in_a_delayed_lede_belongs_to_the_person_named_next() -> None:
    # Invented raffle: the winner is named only in the second sentence of one story.
    articles = [
        make_article(
            "a",
            "A 58-year-old bus driver from Pellow has won the county raffle, organisers said."
            "\n\nOren Galt bought his ticket at the Pellow fair.",
        ),
        make_article("b", "Pellow bus driver Oren Galt, 55, has won the county raffle."),
    ]
    facts = compare_facts(articles)
    age = find_fact(facts, "a", 58)
    assert age.status == "conflict"
    assert values(age) == {"a": 58, "b": 55}


def test_revision_whose_subject_stands_far_from_the_figure() -> None:
    # Invented landslide: "toll" is eleven tokens away from "14" but is its subject.
    articles = [
        make_article(
            "a", "A landslide struck the hill village of Ostra, killing 9 people.", day=10
        ),
        make_article(
            "b",
            "The death toll from the landslide in the hill village of Ostra rose to 14 "
            "on Thursday as rescuers dug through the mud.",
            day=12,
        ),
    ]
    facts = compare_facts(articles)
    toll = find_fact(facts, "b", 14)
    assert toll.status == "revision"
    assert values(toll) == {"a": 9, "b": 14}


def test_a_limit_is_not_the_measured_figure() -> None:
    # Invented coach crash: the 70 mph limit must not stand in for the coach's speed.
    articles = [
        make_article("a", "The Tarn coach was travelling at 60 mph when it left the bypass."),
        make_article(
            "b", "The Tarn coach was travelling at 45 mph, below the 70 mph limit on the bypass."
        ),
    ]
    facts = compare_facts(articles)
    limit = find_fact(facts, "b", 70 * 0.44704)
    assert limit.status == "single"
    speed = find_fact(facts, "a", 60 * 0.44704)
    assert speed.status == "conflict"
    assert values(speed) == {"a": 60 * 0.44704, "b": 45 * 0.44704}


def date_conflicts(facts: list[Fact]) -> list[Fact]:
    return [fact for fact in facts if fact.kind == "date" and fact.status == "conflict"]


def test_the_day_something_was_said_is_not_the_day_it_happened() -> None:
    # Invented tunnel flood: "said Thursday" (day 11) is not "flooded on Wednesday" (day 10).
    articles = [
        make_article(
            "a",
            "Rescuers pulled 40 workers from the flooded Dorrin tunnel, officials said Thursday.",
            day=11,
        ),
        make_article(
            "b",
            "The Dorrin tunnel flooded on Wednesday, trapping 40 workers, officials said.",
            day=11,
        ),
    ]
    assert date_conflicts(compare_facts(articles)) == []


def test_dates_a_running_figure_stood_at_are_not_disputed() -> None:
    # Invented wildfire: each report gives the burned area as of its own day (9 and 11 June).
    articles = [
        make_article("a", "The Kestrel Ridge fire had burned 3,000 hectares by Tuesday.", day=9),
        make_article("c", "The Kestrel Ridge fire had burned 5,200 hectares by Thursday.", day=11),
    ]
    assert date_conflicts(compare_facts(articles)) == []


def test_weekdays_of_undated_articles_are_compared() -> None:
    # Invented border deployment, two outlets with no publication date.
    articles = [
        Article(
            id=article_id,
            text=f"Interior Minister Lena Varga said {day} that Orsland would send 300 more "
            "police officers to its northern border.",
            source=f"Outlet {article_id}",
        )
        for article_id, day in (("a", "on Wednesday"), ("b", "Monday"))
    ]
    # Each may be a day of another week: side by side in one row, no conflict verdict.
    assert date_conflicts(compare_facts(articles)) == []
    (row,) = [fact for fact in compare_facts(articles) if fact.kind == "date"]
    assert row.status == "differs"
    assert values(row) == {"a": "Wednesday", "b": "Monday"}


def test_a_repeated_figure_does_not_split_the_dispute() -> None:
    # Invented deployment: b states its figure twice, in its headline and its lede.
    articles = [
        make_article("a", "Velmar will send about 300 more police officers to the Ostra border."),
        make_article(
            "b",
            "Velmar to send 250 officers to Ostra border\n\n"
            "Velmar will send an additional 250 police officers to the Ostra border, "
            "Interior Minister Ana Kolb said.",
        ),
        make_article("c", "Velmar is sending 250 additional police officers to its Ostra border."),
    ]
    facts = compare_facts(articles)
    dispute = find_fact(facts, "a", 300)
    assert dispute.status == "conflict"
    assert values(dispute) == {"a": 300, "b": 250, "c": 250}
    assert len(dispute.claims) == 3


def test_each_date_of_a_sentence_keeps_its_own_event() -> None:
    # Invented mountain rescue: stranded on Monday (day 8), brought down on 11 or 10 June.
    articles = [
        make_article(
            "a",
            "All six climbers stranded since Monday on Mount Keld were brought down on Thursday.",
            day=12,
        ),
        make_article(
            "b", "Six climbers stranded on Mount Keld on Monday were rescued on Wednesday.", day=12
        ),
    ]
    facts = compare_facts(articles)
    rescue = find_fact(facts, "a", "2026-06-11")
    assert rescue.status == "conflict"
    assert values(rescue) == {"a": "2026-06-11", "b": "2026-06-10"}
    assert "2026-06-08" not in values(rescue).values()
    assert find_fact(facts, "b", "2026-06-08").status == "agree"


HOUSE_STYLES = FIXTURES / "facts" / "house_styles.jsonl"


def load_house_style(cluster_id: str) -> list[Article]:
    """One cluster of the invented house-style set (bench format) as articles."""
    for line in HOUSE_STYLES.read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        if cluster["id"] == cluster_id:
            return [
                Article(
                    id=raw["id"],
                    text=raw["text"],
                    title=raw["title"],
                    source=raw["source"],
                    published=datetime.fromisoformat(raw["published"].replace("Z", "+00:00")),
                )
                for raw in cluster["articles"]
            ]
    raise AssertionError(f"no cluster {cluster_id}")


def test_indian_company_results_in_crore_lakh_and_per_cent() -> None:
    facts = compare_facts(load_house_style("hs-02-results-india"))
    profit = find_fact(facts, "c", 3.98e9)
    assert profit.status == "conflict"
    assert values(profit) == {"a": 4.12e9, "b": 4.12e9, "c": 3.98e9}
    growth = find_fact(facts, "c", 16)
    assert growth.status == "conflict"
    assert values(growth) == {"a": 18, "b": 18, "c": 16}
    assert find_fact(facts, "a", 3.15e10).status == "agree"
    assert find_fact(facts, "b", "2025-05-13").status == "agree"


def test_distributive_each_of_is_not_a_partitive() -> None:
    # Invented ruling: "each of the 46 families" counts the families; it is no part of a whole.
    facts = compare_facts(load_house_style("hs-07-court-india"))
    families = find_fact(facts, "a", 46)
    assert families.status == "conflict"
    assert values(families) == {"a": 46, "b": 64}


def test_a_risen_count_of_injured_is_not_a_count_of_firefighters() -> None:
    # Invented depot fire: "the number of injured rose to 11" must not join the 40/45 firefighters.
    articles = [
        make_article(
            "a",
            "Forty firefighters fought the Lomar depot fire overnight. Eight people were "
            "injured, including three firefighters.",
            day=10,
        ),
        make_article(
            "b",
            "The number of injured in the Lomar depot fire rose to 11 on Thursday, officials said. "
            "The eight people hurt on the night have been discharged.",
            day=12,
        ),
        make_article("c", "Some 45 firefighters fought the Lomar depot blaze overnight.", day=10),
    ]
    facts = compare_facts(articles)
    risen = find_fact(facts, "b", 11)
    assert not {40, 45} & set(values(risen).values())
    assert values(find_fact(facts, "c", 45)) == {"a": 40, "c": 45}


def test_params_reach_the_clustering(articles: list[Article], facts: list[Fact]) -> None:
    # A dispute threshold no pair can reach leaves the differing figures apart.
    strict = replace(FactParams(), dispute_threshold=100.0, date_dispute_threshold=100.0)
    assert any(fact.status == "conflict" for fact in facts)
    assert not any(fact.status == "conflict" for fact in compare_facts(articles, params=strict))


def test_params_reach_the_verdict(articles: list[Article], facts: list[Fact]) -> None:
    # The flood reports are two days apart: a year's gap required leaves no revision.
    late = replace(FactParams(), revision_min_gap=timedelta(days=365))
    assert any(fact.status == "revision" for fact in facts)
    assert not any(fact.status == "revision" for fact in compare_facts(articles, params=late))


def test_pipeline_passes_fact_params(articles: list[Article]) -> None:
    strict = replace(FactParams(), dispute_threshold=100.0, date_dispute_threshold=100.0)
    facts = pipeline.compare_facts(articles, fact_params=strict)
    assert facts == compare_facts(articles, params=strict)
    assert pipeline.compare_facts(articles) == compare_facts(articles)


def test_fact_params_are_frozen() -> None:
    params = FactParams()
    with pytest.raises(FrozenInstanceError):
        params.dispute_threshold = 0.1  # type: ignore[misc]
    assert not hasattr(params, "__dict__")  # slotted


def test_no_facts_module_imports_its_own_package() -> None:
    # The package __init__ re-exports its submodules; the reverse would be a cycle.
    package = Path(newsfuse.facts.__file__).parent
    for module in package.glob("*.py"):
        if module.name == "__init__.py":
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "newsfuse.facts", module.name
                assert not (
                    node.module == "newsfuse" and any(a.name == "facts" for a in node.names)
                )
            elif isinstance(node, ast.Import):
                assert all(alias.name != "newsfuse.facts" for alias in node.names), module.name


def test_every_fact_param_has_a_reason() -> None:
    # The house rule: each tunable carries a one-line reason on the line above it.
    path = Path(newsfuse.facts.params.__file__)
    lines = path.read_text(encoding="utf-8").splitlines()
    for field in fields(FactParams):
        line = next(i for i, text in enumerate(lines) if text.startswith(f"    {field.name}:"))
        assert lines[line - 1].strip().startswith("#"), field.name


def _mention(article: str, value: float, head: str = "troop") -> Mention:
    claim = Claim(article, 0, 3, str(value), "count", value)
    return Mention(claim, "count:", head, (), (), "NUMBER troops", False, True, False)


def test_figures_far_apart_are_shown_side_by_side_not_as_a_conflict() -> None:
    params = FactParams(conflict_max_ratio=3.0)
    close = (_mention("a", 600), _mention("b", 560))
    far = (_mention("a", 60), _mention("b", 13))
    assert is_clear_dispute(close, 0.9, params)
    assert not is_clear_dispute(far, 0.9, params)


def test_a_decimal_slip_is_a_conflict_but_small_counts_ten_apart_are_not() -> None:
    params = FactParams()
    slip = (_mention("a", 4_500_000, "rupee"), _mention("b", 45_000_000, "rupee"))
    small = (_mention("a", 3), _mention("b", 30))
    assert is_clear_dispute(slip, 0.9, params)
    assert not is_clear_dispute(slip, 0.9, replace(params, decimal_slips_conflict=False))
    assert not is_clear_dispute(small, 0.9, params)


def test_a_zero_is_as_far_from_a_figure_as_one_unit_is() -> None:
    # Invented fund drives: "raised $0" against "more than $1,000" is a factor of 1,000;
    # "none" counted as 0 against 2 is a factor of 2 and may still conflict.
    params = FactParams(conflict_max_ratio=3.0)
    nothing_and_many = (_mention("a", 0), _mention("b", 1000))
    nothing_and_two = (_mention("a", 0), _mention("b", 2))
    assert not is_clear_dispute(nothing_and_many, 0.9, params)
    assert is_clear_dispute(nothing_and_two, 0.9, params)
    switched_off = replace(params, zero_ratio_against_one_unit=False)
    assert is_clear_dispute(nothing_and_many, 0.9, switched_off)


def test_a_grant_misstated_by_a_decimal_point_is_a_conflict() -> None:
    # Invented town council: two papers give the library grant as Rs 4.5 crore, one as 45.
    articles = [
        make_article(
            "a", "The Velgaon municipal council has approved Rs 4.5 crore to rebuild the library."
        ),
        make_article(
            "b", "Velgaon's municipal council approved Rs 45 crore for rebuilding the library."
        ),
        make_article("c", "The council approved Rs 4.5 crore to rebuild the Velgaon library."),
    ]
    grant = find_fact(compare_facts(articles), "b", 450_000_000)
    assert grant.status == "conflict"
    assert values(grant) == {"a": 45_000_000, "b": 450_000_000, "c": 45_000_000}


def test_roles_name_the_same_kind_of_figure_as_jobs() -> None:
    # Trade press cuts "roles" where wire copy cuts "jobs" or "positions".
    from newsfuse.facts.describe import stem_word
    from newsfuse.facts.lexicon import CONCEPTS

    jobs = CONCEPTS[stem_word("jobs")]
    assert CONCEPTS[stem_word("roles")] == CONCEPTS[stem_word("positions")] == jobs


def test_a_dispute_with_a_look_alike_in_the_other_article_differs() -> None:
    params = FactParams(conflict_min_margin=0.1)
    pair = (_mention("a", 600), _mention("b", 560))
    assert is_clear_dispute(pair, 0.9, params, margin=0.4)
    assert not is_clear_dispute(pair, 0.9, params, margin=0.02)


def test_differs_is_listed_after_revisions_and_before_agreements() -> None:
    order = newsfuse.model.FACT_STATUS_ORDER
    assert order["revision"] < order["differs"] < order["agree"]
    schema = json.loads((Path(newsfuse.render.__file__).parent / "brief.schema.json").read_text())
    assert "differs" in json.dumps(schema)


def test_others_is_no_counted_noun_of_its_own() -> None:
    # Invented tram crash: "23 others injured" counts people; "others" names no kind of thing.
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    article = make_article(
        "a", "A tram crash in Velbury killed two passengers and left 23 others injured."
    )
    (claim,) = [c for c in scan_claims(article) if c.value == 23]
    mention = describe_claim(claim, load_pipeline()(article.text), FactParams())
    assert (mention.head, mention.head_word) == ("", "")


def test_homes_destroyed_are_not_homes_damaged() -> None:
    # Invented bushfire: destroyed and damaged homes are different kinds of figure.
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    def mention(article: Article) -> Mention:
        (claim,) = scan_claims(article)
        return describe_claim(claim, load_pipeline()(article.text), FactParams())

    destroyed = mention(make_article("a", "The Carrow fire has destroyed 23 homes."))
    damaged = mention(make_article("b", "Another 17 homes in Carrow were damaged."))
    assert "<destroyed>" in dict(destroyed.context)
    assert "<destroyed>" not in dict(damaged.context)
    assert "<damage>" not in dict(destroyed.context)


@pytest.mark.parametrize(
    ("text", "number", "previous"),
    [
        # Invented budget: the new value first, a hedge between "from" and the old one.
        ("Ostrava plans to cut its deficit to 3.2 per cent next year from an estimated "
         "4.1 per cent this year.", "4.1", True),
        ("Turnout in Velm fell to 61 per cent, down from about 64 per cent.", "64", True),
        ("The Kessel toll rose from 38 to 45.", "38", True),
        # "to" before a noun, not a figure: no change of value, only a place.
        ("Some 300 people were moved to shelters from 12 villages as the Arno rose.", "12", False),
    ],
)  # fmt: skip
def test_the_old_value_of_a_change_is_a_previous_figure(
    text: str, number: str, previous: bool
) -> None:
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    (claim,) = [c for c in scan_claims(make_article("a", text)) if c.text.startswith(number)]
    mention = describe_claim(claim, load_pipeline()(text), FactParams())
    assert mention.dimension.endswith(":previous") == previous


@pytest.mark.parametrize(
    ("text", "number", "head"),
    [
        # Invented count sheet: a noun past a full stop or a line break is another figure's.
        ("Ana Vell (Green) 14,806\n\nGreen majority: 2,689. Turnout: 38.2%.", "14,806", ""),
        ("Ana Vell (Green) 14,806\n\nGreen majority: 2,689. Turnout: 38.2%.", "2,689", ""),
        ("The Ostra army sent 560 additional troops.", "560", "troop"),
        ("Brell will build a 14-mile line.", "14-mile", "line"),
    ],
)
def test_the_counted_noun_stands_in_the_number_s_clause(text: str, number: str, head: str) -> None:
    from newsfuse.facts.describe import describe_claim
    from newsfuse.facts.extract import scan_claims
    from newsfuse.facts.nlp import load_pipeline

    (claim,) = [c for c in scan_claims(make_article("a", text)) if c.text == number]
    assert describe_claim(claim, load_pipeline()(text), FactParams()).head_word == head


def test_differing_group_never_shows_agreeing_figures_as_differing() -> None:
    # Invented storm: two outlets say 8 injured, two say 12, one says 30.
    from newsfuse.facts.compare import _split_differing

    claims = tuple(
        Claim(article, 0, 2, str(value), "count", float(value))
        for article, value in (("a", 8), ("b", 12), ("c", 8), ("d", 12), ("e", 30))
    )
    facts = _split_differing(claims, "people injured", FactParams())
    for fact in facts:
        distinct = {claim.value for claim in fact.claims}
        assert (fact.status == "agree") == (len(distinct) == 1 and len(fact.claims) >= 2)
    assert sorted(sorted(values(f).values()) for f in facts if f.status == "agree") == [
        [8.0, 8.0],
        [12.0, 12.0],
    ]
    assert [f.status for f in facts if f.status != "agree"] == ["single"]


def test_current_figure_stands_for_its_article_over_an_earlier_account() -> None:
    # Invented shooting: outlet a corrects its count; outlet b still gives the first one.
    articles = [
        make_article(
            "a",
            "Eight people were wounded in the shooting at the Brenmoor market, police said. "
            "A Brenmoor police spokesman had earlier said that 10 people were wounded.",
        ),
        make_article("b", "Ten people were wounded in the shooting at the Brenmoor market."),
    ]
    facts = compare_facts(articles)
    wounded = find_fact(facts, "b", 10)
    assert values(wounded) == {"a": 8, "b": 10}


def test_a_figure_stated_twice_shows_once() -> None:
    """An article that repeats its figure in the body gets no second, one-source row."""
    lead = "Marlow Ferries will add 40 crossings to its winter timetable, the operator said."
    repeat = "The 40 crossings start in January, the operator said in a statement on Friday."
    articles = [
        Article(id="a", text=f"{lead}\n\n{repeat}", title="Ferries", source="Harbour Gazette"),
        Article(
            id="b",
            text="Marlow Ferries will add 40 crossings to its timetable this winter.",
            title="Ferries",
            source="Coast Post",
        ),
    ]
    facts = compare_facts(articles, embeddings=False)
    rows = [f for f in facts if any(c.value == 40 for c in f.claims)]
    assert [f.status for f in rows] == ["agree"]
    assert {c.article_id for c in rows[0].claims} == {"a", "b"}


def test_current_figure_replaces_an_earlier_account_even_where_it_is_also_repeated() -> None:
    # Invented market shooting: outlet c gives the spokesman's new count and notes his first
    # one; outlet b states the new count twice, so each of its repeats joins another report.
    articles = [
        make_article(
            "a",
            '"Twenty people were killed and 10 others were wounded," police spokesman Olan '
            "Varis said of the shooting at the Brenmoor market.",
        ),
        make_article(
            "b",
            "Two guards are among the 21 killed at the Brenmoor market, and eight other people "
            "were wounded. Two guards were among the 21 killed, he said, and eight other "
            "people were wounded.",
        ),
        make_article(
            "c",
            "A shooting at the Brenmoor market has left 21 people dead and eight wounded, an "
            "official said. Varis had earlier said 10 people were wounded.",
        ),
        make_article("d", "Eight other people were wounded at the Brenmoor market, Varis said."),
    ]
    wounded = find_fact(compare_facts(articles), "a", 10)
    assert wounded.status == "conflict"
    assert values(wounded) == {"a": 10, "b": 8, "c": 8, "d": 8}
    off = replace(FactParams(), current_figure_joins_over_earlier=False)
    assert find_fact(compare_facts(articles, params=off), "a", 10).status != "conflict"


class _RefusingEmbedder:
    """An encoder that fails if asked for a vector."""

    name = "refusing"

    def encode(self, texts: object) -> object:
        raise AssertionError("the clauses were embedded")


def test_without_clause_embeddings_the_encoder_is_never_run_and_facts_match_word_alignment(
    articles: list[Article],
) -> None:
    params = FactParams(embed_clauses=False)
    facts = compare_facts(articles, embedder=_RefusingEmbedder(), params=params)  # type: ignore[arg-type]
    assert facts == compare_facts(articles, embeddings=False)
    assert any(fact.status != "single" for fact in facts)


def test_a_digit_transposition_is_one_figure_misreported() -> None:
    params = FactParams()
    calls = replace(_mention("a", 64, "call"), head_word="call")
    passengers = replace(_mention("b", 46, "passenger"), head_word="passenger")
    swapped = (calls, passengers)  # the transposition outweighs the nouns' mismatch
    unrelated = (calls, replace(passengers, claim=replace(passengers.claim, value=47)))
    assert is_transposition_pair(6140, 6410, params)
    assert is_transposition_pair(410_000_000, 140_000_000, params)
    assert not is_transposition_pair(6140, 4610, params)  # not neighbours
    assert not is_transposition_pair(640, 46, params)  # not the same length
    assert not is_transposition_pair(6.4, 4.6, params)  # not whole numbers
    assert is_clear_dispute(swapped, 0.9, params)
    assert not is_clear_dispute(unrelated, 0.9, params)
    assert not is_clear_dispute(swapped, 0.9, replace(params, transposed_digits_conflict=False))


def test_a_two_digit_swap_keeps_a_stated_subgroup_apart() -> None:
    # Invented club: a season's league goals against goals in all competitions.
    articles = [
        make_article(
            "a", "Tarrow Rovers striker Anna Vey scored 34 league goals this season, the club said."
        ),
        make_article(
            "b", "Anna Vey of Tarrow Rovers scored 43 goals in all competitions this season."
        ),
    ]
    assert find_fact(compare_facts(articles), "a", 34).status != "conflict"
    short = FactParams(transposed_digits_min_digits=2)  # a two-digit swap overrides it
    assert find_fact(compare_facts(articles, params=short), "a", 34).status == "conflict"


def test_a_transposed_count_in_other_words_is_a_conflict() -> None:
    # Invented harbour: the port office and a paper give one season's count of ferry calls.
    articles = [
        make_article(
            "a",
            "The Morrowick harbour office said the port handled 73 ferry calls this summer, "
            "a record for the island.",
        ),
        make_article(
            "b",
            "Morrowick's port welcomed 37 visits by ferries this summer, the harbour office said.",
        ),
    ]
    calls = find_fact(compare_facts(articles), "a", 73)
    assert calls.status == "conflict"
    off = compare_facts(articles, params=FactParams(transposed_digits_conflict=False))
    assert find_fact(off, "a", 73).status != "conflict"
