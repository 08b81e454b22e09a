"""Publication dates as found in records and page metadata, to aware datetimes.

Shared by the record reader and the HTML extractor, which both meet dates in
every form a feed or a page offers.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

# Languages dateparser tries for free-text dates. Letting it guess among all of its
# ~200 locales costs seconds per unparseable string; these cover the outlets we expect.
DATE_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "tr")

_ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def parse_published(value: Any) -> datetime | None:
    """Parse a publication date: ISO 8601, epoch seconds, or free text via dateparser.

    The result is timezone-aware; a date without a zone is taken as UTC.
    Returns None when the value cannot be read as a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        parsed = datetime.fromtimestamp(value, tz=UTC)
    elif isinstance(value, str):
        text = value.strip()
        parsed = None
        if _ISO_DATE.match(text):
            try:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                parsed = None
        if parsed is None and any(character.isdigit() for character in text):
            # Loaded only for free-text dates: dateparser takes about 0.15 s to import.
            import dateparser

            parsed = dateparser.parse(
                text,
                languages=list(DATE_LANGUAGES),
                settings={"RETURN_AS_TIMEZONE_AWARE": False},
            )
    else:
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
