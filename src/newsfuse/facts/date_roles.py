"""What a date claim is the day of: its role, its event and the words that tell.

An article names several days (the event, the statement about it, the time a
running figure stood), so a date is described by the clause it belongs to
rather than by the whole sentence, and given a role: "as of" ("by Monday"),
"since" ("since Tuesday"), "statement" ("officials said Tuesday") or "" for
the day of an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfuse.facts.lexicon import AS_OF_WORDS, DATE_WORDS, SINCE_WORDS, STATEMENT_LEMMAS
from newsfuse.facts.synonymy import noun_names_time

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Nouns whose date is when a picture was taken, not the day of the story's event.
CAPTION_NOUNS = frozenset({"photo", "photograph", "picture", "image", "video", "footage"})


# Dependents that make a time noun a thing of its own ("a deadline", "Friday's curfew").
OWN_DETERMINERS = frozenset({"det", "poss"})

# Words that end a period begun by "from" ("from Jan. 1 to Aug. 31").
RANGE_END_WORDS = frozenset({"to", "through", "-", "–"})
# Tokens searched back from a range's end for its "from" and first day.
RANGE_WINDOW_TOKENS = 6


def date_role(
    span: Span,
    range_end_as_of: bool = True,
    skip_time_nouns: bool = False,
    bare_time_nouns_only: bool = False,
) -> str:
    """What a date is the day of: "as of" ("by Monday", or with ``range_end_as_of``
    the end of a period "from Jan. 1 to Aug. 31"), "since" ("since Tuesday"),
    "caption" ("in this Aug. 15 file photo"), "statement" ("officials said
    Tuesday"), or "" for the day of an event. With ``skip_time_nouns`` a noun of
    time the date heads or modifies ("said on Sunday evening") is the date's own
    word, not what it is the day of: the verb above decides. With
    ``bare_time_nouns_only`` a time noun with an article or possessive of its own ("a
    June 30 deadline", "Friday's curfew") is what the date is the day of, and stops."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in AS_OF_WORDS or (
        before in ("of", "at") and span.start > 1 and doc[span.start - 2].lower_ == "as"
    ):
        return "as of"
    if range_end_as_of and before in RANGE_END_WORDS and _ends_range(span):
        return "as of"  # a figure counted over a period stands as of its last day
    if before in SINCE_WORDS:
        return "since"
    if any(t.lemma_.lower() in CAPTION_NOUNS for t in span.root.ancestors if t.pos_ == "NOUN"):
        return "caption"  # "In this Aug. 15, 2014 file photo": when a picture was taken
    verb = next(
        (
            t
            for t in span.root.ancestors
            if t.pos_ in ("VERB", "AUX", "NOUN")
            and not (skip_time_nouns and _names_time(t, bare_time_nouns_only))
        ),
        None,
    )
    if span.root.pos_ == "VERB":
        verb = span.root
    if verb is None:
        return ""
    related = [verb]
    if verb.pos_ != "NOUN":
        related += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("acl", "relcl"):
            related.append(verb.head)  # "the announcement, made on March 10"
    if any(token.lemma_.lower() in STATEMENT_LEMMAS for token in related):
        return "statement"
    return ""


def _names_time(token: Token, bare_only: bool = False) -> bool:
    """Whether a noun is a date's own word ("evening" in "Sunday evening"): tagged a
    date or time, or a noun whose first WordNet sense is a time period; with
    ``bare_only`` such a noun with an article or possessive ("a Monday holiday",
    "Friday's deadline") is a thing of its own that the date is the day of."""
    if token.pos_ != "NOUN":
        return False
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    if bare_only and any(child.dep_ in OWN_DETERMINERS for child in token.children):
        return False
    return bool(noun_names_time(token.lemma_.lower()))


def _ends_range(span: Span) -> bool:
    """Whether the date closes a "from <day> to" period: a "from" followed by a date
    stands within ``RANGE_WINDOW_TOKENS`` before the word that precedes it."""
    doc = span.doc
    start = max(span.sent.start, span.start - 1 - RANGE_WINDOW_TOKENS)
    window = doc[start : span.start - 1]
    return any(
        token.lower_ == "from"
        and any(t.ent_type_ == "DATE" for t in doc[token.i + 1 : span.start - 1])
        for token in window
    )


def noun_phrase(noun: Token) -> str:
    """A noun with its adjective and compound modifiers, as written ("additional US troops")."""
    words = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod") and c.i < noun.i]
    words = [c for c in words if not c.like_num and c.dep_ != "nummod"]
    return " ".join([*(w.text for w in words), noun.text])


def event_phrase(span: Span) -> str:
    """What a date is the day of, in a reader's words: "send troops", "ferry capsized".

    The date's governing verb (for a statement, the verb of what was said:
    "the US will send 600 troops, Carter said on Wednesday" gives "send
    troops") with its object, else its subject. Used for readable subjects.
    """
    verb = next(
        (
            t
            for t in span.root.ancestors
            if t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.ent_type_ not in ("DATE", "TIME"))
        ),
        None,
    )  # "during the Wednesday evening rush hour" is about the hour's verb, not "evening"
    if verb is None:
        return ""
    if verb.pos_ == "NOUN":
        return noun_phrase(verb)  # "Tuesday's election", "the May 2 banquet"
    if verb.lemma_.lower() in STATEMENT_LEMMAS:
        said = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if said:
            verb = said[0]
        elif verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and verb.head.pos_ == "VERB":
            verb = verb.head  # "The US will send 600 troops, Carter said": "said" hangs below
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN"]
    if objects:
        return f"{verb.lemma_.lower()} {noun_phrase(objects[0])}"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if subjects:
        return f"{noun_phrase(subjects[0])} {verb.text.lower()}"
    return verb.lemma_.lower()


def date_event(span: Span) -> tuple[str, str] | tuple[()]:
    """What happened on a date, as (verb lemma, subject lemma): "Divers on Thursday
    pulled ..." gives ("pull", "diver"). ``()`` when a noun names the event ("Wednesday's
    collapse", "the Aug. 16 derailment") or the verb has no common-noun subject.
    Nouns of time between the date and its verb ("during the Wednesday evening rush
    [hour]") are passed over: they are the date's own words, not an event."""
    verb = next(
        (
            t
            for t in span.root.ancestors
            if t.pos_ == "VERB"
            or (
                t.pos_ == "NOUN"
                and t.ent_type_ not in ("DATE", "TIME")
                and t.dep_ != "compound"  # "rush" in "rush hour": the phrase's head decides
                and not noun_names_time(t.lemma_.lower())
            )
        ),
        None,
    )
    if verb is None or verb.pos_ != "VERB":
        return ()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    if not subjects:
        return ()
    return (verb.lemma_.lower(), subjects[0].lemma_.lower())


def date_scope(span: Span) -> list[Token]:
    """The tokens that tell what a date is the day of.

    Usually the whole sentence: it reports one event. When the sentence names
    another day too ("miners trapped since Tuesday were brought to the surface
    Friday"), each date keeps its own verb's phrase, without the parts of it
    that hold the other dates, so the two days are not described alike.
    """
    sentence = span.sent
    others = {
        token.i
        for token in sentence
        if token.ent_type_ == "DATE" and not span.start <= token.i < span.end
        and token.lower_.rstrip(".") in DATE_WORDS
    }  # fmt: skip
    if not others:
        return list(sentence)
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), span.root)
    kept: set[int] = set()

    def keep(token: Token) -> None:
        # Whole subtrees without another date; where one holds a date, its head
        # word stays ("miners [trapped since Tuesday]") and the search goes down.
        subtree = {t.i for t in token.subtree}
        if not subtree & others or token.i == span.root.i:
            kept.update(subtree)
            return
        if token.i not in others:
            kept.add(token.i)
        if token.dep_ in ("conj", "relcl", "acl", "advcl", "ccomp") and token is not verb:
            return  # a clause of its own, about the other date
        for child in token.children:
            keep(child)

    keep(verb)
    return [token for token in sentence if token.i in kept]
