"""Read articles from paths, folders, stdin and record dicts, keeping provenance.

Bad inputs never stop a read: each becomes a :class:`~newsfuse.model.Skipped`
with a one-line reason naming the file (and line) and what to do, and the rest
go through. Only programming errors (an input of the wrong Python type) raise.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from newsfuse.config import MAX_INPUT_BYTES
from newsfuse.errors import InputError
from newsfuse.model import Article, ReadReport, Skipped
from newsfuse.reading.decode import decode_bytes, normalise_text
from newsfuse.reading.html import extract_html, looks_like_html
from newsfuse.reading.records import RawArticle, read_record
from newsfuse.reading.text import is_multinews, split_multinews, split_title

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})

STDIN_NAME = "<stdin>"

Input = str | Path | Mapping[str, Any]
Item = RawArticle | Skipped


def read_inputs(inputs: Sequence[Input], *, stdin: TextIO | None = None) -> ReadReport:
    """Read raw (uncleaned) articles from every input; bad inputs become ``skipped``.

    Inputs are paths to files or folders (read recursively, sorted, hidden files
    ignored), ``"-"`` for JSON Lines on ``stdin`` (``sys.stdin`` if not given), or
    record dicts. Article ids are the record's ``id``, else the file stem, else
    ``<cluster>/<index>`` for cluster members; colliding derived ids get ``~2``,
    ``~3``; a record whose explicit id repeats an earlier explicit id is skipped.
    """
    items: list[Item] = []
    seen_paths: set[Path] = set()
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Mapping):
            items.extend(read_record(item, f"<record {number}>", f"record-{number}"))
        elif isinstance(item, str | Path):
            if str(item) == "-":
                items.extend(_read_stdin(stdin))
            else:
                items.extend(_read_path(Path(item), seen_paths))
        else:
            raise TypeError(
                f"read_inputs: input {number} must be a path, '-' or a record dict, "
                f"got {type(item).__name__}"
            )
    return _make_ids_unique(items)


def _make_ids_unique(items: list[Item]) -> ReadReport:
    articles: list[Article] = []
    skipped: list[Skipped] = []
    owners: dict[str, tuple[str, bool]] = {}  # id -> (origin, explicit)
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        article = item.article
        if article.id in owners:
            first_origin, first_explicit = owners[article.id]
            if item.explicit_id and first_explicit:
                skipped.append(
                    Skipped(
                        article.origin,
                        f'duplicate id "{article.id}" (already used by {first_origin}); '
                        "give every record a unique id",
                    )
                )
                continue
            suffix = 2
            while f"{article.id}~{suffix}" in owners:
                suffix += 1
            article = replace(article, id=f"{article.id}~{suffix}")
        owners[article.id] = (article.origin, item.explicit_id)
        articles.append(article)
    return ReadReport(articles=tuple(articles), skipped=tuple(skipped))


def _read_stdin(stdin: TextIO | None) -> Iterator[Item]:
    if stdin is None:
        stdin = sys.stdin
    text = stdin.read(MAX_INPUT_BYTES + 1)
    if len(text) > MAX_INPUT_BYTES:
        yield Skipped(STDIN_NAME, f"is larger than {MAX_INPUT_BYTES} characters; split the input")
        return
    if not text.strip():
        yield Skipped(STDIN_NAME, "is empty; pipe JSON Lines (one article object per line)")
        return
    yield from _read_json_lines(normalise_newlines(text), STDIN_NAME, "stdin")


def normalise_newlines(text: str) -> str:
    """Unify line ends so line numbers in messages match what editors show."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_path(path: Path, seen_paths: set[Path]) -> Iterator[Item]:
    if not path.exists():
        yield Skipped(str(path), "does not exist; check the path")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _is_hidden(p, path))
        found = 0
        for file in files:
            for item in _read_file(file, seen_paths):
                found += isinstance(item, RawArticle)
                yield item
        if not found:
            what = "no readable article" if files else "no (non-hidden) files"
            yield Skipped(str(path), f"folder has {what}; point to .txt, .html or .jsonl files")
        return
    yield from _read_file(path, seen_paths)


def _read_file(path: Path, seen_paths: set[Path]) -> Iterator[Item]:
    origin = str(path)
    resolved = path.resolve()
    if resolved in seen_paths:
        yield Skipped(origin, "was already read (given twice, or inside a folder also given)")
        return
    seen_paths.add(resolved)
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield Skipped(
                origin,
                f"is {size / 1e6:.1f} MB, over the {MAX_INPUT_BYTES / 1e6:.0f} MB limit "
                "(MAX_INPUT_BYTES); split it or raise the limit",
            )
            return
        if size == 0:
            yield Skipped(origin, "is empty; nothing to read")
            return
        data = path.read_bytes()
    except OSError as error:
        yield Skipped(origin, f"cannot be read: {error.strerror or error}")
        return
    try:
        text = decode_bytes(data, origin)
        yield from _read_text(text, path)
    except InputError as error:
        yield Skipped(error.origin, error.reason)


def _read_text(raw_text: str, path: Path) -> Iterator[Item]:
    origin, stem, suffix = str(path), path.stem, path.suffix.lower()
    if not raw_text.strip():
        yield Skipped(origin, "has only whitespace; nothing to read")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_json_lines(normalise_newlines(raw_text), origin, stem)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(raw_text, origin, stem)
    elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(raw_text)):
        yield _read_html(raw_text, origin, stem)
    elif suffix not in TEXT_SUFFIXES and raw_text.lstrip().startswith("{"):
        yield from _read_json_lines(normalise_newlines(raw_text), origin, stem)
    elif is_multinews(raw_text):
        yield from _read_multinews(normalise_text(raw_text), origin, stem)
    else:
        text = normalise_text(raw_text)
        title, body = split_title(text)
        yield RawArticle(Article(id=stem, text=body, title=title, origin=origin), False)


def _read_html(html: str, origin: str, stem: str) -> RawArticle:
    page = extract_html(html, origin)
    article = Article(
        id=stem,
        text=page.text,
        title=page.title,
        source=page.source,
        url=page.url,
        published=page.published,
        author=page.author,
        origin=origin,
    )
    return RawArticle(article, False)


def _read_multinews(text: str, origin: str, stem: str) -> Iterator[Item]:
    clusters = split_multinews(text)
    for number, documents in enumerate(clusters, start=1):
        cluster = stem if len(clusters) == 1 else f"{stem}-{number}"
        where = origin if len(clusters) == 1 else f"{origin}:{number}"
        for index, document in enumerate(documents):
            if not document:
                yield Skipped(where, f"Multi-News document {index} is empty")
                continue
            article = Article(id=f"{cluster}/{index}", text=document, origin=where)
            yield RawArticle(article, False)


def _read_json_lines(text: str, origin: str, stem: str) -> Iterator[Item]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(
                where,
                f"malformed JSON ({error.msg} at column {error.colno}); "
                "fix the line: one JSON object per line",
            )
            continue
        yield from read_record(record, where, stem)


def _read_json(text: str, origin: str, stem: str) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        yield Skipped(
            f"{origin}:{error.lineno}",
            f"malformed JSON ({error.msg} at column {error.colno}); fix the file",
        )
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records):
        yield from read_record(record, origin if len(records) == 1 else f"{origin}[{index}]", stem)
