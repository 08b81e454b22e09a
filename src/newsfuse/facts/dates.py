"""Dates in news copy, resolved to calendar days against the publication date.

Explicit dates ("March 10", "10 March", "Sept. 22, 2025", "March 3rd",
"2025-03-03", "03/04/2025", "3.4.2025") without a year take the publication year. Relative ones are
resolved as news style uses them: a weekday name means the most recent such
day on or before publication ("Monday" in a piece published on Tuesday
2025-03-11 is 2025-03-10); "yesterday" is the day before publication,
"today"/"tonight" the day itself; "last <weekday>" the one strictly before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

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
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
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
]
DATE_RE = re.compile("|".join(_DATE_PATTERNS), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text: its span, surface form and calendar day."""

    start: int
    end: int
    text: str
    day: date
    relative: bool


def resolve_weekday(weekday: int, published: date, *, strictly_before: bool = False) -> date:
    """The most recent ``weekday`` (0 = Monday) on or before ``published``.

    With ``strictly_before`` ("last Monday") the publication day itself is excluded.
    """
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return published - timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_numeric(text: str, separator: str, published: date | None) -> date | None:
    """An all-numeric date, read day-first or month-first, whichever is valid.

    When both readings are valid ("03/04/2025"), the one nearer the publication
    date wins, since news reports recent and coming days; without one, a slash
    is read month-first (US style) and a dot day-first (European style).
    """
    first, second, year = (int(part) for part in text.split(separator))
    day_first = _safe_date(year, second, first)
    month_first = _safe_date(year, first, second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if published is not None:
        return min(
            (month_first, day_first) if separator == "/" else (day_first, month_first),
            key=lambda candidate: abs((candidate - published).days),
        )
    return month_first if separator == "/" else day_first


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in ``text`` that can be pinned to a day.

    Without a publication date, only dates with an explicit year resolve.
    """
    mentions: list[DateMention] = []
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        day: date | None = None
        relative = False
        if groups["iso"]:
            year, month, day_of_month = (int(part) for part in groups["iso"].split("-"))
            day = _safe_date(year, month, day_of_month)
        elif groups["numeric"]:
            day = _resolve_numeric(groups["numeric"], groups["sep"], published)
        elif groups["month"] or groups["month2"]:
            month = MONTHS[(groups["month"] or groups["month2"]).lower()]
            day_of_month = int(groups["day"] or groups["day2"])
            year_text = groups["year"] or groups["year2"]
            if year_text:
                day = _safe_date(int(year_text), month, day_of_month)
            elif published is not None:
                day = _safe_date(published.year, month, day_of_month)
        elif groups["weekday"] and published is not None:
            if groups["last"] and groups["last"].lower().startswith("next"):
                ahead = (WEEKDAYS[groups["weekday"].lower()] - published.weekday()) % 7 or 7
                day = published + timedelta(days=ahead)
            else:
                day = resolve_weekday(
                    WEEKDAYS[groups["weekday"].lower()],
                    published,
                    strictly_before=bool(groups["last"]),
                )
            relative = True
        elif groups["relative"] and published is not None:
            key = re.sub(r"\s+", " ", groups["relative"].lower())
            day = published + timedelta(days=RELATIVE_DAYS[key])
            relative = True
        if day is not None:
            mentions.append(DateMention(match.start(), match.end(), match.group(0), day, relative))
    return mentions
