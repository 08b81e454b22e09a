"""Find fact-bearing expressions in an article and normalise their values.

A single left-to-right scan with regular expressions (no model needed):
dates first, then race times ("2:04:37"), then every numeral or run of number
words, which is classified by what stands around it — a currency marker
before or after (money), a per-cent sign or word (percent), a unit (quantity,
converted to SI base units), "-year-old" or "Name, 47," (age), a vote tally
("voted 9-2"), else a plain count. Each claim keeps its character span in
``Article.text``. The aligner later reads the words around each span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from newsfuse.facts.dates import find_dates
from newsfuse.facts.numbers import (
    DIGITS_PATTERN,
    NUMBER_WORDS_PATTERN,
    VAGUE_AMOUNTS,
    parse_number_words,
    parse_numeral,
    parse_scale,
)
from newsfuse.facts.units import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ISO_CURRENCY_RE,
    UNIT_PATTERN,
    lookup_unit,
)
from newsfuse.model import Article, Claim

# Words that make a number approximate when they stand right before it.
APPROXIMATORS = (
    "about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to"
    "|as many as|as much as|as high as|close to|an estimated|estimated|fewer than|less than"
    "|under|upwards of|just over|just under|well over|in excess of|no fewer than|~"
)
_APPROX_BEFORE_RE = re.compile(rf"(?:\b(?:{APPROXIMATORS})|~)\s*$", re.IGNORECASE)

# A person's age in apposition is at most this; larger numbers after "Name," are not ages.
MAX_AGE = 120
# Plain years (no unit, no separator) in this range are dated events ("built in 1967").
YEAR_RANGE = (1800, 2100)
# Words that make a "9-2" or "212 to 198" a vote tally rather than a range.
VOTE_WORDS_RE = re.compile(r"\b(?:vot\w*|ballots?|approv\w*|pass(?:ed|es)|reject\w*|tally)\b", re.I)
# Function words that may follow "3m" when it means three metres ("3m of water", "3m high").
_METRE_FOLLOWERS = frozenset(
    {"of", "in", "high", "deep", "long", "wide", "tall", "above", "below", "from", "away"}
    | {"and", "or", "to", "at", "across"}
)

_CURRENCY_PREFIX_RE = re.compile(
    r"(?:(?P<symbol>US\$|USD?\$|CA\$|AU\$|NZ\$|HK\$|[CASR]\$|\$|€|£|¥|₹|₩|\bRs\.?)\s?"
    r"|\b(?P<code>[A-Z]{3})\s)$"
)
_SCALE_AFTER_RE = re.compile(
    r"^\s?(?P<scale>(?:mio|mrd)\.|(?:million|billion|trillion|thousand|lakhs?|crores?|mln|bln|mio|mrd|mn|bn|tn|m|k|b)\b)",
    re.IGNORECASE,
)
_CURRENCY_WORD_AFTER_RE = re.compile(
    r"^\s?(?P<word>us dollars|dollars?|euros?|pounds sterling|sterling|yen|yuan|rupees|francs)\b"
    r"|^\s?(?P<symbol>€|£|\$)"
    r"|^\s(?P<code>[A-Z]{3})\b",
    re.IGNORECASE,
)
_POUNDS_AFTER_RE = re.compile(r"^\s?(?P<word>pounds?)\b", re.IGNORECASE)
_PERCENT_AFTER_RE = re.compile(
    r"^\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage points?\b)", re.IGNORECASE
)
_UNIT_AFTER_RE = re.compile(rf"^(?:\s|-|\u00a0)?(?P<unit>{UNIT_PATTERN})", re.IGNORECASE)
_AGE_AFTER_RE = re.compile(r"^(?:-|\s)years?(?:-|\s)old\b", re.IGNORECASE)
_AGE_BEFORE_RE = re.compile(r"\b(?:aged|age)\s+$", re.IGNORECASE)
# "Name, 47," (US style) or "Name (47)" (British style).
_APPOSITION_BEFORE_RE = re.compile(r"\b[A-Z][\w'’-]+(?:,\s|\s\()$")
_APPOSITION_AFTER_RE = re.compile(r"^(?:,|\.|;|\)|\s+(?:who|was|is|has|had|said)\b)")
_TALLY_AFTER_RE = re.compile(r"^(?:\s+votes?)?\s*(?:-|–|—|\s+to\s+)\s*(?=\w)", re.IGNORECASE)
_RACE_TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
_CLOCK_AFTER_RE = re.compile(r"^(?::\d\d|\s?[ap]\.?m\b\.?|\s?(?:GMT|UTC|BST|CET|EST|PST)\b)", re.I)
_NOT_A_QUANTITY_BEFORE_RE = re.compile(r"(?:[A-Za-z]|No\.\s?|#|:)$")
_ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(VAGUE_AMOUNTS, key=len, reverse=True)) + r")\s+of\b", re.IGNORECASE
)
_NUMBER_RE = re.compile(rf"(?P<digits>{DIGITS_PATTERN})|(?P<words>{NUMBER_WORDS_PATTERN})", re.I)
_LONE_MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
# What "tons" weighs in copy that otherwise writes metric units (see writes_metric).
METRIC_TON_KG = 1000.0
_METRIC_RE = re.compile(
    r"\d\s?(?:km|kilomet|metres?\b|meters?\b|kg\b|kilograms?|tonnes?|°C|cm\b|mm\b|hectares?)",
    re.IGNORECASE,
)
_IMPERIAL_RE = re.compile(
    r"\d\s?(?:miles?|feet|foot|ft\b|pounds?\b|lbs?\b|inch|yards?|°F|mph|acres?|gallons?)",
    re.IGNORECASE,
)
# Parenthetical conversions: "40 miles (65km)", "110 mph (177 km/h)".
_PAREN_OPEN_RE = re.compile(r"^\s*\(\s*(?:about\s+|around\s+|roughly\s+)?$")
# Joins between the parts of a spelled-out duration ("2 hours, 4 minutes and 37 seconds").
_DURATION_JOIN_RE = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s+)$")


def writes_metric(text: str) -> bool:
    """Whether a text measures in metric units only (km, metres, kg, tonnes, °C).

    Copy that measures everything else in metric means tonnes by "tons"
    (British, Indian and European English); US copy, with miles and pounds,
    means short tons.
    """
    return _METRIC_RE.search(text) is not None and _IMPERIAL_RE.search(text) is None


def uses_decimal_comma(text: str) -> bool:
    """Whether a text writes decimals with a comma ("3,2 Mio", "1.200.000").

    Decided once per article: it shows decimal commas ("3,2") or dotted
    thousands ("1.200.000") and no English thousands groups ("1,200").
    """
    european = re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3}\.\d{3}", text) is not None
    english = re.search(r"\d,\d{3}(?!\d)", text) is not None
    return european and not english


def scan_claims(article: Article) -> list[Claim]:
    """All numeric and date claims in ``article.text``, in text order.

    People, places and organisations come from :mod:`newsfuse.facts.entities`.
    """
    text = article.text
    published = article.published.date() if article.published else None
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    for mention in find_dates(text, published):
        claims.append(
            Claim(
                article.id,
                mention.start,
                mention.end,
                mention.text,
                "date",
                mention.day.isoformat() if mention.day is not None else mention.weekday,
            )
        )
        taken.append((mention.start, mention.end))
    for match in _RACE_TIME_RE.finditer(text):
        if _CLOCK_AFTER_RE.match(text[match.end() :]):
            continue
        hours, minutes, seconds = (int(group) for group in match.groups())
        claims.append(
            Claim(
                article.id,
                match.start(),
                match.end(),
                match.group(0),
                "quantity",
                float(hours * 3600 + minutes * 60 + seconds),
                "s",
                approximate=_is_approximate(text, match.start()),
            )
        )
        taken.append((match.start(), match.end()))
    claims.extend(_scan_numbers(article, published, taken))
    claims.sort(key=lambda claim: (claim.start, claim.end))
    return _merge_durations(_merge_conversions(claims, text), text)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _is_approximate(text: str, start: int) -> bool:
    return _APPROX_BEFORE_RE.search(text[max(0, start - 30) : start]) is not None


def _scan_numbers(
    article: Article, published: date | None, taken: list[tuple[int, int]]
) -> Iterator[Claim]:
    text = article.text
    decimal_comma = uses_decimal_comma(text)
    tally_second: set[int] = set()
    for match in _VAGUE_RE.finditer(text):
        phrase = re.sub(r"\s+of$", "", match.group(0).lower())
        end = match.start() + len(phrase)
        yield Claim(
            article.id, match.start(), end, text[match.start() : end], "count",
            VAGUE_AMOUNTS[phrase], vague=True, approximate=True,
        )  # fmt: skip
        taken.append((match.start(), end))
    last_end = 0
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        if start < last_end or _overlaps(start, end, taken):
            continue
        if match.group("words") and match.group("words").lower() in _LONE_MULTIPLIERS:
            continue  # "million" in "210 million": already read as a scale
        before = text[max(0, start - 40) : start]
        after = text[end : end + 60]
        if match.group("digits"):
            if _NOT_A_QUANTITY_BEFORE_RE.search(before) or _ORDINAL_AFTER_RE.match(after):
                continue
            if _CLOCK_AFTER_RE.match(after) or re.match(r"^[A-Za-z]{1,2}\d", after):
                continue
            if re.match(r"^s\b", after):
                continue  # "the 1920s", "in their 20s": a decade or an age band, not a figure
            value = parse_numeral(match.group("digits"), decimal_comma=decimal_comma)
        else:
            value = parse_number_words(match.group("words"))
        if value is None:
            continue
        claim = _classify(
            article, start, end, value, before, after, match.group("words") is not None
        )
        if claim is None:
            continue
        if start in tally_second:
            claim = replace(claim, attribute="votes against")
        elif claim.kind == "count" and VOTE_WORDS_RE.search(_sentence_around(text, start)):
            tally = _TALLY_AFTER_RE.match(text[claim.end : claim.end + 20])
            if tally is not None:
                claim = replace(claim, attribute="votes for")
                tally_second.add(claim.end + tally.end())
        last_end = claim.end
        yield claim


def _sentence_around(text: str, position: int) -> str:
    left = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position))
    right_candidates = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def _classify(
    article: Article,
    start: int,
    end: int,
    value: float,
    before: str,
    after: str,
    spelled: bool,
) -> Claim | None:
    """Turn one number at ``[start, end)`` into a claim by what surrounds it."""
    text = article.text
    approximate = _is_approximate(text, start)

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
    prefix = _CURRENCY_PREFIX_RE.search(before)
    if prefix is not None:
        if prefix.group("symbol"):
            symbol = prefix.group("symbol").lower().replace("usd$", "us$")
            currency = CURRENCY_SYMBOLS.get(symbol, "USD")
        elif prefix.group("code") and ISO_CURRENCY_RE.fullmatch(prefix.group("code")):
            currency = prefix.group("code")
        if currency is not None:
            span_start = start - (len(before) - prefix.start())
    cursor = end
    scale_match = _SCALE_AFTER_RE.match(after)
    scaled = False
    if scale_match is not None:
        word = scale_match.group("scale")
        rest = after[scale_match.end() :]
        is_scale = True
        if word.lower() == "m" and currency is None:
            # "3m" is three metres unless a noun follows ("2.1m bottles", "12.5m people").
            follower = re.match(r"^\s+([a-z]+)", rest)
            is_scale = follower is not None and follower.group(1) not in _METRE_FOLLOWERS
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
                after = text[cursor : cursor + 60]
    if currency is None:
        word_match = _CURRENCY_WORD_AFTER_RE.match(after)
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
            pounds = _POUNDS_AFTER_RE.match(after)
            if pounds is not None:
                currency = "GBP"
                cursor += pounds.end()
    if currency is not None:
        return make("money", value, currency, cursor, span_start)
    if _PERCENT_AFTER_RE.match(after):
        percent = _PERCENT_AFTER_RE.match(after)
        assert percent is not None
        return make("percent", value, "%", cursor + percent.end())
    if _AGE_AFTER_RE.match(after) and value <= MAX_AGE:
        age = _AGE_AFTER_RE.match(after)
        assert age is not None
        return make("age", value, None, cursor + age.end())
    unit_match = _UNIT_AFTER_RE.match(after)
    if unit_match is not None and not scaled:
        alias = unit_match.group("unit")
        unit = lookup_unit(alias.replace("-", " "))
        # "1990s" and "20s" are decades and ages, not seconds.
        decade = alias.lower() == "s" and unit_match.start("unit") == 0
        if (
            unit is not None
            and not decade
            and not (alias.lower() == "m" and re.match(r"^m\w", after.strip()))
        ):
            factor = unit.factor
            if alias.lower() in ("ton", "tons") and writes_metric(text):
                factor = METRIC_TON_KG  # "tons" in metric copy means tonnes
            base_value = (value + unit.offset) * factor
            return make("quantity", base_value, unit.base, cursor + unit_match.end())
    if (
        value.is_integer()
        and value <= MAX_AGE
        and not scaled
        and (
            _AGE_BEFORE_RE.search(before)
            or (_APPOSITION_BEFORE_RE.search(before) and _APPOSITION_AFTER_RE.match(after))
        )
    ):
        return make("age", value, None, cursor)
    if spelled and value == 1 and not scaled:
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


def _merge_conversions(claims: list[Claim], text: str) -> list[Claim]:
    """Fold "40 miles (65km)" into one claim: the parenthesis restates the same quantity."""
    merged: list[Claim] = []
    for claim in claims:
        if merged:
            previous = merged[-1]
            gap = text[previous.end : claim.start]
            if (
                previous.kind == claim.kind
                and previous.kind in ("quantity", "money")
                and previous.unit == claim.unit
                and _PAREN_OPEN_RE.match(gap)
                and text[claim.end : claim.end + 1] == ")"
            ):
                merged[-1] = replace(
                    previous, end=claim.end + 1, text=text[previous.start : claim.end + 1]
                )
                continue
        merged.append(claim)
    return merged


def _merge_durations(claims: list[Claim], text: str) -> list[Claim]:
    """Fold "2 hours, 4 minutes and 37 seconds" into one duration of 7477 s."""
    merged: list[Claim] = []
    for claim in claims:
        if merged:
            previous = merged[-1]
            if (
                previous.unit == "s"
                and claim.unit == "s"
                and isinstance(previous.value, float)
                and isinstance(claim.value, float)
                and claim.value < previous.value
                and _DURATION_JOIN_RE.match(text[previous.end : claim.start])
            ):
                merged[-1] = replace(
                    previous,
                    end=claim.end,
                    text=text[previous.start : claim.end],
                    value=previous.value + claim.value,
                )
                continue
        merged.append(claim)
    return merged
