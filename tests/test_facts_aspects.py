"""What a figure's clause says about its thing and time (newsfuse.facts.aspects), and
the verdict that keeps figures differing in one of them out of the conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from conftest import parsed_figure
from newsfuse.facts import compare_facts
from newsfuse.facts.aspects import (
    Aspects,
    figure_aspects,
    figure_owner,
    owners_differ,
    period_has_time_word,
)
from newsfuse.facts.date_roles import date_role
from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.facts.verdict import is_clear_dispute
from newsfuse.model import Article, Claim


def _aspects(sentence: str, number: str, kind: str = "count", unit: str | None = None) -> Aspects:
    return figure_aspects(parsed_figure(sentence, number), kind, unit)


@pytest.mark.parametrize(
    ("sentence", "number", "tense"),
    [
        ("Corvin Tate served about three years in the Marlow jail.", "three", "past"),
        ("A judge approved a deal for Corvin Tate to serve about 7 years.", "7", "planned"),
        ("Quillmoor said it would shut the Tarn mine and cut 560 jobs.", "560", "planned"),
        ("The Ostrel council is hiring 40 wardens.", "40", ""),
    ],
)
def test_a_figure_is_done_or_planned_by_its_verb(sentence: str, number: str, tense: str) -> None:
    assert _aspects(sentence, number, "quantity").tense == tense


def test_a_part_of_an_unnumbered_group_names_its_group() -> None:
    assert _aspects("Three of the guards were dismissed by the Pellam agency.", "Three").group
    # A whole with its own number, or a pronoun, is no group another source counts.
    assert not _aspects("Twenty-three of the train's 96 cars derailed near Oskby.", "Twenty").group
    pronoun = "Eighty people fell ill at Dunmere and 21 of them went to hospital."
    assert not _aspects(pronoun, "21").group
    assert not _aspects("Eight guards remain suspended at Pellam.", "Eight").group


def test_the_base_another_figure_adds_to_is_marked() -> None:
    sentence = "Brenmoor is cutting another 3,000 jobs on top of the 4,000 cuts already announced."
    assert _aspects(sentence, "4,000").base
    assert not _aspects(sentence, "3,000").base


def test_changes_over_different_periods_have_different_periods() -> None:
    since = _aspects("The Farrow outbreak grew, with 14 new cases confirmed since Friday.", "14")
    week = _aspects("Fifteen new cases were confirmed in Farrow over the past week.", "Fifteen")
    assert since.period and week.period and since.period != week.period


def test_a_distance_names_its_anchor_or_says_it_is_unnamed() -> None:
    named = "Rangers cornered the lion in Osk, 20 miles from Telvar, the capital."
    unnamed = "The lion escaped from the Telvar reserve and ended up in Osk, 12 miles away."
    assert "telvar" in _aspects(named, "20 miles", "quantity", "m").anchor.split()
    assert _aspects(unnamed, "12 miles", "quantity", "m").anchor == "?"


def test_a_distance_away_is_measured_from_the_place_its_sentence_leaves() -> None:
    moved = "The lion escaped from the Telvar reserve and ended up in Osk, 12 miles away."
    span = parsed_figure(moved, "12 miles")
    assert figure_aspects(span, "quantity", "m", implied_anchors=True).anchor == "reserve"
    assert figure_aspects(span, "quantity", "m").anchor == "?"  # off: unnamed, as before
    # No place left in the sentence: the anchor stays unnamed.
    stays = "The herd grazed near Osk, 12 miles away."
    assert figure_aspects(parsed_figure(stays, "12 miles"), "quantity", "m", True).anchor == "?"
    # "off" has a place of its own ("off the coast"), never the one the sentence left.
    sank = "The barge sailed from Telvar and sank 12 miles off the coast."
    assert figure_aspects(parsed_figure(sank, "12 miles"), "quantity", "m", True).anchor == "?"


def test_an_age_names_its_holder_only_when_the_parse_ties_it_to_a_person() -> None:
    assert _aspects("Doran Pike, 40, was treated at the Kellmouth clinic.", "40", "age").holder
    assert not _aspects("One, a 30-year-old man, was hospitalised in Osk.", "30", "age").holder


def test_a_photo_caption_date_is_a_caption_not_an_event() -> None:
    sentence = "In this Aug. 15, 2024 file photo, Doran Pike leaves a Kellmouth courtroom."
    assert date_role(parsed_figure(sentence, "Aug. 15, 2024")) == "caption"
    assert date_role(parsed_figure("The Kellmouth trial opened on Aug. 15, 2024.", "Aug. 15")) == ""


def _mention(
    article: str,
    value: float | str,
    aspects: Aspects,
    *,
    kind: str = "count",
    role: str = "",
    head: str = "guard",
) -> Mention:
    claim = Claim(article, 0, 2, str(value), kind, value)  # type: ignore[arg-type]
    return Mention(
        claim, f"{kind}:", head, (), (), "NUMBER", False, True, False, role=role, aspects=aspects
    )


def _dispute(first: Aspects, second: Aspects, **kwargs: str) -> bool:
    pair = (_mention("a", 8, first, **kwargs), _mention("b", 6, second, **kwargs))
    return is_clear_dispute(pair, 0.9, FactParams())


def test_figures_that_differ_in_an_aspect_are_no_clear_dispute() -> None:
    plain = Aspects()
    assert _dispute(plain, plain)
    assert not _dispute(Aspects(tense="past"), Aspects(tense="planned"))
    assert _dispute(Aspects(tense="past"), plain)  # untold is not different
    assert not _dispute(Aspects(group="guard"), plain)
    assert not _dispute(Aspects(base=True), plain)
    assert not _dispute(Aspects(anchor="telvar"), Aspects(anchor="?"))
    assert not _dispute(Aspects(anchor="telvar"), Aspects(anchor="osk"))
    assert _dispute(Aspects(anchor="telvar capital"), Aspects(anchor="telvar"))


def test_a_change_over_a_period_is_set_only_against_one_over_the_same_period() -> None:
    since, week = Aspects(period="since friday"), Aspects(period="past week")
    assert not _dispute(since, week, role="increment")
    assert not _dispute(since, Aspects(), role="increment")
    assert _dispute(since, since, role="increment")
    assert _dispute(since, week)  # not changes: the period is only context


def test_an_age_of_a_named_person_needs_that_person_named_in_the_other_article() -> None:
    named = Aspects(holder="pike")
    absent = Aspects(words=frozenset({"man", "osk"}))
    present = Aspects(words=frozenset({"man", "pike"}))
    assert not _dispute(named, absent, kind="age", head="")
    assert _dispute(named, present, kind="age", head="")
    assert not _dispute(named, Aspects(holder="rowe"), kind="age", head="")


def test_statements_each_dated_to_their_own_report_are_no_dispute() -> None:
    first = _mention("a", "2025-03-18", Aspects(), kind="date", role="statement", head="")
    second = _mention("b", "2025-03-24", Aspects(), kind="date", role="statement", head="")
    own_days = {
        "a": datetime(2025, 3, 18, 23, tzinfo=UTC),
        "b": datetime(2025, 3, 24, 14, tzinfo=UTC),
    }
    later = {"a": datetime(2025, 3, 19, tzinfo=UTC), "b": own_days["b"]}
    params = FactParams()
    assert not is_clear_dispute((first, second), 0.9, params, published=own_days)
    assert is_clear_dispute((first, second), 0.9, params, published=later)
    assert is_clear_dispute((first, second), 0.9, params)


def test_the_aspect_rule_can_be_switched_off() -> None:
    pair = (_mention("a", 8, Aspects(tense="past")), _mention("b", 6, Aspects(tense="planned")))
    params = replace(FactParams(), conflict_needs_same_aspects=False)
    assert is_clear_dispute(pair, 0.9, params)


def test_polarity_switched_off_still_leaves_the_other_aspects() -> None:
    # "two of the guards did not sign" against "six guards signed": a part of a group too.
    did_not = (_mention("a", 8, Aspects(negated=True, group="guard")), _mention("b", 6, Aspects()))
    off = replace(FactParams(), negated_figures_differ=False)
    assert not is_clear_dispute(did_not, 0.9, FactParams())
    assert not is_clear_dispute(did_not, 0.9, off)  # the group still differs
    only_polarity = (_mention("a", 8, Aspects(negated=True)), _mention("b", 6, Aspects()))
    assert not is_clear_dispute(only_polarity, 0.9, FactParams())
    assert is_clear_dispute(only_polarity, 0.9, off)


@pytest.mark.parametrize(
    ("sentence", "number", "owner"),
    [
        ("Brisa Tolland's campaign raised $400 for the Quenby shelter.", "400", "tolland"),
        ("Marek Oyelaran has three sons, neighbours in Fennick said.", "three", "oyelaran"),
        ("A judge sentenced the ailing Corvin Tate, 71, to four years.", "71", "tate"),
    ],
)
def test_a_figure_is_owned_by_the_person_its_clause_names(
    sentence: str, number: str, owner: str
) -> None:
    # The recogniser may read a person's name as an organisation's ("ORG:brisa tolland").
    assert owner in figure_owner(parsed_figure(sentence, number)).split(":")[-1].split()


@pytest.mark.parametrize(
    ("sentence", "number", "owner"),
    [
        (
            "Ilse Marra, whose own 2,000-bed clinic opened in Osk, backed the plan.",
            "2,000",
            "marra",
        ),
        ("Dalmar Health, whose own clinic has 900 beds, opposed the plan.", "900", "health"),
    ],
)
def test_whose_names_the_antecedent_as_the_figures_owner(
    sentence: str, number: str, owner: str
) -> None:
    figure = parsed_figure(sentence, number)
    assert owner in figure_owner(figure, None, True).split(":")[-1].split()
    assert figure_owner(figure, None, False) == ""  # the switch off: "whose" is not followed


def test_whose_after_a_preposition_names_no_owner() -> None:
    sentence = "Brisa Tolland, chief executive at Dalmar Health, whose pay fell to $900, left."
    assert figure_owner(parsed_figure(sentence, "900"), None, True) == ""


def test_a_speaker_owns_no_figure_and_a_pronoun_is_not_followed() -> None:
    said = "Inspector Hala Brundage said 40 people were hurt in Osk."
    assert figure_owner(parsed_figure(said, "40")) == ""
    pronoun = "Ivo Marchetti was thrilled. She raised $900 in a week."
    assert figure_owner(parsed_figure(pronoun, "900")) == ""


def test_an_ordinal_tells_two_instances_of_one_event_apart() -> None:
    second = "Two people were wounded in the second shooting near the Osk depot."
    assert figure_owner(parsed_figure(second, "Two")) == "EVENT:shooting:second"
    assert owners_differ("EVENT:shooting:second", "EVENT:shooting:first")
    assert not owners_differ("EVENT:shooting:second", "EVENT:storm:first")


def test_owners_differ_only_between_clearly_different_names() -> None:
    assert owners_differ("PERSON:tolland", "PERSON:oyelaran")
    assert owners_differ("PERSON:tolland", "ORG:oyelaran")  # a surname read as an organisation
    assert not owners_differ("PERSON:tate", "ORG:corvin tate")
    assert not owners_differ("ORG:quenby shelter", "ORG:quenby animal trust")
    assert not owners_differ("PERSON:tolland", "")  # an unnamed owner may be anyone


def test_figures_of_two_owners_are_no_clear_dispute_unless_switched_off() -> None:
    pair = (
        _mention("a", 8, Aspects(owner="PERSON:tolland")),
        _mention("b", 6, Aspects(owner="PERSON:oyelaran")),
    )
    assert not is_clear_dispute(pair, 0.9, FactParams())
    assert is_clear_dispute(pair, 0.9, replace(FactParams(), other_owners_differ=False))
    same = (_mention("a", 8, Aspects(owner="PERSON:tolland")), _mention("b", 6, Aspects()))
    assert is_clear_dispute(same, 0.9, FactParams())


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        # Invented blast at the Osk depot, reckoned by invented outlets and officials.
        ("The Velmor Gazette counted 38 bodies at the Osk depot.", "38"),
        ("The Quenby Herald's tally of 40 deaths could not be checked.", "40"),
        ("The Quenby Herald estimated the crowd at 40,000.", "40,000"),
        ("Mayor Hala Brundage put the death toll at 40.", "40"),
        ("Quenby Radio reported 40 dead.", "40"),
    ],
)
def test_who_counts_or_reports_a_figure_is_its_source_not_its_owner(
    sentence: str, number: str
) -> None:
    assert figure_owner(parsed_figure(sentence, number)) == ""


def test_the_noun_whose_of_object_a_figure_is_lends_its_owner() -> None:
    span = parsed_figure("The Quenby shelter returned Marek Oyelaran's gift of $400.", "400")
    assert figure_owner(span) == "PERSON:oyelaran"


def test_a_name_suffix_is_no_surname() -> None:
    span = parsed_figure("Corvin Tate III raised $400 for the Quenby shelter.", "400")
    assert figure_owner(span) == "PERSON:tate"


def test_a_person_and_an_organisation_named_after_them_are_one_owner() -> None:
    assert not owners_differ("PERSON:tolland", "ORG:tolland campaign")
    assert owners_differ("ORG:tolland campaign", "PERSON:oyelaran")
    assert not owners_differ("PERSON:", "PERSON:tolland")  # an empty name is no owner
    assert not owners_differ("PERSON", "ORG:quenby shelter")


def test_two_outlets_counting_differently_is_a_conflict_not_two_owners() -> None:
    opening = "A blast hit the Osk fuel depot on Monday. "
    reports = [
        Article(
            id=name, text=opening + text, source=name, published=datetime(2026, 3, 2, tzinfo=UTC)
        )
        for name, text in (
            ("Velmor Gazette", "The Velmor Gazette counted 38 bodies at the depot."),
            ("Quenby Herald", "The Quenby Herald counted 40 bodies at the depot."),
        )
    ]
    counts = [f for f in compare_facts(reports, embeddings=False) if f.claims[0].kind == "count"]
    assert [fact.status for fact in counts] == ["conflict"]


def test_putting_forward_is_no_reckoning() -> None:
    span = parsed_figure("Hala Brundage put forward her plan in 1998.", "1998")
    assert figure_owner(span) == "PERSON:brundage"


def test_polarity_is_read_only_of_a_figure_that_counts_the_negated_subject() -> None:
    counted = parsed_figure("Two wardens of the Ebbmoor reserve did not sign the letter.", "Two")
    assert figure_aspects(counted, "count", None, counted_subjects=True).negated
    # The parse hangs the name on the other clause's negated verb; the age only describes it.
    text = (
        "One of the dead was named locally as Petra Ulven, 44, from Holby; "
        "the other has not been named."
    )
    described = parsed_figure(text, "44")
    assert not figure_aspects(described, "age", None, counted_subjects=True).negated
    assert figure_aspects(described, "age", None).negated  # off: as before


def test_a_period_needs_a_time_word_not_a_name_tagged_as_a_date() -> None:
    def period(sentence: str, number: str, kind: str, timed: bool) -> str:
        span = parsed_figure(sentence, number)
        return figure_aspects(span, kind, None, timed_periods=timed).period

    landed = "Thirty-eight survivors were landed at Tarrow harbour on Friday."
    assert period(landed, "Thirty-eight", "count", timed=True) == "friday"
    record = "The previous auction record for Tarrow was £4.1m, set in 2011 for a view of the Osk."
    assert period(record, "£4.1m", "money", timed=True) == ""
    aged = "The 47-year-old council member won by 4,453 votes in Ostby."
    assert period(aged, "4,453", "count", timed=True) == ""
    # Off, as before: the parser's DATE words, whatever they are.
    assert "tarrow" in period(landed, "Thirty-eight", "count", timed=False)


@pytest.mark.parametrize(
    ("period", "timed"),
    [
        ("since friday", True),
        ("past week", True),
        ("aug. 16", True),
        ("2019", True),
        ("this season", True),
        ("q3", True),
        ("tarrow", False),
        ("47 - year - old", False),
        ("2 - year - olds", False),
        ("age of", False),
        ("41", False),
    ],
)
def test_a_period_holds_a_time_word_or_a_written_date(period: str, timed: bool) -> None:
    assert period_has_time_word(period) is timed


def test_those_and_a_participle_name_a_group_as_a_noun_does() -> None:
    span = parsed_figure("Nine of those evacuated were pupils at the Brenn school.", "Nine")
    assert figure_aspects(span, "count", None, participle_groups=True).group == "evacuate"
    assert not figure_aspects(span, "count", None).group  # off: only a noun names a group
    # Two parts of named groups are weighed against each other, not kept apart.
    noun = _aspects("Twelve of the patients were pupils at the Brenn school.", "Twelve")
    assert noun.group and not _dispute(noun, Aspects()) and _dispute(noun, Aspects(group="x"))


def _counting_noun(article: str, value: int, head: str, modifiers: tuple[str, ...]) -> Mention:
    claim = Claim(article, 0, 2, str(value), "count", value)
    return Mention(
        claim, "count:", head, modifiers, (), "NUMBER", False, True, False, head_word=head
    )


def test_a_compound_cut_short_counts_the_same_thing() -> None:
    short = _counting_noun("a", 3, "silver", ())
    full = _counting_noun("b", 4, "medal", ("silver",))
    assert is_clear_dispute((short, full), 0.9, FactParams())
    off = FactParams(elliptic_nouns_match=False, conflict_needs_same_noun=True)
    assert not is_clear_dispute((short, full), 0.9, off)


def test_a_noun_modifier_cut_short_is_another_thing_not_the_compound() -> None:
    schools = _counting_noun("a", 6, "school", ())
    buses = _counting_noun("b", 9, "bus", ("school",))
    assert not is_clear_dispute((schools, buses), 0.9, FactParams(conflict_needs_same_noun=True))
    # Off, any modifier cut short counts the compound, as "silver" does "silver medal".
    off = FactParams(elliptic_nouns_need_adjective=False, conflict_needs_same_noun=True)
    assert is_clear_dispute((schools, buses), 0.9, off)


def test_six_schools_and_nine_school_buses_are_no_conflict() -> None:
    texts = [
        "Six schools in Brannock were closed on Monday after the storm, the Tarlow council said.",
        "Nine school buses were stuck in Brannock on Monday after the storm, Tarlow council said.",
    ]
    reports = [
        Article(
            id=f"a{i}", text=text, source=f"Outlet {i}", published=datetime(2026, 3, 2, tzinfo=UTC)
        )
        for i, text in enumerate(texts)
    ]
    counts = [f for f in compare_facts(reports, embeddings=False) if f.claims[0].kind == "count"]
    assert "conflict" not in [fact.status for fact in counts]
    assert any(len(fact.claims) == 2 for fact in counts)  # still shown side by side
