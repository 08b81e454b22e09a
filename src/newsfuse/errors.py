"""The newsfuse exception hierarchy.

Every error says what was wrong, where (file:line or field) and, where it can,
what to do. The CLI prints ``str(error)`` on one line and exits non-zero.
"""

from __future__ import annotations

from datetime import datetime


class NewsfuseError(Exception):
    """Base class of every error newsfuse raises on purpose."""

    exit_code = 1


class InputError(NewsfuseError):
    """An input (file, line, record or field) could not be used."""

    exit_code = 2

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ConfigError(NewsfuseError):
    """A setting or option has a value newsfuse cannot use."""

    exit_code = 2


class StoreError(NewsfuseError):
    """The article store could not be opened, migrated or written."""

    exit_code = 3


class NotFoundError(NewsfuseError):
    """A story, storyline or article id does not exist in the store."""

    exit_code = 4


class ModelError(NewsfuseError):
    """A model (embeddings, spaCy) could not be loaded offline."""

    exit_code = 5


class FetchError(NewsfuseError):
    """A URL was refused or could not be fetched; ``retry_at`` is the earliest sensible retry."""

    exit_code = 6

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, retry_at: datetime | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_at = retry_at
