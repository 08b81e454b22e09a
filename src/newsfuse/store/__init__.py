"""The corpus store: where ingested articles, stories and storylines live.

The default is one SQLite file; its location is ``--db``, else ``$NEWSFUSE_DB``,
else the platform's per-user data directory (``$XDG_DATA_HOME/newsfuse/newsfuse.db``,
i.e. ``~/.local/share/newsfuse/newsfuse.db`` on Linux;
``~/Library/Application Support/newsfuse`` on macOS; ``%LOCALAPPDATA%\\newsfuse`` on
Windows), so that every command finds the same corpus wherever it runs from.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsfuse.store.base import Store, StoredArticle
from newsfuse.store.sqlite import MEMORY, SQLiteStore

__all__ = ["SQLiteStore", "Store", "StoredArticle", "default_db_path", "open_store"]

DB_ENVIRONMENT_VARIABLE = "NEWSFUSE_DB"
DB_FILE_NAME = "newsfuse.db"


def default_db_path() -> Path:
    """Where the store lives when no ``--db`` is given (see the module docstring)."""
    configured = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "newsfuse" / DB_FILE_NAME


def open_store(db: str | Path | None = None, *, memory: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``db`` or the default path.

    ``memory=True`` opens a new, private in-memory store instead (gone when closed).
    """
    if memory:
        return SQLiteStore(MEMORY)
    return SQLiteStore(Path(db).expanduser() if db is not None else default_db_path())
