"""Backups of a SQLite store, taken and put back while other processes use it.

Both directions use SQLite's online backup API (``sqlite3.Connection.backup``):
a backup is one consistent snapshot (the copy runs as one read transaction, which
in WAL mode never blocks writers), and a restore copies the pages back through
SQLite's own locking, so processes that keep the store open see the restored
content rather than a file swapped under them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsfuse.errors import StoreError
from newsfuse.store.locking import is_lock_error
from newsfuse.store.schema import SCHEMA_VERSION, read_version

# Suffix of the file a backup is written to before it is renamed into place, so that a
# backup interrupted half-way never looks like a finished one.
PARTIAL_SUFFIX = ".partial"


def backup_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database open on ``source`` to the file ``target`` (replaced if present),
    check the copy, then move it into place."""
    target = Path(target).expanduser()
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            # pages=-1: the whole file in one step, i.e. one snapshot, however busy the store.
            source.backup(copy, pages=-1)
            # A backup is a single self-contained file: no -wal or -shm beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        problems = verify_backup(partial)
        if problems:
            raise StoreError(f"{target}: the copy failed its check ({problems[0]}); not kept")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"{target}: cannot write the backup ({error})") from error
    finally:
        partial.unlink(missing_ok=True)


def verify_backup(path: Path) -> list[str]:
    """Problems of the store file at ``path`` (read only): SQLite's integrity check,
    a schema this newsfuse can read, and the store's own consistency; empty when usable."""
    if not path.is_file():
        return [f"{path} is not a file"]
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return [f"cannot open {path}: {error}"]
    try:
        version = read_version(connection)
        if version == 0:
            return [f"{path} is not a newsfuse store (no schema version)"]
        if version > SCHEMA_VERSION:
            return [f"{path} has schema version {version}, newer than {SCHEMA_VERSION}"]
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        return [] if problems == ["ok"] else problems
    except sqlite3.Error as error:
        return [f"{path} is not a SQLite database ({error})"]
    finally:
        connection.close()


def restore_database(
    backup: Path, target: Path, *, force: bool = False, lock_timeout: float = 30.0
) -> None:
    """Put the backup file ``backup`` back as the store ``target``.

    The backup is checked first (:func:`verify_backup`). A store that another
    process has open is refused unless ``force``: restoring under a running
    ingest undoes its work, which the user should choose knowingly.
    """
    backup = Path(backup).expanduser()
    target = Path(target).expanduser()
    problems = verify_backup(backup)
    if problems:
        raise StoreError(f"{backup}: not restored, the backup failed its check: {problems[0]}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(target, timeout=lock_timeout, isolation_level=None)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"{target}: cannot open the store to restore into ({error})") from error
    try:
        if not force and _in_use(destination):
            raise StoreError(
                f"{target}: the store is open in another process (serve, ingest, watch); "
                "stop it first, or pass --force to restore under it"
            )
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(destination, pages=-1)
        finally:
            source.close()
        destination.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        if is_lock_error(error):
            raise StoreError(
                f"{target}: the store stayed locked for {lock_timeout:g} s; not restored"
            ) from error
        raise StoreError(f"{target}: restore failed ({error})") from error
    finally:
        destination.close()


def _in_use(connection: sqlite3.Connection) -> bool:
    """True if another connection has the store open: leaving WAL mode needs the file to
    ourselves, so SQLite refuses (or keeps "wal") while anyone else holds it."""
    # No waiting: an open connection elsewhere holds its lock for as long as it lives.
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as error:
        if is_lock_error(error):
            return True
        raise
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout)}")
    return str(mode[0]).lower() == "wal"
