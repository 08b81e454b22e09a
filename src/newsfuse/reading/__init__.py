"""Ingest: read articles from files, folders, stdin and record dicts, with provenance.

Stage contract: :func:`read_inputs` returns raw articles (HTML already turned
into main text) and every input it had to skip; :mod:`newsfuse.clean` runs next.
"""

from __future__ import annotations

from newsfuse.reading.readers import read_inputs

__all__ = ["read_inputs"]
