"""The fact table a reader sees: readable subjects, row order, names in one row, outlets.

Invented reports of an invented event (a dam spill at "Lake Vessary"); the
real spaCy model parses them.
"""

from __future__ import annotations

from datetime import datetime

from newsfuse.facts import compare_facts
from newsfuse.facts.entities import _mask_sentences, extract_entities, parse_articles
from newsfuse.facts.extract import scan_claims
from newsfuse.model import Article, Brief, Claim, Fact
from newsfuse.render.layout import NAMES_SUBJECT, build_fact_rows, find_outlets

WHEN = datetime(2026, 4, 2, 9, 0)

A = Article(
    "a",
    "Engineers opened the spillway at Lake Vessary dam on Tuesday. "
    "The weather was grey. "
    "About 1,200 residents were evacuated from Marlow, officials said. "
    "The town of Marlow lies 12 miles (19 km) south of the dam.",
    source="Vessary Herald",
    published=WHEN,
)
B = Article(
    "b",
    "Marlow emergency manager Ines Kordal said 1,500 residents were evacuated on Tuesday "
    "as Lake Vessary dam released water. "
    "Marlow sits 19 kilometres south of the dam.",
    source="Northern Wire",
    published=WHEN,
)
C = Article(
    "c",
    "Ines Kordal, the Marlow emergency manager, said 1,500 residents were evacuated on "
    "Tuesday. Rain is expected at Lake Vessary.",
    source="Valley Radio",
    published=WHEN,
)


def test_only_sentences_with_claims_are_parsed_and_offsets_hold() -> None:
    masked, starts = _mask_sentences(A, scan_claims(A))
    assert len(masked) == len(A.text)
    assert "weather" not in masked  # no figure, no date: not parsed
    assert "1,200 residents were evacuated" in masked
    assert starts == [A.text.index("About 1,200")]  # the kept sentence after the blank
    doc = parse_articles([A], [scan_claims(A)])[0]
    for claim in scan_claims(A):
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        assert span is not None and claim.text in span.text
    # The sentence after the blank starts anew, as in the full text.
    residents = doc.char_span(starts[0], starts[0] + 5)
    assert residents is not None and residents.sent.start_char == starts[0]


def test_neighbours_of_a_claim_sentence_are_parsed_with_it() -> None:
    article = Article(
        "n",
        "The gates of Lake Vessary dam opened on Tuesday. Crowds gathered on the bank. "
        "Gulls circled overhead. Boats stayed moored. About 40 homes were flooded.",
    )
    claims = scan_claims(article)
    alone, _ = _mask_sentences(article, claims)
    assert "Crowds" not in alone and "Boats" not in alone
    with_context, starts = _mask_sentences(article, claims, context=1)
    assert len(with_context) == len(article.text)
    assert "Crowds gathered" in with_context and "Boats stayed" in with_context
    assert "Gulls" not in with_context  # two sentences from any claim
    assert starts == [article.text.index("Boats")]


def test_lines_without_a_full_stop_are_parsed_with_the_sentence_they_run_into() -> None:
    article = Article(
        "h",
        "Vessary Power results\n\nHighlights\n\n- Output: 410 megawatt hours\n\n"
        "The board met in spring. Nobody spoke. The chair left.\n\n"
        "Reporting by Ada Quill",
    )
    masked, _ = _mask_sentences(article, scan_claims(article))
    # The headings run into the figure's line, as the parser reads them: kept.
    assert "Highlights" in masked and "- Output: 410" in masked
    assert "Nobody" not in masked


def test_names_in_unparsed_sentences_are_still_found() -> None:
    claims = scan_claims(C)
    masked, _ = _mask_sentences(C, claims)
    assert "Rain" not in masked  # no figure, no date: not parsed
    doc = parse_articles([C], [claims])[0]
    full = parse_articles([C])[0]
    names = {claim.value for claim in extract_entities(C, doc)}
    assert names == {claim.value for claim in extract_entities(C, full)}
    assert "Lake Vessary" in names
    # The parsed sentences carry their own names for the describer.
    assert "Ines Kordal" in {entity.text for entity in doc.ents}


def test_subjects_are_phrases_from_the_sources() -> None:
    facts = compare_facts([A, B, C], embeddings=False)
    by_value = {claim.value: fact for fact in facts for claim in fact.claims}
    assert by_value[1500.0].subject == "residents evacuated"
    assert by_value[1500.0].status == "conflict"
    distance = next(fact for fact in facts if fact.kind == "quantity")
    assert distance.subject == "distance of Marlow from dam"
    labels = {"date", "year", "age", "of", "from", "distance", "amount", "percentage"}
    for fact in facts:
        for word in set(fact.subject.split()) - labels:
            # Every word of a subject but its label is written in some source (no stems).
            assert any(word.lower() in a.text.lower() for a in (A, B, C)), fact.subject


def test_rows_put_disputes_first_and_names_in_one_row() -> None:
    facts = compare_facts([A, B, C], embeddings=False)
    rows = build_fact_rows(Brief((), (A, B, C), tuple(facts)))
    statuses = [row.status for row in rows]
    assert statuses == sorted(
        statuses, key=["conflict", "revision", "differs", "agree", "single"].index
    )
    names = [row for row in rows if row.subject == NAMES_SUBJECT]
    assert len(names) == 1
    assert "Ines Kordal" in names[0].cells[1] and "Ines Kordal" in names[0].cells[2]
    assert not any(row.kind in ("person", "place", "organization") for row in rows)


def test_copies_of_one_report_corroborate_nothing() -> None:
    copy = Article("d", C.text, source="Another Radio", published=WHEN)
    same_outlet = Article("e", B.text.replace("1,500", "1,500 people,"), source="Valley Radio")
    outlets = find_outlets((C, copy, same_outlet))
    assert outlets["c"] == outlets["d"] == outlets["e"]
    claim = Claim("c", 0, 5, "1,500", "count", 1500.0)
    agree = Fact(
        "agree", "residents evacuated", "count", (claim, Claim("d", 0, 5, "1,500", "count", 1500.0))
    )
    rows = build_fact_rows(Brief((), (C, copy), (agree,)))
    assert [row.status for row in rows] == ["single"]


def test_a_name_that_ends_a_longer_one_in_its_cell_is_listed_once() -> None:
    first = Article("f", "Ines Kordal spoke at the Vessary dam.", source="Valley Radio")
    second = Article("g", "Ines Kordal, the dam's keeper, warned Vessary.", source="Dam Weekly")

    def agreed(name: str, kind: str, start: int, end: int) -> Fact:
        claims = tuple(Claim(a, start, end, name, kind, name) for a in "fg")  # type: ignore[arg-type]
        return Fact("agree", name, kind, claims)  # type: ignore[arg-type]

    facts = (
        agreed("Ines Kordal", "person", 0, 11),
        agreed("Kordal", "person", 5, 11),
        agreed("Vessary", "place", 0, 4),
        agreed("Upper Vessary", "place", 0, 4),
        agreed("UV", "place", 0, 4),
        agreed("VD", "place", 0, 4),
    )
    rows = build_fact_rows(Brief((), (first, second), facts))
    assert rows[0].subject == NAMES_SUBJECT
    # "Kordal" ends "Ines Kordal", "Vessary" ends "Upper Vessary", "UV" is its initials
    assert rows[0].cells == ("Ines Kordal, Upper Vessary, VD",) * 2


def test_subjects_hold_words_only() -> None:
    from newsfuse.facts.subject import keep_words_only

    # a caption's separator, and the link word before it, are no words of a label
    assert keep_words_only("year of |") == "year"
    assert keep_words_only("percentage of harbour dues of %") == "percentage of harbour dues"
    # a figure's sign inside the phrase holds the figure's place and stays
    assert keep_words_only("year Marlow paid % of the dues") == "year Marlow paid % of the dues"
    assert keep_words_only("date: vessary.example/dam") == "date"
    assert keep_words_only("%") == "%"  # nothing would be left: as it is
    # a web address goes, the words around it stay
    assert keep_words_only("age of pic.twitter.com/Qx7 Kordal") == "age of Kordal"
    assert keep_words_only("date https://vessary.example/dam opened") == "date opened"
    # one word written twice (straight and curly apostrophe) is shown once
    assert keep_words_only("age of Kordal's Kordal\u2019s nephew") == "age of Kordal's nephew"
    # a subject of words only is left as it is
    assert keep_words_only("residents evacuated from Marlow") == "residents evacuated from Marlow"


def _single(article: str, subject: str, text: str, value: object, start: int) -> Fact:
    claim = Claim(article, start, start + len(text), text, "count", value)  # type: ignore[arg-type]
    return Fact("single", subject, "count", (claim,))


def test_one_sources_rows_under_one_subject_are_one_row() -> None:
    first = Article("f", "Between 1961 and 1964 the Vessary dam was built.", source="Dam Weekly")
    second = Article("g", "Crews came from 4 towns.", source="Valley Radio")
    facts = (
        _single("f", "year the dam was built", "1961", 1961.0, 8),
        _single("g", "year the dam was built", "1962", 1962.0, 0),  # another source: apart
        _single("f", "year the dam was built", "1964", 1964.0, 17),
        _single("f", "people", "40", 40.0, 0),  # one word: two facts, never merged
        _single("f", "people", "12", 12.0, 3),
    )
    rows = build_fact_rows(Brief((), (first, second), facts))
    assert [(row.subject, row.cells) for row in rows] == [
        ("year the dam was built", ("1961 / 1964", "–")),
        ("year the dam was built", ("–", "1962")),
        ("people", ("40", "–")),
        ("people", ("12", "–")),
    ]
    apart = build_fact_rows(Brief((), (first, second), facts), one_row_per_subject=False)
    assert len(apart) == 5


def test_a_possessive_name_shows_the_name_it_owns() -> None:
    first = Article("f", "Kordal’s Vessary Holdings and St Orla's Hospital.", source="Dam Weekly")
    second = Article("g", "Ines Kordal’s Vessary Holdings.", source="Valley Radio")

    def agreed(name: str) -> Fact:
        claims = tuple(Claim(a, 0, 4, name, "organization", name) for a in "fg")
        return Fact("agree", name, "organization", claims)

    facts = (
        agreed("Ines Kordal"),
        agreed("Kordal’s Vessary Holdings"),
        agreed("’s Marlow"),  # the owner was cut off by the recogniser
        agreed("St Orla's Hospital"),  # "St Orla" is listed nowhere: one name
    )
    rows = build_fact_rows(Brief((), (first, second), facts))
    assert rows[0].cells == ("Ines Kordal, Vessary Holdings, Marlow, St Orla's Hospital",) * 2
    kept = build_fact_rows(Brief((), (first, second), facts), names_apart=False)
    assert "Kordal’s Vessary Holdings" in kept[0].cells[0]


def test_a_possessive_whose_owned_part_is_no_name_stays_one_name() -> None:
    first = Article("f", "Hal Brenn and Brenn's of Tarrow.", source="Dam Weekly")
    second = Article("g", "Brenn's of Tarrow, run by Hal Brenn.", source="Valley Radio")

    def agreed(name: str) -> Fact:
        claims = tuple(Claim(a, 0, 4, name, "organization", name) for a in "fg")
        return Fact("agree", name, "organization", claims)

    facts = (agreed("Hal Brenn"), agreed("Brenn's of Tarrow"))
    rows = build_fact_rows(Brief((), (first, second), facts))
    assert rows[0].cells == ("Hal Brenn, Brenn's of Tarrow",) * 2
