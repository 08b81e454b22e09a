"""Dates in boilerplate stamps ("Last update: Mon, 11/07/2016 - 23:09", "Published 3 May").

A numeric date such as 11/07/2016 is ambiguous: 11 July (day first) or
7 November (month first). When the stamp names a weekday we take the reading
that falls on that weekday; otherwise day-first, the order most of the world
(and most non-US outlets, which are the ones that print such stamps) uses.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_MONTH_NAME = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH_NAME},?\s+(?P<year>\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH_NAME}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I
)
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.I)
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# Words that introduce a stamp; dropped before handing the rest to dateparser.
_STAMP_WORDS = re.compile(
    r"\b(last|updated?|published|posted|modified|created|on|at|date|time|dateline)\b:?", re.I
)


# A stamp's labels: the day a page changed ("Updated", "Last modified") or was first put
# out ("Published", "Posted", "Created").
_LABEL = re.compile(
    r"\b(?:last\s+)?(?:(?P<update>updated?|modified)|published|posted|created)\b", re.I
)


def names_update(text: str) -> bool:
    """Whether a stamp labels a date as an update's ("Updated", "Last modified")."""
    return any(match["update"] is not None for match in _LABEL.finditer(text))


def stamp_parts(text: str) -> list[tuple[bool, datetime]]:
    """Each dated part of a stamp, in order, with whether its label names an update:
    "Published 3 May 2024 | Updated 5 May 2024" gives (False, 3 May), (True, 5 May).
    Text before the first label (a bare date) is no update's."""
    starts = [0, *(match.start() for match in _LABEL.finditer(text))]
    parts = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[start:end]
        when = parse_stamp(piece) if piece.strip() else None
        if when is not None:
            label = _LABEL.match(piece)
            parts.append((label is not None and label["update"] is not None, when))
    return parts


def parse_stamp(text: str) -> datetime | None:
    """Return the (timezone-aware, UTC if unzoned) date-time a stamp line states, or None."""
    iso = _ISO.search(text)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
        hour, minute = int(iso[4] or 0), int(iso[5] or 0)
        return _make(year, month, day, hour, minute)
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        return _parse_numeric(text, numeric)
    named = _parse_month_name(text)
    return named if named is not None else _parse_words(text)


def _parse_month_name(text: str) -> datetime | None:
    match = _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text)
    if not match:
        return None
    month = MONTHS.index(match["month"].lower()[:3]) + 1
    hour, minute = _find_time(text)
    return _make(int(match["year"]), month, int(match["day"]), hour, minute)


def _parse_numeric(text: str, match: re.Match[str]) -> datetime | None:
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if year < 100:
        year += 2000
    hour, minute = _find_time(text)
    day_first = _make(year, second, first, hour, minute)
    month_first = _make(year, first, second, hour, minute)
    weekday = _WEEKDAY.search(text)
    if weekday:
        wanted = WEEKDAYS.index(weekday[1].lower()[:3])
        for candidate in (day_first, month_first):
            if candidate is not None and candidate.weekday() == wanted:
                return candidate
    return day_first or month_first


def _find_time(text: str) -> tuple[int, int]:
    match = _TIME.search(text)
    if not match:
        return 0, 0
    hour, minute = int(match[1]), int(match[2])
    suffix = (match[4] or "").lower().replace(".", "")
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour < 24 and minute < 60 else (0, 0)


def _make(year: int, month: int, day: int, hour: int, minute: int) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, tzinfo=UTC)
    except ValueError:
        return None


def _parse_words(text: str) -> datetime | None:
    # Loaded only for a stamp in words: dateparser takes about 0.15 s to import.
    import dateparser

    cleaned = _STAMP_WORDS.sub(" ", text)
    cleaned = re.sub(r"\bby\b.*$", "", cleaned, flags=re.I)  # "... 10:54 am ET by Staff"
    cleaned = " ".join(cleaned.replace("|", " ").split()).strip(" -–—:,")
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"},
    )
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
