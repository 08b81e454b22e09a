"""The per-user model cache: where it is, and how files in it are written and trusted.

Built files are written to a temporary name and renamed into place under an
exclusive lock, with a ``.sha256`` sidecar; a file whose hash does not match its
sidecar (partial, corrupt or replaced) is rebuilt, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Environment variable that moves the cache (a read-only home, a shared build machine).
CACHE_ENV = "NEWSFUSE_CACHE_DIR"


def cache_directory() -> Path:
    """Where newsfuse keeps per-user caches: $NEWSFUSE_CACHE_DIR, else the XDG cache dir."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newsfuse"


def hash_file(path: Path) -> str:
    """The SHA-256 hex digest of the file at ``path``."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def hash_weights(weights: Path, cache: Path) -> str:
    """The weights' hash, remembered in the cache against the file's size and mtime.

    The stamp turns hashing the 90 MB weights on every model load into one
    ``stat``. A changed file (reinstalled package) changes size or mtime and is
    hashed again. Any problem with the stamp just means hashing.
    """
    status = weights.stat()
    fingerprint = f"{weights.resolve()} {status.st_size} {status.st_mtime_ns}"
    stamp = cache / "weights.sha256-stamp"
    with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
        recorded_fingerprint, digest = stamp.read_text(encoding="utf-8").rsplit("\n", 2)[:2]
        if recorded_fingerprint == fingerprint and len(digest) == 64:
            return digest
    digest = hash_file(weights)
    with contextlib.suppress(OSError):
        cache.mkdir(parents=True, exist_ok=True)
        write_atomically(stamp, f"{fingerprint}\n{digest}\n".encode())
    return digest


def is_intact(path: Path) -> bool:
    """True if ``path`` exists and its hash is the one recorded when it was built.

    A successful check is remembered in a ``.verified`` stamp against the file's
    size, mtime and inode, so that a fresh process trusts an unchanged file after
    one ``stat`` instead of hashing 50 MB of models at every start; a file that
    is cut short, rewritten or replaced changes its fingerprint and is hashed again.
    """
    try:
        recorded = _sidecar(path).read_text(encoding="ascii").strip()
        status = path.stat()
    except (OSError, UnicodeDecodeError):
        return False
    fingerprint = f"{status.st_size} {status.st_mtime_ns} {status.st_ino} {recorded}"
    stamp = path.with_name(path.name + ".verified")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if stamp.read_text(encoding="ascii") == fingerprint:
            return True
    try:
        intact = path.is_file() and recorded == hash_file(path)
    except OSError:
        return False
    if intact:
        with contextlib.suppress(OSError):
            write_atomically(stamp, fingerprint.encode("ascii"))
    return intact


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (a no-op where fcntl is missing)."""
    try:
        import fcntl  # here, not at the top: Windows has no fcntl
    except ImportError:  # pragma: no cover - Windows: atomic renames still keep files whole
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def store_with_hash(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` and its hash to the sidecar that :func:`is_intact` reads."""
    write_atomically(target, data)
    digest = hashlib.sha256(data).hexdigest()
    write_atomically(_sidecar(target), (digest + "\n").encode("ascii"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so no reader sees half of it."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")
