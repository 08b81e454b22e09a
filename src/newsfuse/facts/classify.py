"""What a number in an article is, by what stands around it.

A currency marker before or after makes it money, a per-cent sign or word a
percentage, a unit a quantity (converted to SI base units), "-year-old" or
"Name, 47," an age; else it is a plain count, or a year when it looks like one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfuse.facts.numbers import parse_scale
from newsfuse.facts.params import FactParams
from newsfuse.facts.patterns import (
    AGE_AFTER_RE,
    AGE_BEFORE_RE,
    AGE_STATISTIC_BEFORE_RE,
    AGE_STATISTIC_REACH,
    APPOSITION_AFTER_RE,
    APPOSITION_BEFORE_RE,
    APPROX_BEFORE_RE,
    COPULA_AGE_AFTER_RE,
    COPULA_AGE_BEFORE_RE,
    CURRENCY_PREFIX_RE,
    CURRENCY_WORD_AFTER_RE,
    IMPERIAL_RE,
    LENGTH_CONTEXT_RE,
    METRE_FOLLOWERS,
    METRIC_RE,
    MONEY_CONTEXT_RE,
    ONE_DEATH_AFTER_RE,
    PERCENT_AFTER_RE,
    POUNDS_AFTER_RE,
    SCALE_AFTER_RE,
    UNIT_ADJECTIVE_RE,
    UNIT_AFTER_RE,
    YEARS_AFTER_RE,
)
from newsfuse.facts.porter import porter_stem
from newsfuse.facts.units import CURRENCY_SYMBOLS, CURRENCY_WORDS, ISO_CURRENCY_RE, lookup_unit
from newsfuse.model import Article, Claim

# A person's age in apposition is at most this; larger numbers after "Name," are not ages.
MAX_AGE = 120
# Seconds in the year of :mod:`newsfuse.facts.units` (365.25 days), to know "years".
YEAR_SECONDS = 365.25 * 86400.0
# What follows a number of years that is the age of a thing ("years old", "years ago").
THING_AGE_AFTER_RE = re.compile(r"^(?:\s+|-)(?:old|ago)\b", re.IGNORECASE)
# Plain years (no unit, no separator) in this range are dated events ("built in 1967").
YEAR_RANGE = (1800, 2100)
# What "tons" weighs in copy that otherwise writes metric units (see writes_metric).
METRIC_TON_KG = 1000.0
# Shortest unit read after a spelled scale ("3.7 million km") and after a suffix ("4m
# miles", "2bn tonnes"): after a suffix only a spelled unit, since "12m m" is no unit.
SHORTEST_UNIT_AFTER_SPELLED_SCALE = 2
SHORTEST_UNIT_AFTER_SUFFIX = 3


def writes_metric(text: str) -> bool:
    """Whether a text measures in metric units only (km, metres, kg, tonnes, °C).

    Copy that measures everything else in metric means tonnes by "tons"
    (British, Indian and European English); US copy, with miles and pounds,
    means short tons.
    """
    return METRIC_RE.search(text) is not None and IMPERIAL_RE.search(text) is None


def sentence_around(text: str, position: int) -> str:
    """The sentence holding ``position``, cut at ". " and line breaks (no parse needed)."""
    left = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position))
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    return text[left + 1 : min(ends) if ends else len(text)]


# A glued "m" that can only be metres: after a number, before punctuation or a word of
# place or measure ("cruising at 11,300m,", "3m high"), with no currency before it.
_PLAIN_METRES_RE = re.compile(
    r"(?<![$€£¥₹\d.,])(?<![$€£¥₹]\s)\d[\d,.]*m(?:[,.;:)]|\s+(?:"
    + "|".join(sorted(METRE_FOLLOWERS))
    + r")\b)"
)
# A glued "m" after a currency: the article writes millions that way.
_MONEY_M_RE = re.compile(r"[$€£¥₹]\s?\d[\d,.]*m\b")


def _m_means_metres(text: str, start: int, spaced: bool) -> bool:
    """Whether an "m" after the number at ``start`` (no currency before it) is metres,
    though a word follows it ("294 m tower", "a loss of 1,830m over three minutes").

    A money word in the sentence means million. Else a spaced "m" is metres (million is
    written "294m" or "294 million"); so is a glued one in a sentence of height, length or
    depth, or in an article whose other glued "m" are plainly metres and none money
    (one sense per discourse, Gale, Church & Yarowsky 1992).
    """
    sentence = sentence_around(text, start)
    if MONEY_CONTEXT_RE.search(sentence):
        return False
    if spaced or LENGTH_CONTEXT_RE.search(sentence):
        return True
    return _PLAIN_METRES_RE.search(text) is not None and _MONEY_M_RE.search(text) is None


# Words ending in "s" that are not plural nouns ("5,000m is", "10,000m across").
_NOT_PLURAL_S = frozenset(
    {"was", "has", "is", "as", "its", "his", "this", "thus", "plus", "less", "across"}
    | {"perhaps", "towards", "afterwards", "whereas", "always", "yes", "besides"}
)
# Nouns whose plural takes no "s": a counted noun all the same ("2m people").
_UNMARKED_PLURALS = frozenset({"people", "men", "women", "children", "cattle", "sheep"})


def _is_counted_noun(word: str) -> bool:
    """Whether ``word`` reads as a plural noun, the thing a glued "m" would count."""
    word = word.lower()
    if word in _UNMARKED_PLURALS:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_PLURAL_S
    )


def _counts_after_m(text: str, start: int, rest: str) -> bool:
    """Whether a glued "m" (no currency) after the number at ``start`` is million.

    It is where the sentence speaks of money, or where a counted noun follows, at once
    or after one modifier ("2m people", "1.2m new homes"). Else it is metres: sport and
    distances write "a 5,000m record", "the 10,000m on Friday".
    """
    if MONEY_CONTEXT_RE.search(sentence_around(text, start)):
        return True
    words = re.findall(r"[A-Za-z]+", rest[:40])[:2]
    if not words:
        return False
    if _is_counted_noun(words[0]):
        return True
    return (
        len(words) > 1
        and words[0].lower() not in METRE_FOLLOWERS
        and words[0].lower() not in _NOT_PLURAL_S
        and _is_counted_noun(words[1])
    )


def is_approximate(text: str, start: int) -> bool:
    """Whether an approximator ("about", "nearly", "~") stands right before ``start``."""
    return APPROX_BEFORE_RE.search(text[max(0, start - 30) : start]) is not None


def classify_number(
    article: Article,
    start: int,
    end: int,
    value: float,
    before: str,
    after: str,
    spelled: bool,
    params: FactParams | None = None,
) -> Claim | None:
    """Turn one number at ``[start, end)`` into a claim by what surrounds it.

    ``params`` switches the readings its fields name: metres by context (see
    :func:`_m_means_metres`), "One person has died" as a count, an adjective between a
    number and its unit ("two full days"), an age after "she was" (``None``: defaults).
    """
    params = params if params is not None else FactParams()
    text = article.text
    approximate = is_approximate(text, start)

    def make(
        kind: str, number: float, unit: str | None, span_end: int, span_start: int = start
    ) -> Claim:
        return Claim(
            article.id,
            span_start,
            span_end,
            text[span_start:span_end],
            kind,  # type: ignore[arg-type]
            number,
            unit,
            approximate=approximate,
        )

    currency: str | None = None
    span_start = start
    prefix = CURRENCY_PREFIX_RE.search(before)
    if prefix is not None:
        if prefix.group("symbol"):
            symbol = prefix.group("symbol").lower().replace("usd$", "us$")
            currency = CURRENCY_SYMBOLS.get(symbol, "USD")
        elif prefix.group("code") and ISO_CURRENCY_RE.fullmatch(prefix.group("code")):
            currency = prefix.group("code")
        if currency is not None:
            span_start = start - (len(before) - prefix.start())
    cursor = end
    scale_match = SCALE_AFTER_RE.match(after)
    scaled = False
    spelled_scale = False  # "million", not "m": a unit may follow ("3.7 million miles")
    if scale_match is not None:
        word = scale_match.group("scale")
        rest = after[scale_match.end() :]
        is_scale = True
        if word.lower() == "m" and currency is None:
            # "3m" is three metres unless a noun follows ("2.1m bottles", "12.5m people").
            follower = re.match(r"^\s+([a-z]+)", rest)
            is_scale = follower is not None and follower.group(1) not in METRE_FOLLOWERS
            if is_scale and params.metres_by_context:
                # A unit of time after "m" cannot follow metres: "72m years" is million.
                time_unit = lookup_unit(follower.group(1)) if follower is not None else None
                timed = time_unit is not None and time_unit.base == "s"
                spaced = scale_match.group(0)[0].isspace()
                is_scale = timed or not _m_means_metres(text, start, spaced)
                if is_scale and not timed and params.million_m_needs_counted_noun:
                    is_scale = _counts_after_m(text, start, rest)
        if word.lower() in ("k", "b") and (currency is None or " " in scale_match.group(0)):
            is_scale = currency is not None and word.lower() in ("k", "b")
        if word.lower() == "thousand" and spelled:
            is_scale = False  # already part of the number words
        if is_scale:
            factor = parse_scale(word)
            if factor is not None:
                value *= factor
                cursor = end + scale_match.end()
                scaled = True
                spelled_scale = len(word) > 2
                after = text[cursor : cursor + 60]
    if currency is None:
        word_match = CURRENCY_WORD_AFTER_RE.match(after)
        if word_match is not None:
            if word_match.group("word"):
                currency = CURRENCY_WORDS[word_match.group("word").lower()]
            elif word_match.group("symbol"):
                currency = CURRENCY_SYMBOLS[word_match.group("symbol").lower()]
            elif ISO_CURRENCY_RE.fullmatch(word_match.group("code")):
                currency = word_match.group("code")
            if currency is not None:
                cursor += word_match.end()
        elif scaled or re.search(r"\bsterling\b", after[:30], re.IGNORECASE):
            pounds = POUNDS_AFTER_RE.match(after)
            if pounds is not None:
                currency = "GBP"
                cursor += pounds.end()
    if currency is not None:
        return make("money", value, currency, cursor, span_start)
    if PERCENT_AFTER_RE.match(after):
        percent = PERCENT_AFTER_RE.match(after)
        assert percent is not None
        return make("percent", value, "%", cursor + percent.end())
    statistic = (
        AGE_STATISTIC_BEFORE_RE.search(text, max(0, start - AGE_STATISTIC_REACH), start)
        if params.statistic_ages
        else None
    )
    if statistic is not None and value <= MAX_AGE and not scaled and not AGE_AFTER_RE.match(after):
        # "the median age rose to 41.2 years", "their average age was 7": an age, as the
        # contract counts ages; a figure in another unit ("5 months") is no age statistic.
        # The statistic is its attribute: a group's median is no person's age, nor an average.
        years = YEARS_AFTER_RE.match(after)
        if years is not None or UNIT_AFTER_RE.match(after) is None:
            statistic_age = make("age", value, None, cursor + (years.end() if years else 0))
            return replace(
                statistic_age, attribute=porter_stem(statistic.group("statistic").lower())
            )
    if AGE_AFTER_RE.match(after) and value <= MAX_AGE:
        age = AGE_AFTER_RE.match(after)
        assert age is not None
        return make("age", value, None, cursor + age.end())
    unit_match = UNIT_AFTER_RE.match(after)
    unit_offset = 0  # "two full days": the unit after the adjective, the span through it
    adjective = UNIT_ADJECTIVE_RE.match(after) if params.adjective_before_unit else None
    if unit_match is None and adjective is not None:
        unit_match = UNIT_AFTER_RE.match(after[adjective.end() :])
        unit_offset = adjective.end()
    shortest_unit = (
        SHORTEST_UNIT_AFTER_SPELLED_SCALE if spelled_scale else SHORTEST_UNIT_AFTER_SUFFIX
    )
    if unit_match is not None and (not scaled or len(unit_match.group("unit")) >= shortest_unit):
        alias = unit_match.group("unit")
        unit = lookup_unit(alias.replace("-", " "))
        # "1990s" and "20s" are decades and ages, not seconds.
        decade = alias.lower() == "s" and unit_match.start("unit") == 0
        if (
            unit is not None
            and not decade
            and not (alias.lower() == "m" and re.match(r"^m\w", after[unit_offset:].strip()))
        ):
            factor = unit.factor
            span_end = cursor + unit_offset + unit_match.end()
            if (
                params.ages_of_things_in_years
                and unit.base == "s"
                and factor == YEAR_SECONDS
                and value > MAX_AGE
                and THING_AGE_AFTER_RE.match(text[span_end : span_end + 10])
            ):
                # "183 million years old", "72m years ago": an age in years, as the
                # contract counts ages; above a person's age, so no person's age meets it.
                return make("age", value, None, span_end)
            if alias.lower() in ("ton", "tons") and writes_metric(text):
                factor = METRIC_TON_KG  # "tons" in metric copy means tonnes
            base_value = (value + unit.offset) * factor
            return make("quantity", base_value, unit.base, cursor + unit_offset + unit_match.end())
    if (
        value.is_integer()
        and value <= MAX_AGE
        and not scaled
        and (
            AGE_BEFORE_RE.search(before)
            or (APPOSITION_BEFORE_RE.search(before) and APPOSITION_AFTER_RE.match(after))
            or (
                params.copula_ages
                and COPULA_AGE_BEFORE_RE.search(before)
                and COPULA_AGE_AFTER_RE.match(after)
            )
        )
    ):
        return make("age", value, None, cursor)
    if (
        spelled
        and value == 1
        and not scaled
        and not (params.lone_deaths_count_one and ONE_DEATH_AFTER_RE.match(after))
    ):
        return None  # "one of the cities": a pronoun far more often than a count
    claim = make("count", value, None, cursor)
    if (
        not spelled
        and not scaled
        and value.is_integer()
        and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
        and "," not in claim.text
    ):
        return replace(claim, attribute="year")
    return claim
