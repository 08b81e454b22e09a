"""Stores written before publication times stopped coming from body dates.

Such stores hold articles whose ``date_source`` is ``"mentioned"``: their event time is a
date the story's sentences mention ("in 1944"), not when the report was published. They
are rewritten once, when a corpus opens the store
(:func:`newsfuse.corpus.listing.repair_old_dates`), as what they are (undated: the ingest
time stands in, source ``"ingested"``), and the dates their stories keep for grouping are
recomputed from the members' real dates, so no story's first date comes from an
article's body.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from newsfuse.group.features import KNOWN_DATE_SOURCES

# The date source of the old rows, and the meta key recording that a store was checked.
MENTIONED = "mentioned"
REPAIRED_META_KEY = "mentioned_dates_repaired"


def repair_mentioned_dates(connection: sqlite3.Connection) -> list[str]:
    """Rewrite ``"mentioned"`` article dates as ``"ingested"`` and recompute the known
    dates of their stories; return the ids of the stories changed (the caller refreshes
    their listing columns). Runs inside the caller's transaction."""
    stories = [
        str(row[0])
        for row in connection.execute(
            "SELECT DISTINCT story_id FROM articles WHERE date_source = ? ORDER BY story_id",
            (MENTIONED,),
        )
    ]
    if not stories:
        return []
    connection.execute(
        "UPDATE articles SET event_time = ingested_at, date_source = 'ingested' "
        "WHERE date_source = ?",
        (MENTIONED,),
    )
    marks = ",".join("?" for _ in KNOWN_DATE_SOURCES)
    for story_id in stories:
        times = sorted(
            datetime.fromisoformat(str(row[0]))
            for row in connection.execute(
                f"SELECT event_time FROM articles WHERE story_id = ? AND date_source IN ({marks})",
                (story_id, *KNOWN_DATE_SOURCES),
            )
        )
        connection.execute(
            "UPDATE stories SET first_known = ?, last_known = ?, days = ? WHERE id = ?",
            (
                times[0].isoformat() if times else None,
                times[-1].isoformat() if times else None,
                json.dumps(sorted({t.toordinal() for t in times})),
                story_id,
            ),
        )
    return stories
