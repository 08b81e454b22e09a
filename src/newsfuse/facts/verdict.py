"""Verdicts on aligned claims: agree, conflict, revision or single.

Tolerances follow the benchmark's conventions (and common sense for news
figures): values within 3 % agree, which absorbs unit rounding such as
"40 miles (65 km)"; small integers (counts, ages, small percentages) must be
equal, since "14 injured" and "16 injured" are different claims.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from newsfuse.facts.aspects import owners_differ
from newsfuse.facts.dates import WEEKDAYS, weekday_of_value
from newsfuse.facts.describe import Mention
from newsfuse.facts.eras import YEAR_RE
from newsfuse.facts.lexicon import CONCEPT_NAMES, INCREMENT_WORDS, TOTAL_WORDS
from newsfuse.facts.numbers import is_decimal_slip
from newsfuse.facts.params import FactParams
from newsfuse.facts.qualifiers import LOWER_BOUNDS, bounds_allow
from newsfuse.facts.rounding import is_rounding_pair, states_a_fraction
from newsfuse.facts.synonymy import load_wordnet, nouns_related, word_is_adjective
from newsfuse.facts.units import UNIT_RE, unit_factor
from newsfuse.model import Article, Claim, FactStatus

# Publication time of each article, by id (None when unknown).
Published = Mapping[str, datetime | None]
# Modifiers that give a figure's role or precision, not a subgroup ("additional troops").
ROLE_MODIFIERS = INCREMENT_WORDS | TOTAL_WORDS | {"other", "estimate", "estimated", "about"}


def values_agree(first: Claim, second: Claim, params: FactParams = FactParams()) -> bool:
    """Whether two claims state the same value (same unit; 3 % or exact for small integers).

    The tolerances are ``params.relative_tolerance``, ``params.exact_below`` and,
    for durations stated to the second, ``params.second_precision_tolerance``.
    """
    if first.unit != second.unit:
        return False
    a, b = first.value, second.value
    if isinstance(a, str) or isinstance(b, str):
        if (
            first.kind == "date"
            and second.kind == "date"
            and (str(a).lower() in WEEKDAYS or str(b).lower() in WEEKDAYS)
        ):
            # An undated article's "Monday" agrees with a Monday, whatever its date.
            return weekday_of_value(str(a)) == weekday_of_value(str(b))
        return str(a).casefold() == str(b).casefold()
    if a == b:
        return True
    if first.attribute == "year" or second.attribute == "year":
        return False  # "2025" and "2027" are different years, however close
    if params.year_like_counts_exact and _reads_as_year(first) and _reads_as_year(second):
        return False  # "2019" and "2008" written bare are years, not counts 0.5 % apart
    if params.converted_units_use_tolerance and _stated_in_other_units(first, second):
        # "300 feet" / "91 metres": a conversion is rounded, so small integers need not
        # be equal once converted; the relative tolerance below absorbs the rounding.
        return abs(a - b) <= params.relative_tolerance * max(abs(a), abs(b))
    if (
        params.fraction_words_use_tolerance
        and first.unit == "%"
        and (states_a_fraction(first.text) or states_a_fraction(second.text))
    ):
        # "a third" is 33.33 %, which another source rounds to "33%": no exact count.
        return abs(a - b) <= params.relative_tolerance * max(abs(a), abs(b))
    for number in (a, b):
        if (float(number).is_integer() and abs(number) < params.exact_below) or number == 0:
            return False
    if first.unit == "s" and _stated_to_the_second(a) and _stated_to_the_second(b):
        return abs(a - b) <= params.second_precision_tolerance
    return abs(a - b) <= params.relative_tolerance * max(abs(a), abs(b))


def _reads_as_year(claim: Claim) -> bool:
    """Whether a plain figure is written as a year would be: four bare digits from 1800 to
    2099, no unit (a count that size is usually written "1,911")."""
    return claim.unit is None and YEAR_RE.fullmatch(claim.text.strip()) is not None


def _stated_factor(claim: Claim) -> float | None:
    """How many base units one of the units the claim is written in is, if it names one."""
    found = UNIT_RE.search(claim.text)
    return None if found is None else unit_factor(found.group())


def _stated_in_other_units(first: Claim, second: Claim) -> bool:
    """Whether two claims of one base unit are written in units of different sizes
    ("300 feet", "91 metres"), so that one is a rounded conversion of the other."""
    if first.unit is None:
        return False
    one, other = _stated_factor(first), _stated_factor(second)
    return one is not None and other is not None and not math.isclose(one, other)


def is_decimal_slip_pair(a: float | str, b: float | str, params: FactParams) -> bool:
    """Whether two values are a decimal slip (``params.decimal_slips_conflict``): numbers
    an exact power of ten apart ("Rs 3.2 crore" / "Rs 32 crore"), the smaller at least
    ``params.exact_below``, since small counts ten apart ("2" / "20") are common look-alikes."""
    if isinstance(a, str) or isinstance(b, str) or not params.decimal_slips_conflict:
        return False
    return min(a, b) >= params.exact_below and is_decimal_slip(a, b)


def is_transposition_pair(a: float | str, b: float | str, params: FactParams) -> bool:
    """Whether two values are a digit transposition (``params.transposed_digits_conflict``):
    whole numbers of equal length written with the same digits but two neighbours swapped
    ("6,140" / "6,410", "$410m" / "$140m"), the commonest slip in typing a figure. Trailing
    zeros of a scale count as written."""
    if isinstance(a, str) or isinstance(b, str) or not params.transposed_digits_conflict:
        return False
    if min(a, b) <= 0 or not (float(a).is_integer() and float(b).is_integer()):
        return False
    one, other = str(int(a)), str(int(b))
    if len(one) != len(other):
        return False
    swapped = [index for index, (x, y) in enumerate(zip(one, other, strict=True)) if x != y]
    return (
        len(swapped) == 2
        and swapped[1] == swapped[0] + 1
        and (one[swapped[0]], one[swapped[1]]) == (other[swapped[1]], other[swapped[0]])
    )


def _stated_to_the_second(seconds: float) -> bool:
    """Whether a duration over a minute has a seconds part ("2:04:37"), i.e. is precise."""
    return seconds > 60 and seconds % 60 != 0


def decide_status(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    revision_cues: Mapping[Claim, bool],
    params: FactParams,
    *,
    rising_only: Collection[Claim] = (),
) -> FactStatus:
    """The verdict for one aligned group of claims (one per article).

    ``revision`` needs a claim that differs from an earlier article's value,
    comes from an article published at least a day after it, and is
    presented as a development (a cue such as "rose to" or "now" before it).
    The day is ``params.revision_min_gap``. A claim in ``rising_only`` (a tally so far,
    cued by its tense alone) revises only a lower earlier figure, and none if any earlier
    figure is higher: a tally does not fall.
    """
    if len({claim.article_id for claim in claims}) < 2:
        return "single"
    if all(values_agree(claims[0], other, params) for other in claims[1:]):
        return "agree"
    for later in claims:
        later_time = articles[later.article_id].published
        if later_time is None or not revision_cues.get(later, False):
            continue
        before = [
            earlier
            for earlier in claims
            if (earlier_time := articles[earlier.article_id].published) is not None
            and later_time - earlier_time >= params.revision_min_gap
            and not values_agree(earlier, later, params)
        ]
        if later in rising_only:
            if any(_rises(later, earlier) for earlier in before):
                continue
            before = [earlier for earlier in before if _rises(earlier, later)]
        if before:
            return "revision"
    return "conflict"


def _rises(earlier: Claim, later: Claim) -> bool:
    """Whether ``later`` gives a larger number than ``earlier``."""
    a, b = earlier.value, later.value
    return not isinstance(a, str) and not isinstance(b, str) and b > a


def _unplaced_weekday(claim: Claim) -> bool:
    """Whether a date claim is a bare weekday name that no publication time placed."""
    return claim.kind == "date" and str(claim.value).lower() in WEEKDAYS


def _strong_concepts(mention: Mention, params: FactParams) -> set[str]:
    """The kinds of figure ("<death>", "<injury>") a mention's own words name."""
    return {
        lemma
        for lemma, weight in mention.context
        if lemma in CONCEPT_NAMES and weight >= params.concept_strong_weight
    }


def _nouns_match(first: Mention, second: Mention, params: FactParams) -> bool:
    """Whether two figures may count the same thing: the same counted noun, one of
    them unnamed, nouns that name the same kind of figure ("troops", "forces"),
    or nouns WordNet relates ("dockers", "union members"); nouns WordNet does not
    know, or all nouns when its files are absent, may (see ``conflict_needs_same_noun``)."""
    if not first.head or not second.head or first.head == second.head:
        return True
    if _strong_concepts(first, params) & _strong_concepts(second, params):
        return True
    if params.elliptic_nouns_match and _elliptic_nouns(
        first, second, params.elliptic_nouns_need_adjective
    ):
        return True
    related = nouns_related(first.head_word, second.head_word)
    if related is None:
        return not params.conflict_needs_same_noun
    return related


def _elliptic_nouns(first: Mention, second: Mention, need_adjective: bool = False) -> bool:
    """Whether one figure's counted noun is the modifier of the other's compound, the
    compound cut short ("her second silver" / "her third silver medal").

    With ``need_adjective``, the modifier must be a word WordNet lists as an adjective, an
    adjective used as a noun ("silver", "gold", "red"): a noun modifier names another thing
    ("six schools" / "nine school buses", "12 cars" / "15 car bombs")."""
    for short, full in ((first, second), (second, first)):
        adjective = not need_adjective or word_is_adjective(short.head_word or short.head)
        if short.head and short.head in full.modifiers and adjective is not False:
            return True
    return False


def _subgroups_differ(first: Mention, second: Mention, params: FactParams) -> bool:
    """Whether two figures count the same noun but one restricts it with a modifier
    the other lacks ("11 league goals" against "14 goals in all competitions").

    With ``params.subgroup_skips_lexical_names``, a modifier that makes a name WordNet
    lists ("scientific instrument", "nuclear weapon") names the kind of thing, which
    another source may call by its noun alone, rather than marking off a subgroup."""
    if not first.head or first.head != second.head:
        return False
    one = _restricting_modifiers(first, params)
    other = _restricting_modifiers(second, params)
    if params.age_descriptions_nest and first.claim.kind == second.claim.kind == "age":
        # An age is of one person, whom one source may describe more fully ("a 52-year-old
        # lorry driver" / "the driver, 55"); two different descriptions may be two people.
        return not (set(one) <= set(other) or set(other) <= set(one))
    return one != other


def _restricting_modifiers(mention: Mention, params: FactParams) -> set[str]:
    """The modifiers of a figure's counted noun that may mark off a subgroup."""
    modifiers = set(mention.modifiers) - ROLE_MODIFIERS
    if not params.subgroup_skips_lexical_names or not mention.head_word:
        return modifiers
    wordnet = load_wordnet()
    if wordnet is None:
        return modifiers
    return {m for m in modifiers if not wordnet.senses(f"{m} {mention.head_word}")}


def _aspects_differ(first: Mention, second: Mention) -> str:
    """Which aspect (facts.aspects) shows two differing figures to be other things or
    times, or "" when none does (the last two below, each with its own switch, come from
    :func:`_switchable_aspects_differ`):

    - ``tense``: one done, one planned ("served three years", "to serve 7 years");
    - ``group``: one counts part of a group, the other does not ("three of the men");
    - ``base``: one is the base another figure adds to ("on top of the 4,000 cuts");
    - ``period``: a change over a period against another period or none ("14 new
      cases since Friday", "15 over the past week", "8 deaths");
    - ``anchor``: distances from different or unnamed places ("from Nairobi", "away");
    - ``holder``: ages of different people, or of a named person the other article
      never names ("Kifah Rafati, 40" against "a 30-year-old man");
    - ``polarity``: one counts who did not ("two did not sign"), the other who did;
    - ``range``: one is an end of a range ("ages 46 to 81"), the other a single figure or
      the other end (votes, "passed 40 to 19", are no range);
    - ``owner``: the figures belong to clearly different named people or organisations,
      or to two instances of one event ("the first shooting", "the second").
    """
    one, other = first.aspects, second.aspects
    if {one.tense, other.tense} == {"past", "planned"}:
        return "tense"
    if bool(one.group) != bool(other.group):
        return "group"
    if one.base != other.base:
        return "base"
    changes = [m for m in (first, second) if _is_change(m) and m.aspects.period]
    if changes and one.period != other.period:
        return "period"
    if one.anchor or other.anchor:
        if "?" in (one.anchor, other.anchor) and one.anchor != other.anchor:
            return "anchor"
        if one.anchor and other.anchor and not set(one.anchor.split()) & set(other.anchor.split()):
            return "anchor"
    if first.claim.kind == "age":
        if one.holder and other.holder and one.holder != other.holder:
            return "holder"
        for named, unnamed in ((one, other), (other, one)):
            if named.holder and not unnamed.holder and named.holder not in unnamed.words:
                return "holder"
    return ""


def _switchable_aspects_differ(first: Mention, second: Mention) -> set[str]:
    """The aspects with a switch of their own (``range``, ``polarity``, ``owner``; see
    :func:`_aspects_differ`) on which two differing figures differ, all of them, so that
    turning one switch off hides no other."""
    one, other = first.aspects, second.aspects
    found: set[str] = set()
    if one.range_end != other.range_end and not _is_tally(first) and not _is_tally(second):
        found.add("range")
    if one.negated != other.negated:
        found.add("polarity")
    if owners_differ(one.owner, other.owner):
        found.add("owner")
    return found


def _is_tally(mention: Mention) -> bool:
    """Whether a figure is one side of a vote ("passed 40 to 19"), not a range's end."""
    return mention.claim.attribute in ("votes for", "votes against")


def _is_change(mention: Mention) -> bool:
    """Whether a figure is a change ("14 new cases"), not a bound read as one ("more
    than 7,500 nurses", where "more" marks the bound)."""
    return mention.role == "increment" and mention.claim.bound not in LOWER_BOUNDS


def _own_day_statements(first: Mention, second: Mention, published: Published) -> bool:
    """Whether two dates are each the day its own article was published, on which
    officials spoke ("said Tuesday" in Tuesday's report, "said Monday" in next
    Monday's): two reports of two statements, not a dispute over one day."""
    for mention in (first, second):
        when = published.get(mention.claim.article_id)
        if mention.role != "statement" or when is None:
            return False
        if str(mention.claim.value)[:10] != when.date().isoformat():
            return False
    return True


def _reported_apart(
    first: Mention, second: Mention, published: Published, params: FactParams
) -> bool:
    """Whether two figures come from reports published more than
    ``params.conflict_max_days_apart`` apart: each tells of its own moment ("about 600
    more troops" in September, "560" in July), unless the figure is a distance between
    places, which does not change."""
    limit = params.conflict_max_days_apart
    if limit is None or first.dimension == "quantity:m":
        return False
    one = published.get(first.claim.article_id)
    other = published.get(second.claim.article_id)
    if one is None or other is None:
        return False
    return abs((one - other).total_seconds()) > limit * 86400


def dispute_evidence(
    mentions: Sequence[Mention],
    dispute_score: float,
    params: FactParams,
    published: Published | None = None,
) -> dict[str, Any]:
    """What the group's disagreeing pairs say about being one attribute at one time.

    ``score``: the weakest disagreeing pair's alignment score; ``ratio``: the
    largest ratio between two differing numbers (1 for dates and names);
    ``nouns_differ``: some disagreeing pair counts different nouns;
    ``roles_differ``: some disagreeing pair plays different roles (a total
    against an increment); ``hedged``: some differing figure is approximate
    or a bound ("more than 100"), which a larger exact figure need not contradict;
    ``unplaced_day``: a differing date is a weekday no publication time placed;
    ``rounded``: every differing pair is a figure and its rounding (facts.rounding).
    """
    ratio = 1.0
    nouns_differ = roles_differ = hedged = moods_differ = False
    subgroups_differ = times_differ = False
    transposed = True  # every differing pair is a digit transposition
    long_transposed = True  # ... of numbers long enough to override a stated subgroup or period
    aspects: set[str] = set()
    compatible = True  # every differing pair fits the bounds stated ("more than 40" and 45)
    rounded = True  # every differing pair is a figure and its rounding ("nearly two", 1.75)
    unplaced_day = False
    for index, first in enumerate(mentions):
        for second in mentions[index + 1 :]:
            if values_agree(first.claim, second.claim, params):
                continue
            a, b = first.claim.value, second.claim.value
            slip = is_decimal_slip_pair(a, b, params)
            swap = is_transposition_pair(a, b, params)
            transposed &= swap
            long_transposed &= swap and min(a, b) >= 10 ** (params.transposed_digits_min_digits - 1)
            if not isinstance(a, str) and not isinstance(b, str) and min(a, b) > 0 and not slip:
                ratio = max(ratio, max(a, b) / min(a, b))
            elif (
                params.zero_ratio_against_one_unit
                and not isinstance(a, str)
                and not isinstance(b, str)
                and 0 in (a, b)
            ):
                ratio = max(ratio, abs(a + b))  # a zero against one unit: "$0" / "$1,000"
            nouns_differ |= not _nouns_match(first, second, params)
            roles_differ |= first.role != second.role
            hedged |= first.claim.approximate or second.claim.approximate
            moods_differ |= first.mood != second.mood
            times_differ |= first.earlier != second.earlier
            subgroups_differ |= _subgroups_differ(first, second, params)
            aspects.add(_aspects_differ(first, second))
            aspects |= _switchable_aspects_differ(first, second)
            if first.role == "caption" or second.role == "caption":
                aspects.add("caption")
            if _own_day_statements(first, second, published or {}):
                aspects.add("statements")
            if _reported_apart(first, second, published or {}, params):
                aspects.add("reports apart")
            compatible &= bounds_allow(first.claim, second.claim, params)
            rounded &= is_rounding_pair(first.claim, second.claim, params)
            unplaced_day |= _unplaced_weekday(first.claim) or _unplaced_weekday(second.claim)
    return {
        "score": dispute_score if math.isfinite(dispute_score) else None,
        "ratio": ratio,
        "nouns_differ": nouns_differ,
        "roles_differ": roles_differ,
        "hedged": hedged,
        "moods_differ": moods_differ,
        "times_differ": times_differ,
        "subgroups_differ": subgroups_differ,
        "aspects_differ": sorted(aspects - {""}),
        "day_of_month": any(mention.day_of_month for mention in mentions),
        "year": any(mention.dimension.startswith("year:") for mention in mentions),
        "compatible": compatible and ratio > 1.0,
        "rounded": rounded and ratio > 1.0,
        "unplaced_day": unplaced_day,
        "kind": mentions[0].claim.kind if mentions else "",
        "transposed": transposed and ratio > 1.0,
        "long_transposed": long_transposed and transposed and ratio > 1.0,
    }


def is_clear_dispute(
    mentions: Sequence[Mention],
    dispute_score: float,
    params: FactParams,
    *,
    margin: float = math.inf,
    crowding: int = 1,
    published: Published | None = None,
) -> bool:
    """Whether differing figures are clearly one attribute at one time (a conflict);
    otherwise they are shown side by side as ``differs``.

    A false conflict costs a reader's trust more than a missed one, so a
    conflict needs a strong alignment of its weakest pair
    (``params.conflict_min_score``), figures within ``params.conflict_max_ratio``
    of each other (sources that disagree on one figure differ by a few units,
    look-alikes by a factor), the same counted noun, and a pair that fits
    clearly better than either claim's best alternative in the other article
    (``margin`` at least ``params.conflict_min_margin``): with a look-alike
    close behind, the pairing is a guess; and articles that state at most
    ``params.conflict_max_crowding`` figures of the kind (``crowding``): in a
    long report with dozens of counts, a look-alike is likelier than a dispute; from
    ``params.crowded_from`` figures of the kind on, the margin must reach
    ``params.crowded_min_margin``. Nor is a weekday that no publication time placed
    in dispute with another day (``params.unplaced_weekdays_differ``).
    Nor is it a conflict when a hypothetical figure or an earlier account
    ("had earlier said") meets a current report, one
    figure counts a subgroup of the other's noun (``params.conflict_needs_same_subgroup``), a
    figure is the day of a date the reader could not place, or (unless
    ``params.conflict_on_years``) the figures are years, which a story gives
    for many events; nor when each differing figure is the other rounded
    (``params.rounded_figures_differ``; facts.rounding): "nearly two" beside 1.75.
    """
    evidence = dispute_evidence(mentions, dispute_score, params, published)
    if evidence["score"] is not None and evidence["score"] < params.conflict_min_score:
        return False
    if evidence["ratio"] > params.conflict_max_ratio:
        return False
    if margin < params.conflict_min_margin or crowding > params.conflict_max_crowding:
        return False
    if (
        params.crowded_from is not None
        and crowding >= params.crowded_from
        and margin < params.crowded_min_margin
    ):
        return False
    if params.unplaced_weekdays_differ and evidence["unplaced_day"]:
        return False
    if evidence["moods_differ"] or evidence["times_differ"] or evidence["day_of_month"]:
        return False
    # A transposed figure is one figure misreported: the noun two sources phrase in their own
    # words keeps no two attributes apart; a stated subgroup or period does, unless the
    # figure is long enough that the swap is no coincidence.
    transposed, long_transposed = evidence["transposed"], evidence["long_transposed"]
    if params.conflict_needs_same_subgroup and evidence["subgroups_differ"] and not long_transposed:
        return False
    aspects = set(evidence["aspects_differ"])
    if long_transposed:
        aspects.discard("period")
    if not params.negated_figures_differ:
        aspects.discard("polarity")
    if not params.range_ends_differ:
        aspects.discard("range")
    if not params.other_owners_differ:
        aspects.discard("owner")
    if params.conflict_needs_same_aspects and aspects:
        return False
    if evidence["year"] and not params.conflict_on_years:
        return False
    if evidence["compatible"]:
        return False  # "more than 40" beside 45: both can be true, so no conflict
    if evidence["rounded"]:
        return False  # "nearly two" beside 1.75: one figure, stated less precisely
    return transposed or not (params.conflict_needs_related_nouns and evidence["nouns_differ"])


def only_reported_apart(
    mentions: Sequence[Mention],
    dispute_score: float,
    params: FactParams,
    *,
    margin: float = math.inf,
    crowding: int = 1,
    published: Published | None = None,
) -> bool:
    """For a group :func:`is_clear_dispute` found no clear dispute: whether it would be one
    but for its reports being published ``params.conflict_max_days_apart`` or more apart
    (one attribute at two moments), or but for a weekday no publication time placed
    (``params.unplaced_weekdays_differ``): either way a reader should see them side by side."""
    if params.conflict_max_days_apart is None and not params.unplaced_weekdays_differ:
        return False
    timeless = replace(params, conflict_max_days_apart=None, unplaced_weekdays_differ=False)
    return is_clear_dispute(
        mentions, dispute_score, timeless, margin=margin, crowding=crowding, published=published
    )
