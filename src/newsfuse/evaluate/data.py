"""Reading Multi-News style evaluation clusters from JSON Lines.

Each line is ``{"id": str, "documents": [str, ...], "summary": str}``. The
reader is strict about structure and forgiving about text: a bad line is
reported as :class:`~newsfuse.model.Skipped` (file:line and why) and the rest
go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.model import Skipped

# Multi-News concatenates documents with this marker in its raw release; some
# rows carry a single string that still holds it.
DOCUMENT_SEPARATOR = "|||||"


@dataclass(frozen=True, slots=True)
class Cluster:
    """One evaluation cluster: source documents about one event and a human reference summary."""

    id: str
    documents: tuple[str, ...]
    summary: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class ClusterSet:
    """The clusters read from a file, and every line that was skipped."""

    clusters: tuple[Cluster, ...]
    skipped: tuple[Skipped, ...] = ()


def _parse_line(line: str, origin: str) -> Cluster:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(origin, f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(origin, "expected a JSON object with id, documents and summary")
    cluster_id = record.get("id")
    documents = record.get("documents")
    summary = record.get("summary")
    if not isinstance(cluster_id, str | int) or str(cluster_id).strip() == "":
        raise InputError(origin, "field 'id' is missing or empty; give each cluster an id")
    if isinstance(documents, str):
        documents = documents.split(DOCUMENT_SEPARATOR)
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise InputError(origin, "field 'documents' must be a list of strings")
    kept = tuple(d.strip() for d in documents if d.strip())
    if not kept:
        raise InputError(origin, "field 'documents' holds no non-empty document")
    if not isinstance(summary, str) or not summary.strip():
        raise InputError(origin, "field 'summary' is missing or empty; it is the reference")
    # Raw Multi-News summaries start with an en dash ("– "): it is layout, not content.
    reference = summary.strip().removeprefix("–").strip()
    return Cluster(id=str(cluster_id), documents=kept, summary=reference, origin=origin)


def read_clusters(path: str | Path, *, limit: int | None = None) -> ClusterSet:
    """Read evaluation clusters from a JSON Lines file; bad lines are skipped and reported."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file; pass a Multi-News JSON Lines file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the file ({error})") from None
    clusters: list[Cluster] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(lines, start=1):
        if limit is not None and len(clusters) >= limit:
            break
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            clusters.append(_parse_line(line, origin))
        except InputError as error:
            skipped.append(Skipped(origin=error.origin, reason=error.reason))
    return ClusterSet(clusters=tuple(clusters), skipped=tuple(skipped))
