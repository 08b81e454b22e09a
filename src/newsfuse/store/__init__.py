"""The corpus store: where ingested articles, stories and storylines live.

The default is one SQLite file; its location is ``--db``, else ``$NEWSFUSE_DB``,
else the platform's per-user data directory (``$XDG_DATA_HOME/newsfuse/newsfuse.db``,
i.e. ``~/.local/share/newsfuse/newsfuse.db`` on Linux;
``~/Library/Application Support/newsfuse`` on macOS; ``%LOCALAPPDATA%\\newsfuse`` on
Windows), so that every command finds the same corpus wherever it runs from.

Several processes may use one store at once; a writer waits for another's lock at
most ``--lock-timeout`` seconds, else ``$NEWSFUSE_LOCK_TIMEOUT``, else
:data:`~newsfuse.store.sqlite.DEFAULT_LOCK_TIMEOUT` (30 s), then gives up with a
:class:`~newsfuse.errors.StoreError`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsfuse.config import environment_number
from newsfuse.errors import ConfigError
from newsfuse.store.base import Store, StoredArticle
from newsfuse.store.sqlite import DEFAULT_LOCK_TIMEOUT, MEMORY, SQLiteStore

__all__ = [
    "SQLiteStore",
    "Store",
    "StoredArticle",
    "default_db_path",
    "lock_timeout_setting",
    "open_store",
]

DB_ENVIRONMENT_VARIABLE = "NEWSFUSE_DB"
LOCK_TIMEOUT_ENVIRONMENT_VARIABLE = "NEWSFUSE_LOCK_TIMEOUT"
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


def lock_timeout_setting(given: float | None = None) -> float:
    """Seconds a writer waits for the store's lock: ``given``, else
    ``$NEWSFUSE_LOCK_TIMEOUT``, else :data:`DEFAULT_LOCK_TIMEOUT`."""
    if given is None:
        configured = environment_number(LOCK_TIMEOUT_ENVIRONMENT_VARIABLE, "seconds")
        return DEFAULT_LOCK_TIMEOUT if configured is None else configured
    if not given >= 0:
        raise ConfigError(f"the lock timeout must be 0 or more seconds (got {given})")
    return given


def open_store(
    db: str | Path | None = None,
    *,
    memory: bool = False,
    lock_timeout: float | None = None,
    cache_kib: int | None = None,
) -> Store:
    """Open (creating and migrating if needed) the store at ``db`` or the default path.

    ``memory=True`` opens a new, private in-memory store instead (gone when closed).
    ``lock_timeout`` is the longest wait for another process's write lock, in seconds
    (see :func:`lock_timeout_setting`). ``cache_kib`` bounds the connection's page
    cache (default SQLite's 2,000 KiB).
    """
    timeout = lock_timeout_setting(lock_timeout)
    if memory:
        return SQLiteStore(MEMORY, lock_timeout=timeout, cache_kib=cache_kib)
    path = Path(db).expanduser() if db is not None else default_db_path()
    return SQLiteStore(path, lock_timeout=timeout, cache_kib=cache_kib)
