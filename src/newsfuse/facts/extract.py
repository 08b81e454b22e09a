"""Find fact-bearing expressions in an article and normalise their values.

A single left-to-right scan with regular expressions (no model needed):
dates first, then race times ("2:04:37"), then every numeral or run of number
words, which is classified by what stands around it (:mod:`~newsfuse.facts.classify`,
with the patterns of :mod:`~newsfuse.facts.patterns`) — a currency marker
before or after (money), a per-cent sign or word (percent), a unit (quantity,
converted to SI base units), "-year-old" or "Name, 47," (age), a vote tally
("voted 9-2"), else a plain count. Each claim keeps its character span in
``Article.text``. The aligner later reads the words around each span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from itertools import pairwise

from newsfuse.facts.classify import classify_number, is_approximate, sentence_around
from newsfuse.facts.dates import find_dates, join_weekdays_to_dates, unresolved_day_spans
from newsfuse.facts.nonfacts import without_no_facts
from newsfuse.facts.numbers import (
    AND_A_HALF_RE,
    VAGUE_AMOUNTS,
    parse_fraction,
    parse_number_words,
    parse_numeral,
)
from newsfuse.facts.params import FactParams
from newsfuse.facts.patterns import (
    AGE_BAND_BEFORE_RE,
    BARE_FRACTION_AFTER_RE,
    BARE_FRACTION_BEFORE_RE,
    CAPACITY_SUFFIX_AFTER_RE,
    CLOCK_AFTER_RE,
    DESIGN_SUFFIX_AFTER_RE,
    DESIGNATOR_BEFORE_RE,
    DOLLAR_CONVERSION_RE,
    DURATION_JOIN_RE,
    EVENT_LABEL_AFTER_RE,
    FACT_SHEET_END_RE,
    FACT_SHEET_LABEL_RE,
    FEET_INCHES_RE,
    FRACTION_OF_PERCENT_RE,
    FRACTION_RE,
    FREQUENCY_AFTER_RE,
    LABEL_FILLERS,
    LAP_TIME_RE,
    LOCAL_DOLLAR_RE,
    LONE_DEATH_RE,
    LONE_MULTIPLIERS,
    MEASURE_PHRASE_RE,
    NOT_A_QUANTITY_BEFORE_RE,
    NUMBER_RE,
    ORDINAL_AFTER_RE,
    ORDINAL_COUNT_RE,
    ORDINAL_WORDS,
    PAREN_OPEN_RE,
    RACE_TIME_RE,
    RANGE_BETWEEN_RE,
    SECOND_FRACTION_FACTORS,
    SECOND_FRACTIONS_RE,
    SHARE_IN_RE,
    STANCE_AFTER_RE,
    TALLY_AFTER_RE,
    US_DOLLAR_RE,
    VAGUE_RE,
    VOTE_WORDS_RE,
)
from newsfuse.facts.porter import porter_stem
from newsfuse.facts.qualifiers import qualifier_before
from newsfuse.facts.units import CURRENCY_SYMBOLS, UNIT_RE, to_base, unit_factor
from newsfuse.model import Article, Claim

# Metres in a foot and in an inch (exact, by definition), for 4'8".
FOOT_M = 0.3048
INCH_M = 0.0254
# A fraction in words as a percentage keeps two decimals ("two-thirds" = 66.67 %).
FRACTION_DECIMALS = 2
# Smallest count hyphened to beds or seats that is a size ("a 640-bed hospital"), not a
# design ("a four-bed house", "a two-seat car", "an 18-seat minibus"): designs of homes and
# vehicles run to tens, the beds and seats of hospitals, prisons and grounds to hundreds.
CAPACITY_COMPOUND_MIN = 100
# Characters a bare fraction's context is read in: before it "by" and a hedge ("by just
# under " is 14), after it punctuation or a function word (the longest, "compared", is 8).
_BARE_SHARE_BEFORE = 30
_BARE_SHARE_AFTER = 20
# What a venue "holds" with no noun after it ("the stadium, which holds 62,000,"): a capacity.
_HOLDS_BEFORE_RE = re.compile(r"\b(?:holds|can\s+hold|capacity\s+of)\s+$", re.IGNORECASE)
_NO_NOUN_AFTER_RE = re.compile(r"^\s*(?:[,.;:)\u2014\"”]|$|\s+(?:when|and|but|people)\b)")
# "from" before the first of two figures: a change from an old value to a new one.
_CHANGE_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# What joins the two ends of a range before the second number ("12 to 18", "$5m-$7m").
_RANGE_JOIN_RE = re.compile(
    r"\s*(?:-|–|—|\bto\b|\bor\b|(?P<and>\band\b))\s*(?:[$€£₹]|Rs\.?\s?)?", re.IGNORECASE
)


def uses_decimal_comma(text: str) -> bool:
    """Whether a text writes decimals with a comma ("3,2 Mio", "1.200.000").

    Decided once per article: it shows decimal commas ("3,2") or dotted
    thousands ("1.200.000") and no English thousands groups ("1,200").
    """
    european = re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3}\.\d{3}", text) is not None
    english = re.search(r"\d,\d{3}(?!\d)", text) is not None
    return european and not english


def scan_claims(
    article: Article,
    story_year: int | None = None,
    day_years: Mapping[tuple[int, int], int] | None = None,
    tally_sides: bool = True,
    params: FactParams | None = None,
) -> list[Claim]:
    """All numeric and date claims in ``article.text``, in text order.

    ``story_year`` and ``day_years`` place a day written without a year ("on April 14")
    in an article without a publication time (see :func:`~newsfuse.facts.dates.find_dates`).
    With ``tally_sides``, a count in a vote sentence followed by its side ("14 against",
    "31 councillors in favour") is that side's votes, as the two sides of "31 to 12" are.
    ``params`` switches the readings its fields name (race-time fractions, metres by
    context, event labels, ordinal counts); the defaults when ``None``.
    People, places and organisations come from :mod:`newsfuse.facts.entities`.
    """
    params = params if params is not None else FactParams()
    text = article.text
    published = article.published.date() if article.published else None
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    mentions = find_dates(text, published, story_year, day_years)
    if params.weekday_joins_its_date:
        mentions = join_weekdays_to_dates(text, mentions)
    for mention in mentions:
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
    taken.extend(unresolved_day_spans(text, mentions))
    for match in RACE_TIME_RE.finditer(text):
        if CLOCK_AFTER_RE.match(text[match.end() :]):
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
                approximate=is_approximate(text, match.start()),
            )
        )
        taken.append((match.start(), match.end()))
    if params.race_time_fractions:
        claims.extend(_scan_lap_times(article, taken))
    if params.ordinals_count_wins:
        claims.extend(_scan_ordinal_counts(article, taken))
    if params.lone_deaths_count_one:
        claims.extend(_scan_lone_deaths(article, taken))
    if params.measure_phrases:
        claims.extend(_scan_measure_phrases(article, taken))
    if params.shares_in_words:
        claims.extend(_scan_shares(article, taken))
    claims.extend(_scan_measures(article, taken, params.bare_fraction_shares))
    claims.extend(_scan_numbers(article, published, taken, tally_sides, params))
    claims.sort(key=lambda claim: (claim.start, claim.end))
    merged = _merge_compounds(_merge_conversions(claims, text), text)
    return [_with_bound(claim, text) for claim in without_no_facts(merged, text, params)]


def with_local_dollars(articles: list[Article], scanned: list[list[Claim]]) -> list[list[Claim]]:
    """Bare "$" amounts read as the one local dollar the cluster's outlets write.

    When the articles of a story prefix their dollars with one country's mark ("A$180m",
    "S$180") and no other, an article's bare "$" is that local dollar unless the article
    names the US dollar or writes a "$" conversion of a prefixed amount ("A$180m ($120m)"):
    an outlet that means US dollars in such a story says so, and a local outlet writes its
    own dollar bare.
    """
    written = [_local_dollars(article.text) for article in articles]
    codes = set().union(*written)
    if len(codes) != 1:
        return scanned
    (local,) = codes
    result = []
    for article, claims in zip(articles, scanned, strict=True):
        if US_DOLLAR_RE.search(article.text) or DOLLAR_CONVERSION_RE.search(article.text):
            result.append(claims)
            continue
        result.append([
            replace(claim, unit=local)
            if claim.kind == "money" and claim.unit == "USD" and claim.text.startswith("$")
            else claim
            for claim in claims
        ])  # fmt: skip
    return result


def _local_dollars(text: str) -> set[str]:
    """The ISO codes of the prefixed local dollars a text writes ("A$", "$A" → AUD)."""
    codes = set()
    for match in LOCAL_DOLLAR_RE.finditer(text):
        prefix = match.group("prefix")
        codes.add(CURRENCY_SYMBOLS[f"{prefix.lower()}$" if prefix else "$a"])
    return codes


def _with_bound(claim: Claim, text: str) -> Claim:
    """The claim with what a qualifier before it says ("more than 100" is at least 100)."""
    if claim.kind == "date" or claim.bound:
        return claim
    bound = qualifier_before(text, claim.start)
    return replace(claim, bound=bound) if bound else claim


def _scan_measures(
    article: Article, taken: list[tuple[int, int]], bare_shares: bool = True
) -> Iterator[Claim]:
    """Fractions in words as percentages ("two-thirds of voters") and feet and inches (4'8").

    With ``bare_shares``, "a third" without "of" is a share where a change or a hedge
    stands before it and no noun after it ("output cut by roughly a third.")."""
    text = article.text
    for match in FRACTION_OF_PERCENT_RE.finditer(text):
        if match.group("half"):
            share: float | None = 0.5
        else:
            share = parse_fraction(match.group("num"), match.group("den"))
        if share is None or _overlaps(match.start(), match.end(), taken):
            continue
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "percent",
            round(share, FRACTION_DECIMALS), "%", approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())
    for match in FRACTION_RE.finditer(text):
        hyphenated = match.group("join") == "-" and match.group("num").lower() != "a"
        if (
            not hyphenated
            and match.group("of") is None
            and not (bare_shares and _is_bare_share(text, match.start(), match.end()))
        ):
            continue  # "a third" or "two thirds" alone: an ordinal more often than a share
        share = parse_fraction(match.group("num"), match.group("den"))
        if share is None or _overlaps(match.start(), match.end(), taken):
            continue
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "percent",
            round(100 * share, FRACTION_DECIMALS), "%",
            approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())
    for match in FEET_INCHES_RE.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        feet, inches = int(match.group(1)), int(match.group(2))
        if inches >= 12:
            continue  # not inches of a foot: a quotation mark after a number
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "quantity",
            feet * FOOT_M + inches * INCH_M, "m", approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())


def _is_bare_share(text: str, start: int, end: int) -> bool:
    """Whether a fraction word without "of" is a share: the size of a change after "by" or
    "by" and a hedge ("cut by a third", "by roughly a fifth"), before no noun ("a third
    day", "by a third vehicle" are ordinals)."""
    before = text[max(0, start - _BARE_SHARE_BEFORE) : start]
    return (
        BARE_FRACTION_BEFORE_RE.search(before) is not None
        and BARE_FRACTION_AFTER_RE.match(text[end : end + _BARE_SHARE_AFTER]) is not None
    )


def _scan_measure_phrases(article: Article, taken: list[tuple[int, int]]) -> Iterator[Claim]:
    """Measures told without a numeral: "half a mile" is 0.5 miles, "a quarter of an hour"
    900 s, "an hour and a half" 1.5 hours, "a fortnight" 14 days."""
    text = article.text
    for match in MEASURE_PHRASE_RE.finditer(text):
        if match.group("half"):
            amount: float | None = 0.5
        elif match.group("num"):
            amount = parse_fraction(match.group("num"), match.group("den"))
        else:
            amount = 1.0
        if amount is None or _overlaps(match.start(), match.end(), taken):
            continue
        if match.group("plus"):
            amount += 0.5
        value, unit = to_base(amount, match.group("unit").lower())
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "quantity", value, unit,
            approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())


def _scan_shares(article: Article, taken: list[tuple[int, int]]) -> Iterator[Claim]:
    """A share told as so many in so many ("three in four residents", "nine out of 10"):
    a percentage, comparable with "75 per cent"."""
    text = article.text
    for match in SHARE_IN_RE.finditer(text):
        part, whole = (_share_term(match.group(name)) for name in ("num", "den"))
        if part is None or whole is None or not 0 < part < whole:
            continue
        if _overlaps(match.start(), match.end(), taken):
            continue
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "percent",
            round(100 * part / whole, FRACTION_DECIMALS), "%",
            approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())


def _share_term(word: str) -> float | None:
    """One side of "three in four" or "9 out of 10": a numeral or number words."""
    word = re.sub(r"^a\s+", "", word.lower())
    if word[0].isdigit():
        return parse_numeral(word)
    return parse_number_words(word)


def _scan_lap_times(article: Article, taken: list[tuple[int, int]]) -> Iterator[Claim]:
    """Race and lap times with a fraction of a second ("2:03.41" is 123.41 s)."""
    text = article.text
    for match in LAP_TIME_RE.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        minutes, seconds, fraction = match.groups()
        value = int(minutes) * 60 + int(seconds) + int(fraction) / 10 ** len(fraction)
        yield Claim(
            article.id, match.start(), match.end(), match.group(0), "quantity",
            round(value, len(fraction)), "s", approximate=is_approximate(text, match.start()),
        )  # fmt: skip
        taken.append(match.span())


def _scan_ordinal_counts(article: Article, taken: list[tuple[int, int]]) -> Iterator[Claim]:
    """Ordinals that count a holder's wins or terms: "her third gold" is a count of 3
    golds, "a fourth term" of 4 terms. The span is the ordinal, so the noun after it
    names what is counted, as after "three"."""
    text = article.text
    for match in ORDINAL_COUNT_RE.finditer(text):
        group = "ord" if match.group("ord") else "term"
        start, end = match.span(group)
        if _overlaps(start, end, taken):
            continue
        word = match.group(group).lower()
        value = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word))
        yield Claim(article.id, start, end, text[start:end], "count", float(value))
        taken.append((start, end))


# A margin told without its unit: "took 0.45 off the mark", "won by 0.3".
_MARGIN_AFTER_RE = re.compile(r"^\s+off\b")
_MARGIN_BEFORE_RE = re.compile(r"\bby\s+$")


def _is_bare_margin(claim: Claim, text: str, before: str, after: str) -> bool:
    """Whether a bare decimal is a margin in seconds: taken off or won by, in a sentence
    that gives race times ("took 0.45 off the mark of 2:03.86")."""
    if claim.kind != "count" or "." not in claim.text or not isinstance(claim.value, float):
        return False
    if claim.value >= 60 or not (_MARGIN_AFTER_RE.match(after) or _MARGIN_BEFORE_RE.search(before)):
        return False
    return LAP_TIME_RE.search(sentence_around(text, claim.start)) is not None


def _scan_lone_deaths(article: Article, taken: list[tuple[int, int]]) -> Iterator[Claim]:
    """A sentence that opens on one person's death without a number ("A climber has died
    after ..."): a count of 1, spanning the article, so the noun after it is what died."""
    for match in LONE_DEATH_RE.finditer(article.text):
        start, end = match.span("one")
        if not _overlaps(start, end, taken):
            yield Claim(article.id, start, end, match.group("one"), "count", 1.0)
            taken.append((start, end))


def fact_sheet_label(claim: Claim, text: str) -> str:
    """The label of a fact-sheet line the figure stands alone on ("Deaths" of "Deaths: 3"),
    else ""."""
    if claim.kind not in ("count", "quantity", "money", "percent"):
        return ""
    label = FACT_SHEET_LABEL_RE.search(text, max(0, claim.start - 60), claim.start)
    if label is None or label.end() != claim.start:
        return ""
    return label.group("label") if FACT_SHEET_END_RE.match(text[claim.end :]) else ""


def _with_fact_sheet_label(claim: Claim, text: str) -> Claim:
    """The claim with what a fact-sheet label says it counts ("Deaths: 3" counts deaths,
    "Homes without power: 22,000" homes): the Porter stem of the label's first content
    word, as the aligner keys its words."""
    label = fact_sheet_label(claim, text).lower()
    words = [word for word in re.findall(r"[a-z]+", label) if word not in LABEL_FILLERS]
    return replace(claim, attribute=porter_stem(words[0])) if words else claim


def _capacity_noun(after: str, value: float, spelled: bool) -> str | None:
    """What a count hyphened to beds or seats sizes ("a 640-bed hospital": "bed"; "a
    62,000-seat" or "62,000-capacity stadium": "capacity"), else ``None`` (also for a
    design: "a four-bed house", "a 12-seat minibus")."""
    compound = CAPACITY_SUFFIX_AFTER_RE.match(after)
    if compound is None or spelled or value < CAPACITY_COMPOUND_MIN:
        return None
    noun = compound.group("noun").lower()
    return "bed" if noun.startswith("bed") else "capacity"


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _scan_numbers(
    article: Article,
    published: date | None,
    taken: list[tuple[int, int]],
    sides: bool = True,
    params: FactParams | None = None,
) -> Iterator[Claim]:
    params = params if params is not None else FactParams()
    text = article.text
    decimal_comma = uses_decimal_comma(text)
    tally_second: set[int] = set()
    range_second: set[int] = set()  # where the upper end of a range starts
    for match in VAGUE_RE.finditer(text):
        phrase = re.sub(r"\s+of$", "", match.group(0).lower())
        end = match.start() + len(phrase)
        yield Claim(
            article.id, match.start(), end, text[match.start() : end], "count",
            VAGUE_AMOUNTS[phrase], vague=True, approximate=True,
        )  # fmt: skip
        taken.append((match.start(), end))
    last_end = 0
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        if start < last_end or _overlaps(start, end, taken):
            continue
        if match.group("words") and match.group("words").lower() in LONE_MULTIPLIERS:
            continue  # "million" in "210 million": already read as a scale
        before = text[max(0, start - 40) : start]
        after = text[end : end + 60]
        if match.group("digits"):
            if NOT_A_QUANTITY_BEFORE_RE.search(before) or ORDINAL_AFTER_RE.match(after):
                continue
            if DESIGNATOR_BEFORE_RE.search(before):
                continue
            if CLOCK_AFTER_RE.match(after) or re.match(r"^[A-Za-z]{1,2}\d", after):
                continue
            if re.match(r"^s\b", after):
                continue  # "the 1920s", "in their 20s": a decade or an age band, not a figure
            value = parse_numeral(match.group("digits"), decimal_comma=decimal_comma)
            half = AND_A_HALF_RE.match(after)
            if half is not None and value is not None:
                value, end = value + 0.5, end + half.end()  # "3 and a half days"
                after = text[end : end + 60]
        else:
            value = parse_number_words(match.group("words"))
        if value is None:
            continue
        spelled = match.group("words") is not None
        if params.event_distances_are_labels and EVENT_LABEL_AFTER_RE.match(after):
            continue  # "the 200m freestyle": the race's name, not a length
        if params.race_time_fractions and (fractions := SECOND_FRACTIONS_RE.match(after)):
            part = fractions.group("part").lower().rstrip("s")
            last_end = end + fractions.end()
            yield Claim(
                article.id, start, last_end, text[start:last_end], "quantity",
                value * SECOND_FRACTION_FACTORS[part], "s", approximate=is_approximate(text, start),
            )  # fmt: skip
            continue
        size = _capacity_noun(after, value, spelled) if params.capacity_compounds else None
        if params.modifier_numbers_are_labels and DESIGN_SUFFIX_AFTER_RE.match(after) and not size:
            continue  # "an 18-seater bus": a kind of bus, not 18 of anything
        claim = classify_number(article, start, end, value, before, after, spelled, params)
        if claim is None:
            continue
        if claim.kind == "count" and params.capacity_compounds:
            if size is None and _HOLDS_BEFORE_RE.search(before) and _NO_NOUN_AFTER_RE.match(after):
                size = "capacity"  # "the ground, which holds 62,000,"
            if size is not None:
                claim = replace(claim, attribute=porter_stem(size))
        if (
            params.modifier_numbers_are_labels
            and claim.kind in ("count", "age")
            and AGE_BAND_BEFORE_RE.search(before)
            and not FREQUENCY_AFTER_RE.match(after)
        ):
            continue  # "children under 12": the group's name, not a count
        if params.race_time_fractions and _is_bare_margin(claim, text, before, after):
            claim = replace(claim, kind="quantity", unit="s")  # "took 0.45 off 2:03.86"
        if start in range_second:
            claim = replace(claim, approximate=True, bound="at most")
        elif claim.kind == "count" and not VOTE_WORDS_RE.search(sentence_around(text, start)):
            ranged = _range_start(article, claim, value, before, decimal_comma, params)
            if ranged is not None:
                claim, second_start = ranged
                if second_start is not None:
                    range_second.add(second_start)
        if params.fact_sheet_labels and not claim.attribute:
            claim = _with_fact_sheet_label(claim, text)
        if start in tally_second:
            claim = replace(claim, attribute="votes against")
        elif claim.kind == "count" and VOTE_WORDS_RE.search(sentence_around(text, start)):
            tally = TALLY_AFTER_RE.match(text[claim.end : claim.end + 20])
            stance = STANCE_AFTER_RE.match(text[claim.end : claim.end + 30]) if sides else None
            if tally is not None:
                claim = replace(claim, attribute="votes for")
                tally_second.add(claim.end + tally.end())
            elif stance is not None:
                against = stance.group("side").lower() == "against"
                claim = replace(claim, attribute="votes against" if against else "votes for")
        last_end = claim.end
        yield claim


def _range_start(
    article: Article,
    claim: Claim,
    value: float,
    before: str,
    decimal_comma: bool,
    params: FactParams | None = None,
) -> tuple[Claim, int | None] | None:
    """The lower end of a range read with the upper end's unit ("12 to 18 months",
    "40-50 km", "$5m-$7m", "between 4 and 5 per cent"), and where the upper end starts.

    ``None`` when no range follows or the upper end has no unit, currency or
    per-cent sign of its own to lend: then both ends stay counts.
    """
    text = article.text
    join = _RANGE_JOIN_RE.match(text, claim.end)
    if join is None or (join.group("and") and not RANGE_BETWEEN_RE.search(before)):
        return None
    second = NUMBER_RE.match(text, join.end())
    if second is None or (not second.group("digits") and not second.group("words")):
        return None
    if second.group("digits"):
        upper = parse_numeral(second.group("digits"), decimal_comma=decimal_comma)
    else:
        upper = parse_number_words(second.group("words"))
    if upper is None:
        return None
    upper_claim = classify_number(
        article, second.start(), second.end(), upper, text[max(0, second.start() - 40) :
        second.start()], text[second.end() : second.end() + 60], second.group("words") is not None,
        params,
    )  # fmt: skip
    if upper_claim is None or isinstance(upper_claim.value, str) or upper <= 0:
        return None
    factor = float(upper_claim.value) / upper  # the upper end's scale and unit
    lends = upper_claim.kind not in ("count", "age") or (factor > 1 and claim.value == value)
    lower = value * factor
    if not lends or lower > float(upper_claim.value):
        return None
    if _CHANGE_FROM_RE.search(before):
        # "rose from 38 to 45 km": the old and the new value, each exact, not a range.
        return replace(claim, kind=upper_claim.kind, value=lower, unit=upper_claim.unit), None
    ranged = replace(
        claim,
        kind=upper_claim.kind,
        value=lower,
        unit=upper_claim.unit,
        approximate=True,
        bound="at least",
    )
    return ranged, second.start()


def join_currency_conversions(
    articles: list[Article], scanned: list[list[Claim]]
) -> list[list[Claim]]:
    """Fold an amount and its conversion into another currency in brackets ("£130m
    ($187m)") into one claim spanning both: the bracket restates the amount, so it is
    one claim, as "40 miles (65 km)" is. It keeps the first currency's value unless the
    story's other articles write amounts in the bracket's currency and none in the first
    ("61.5m euros (about £52m)" in a story told in pounds), so that it meets theirs."""
    pairs = [
        _conversion_pairs(claims, article.text)
        for article, claims in zip(articles, scanned, strict=True)
    ]
    result = []
    for index, (article, claims) in enumerate(zip(articles, scanned, strict=True)):
        others = {
            claim.unit
            for other, found in enumerate(scanned)
            if other != index
            for claim in found
            if claim.kind == "money" and all(claim is not second for _, second in pairs[other])
        }
        joined = {id(first): second for first, second in pairs[index]}
        seconds = {id(second) for _, second in pairs[index]}
        kept = []
        for claim in claims:
            if id(claim) in seconds:
                continue
            second = joined.get(id(claim))
            if second is not None:
                source = second if second.unit in others and claim.unit not in others else claim
                end = second.end + 1
                claim = replace(
                    source, start=claim.start, end=end, text=article.text[claim.start : end]
                )
            kept.append(claim)
        result.append(kept)
    return result


def _conversion_pairs(claims: list[Claim], text: str) -> list[tuple[Claim, Claim]]:
    """Each amount with its conversion into another currency in brackets after it."""
    return [
        (first, second)
        for first, second in pairwise(claims)
        if first.kind == second.kind == "money"
        and first.unit != second.unit
        and PAREN_OPEN_RE.match(text[first.end : second.start])
        and text[second.end : second.end + 1] == ")"
    ]


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
                and PAREN_OPEN_RE.match(gap)
                and text[claim.end : claim.end + 1] == ")"
            ):
                merged[-1] = replace(
                    previous, end=claim.end + 1, text=text[previous.start : claim.end + 1]
                )
                continue
        merged.append(claim)
    return merged


def _unit_word_factor(claim: Claim) -> float | None:
    """The size of the unit a quantity claim is written in ("4 feet" → 0.3048)."""
    words = UNIT_RE.findall(claim.text)
    return unit_factor(words[-1].replace("-", " ")) if words else None


def _merge_compounds(claims: list[Claim], text: str) -> list[Claim]:
    """Fold "2 hours, 4 minutes and 37 seconds" into one duration of 7477 s, and
    "4 feet 8 inches" or "7 years, 1 month" alike: each part in a smaller unit."""
    merged: list[Claim] = []
    for claim in claims:
        if merged:
            previous = merged[-1]
            first_factor = _unit_word_factor(previous) if previous.kind == "quantity" else None
            second_factor = _unit_word_factor(claim) if claim.kind == "quantity" else None
            if (
                previous.unit == claim.unit
                and first_factor is not None
                and second_factor is not None
                and second_factor < first_factor
                and isinstance(previous.value, float)
                and isinstance(claim.value, float)
                and DURATION_JOIN_RE.match(text[previous.end : claim.start])
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
