"""Introduce people by their full name: the first bare surname of a brief gets its first name.

An article says "Anne Hepner, a nurse, ..." once and "Hepner said" after; a brief that
lifts only the second sentence leaves the reader asking who Hepner is. This step writes
the full name the same article gives in place of the first bare surname of the brief
(outside quotation marks), and the sentence's citations gain the span of that full name.

Names are found without a parser (spaCy is too slow for every brief): a full name is a
capitalised first word and a capitalised surname side by side ("Anne Hepner", "Anne M.
Hepner"), neither of which the articles ever write in lower case (which rules out "The
Hepner", "Police", "Last Tuesday", "New York"). A surname the article gives to two
different full names (a family) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import replace

from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.model import BriefSentence, Citation

# One capitalised word of a name: Hepner, O'Brien, Smith-Jones, McCain.
_NAME_WORD = r"[A-Z][a-z]*[a-z](?:['’][A-Z][a-z]+|-[A-Z]?[a-z]+)*(?:[A-Z][a-z]+)?"
_FULL_NAME = re.compile(
    rf"(?<![\w'’.-])(?P<first>{_NAME_WORD})(?:[ \t]+[A-Z]\.)?[ \t]+(?P<last>{_NAME_WORD})"
    r"(?![\w'’-]*[ \t]+[A-Z])"
)
_CAPITALISED = re.compile(rf"(?<![\w'’.-]){_NAME_WORD}(?![\w-])")
# Capitalised words that are never names whatever their case elsewhere: a day or month
# after a capitalised word ("Last Tuesday") is not a surname.
_NOT_NAMES = frozenset(word.capitalize() for word in (*WEEKDAYS, *MONTHS))
_SENTENCE_ENDS = (".", "!", "?", '"', "”", ":")
# Words after which a capitalised word is a place or a thing, not a person ("the
# University of Reading", "the Gull").
_NOT_BEFORE_PEOPLE = frozenset({"a", "an", "the", "of"})
# Brackets and quotation marks a word may open with ("(Coastal Wire)").
_OPENERS = "([{\"'“‘"
_PUNCTUATION = ".,;:!?\"'“”‘’()[]{}"
# Letters of the longest title written cut short ("Capt.", "Prof.", "Sen.", "Gov.").
_LONGEST_TITLE = 4
_OPENING_QUOTES = ("“", "‘")
_CLOSING_QUOTES = ("”",)


def full_names(
    text: str, lower_words: Container[str], surnames: Container[str] | None = None
) -> dict[str, tuple[int, int]]:
    """The full names of ``text`` by surname: the span of the first full name ending in it,
    for surnames given only one full name. ``lower_words`` are the words written in lower
    case in the articles (a first name or surname is never one of them); with
    ``surnames``, only full names ending in one of them are looked at."""
    spans: dict[str, tuple[int, int]] = {}
    names: dict[str, set[str]] = {}
    within: set[str] = set()
    for match in _FULL_NAME.finditer(text):
        first, last = match.group("first"), match.group("last")
        if (surnames is not None and last not in surnames) or _abbreviated(text, match.end()):
            continue
        words = text[max(0, match.start() - 40) : match.start()].split()
        preceding = words[-1].lstrip(_OPENERS) if words else ""
        if (
            first in _NOT_NAMES
            or last in _NOT_NAMES
            # "15th Century Timbuktu": after a number, a period or a thing.
            or preceding[:1].isdigit()
            or last.lower() in lower_words
            or first.lower() in lower_words
            # "Mary Ann Smith" is not "Ann Smith"; a title before ("Sen.", "Chief") is fine.
            or (
                preceding[:1].isupper()
                and not preceding.endswith(".")
                and preceding.lower() not in lower_words
            )
        ):
            continue
        names.setdefault(last, set()).add(f"{first} {last}")
        spans.setdefault(last, match.span())
        # "Sen. Ann Hepner": a short capitalised word with a full stop is a title.
        titled = preceding[:1].isupper() and preceding.endswith(".") and len(preceding) <= 5
        if preceding and (titled or not preceding.endswith(_SENTENCE_ENDS)):
            within.add(last)
    # A pair of capitalised words only ever at a sentence's start may be an adjective and
    # a noun ("Separatist Tuareg rebels ..."); a person is also named within a sentence.
    return {last: span for last, span in spans.items() if len(names[last]) == 1 and last in within}


def introduce_names(
    brief: Sequence[BriefSentence], texts: Mapping[str, str], budget: int | None = None
) -> list[BriefSentence]:
    """``brief`` with the first mention of each person that is a bare surname written as the
    full name its sentence's article gives (``texts``: article texts by id), outside
    quotation marks; a rewritten sentence also cites the full name's span. With a
    ``budget``, a name is written in full only while the brief stays within that many words."""
    lower_words = _LowerWords(texts.values())
    surnames = {
        match.group()
        for sentence in brief
        for match in _CAPITALISED.finditer(sentence.text)
        if not _follows_capitalised(sentence.text[: match.start()])
    }
    names: dict[str, dict[str, tuple[int, int]]] = {}
    said: list[str] = []
    introduced = []
    words = sum(len(sentence.text.split()) for sentence in brief)
    for sentence in brief:
        article_id = sentence.citations[0].article_id if sentence.citations else None
        if article_id is None or article_id not in texts:
            introduced.append(sentence)
            said.append(sentence.text)
            continue
        if article_id not in names:
            names[article_id] = full_names(texts[article_id], lower_words, surnames)
        text = texts[article_id]
        rewritten = _introduce(sentence, names[article_id], text, " ".join(said))
        added = len(rewritten.text.split()) - len(sentence.text.split())
        if budget is not None and words + added > budget:
            rewritten, added = sentence, 0
        words += added
        introduced.append(rewritten)
        said.append(rewritten.text)
    return introduced


def _introduce(
    sentence: BriefSentence, names: Mapping[str, tuple[int, int]], text: str, said: str
) -> BriefSentence:
    """``sentence`` with its first bare surname (one of ``names``, not written in full in
    ``said`` or before it in the sentence) written in full, or as it is."""
    for match in _CAPITALISED.finditer(sentence.text):
        surname = match.group()
        if surname not in names:
            continue
        start, end = names[surname]
        full = re.sub(r"\s+", " ", text[start:end])
        before = sentence.text[: match.start()]
        after = sentence.text[match.end() :].split()
        if (
            _abbreviated(sentence.text, match.end())
            or _follows_capitalised(before)
            or (before.split() and before.split()[-1] in _NOT_BEFORE_PEOPLE)
            or (after and after[0][:1].isupper())
            or _inside_quotation(before)
            or _introduced(surname, said + " " + before)
        ):
            # Part of a longer name or after a title ("Dr. Hepner"), said already, or
            # inside a quotation (never rewritten).
            continue
        citation = Citation(sentence.citations[0].article_id, start, end, 1.0)
        return replace(
            sentence,
            text=before + full + sentence.text[match.end() :],
            citations=(sentence.citations[0], citation, *sentence.citations[1:]),
        )
    return sentence


class _LowerWords:
    """The words written in lower case in ``texts``, listed on the first look-up (a brief
    with no candidate full name never needs them)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = texts
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            # Split on spaces: a regular expression per word, or over the text, cost more.
            self._words = frozenset(
                token.strip(_PUNCTUATION)
                for text in self._texts
                for token in text.split()
                if token[:1].islower()
            )
        return word in self._words


def _introduced(surname: str, said: str) -> bool:
    """True if ``said`` gives ``surname`` after a capitalised word: a first name or title."""
    return bool(re.search(rf"[A-Z][\w'’-]*\.?\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", said))


def _abbreviated(text: str, end: int) -> bool:
    """True if the word ending at ``end`` is a title cut short ("Sen. Ann Hepner", "Gov.
    Hepner"): at most four letters, a full stop, then a capitalised word."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return end - start <= _LONGEST_TITLE and bool(re.match(r"\.\s+[A-Z]", text[end:]))


def _follows_capitalised(before: str) -> bool:
    """True if the word before a surname is capitalised: part of a name or a title."""
    words = before.split()
    return bool(words) and words[-1].lstrip(_OPENERS)[:1].isupper()


def _inside_quotation(before: str) -> bool:
    """True if a quotation opened in ``before`` is still open (never rewrite a quotation)."""
    curly = sum(before.count(q) for q in _OPENING_QUOTES) > sum(
        before.count(q) for q in _CLOSING_QUOTES
    )
    return curly or before.count('"') % 2 == 1
