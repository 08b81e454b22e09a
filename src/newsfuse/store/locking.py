"""Telling SQLite's "another connection holds the lock" apart from real failures."""

from __future__ import annotations

import sqlite3


def is_lock_error(error: BaseException) -> bool:
    """True if ``error`` is SQLite's "database is locked" or "busy" (another connection
    holds the lock), as opposed to a real failure."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)
