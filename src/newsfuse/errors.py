"""The newsfuse exception hierarchy and the one table of exit statuses.

Every error says what was wrong, where (file:line or field) and, where it can,
what to do. The CLI prints ``str(error)`` on one line and exits with the
error's ``exit_code``, a member of :class:`ExitCode`.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status of the ``newsfuse`` command, in one place.

    Scripts branch on these, so a value never changes meaning; 2 is also what
    click uses for a usage error, 70 is ``EX_SOFTWARE`` from BSD ``sysexits.h``
    and 130 is the shell's 128 + SIGINT.
    """

    OK = 0
    ERROR = 1  # a failure that has no more specific status
    BAD_INPUT = 2  # bad input or usage, or nothing usable was read
    SKIPPED = 3  # the work was done, but some inputs were skipped
    NOT_FOUND = 4  # a story, storyline or article id is not in the store
    MODEL_UNAVAILABLE = 5  # a model could not be loaded offline
    STORE_ERROR = 6  # the store could not be opened, migrated or written
    FETCH_FAILED = 7  # a URL was refused (not allowed, robots.txt) or could not be fetched
    INTERNAL_ERROR = 70  # a bug in newsfuse: please report it
    INTERRUPTED = 130  # stopped by Ctrl-C


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(NewsfuseError):
    """An input (file, line, record or field) could not be used."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ConfigError(NewsfuseError):
    """A setting or option has a value newsfuse cannot use."""

    exit_code = ExitCode.BAD_INPUT


class StoreError(NewsfuseError):
    """The article store could not be opened, migrated or written."""

    exit_code = ExitCode.STORE_ERROR


class NotFoundError(NewsfuseError):
    """A story, storyline or article id does not exist in the store."""

    exit_code = ExitCode.NOT_FOUND


class ModelError(NewsfuseError):
    """A model (embeddings, spaCy) could not be loaded offline."""

    exit_code = ExitCode.MODEL_UNAVAILABLE


class FetchError(NewsfuseError):
    """A URL was refused or could not be fetched; ``retry_at`` is the earliest sensible retry."""

    exit_code = ExitCode.FETCH_FAILED

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_at: datetime | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_at = retry_at
