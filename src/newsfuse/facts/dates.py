"""Dates in news copy, resolved to calendar days against the publication date.

Explicit dates ("March 10", "10 March", "Sept. 22, 2025", "March 3rd",
"2025-03-03", "03/04/2025", "3.4.2025") without a year take the publication year. Relative ones are
resolved as news style uses them: a weekday name means the most recent such
day on or before publication ("Monday" in a piece published on Tuesday
2025-03-11 is 2025-03-10); "yesterday" is the day before publication,
"today"/"tonight" the day itself; "last <weekday>" the one strictly before;
"a fortnight ago", "three days ago", "a week ago" count back from it; "the
14th" is the most recent 14th on or before it. Without a publication date a
weekday cannot be pinned to a day, but it is still kept, as its name, so that
"said Wednesday" and "said Monday" can be compared (see
:func:`weekday_of_value`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsfuse.calendar_words import WEEKDAYS as WEEKDAY_NAMES

if TYPE_CHECKING:
    from newsfuse.model import Claim

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {day: index for index, day in enumerate(WEEKDAY_NAMES)}
# Relative day words and their offset from the publication day.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
}


# A weekday written before one of these, capitalised, is part of a name ("Saturday Night
# Live", "Sunday Morning"): prose writes the time of a day in lower case ("Saturday night").
# Only these: "the Tuesday Council session" is Tuesday's session of the Council, and
# "On Monday Medicine Hat voted" is a date before a name.
NAME_TIME_WORDS = frozenset({"night", "morning", "afternoon", "evening"})
_CAPITALISED_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)")

# Counted units of "N <unit> ago", in days.
AGO_UNITS: dict[str, int] = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14}
# Small counts spelled out before "ago" ("three days ago", "a week ago").
AGO_COUNTS: dict[str, int] = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_DATE_PATTERNS = [
    # 2025-03-03
    r"(?P<iso>\b(?:19|20)\d\d-[01]\d-[0-3]\d\b)",
    # 03/04/2025, 3.4.2025: day and month order decided in _resolve_numeric
    r"(?P<numeric>\b[0-3]?\d(?P<sep>[/.])[0-3]?\d(?P=sep)(?:19|20)\d\d\b)",
    # March 10 / Sept. 22, 2025 / March 3rd
    rf"\b{_MONTH}\s+{_DAY}\b(?![:.]\d){_YEAR}",
    # 10 March / 3rd of March 2025
    rf"\b{_DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{_MONTH.replace('month>', 'month2>')}\b"
    rf"{_YEAR.replace('year>', 'year2>')}",
    # last Monday / Monday
    r"\b(?P<last>last\s+|next\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b",
    r"\b(?P<relative>" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")\b",
    # a fortnight ago / three days ago / 10 days ago
    r"\b(?P<ago_count>"
    + "|".join(AGO_COUNTS)
    + r"|\d{1,2})\s+(?P<ago_unit>"
    + "|".join(AGO_UNITS)
    + r")\s+ago\b",
    # the 14th (of this month): only with "the" and where nothing is counted after it
    # ("on the 14th, ...", "the 14th when ..."), so "the 14th floor" is not a date
    r"\bthe\s+(?P<ordinal>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|when|after|before|and|as|but|while|with|of\s+this\s+month)\b)",
]
DATE_RE = re.compile("|".join(_DATE_PATTERNS), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: its span, surface form and calendar day."""

    start: int
    end: int
    text: str
    day: date | None
    relative: bool
    weekday: str = ""  # a weekday name that could not be pinned to a day ("Monday")


def weekday_of_value(value: str) -> int | None:
    """The weekday (0 = Monday) a date claim's value names: an ISO day or a bare weekday name.

    Lets a weekday from an undated article ("said Wednesday") be compared
    with a weekday or a calendar day from another article.
    """
    if value.lower() in WEEKDAYS:
        return WEEKDAYS[value.lower()]
    try:
        return date.fromisoformat(value[:10]).weekday()
    except ValueError:
        return None


def resolve_weekday(weekday: int, published: date, *, strictly_before: bool = False) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``.

    With ``strictly_before`` ("last Monday") the publication day itself is excluded.
    """
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return published - timedelta(days=back)


def _shift(day: date, days: int) -> date | None:
    """``day`` moved by ``days``, or None past the ends of the calendar (years 1 and 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_DAY_MONTH_RE = re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
_MONTH_DAY_RE = re.compile(rf"\b{_MONTH}\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![:.]\d)", re.IGNORECASE)


def written_day_first(text: str) -> bool | None:
    """Whether a text writes its dates day-first ("3 April"), month-first ("April 3"), or
    ``None`` when it shows neither or both equally: the house style that decides "3/4/2025"."""
    day_first = len(_DAY_MONTH_RE.findall(text))
    month_first = len(_MONTH_DAY_RE.findall(text))
    if day_first == month_first:
        return None
    return day_first > month_first


def _resolve_numeric(
    text: str, separator: str, published: date | None, day_first_style: bool | None = None
) -> date | None:
    """An all-numeric date, read day-first or month-first, whichever is valid.

    When both readings are valid ("03/04/2025"), the article's own house style
    decides (its written dates: "3 April" or "April 3"); without one, the
    reading nearer the publication date wins, since news reports recent and
    coming days; without that either, a slash is read month-first (US style)
    and a dot day-first (European style).
    """
    first, second, year = (int(part) for part in text.split(separator))
    day_first = _safe_date(year, second, first)
    month_first = _safe_date(year, first, second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if day_first_style is not None:
        return day_first if day_first_style else month_first
    if published is not None:
        return min(
            (month_first, day_first) if separator == "/" else (day_first, month_first),
            key=lambda candidate: abs((candidate - published).days),
        )
    return month_first if separator == "/" else day_first


def _resolve_ordinal_day(day_of_month: int, published: date) -> date | None:
    """ "The 14th": the most recent 14th on or before publication (this month or the last)."""
    candidate = _safe_date(published.year, published.month, day_of_month)
    if candidate is not None and candidate <= published:
        return candidate
    year, month = (published.year, published.month - 1) if published.month > 1 else (
        published.year - 1, 12)  # fmt: skip
    return _safe_date(year, month, day_of_month)


def written_days(text: str) -> list[date]:
    """The full dates (day, month and year) ``text`` writes ("Wednesday, March 30, 2016")."""
    return [
        mention.day
        for mention in find_dates(text, None)
        if mention.day is not None and not mention.relative
    ]


def unresolved_day_spans(text: str, mentions: list[DateMention]) -> list[tuple[int, int]]:
    """Spans of calendar days named without a year that :func:`find_dates` could not pin
    ("April 14" in an undated article): not a claim, but their day number is no count either."""
    resolved = {(mention.start, mention.end) for mention in mentions}
    spans = []
    for match in DATE_RE.finditer(text):
        if (match.group("month") or match.group("month2")) and match.span() not in resolved:
            spans.append(match.span())
    return spans


def _weekday_in_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``text[start:end]`` is a word of a capitalised name, no date:
    written capitalised before a capitalised time of day ("Saturday Night Live")."""
    following = _CAPITALISED_NEXT.match(text, end)
    if following is None or not text[start].isupper():
        return False
    return following.group(1).lower() in NAME_TIME_WORDS


def find_dates(
    text: str,
    published: date | None,
    story_year: int | None = None,
    day_years: Mapping[tuple[int, int], int] | None = None,
) -> list[DateMention]:
    """Every date expression in ``text`` that can be pinned to a day.

    Without a publication date, only dates with an explicit year resolve (or a day and
    month the story writes in full elsewhere, in that year, from ``day_years``, (month,
    day) -> year; or else one in ``story_year``: news style leaves out the current year),
    and a plain weekday ("on Monday") is returned with ``day=None`` and its name.
    """
    mentions: list[DateMention] = []
    day_first_style: bool | None = None
    if re.search(r"\b[0-3]?\d[/.][0-3]?\d[/.](?:19|20)\d\d\b", text):
        day_first_style = written_day_first(text)
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        day: date | None = None
        relative = False
        if groups["iso"]:
            year, month, day_of_month = (int(part) for part in groups["iso"].split("-"))
            day = _safe_date(year, month, day_of_month)
        elif groups["numeric"]:
            day = _resolve_numeric(groups["numeric"], groups["sep"], published, day_first_style)
        elif groups["month"] or groups["month2"]:
            month = MONTHS[(groups["month"] or groups["month2"]).lower()]
            day_of_month = int(groups["day"] or groups["day2"])
            year_text = groups["year"] or groups["year2"]
            if year_text:
                day = _safe_date(int(year_text), month, day_of_month)
            elif published is not None:
                day = _safe_date(published.year, month, day_of_month)
            elif day_years and (month, day_of_month) in day_years:
                day = _safe_date(day_years[(month, day_of_month)], month, day_of_month)
            elif story_year is not None:
                day = _safe_date(story_year, month, day_of_month)
        elif groups["weekday"] and _weekday_in_name(text, match.start(), match.end()):
            continue
        elif groups["weekday"] and published is not None:
            if groups["last"] and groups["last"].lower().startswith("next"):
                ahead = (WEEKDAYS[groups["weekday"].lower()] - published.weekday()) % 7 or 7
                day = _shift(published, ahead)
            else:
                try:
                    day = resolve_weekday(
                        WEEKDAYS[groups["weekday"].lower()],
                        published,
                        strictly_before=bool(groups["last"]),
                    )
                except OverflowError:  # the first week of year 1 has no earlier weekday
                    day = None
            relative = True
        elif groups["weekday"] and not groups["last"]:
            name = groups["weekday"].capitalize()
            mentions.append(
                DateMention(match.start(), match.end(), match.group(0), None, True, name)
            )
            continue
        elif groups["relative"] and published is not None:
            key = re.sub(r"\s+", " ", groups["relative"].lower())
            day = _shift(published, RELATIVE_DAYS[key])
            relative = True
        elif groups["ago_count"] and published is not None:
            count_text = groups["ago_count"].lower()
            count = int(count_text) if count_text.isdigit() else AGO_COUNTS[count_text]
            day = _shift(published, -count * AGO_UNITS[groups["ago_unit"].lower()])
            relative = True
        elif groups["ordinal"] and published is not None:
            day = _resolve_ordinal_day(int(groups["ordinal"]), published)
            relative = True
        if day is not None:
            mentions.append(DateMention(match.start(), match.end(), match.group(0), day, relative))
    return mentions


# What may stand between a weekday and the calendar day it names: "Wednesday, March 30",
# "Wednesday March 30", "Wednesday 30 March".
_WEEKDAY_TO_DATE_RE = re.compile(r",?\s+")
# A year written in a calendar day's own words ("March 31, 2016").
_YEAR_RE = re.compile(r"\b\d{4}\b")


def join_weekdays_to_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each weekday written just before a calendar day ("Wednesday,
    March 30") joined to that day: one mention over both, the day's. A weekday beside the
    day it names is no second claim; left alone, an unplaced weekday of an undated article
    would compete with the day for the row. A weekday before a day that did not resolve,
    or before a day written with its year whose weekday it is not ("said Wednesday, March
    31, 2016 was the deadline", a Thursday: two claims, or a slip), stays as it was; a day
    without its year is joined whatever the weekday, since its year is only inferred."""
    joined: list[DateMention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            following is not None
            and _is_weekday(mention.text)
            and following.day is not None
            and not _is_weekday(following.text)
            and (
                following.day.weekday() == WEEKDAYS[mention.text.strip().lower()]
                or not _YEAR_RE.search(following.text)
            )
            and _WEEKDAY_TO_DATE_RE.fullmatch(text[mention.end : following.start])
        ):
            start, end = mention.start, following.end
            joined.append(DateMention(start, end, text[start:end], following.day, False))
            index += 2
            continue
        joined.append(mention)
        index += 1
    return joined


def _is_weekday(words: str) -> bool:
    return words.strip().lower() in WEEKDAYS


# Any day will do to tell a relative date ("Wednesday", "yesterday") from a calendar one.
_REFERENCE_DAY = date(2000, 1, 1)


def names_day_relatively(text: str) -> bool:
    """Whether a date's words place it only from the day of writing ("Wednesday",
    "yesterday", "three days ago", "the 14th"), with no calendar date ("June 5")."""
    mentions = find_dates(text, _REFERENCE_DAY)
    return bool(mentions) and all(mention.relative for mention in mentions)


def placed_by_stamp(claims: Iterable[Claim], stamp_dated: Collection[str]) -> bool:
    """Whether a disagreement over a day rests on a relative day ("confirmed Wednesday")
    that only a page stamp placed: its article has no publication time, and a stamp may
    be the day the page was updated, days after it was written. The other claims agree
    among themselves; where they differ too, the dispute stands without it."""
    claims = list(claims)
    uncertain = [
        claim
        for claim in claims
        if claim.kind == "date"
        and claim.article_id in stamp_dated
        and names_day_relatively(claim.text)
    ]
    certain = {claim.value for claim in claims if claim not in uncertain}
    return bool(uncertain) and len(certain) <= 1
