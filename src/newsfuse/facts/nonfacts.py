"""Figures that are no facts of the story: numbers a text prints that no report claims.

A phone number ("954-493-TIPS", "(305) 555-0100"), an emergency number dialled ("called
911"), a street address ("1600 Pennsylvania Avenue", "the 300 block of Oak Street"),
page furniture counted in capitals ("7 PHOTOS") and a number that is part of a proper
name ("Channel 4", "30 Rock", "Three Rivers Hospital") each read as a count to the
number scanner, and each became a fact-table row of its own that a reader cannot
understand. Each class is recognised by its written form (:func:`no_fact_class`),
and a name also by the recogniser's entity spans (:func:`inside_proper_name`).
Each class is switched by a :class:`~newsfuse.facts.params.FactParams` field.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsfuse.calendar_words import MONTHS, WEEKDAYS
from newsfuse.facts.eras import YEAR_RE
from newsfuse.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsfuse.facts.params import FactParams

# A North American phone number: "954-493-1234", "954-493-TIPS" (a word keypad), "(305)
# 555-0100", "1-800-222-1222", with dots as well as hyphens.
PHONE_RE = re.compile(
    r"(?<![\w$£€])(?:1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.](?:\d{4}|[A-Z]{4,7})(?![\w-])"
)
# A local number of seven digits after a word that asks the reader to call it ("call
# 555-0100"): without one, "500-1000" is more often a range.
LOCAL_PHONE_RE = re.compile(
    r"\b(?i:call|calling|phone|telephone|dial|text|line|number|hotline)\s+"
    r"(?P<phone>\d{3}-\d{4})(?![\w-])"
)
# An emergency number ("911", "999", "112") dialled or heard: after a verb of calling or
# before the call, its operator or its centre ("a 911 call", "999 operators").
EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})
EMERGENCY_BEFORE_RE = re.compile(
    r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phon(?:ed|ing)|rang|ringing|alert(?:ed|ing))"
    r"\s+$",
    re.IGNORECASE,
)
EMERGENCY_AFTER_RE = re.compile(
    r"^[\s-]*(?:calls?|callers?|dispatch\w*|operators?|cent(?:er|re)s?|lines?|tapes?|"
    r"recordings?|system|services?|emergency|hang-?ups?)\b",
    re.IGNORECASE,
)
# Words that end a street's name (abbreviations with or without their full stop); not
# "Court", "Place" or "Close", which end other names ("3 Supreme Court justices").
_STREET_WORDS = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Terrace|Parkway|"
    r"Pkwy|Highway|Hwy|Square|Crescent|Alley|Pike)"
)
# A street address: a house number, perhaps "block of", a direction, then capitalised
# or ordinal street words and a street word ("1600 Pennsylvania Avenue", "221B Baker
# Street", "the 300 block of Oak Street", "45 W. 34th St.").
ADDRESS_RE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,5})[A-Z]?(?:-\d{1,5})?\s+(?:block\s+of\s+)?"
    r"(?:(?:[NSEW]\.?|North|South|East|West)\s+)?"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+\.?)(?:\s+[A-Z][a-z]+\.?){0,3}\s+"
    rf"{_STREET_WORDS}\b"
)
# "the 300 block of" with any street after it: a stretch of a street, not 300 of anything.
BLOCK_OF_RE = re.compile(r"\bthe\s+(?P<number>\d{1,5})\s+block\s+of\b", re.IGNORECASE)
# Page furniture: a gallery or video count a page prints in capitals ("7 PHOTOS",
# "VIEW 12 IMAGES"), not a sentence's figure.
FURNITURE_AFTER_RE = re.compile(
    r"^\s+(?:PHOTOS?|VIDEOS?|IMAGES?|PICTURES?|SLIDES?|PICS|GALLERY|GALLERIES)\b"
)
# Capitalised words that stand before a figure without naming anything: sentence
# openers, hedges and calendar words ("About 40", "In 2010", "Monday 5").
_NOT_NAME_WORDS = frozenset({
    "a", "about", "after", "against", "all", "almost", "also", "an", "and", "another", "any",
    "around", "at", "before", "between", "but", "by", "during", "each", "every", "for",
    "from", "if", "in", "including", "just", "last", "less", "like", "more", "most",
    "nearly", "next", "no", "not", "of", "on", "only", "or", "over", "per", "roughly",
    "some", "than", "that", "the", "these", "this", "those", "through", "to", "under",
    "until", "up", "when", "while", "with", "within",
}) | frozenset(WEEKDAYS) | frozenset(MONTHS)  # fmt: skip
# A capitalised word before a figure ("Channel 4", "Apollo 11"), and one after a figure
# or a capitalised number word ("30 Rock", "Three Rivers Hospital").
_NAME_WORD_BEFORE_RE = re.compile(r"(?P<word>[A-Z][A-Za-z]+)\s$")
_NAME_WORD_AFTER_RE = re.compile(
    r"^\s(?P<word>[A-Z][a-z]+)(?P<rest>(?:\s+[A-Z][a-z]+)*)"
    r"(?P<after>['’]s\b|(?:\s+[a-z]+){0,2}\s+(?!(?:was|has|does|says)\b)(?:[a-z]+[^s\W]s|[A-Z]{2,}s)\b)?"
)
# Names hold short numbers ("30 Rock", "7 Eleven"); a figure in the thousands before a
# capitalised word counts a brand's goods ("412,000 Orion sport utility vehicles").
NAME_NUMBER_MAX = 1000
# Titles before a person's name: "mother of 10 Mrs McConville" counts children.
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})
# What follows a name holding a number: not a count's noun in the plural ("gave Clinton 30
# delegates" counts delegates; "Apollo 11 mission" names one mission).
_PLURAL_NOUN_AFTER_RE = re.compile(r"^\s+[a-z]+s\b")
# A demonym or a party adjective after a count is the counted kind ("3 Republican
# senators", "two Chinese firms"), not a name: its usual endings.
_DEMONYM_RE = re.compile(r"(?:an|ese|ish|ic|i)$")
# Words of a line around a figure looked at to tell title case (a headline, where every
# word is capitalised, "Three Killed In Crash") from a name inside a sentence.
# A headline capitalises every word but short function words ("in", "with", "from").
_TITLE_CASE_WINDOW = 60
_TITLE_CASE_MIN_WORDS = 3
_SHORT_WORD = 4
# How much text either side of a count is read for the words that mark it: enough for a
# verb of calling or a name of a few words ("called 911", "at Three Rivers Hospital").
_CONTEXT_CHARS = 40
# Entity labels of the recogniser whose spans name one thing, a number inside included
# ("Channel 4" ORG, "Three Rivers Hospital" FAC, "30 Rock" WORK_OF_ART).
NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "WORK_OF_ART", "PRODUCT"})


def no_fact_spans(text: str, params: FactParams) -> list[tuple[int, int, str]]:
    """The spans of phone numbers, addresses and page furniture in ``text``, each with its
    class ("phone", "address", "furniture"), as the switches of ``params`` ask."""
    spans: list[tuple[int, int, str]] = []
    if params.phone_numbers_are_no_facts:
        spans.extend((m.start(), m.end(), "phone") for m in PHONE_RE.finditer(text))
        spans.extend((*m.span("phone"), "phone") for m in LOCAL_PHONE_RE.finditer(text))
    if params.addresses_are_no_facts:
        spans.extend((*m.span("number"), "address") for m in ADDRESS_RE.finditer(text))
        spans.extend((*m.span("number"), "address") for m in BLOCK_OF_RE.finditer(text))
    return spans


def no_fact_class(
    claim: Claim, text: str, spans: list[tuple[int, int, str]], params: FactParams
) -> str:
    """Why ``claim`` is no fact of the story ("phone", "emergency", "address",
    "furniture", "name"), else "". ``spans`` are :func:`no_fact_spans` of ``text``."""
    if claim.kind == "date":
        return ""
    for start, end, kind in spans:
        if claim.start < end and start < claim.end:
            return kind
    if claim.kind != "count":
        return ""
    before = text[max(0, claim.start - _CONTEXT_CHARS) : claim.start]
    after = text[claim.end : claim.end + _CONTEXT_CHARS]
    if (
        params.emergency_numbers_are_no_facts
        and claim.text in EMERGENCY_NUMBERS
        and (EMERGENCY_BEFORE_RE.search(before) or EMERGENCY_AFTER_RE.match(after))
    ):
        return "emergency"
    if params.page_furniture_is_no_fact and FURNITURE_AFTER_RE.match(after):
        return "furniture"
    if params.numbers_in_names_are_no_facts and _in_title_case_name(claim, text, before, after):
        return "name"
    return ""


def _in_title_case_name(claim: Claim, text: str, before: str, after: str) -> bool:
    """Whether a count is part of a title-case compound inside a sentence: a capitalised
    word before a numeral ("Channel 4 reported"), or a numeral or capitalised number
    word before a capitalised word ("30 Rock", "at Three Rivers Hospital"), and no plural
    noun after it that it counts. A headline's title case names nothing."""
    if _PLURAL_NOUN_AFTER_RE.match(after) or _is_title_case_line(text, claim.start):
        return False
    if YEAR_RE.fullmatch(claim.text):
        return False  # "New Year's Day 2018": a year dates a named day, names nothing
    spelled = not claim.text[:1].isdigit()
    if not spelled:
        word_before = _NAME_WORD_BEFORE_RE.search(before)
        if word_before is not None and _names_something(word_before.group("word"), before):
            return True
    if spelled and not (claim.text[:1].isupper() and _inside_sentence(before)):
        return False
    word_after = _NAME_WORD_AFTER_RE.match(after)
    if word_after is None or (not spelled and float(claim.value) >= NAME_NUMBER_MAX):
        return False
    if word_after.group("after") or word_after.group("word") in _HONORIFICS:
        return False  # "11 Secret Service agents", "400 Dickey's": what the figure counts
    words = [word_after.group("word"), *word_after.group("rest").split()]
    return not (words[-1].endswith("s") or _DEMONYM_RE.search(words[0]))


def _names_something(word: str, before: str) -> bool:
    """Whether a capitalised word before a figure is a name's word: not a function or
    calendar word, and not the first word of its sentence."""
    if word.lower() in _NOT_NAME_WORDS:
        return False
    return _inside_sentence(before[: len(before) - len(word) - 1])


def _inside_sentence(before: str) -> bool:
    """Whether the text before a word goes on a sentence (a word or comma ends it)."""
    stripped = before.rstrip()
    return bool(stripped) and (stripped[-1].isalnum() or stripped[-1] in ",;")


def _is_title_case_line(text: str, at: int) -> bool:
    """Whether the words around ``at`` are all capitalised, as a headline's are."""
    start = max(text.rfind("\n", 0, at) + 1, at - _TITLE_CASE_WINDOW)
    end = text.find("\n", at)
    end = min(end if end >= 0 else len(text), at + _TITLE_CASE_WINDOW)
    words = [w for w in re.findall(r"[A-Za-z]+", text[start:end]) if len(w) > _SHORT_WORD]
    return len(words) >= _TITLE_CASE_MIN_WORDS and all(word[0].isupper() for word in words)


def without_no_facts(claims: list[Claim], text: str, params: FactParams) -> list[Claim]:
    """``claims`` less those :func:`no_fact_class` finds no fact of the story."""
    spans = no_fact_spans(text, params)
    return [claim for claim in claims if not no_fact_class(claim, text, spans, params)]


def inside_proper_name(claim: Claim, doc: Doc) -> bool:
    """Whether a count stands inside a name the recogniser found (an entity of
    :data:`NAME_LABELS` with a word besides the number: "Channel 4", "30 Rock")."""
    if claim.kind != "count" or YEAR_RE.fullmatch(claim.text):
        return False
    for entity in doc.ents:
        if entity.label_ not in NAME_LABELS:
            continue
        if entity.start_char <= claim.start and claim.end <= entity.end_char:
            rest = doc.text[entity.start_char : claim.start] + doc.text[claim.end : entity.end_char]
            return re.search(r"[A-Za-z]{2,}", rest) is not None
    return False
