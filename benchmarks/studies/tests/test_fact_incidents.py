"""The incident signals of the incident study (benchmarks/studies/fact_incidents.py), on
invented text, and its leave-one-set-out pick."""

from __future__ import annotations

from study_scripts import load_study, parsed_figure

incidents = load_study("fact_incidents")


def test_a_sentence_tells_its_places_and_dates() -> None:
    span = parsed_figure(
        "A gunman wounded three people in Vellmouth County on Friday in 2021.", "three"
    )
    assert "vellmouth" in incidents.sentence_places(span)
    assert incidents.sentence_dates(span) == {"friday", "2021"}


def test_a_second_incident_is_marked_by_its_words() -> None:
    another = parsed_figure("In another attack, four guards were hurt at the Osk depot.", "four")
    plain = parsed_figure("Four guards were hurt at the Osk depot.", "Four")
    assert incidents.marks_second(another)
    assert not incidents.marks_second(plain)


def test_the_pick_takes_the_signal_with_no_true_conflict_and_scores_the_set_left_out() -> None:
    summary = {
        "one": {"true": {"all": 5, "dates": 2}, "false": {"all": 2, "dates": 1, "places": 1}},
        "two": {"true": {"all": 4}, "false": {"all": 1, "places": 1}},
    }
    lines = incidents.pick_by_leave_one_out(summary, ["dates", "places"])
    assert lines == ["| one | places | 0 / 1 | 0 / 1 |", "| two | places | 0 / 1 | 0 / 1 |"]
