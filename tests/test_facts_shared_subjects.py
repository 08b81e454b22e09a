"""A verb with no subject of its own names its figure by the subject it shares: "and"
joins it to the verb before, or it is the "to" complement of a verb that has one."""

from __future__ import annotations

from conftest import subject_of, two_outlet_facts
from newsfuse.facts import FactParams, compare_facts
from newsfuse.model import Article, Fact

# Invented: a lighthouse keeper on the Brisk Isles, told by two outlets.
FIRST = (
    "Keeper Ines Kordal stayed on Tarrow Rock for years and retired on Friday. "
    "The Tarrow council is expected to raise $2 million for the lighthouse. "
    "The island ferry docked late."
)
SECOND = "Ines Kordal left the Tarrow light this week. A new keeper starts in May."


def table(params: FactParams | None = None) -> list[Fact]:
    return two_outlet_facts(FIRST, SECOND, params)


def test_a_verb_joined_by_and_takes_the_subject_before_it() -> None:
    assert "Kordal retired" in subject_of(table(), "Friday")
    off = table(FactParams(subjects_share_their_verb_subject=False))
    assert "Kordal" not in subject_of(off, "Friday")


def test_a_to_complement_is_named_with_the_verb_it_completes() -> None:
    subject = subject_of(table(), "$2 million")
    assert subject.startswith("amount") and "council" in subject and "expected to raise" in subject
    off = table(FactParams(subjects_share_their_verb_subject=False))
    assert "council" not in subject_of(off, "$2 million")


# Invented: a ferry captain's hearing, told by two outlets.
HEARING = (
    "Captain Rosa Vell was charged after the Tarrow ferry ran aground. "
    "She appeared in court on Monday. "
    "The ferry is expected to be refloated on Thursday."
)
HEARING_TOO = "The Tarrow ferry ran aground last week. Salvage crews arrived on Saturday."


def hearing(params: FactParams | None = None) -> list[Fact]:
    articles = [
        Article(id="a", text=HEARING, source="Isles Herald"),
        Article(id="b", text=HEARING_TOO, source="Coast Radio"),
    ]
    return compare_facts(articles, params=params or FactParams())


def test_a_day_keeps_a_pronoun_subject() -> None:
    assert subject_of(hearing(), "Monday") == "date she appeared"
    off = hearing(FactParams(date_subjects_keep_pronouns=False))
    assert "she" not in subject_of(off, "Monday").split()


def test_a_passive_to_complement_keeps_its_be() -> None:
    assert "expected to be refloated" in subject_of(hearing(), "Thursday")
    off = hearing(FactParams(subjects_share_their_verb_subject=False))
    assert "expected" not in subject_of(off, "Thursday")


def test_a_verb_with_its_own_auxiliary_shares_no_subject() -> None:
    # "and were arrested": the parser lost the verb's subject, and the one before it may
    # not be its subject (a passive), so it is not borrowed
    first = Article(
        id="a", text="Gunmen stormed the Tarrow depot and were arrested on Sunday.", source="X"
    )
    second = Article(id="b", text="The Tarrow depot was stormed at the weekend.", source="Y")
    assert subject_of(compare_facts([first, second]), "Sunday") == "date were arrested"
