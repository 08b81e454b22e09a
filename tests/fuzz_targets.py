"""The fuzzing targets: one check per input-facing stage, shared by hypothesis and atheris.

Each ``check_*`` function feeds one input to a stage and asserts the robustness
property of issue 17: the stage raises nothing but the documented
``newsfuse.errors`` classes (an :class:`AssertionError` or any other exception
escapes, which is a finding), and every character offset it returns is in range
and indexes the text it claims to (``text[start:end] == span.text``).
``tests/test_properties.py`` drives them with hypothesis strategies and
``benchmarks/fuzz.py`` with atheris' coverage-guided byte strings
(:data:`BYTE_TARGETS` maps a target name to a check over raw bytes).
"""

from __future__ import annotations

import contextlib
import io
import math
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.model import Article, Claim, Sentence

ORIGIN = "<fuzz>"

# Suffixes a reader dispatches on; "" makes it sniff the content (HTML, JSON Lines, text).
READER_SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".md", "")

# Publication days that stress date arithmetic: the ends of the calendar, and an ordinary day.
EDGE_DAYS = (date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), date(2026, 3, 10), None)


def check_spans(text: str, spans: Sequence[Sentence | Claim]) -> None:
    """Every span lies inside ``text`` and its ``text`` is exactly the slice it names."""
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), (span.start, span.end, len(text))
        assert text[span.start : span.end] == span.text, (span.start, span.end, span.text)


def check_decode(data: bytes) -> None:
    """``decode_bytes`` gives text or :class:`InputError`; the normalised text keeps no controls."""
    from newsfuse.reading.decode import decode_bytes, normalise_text

    try:
        text = decode_bytes(data, ORIGIN)
    except InputError as error:
        assert error.origin == ORIGIN and "\n" not in error.reason
        return
    assert isinstance(text, str)
    normalised = normalise_text(text)
    assert "\r" not in normalised and "\x00" not in normalised


def check_html(markup: str) -> None:
    """``extract_html`` gives a page with non-empty text, or :class:`InputError`."""
    from newsfuse.reading.html import extract_html

    try:
        page = extract_html(markup, ORIGIN)
    except InputError:
        return
    assert page.text.strip(), "an extracted page must have text"
    assert page.published is None or page.published.tzinfo is not None


def check_read_text(content: str, *, html: bool | None = None) -> None:
    """``newsfuse.read_text`` gives one cleaned article or :class:`InputError`."""
    from newsfuse.pipeline import read_text

    try:
        article = read_text(content, html=html)
    except InputError:
        return
    assert article.text and not article.non_article
    check_removals(article)


def check_readers(payload: bytes, suffix: str) -> None:
    """``read_inputs`` on a file of these bytes (and on stdin) never raises; articles have text."""
    from newsfuse.reading import read_inputs

    with tempfile.TemporaryDirectory(prefix="newsfuse-fuzz-") as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(payload)
        _check_report(read_inputs([path]))
        _check_report(read_inputs([Path(folder)]))
    stdin = io.StringIO(payload.decode("utf-8", "replace"))
    _check_report(read_inputs(["-"], stdin=stdin))


def check_records(records: Sequence[object]) -> None:
    """``read_inputs`` on arbitrary (JSON-like) records skips bad ones and never raises."""
    from newsfuse.reading import read_inputs

    mappings = [record for record in records if isinstance(record, dict)]
    _check_report(read_inputs(mappings))


def _check_report(report: object) -> None:
    from newsfuse.model import ReadReport

    assert isinstance(report, ReadReport)
    ids = [article.id for article in report.articles]
    assert len(ids) == len(set(ids)), "article ids must be unique"
    for article in report.articles:
        assert article.text, "a read article has text"
        assert article.published is None or article.published.tzinfo is not None
    for skipped in report.skipped:
        assert skipped.reason and "\n" not in skipped.reason, skipped.reason


def check_clean(text: str, title: str = "") -> None:
    """``clean_article`` keeps only lines of the input, and removes only lines of the input."""
    from newsfuse.clean import clean_article, clean_articles

    article = Article(id="a", text=text, title=title)
    cleaned = clean_article(article)
    check_removals(cleaned, original=text)
    for line in cleaned.text.split("\n"):
        assert line.strip() in text, line
    # Two copies of one article: the batch path (repeated lines) must not fail either.
    for each in clean_articles([article, Article(id="b", text=text)]):
        check_removals(each, original=text)


def check_removals(article: Article, original: str | None = None) -> None:
    """Every removed block is made of lines of the text it was removed from."""
    for removal in article.removed:
        assert removal.reason, "a removal has a reason"
        if original is not None:
            for line in removal.text.split("\n"):
                assert line in original, (line, removal.reason)


def check_segment(text: str) -> None:
    """``split_sentences`` spans index the text, in order, without overlap, covering every word."""
    from newsfuse.segment import split_sentences

    sentences = split_sentences(Article(id="a", text=text))
    check_spans(text, sentences)
    covered = [False] * len(text)
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.start >= previous_end, "sentences overlap or are out of order"
        assert sentence.start < sentence.end, "an empty sentence"
        previous_end = sentence.end
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    for position, character in enumerate(text):
        assert covered[position] or character.isspace(), (position, character)


def check_numbers(text: str, decimal_comma: bool = False) -> None:
    """Numeral and number-word parsers give a finite non-negative float or None on any match."""
    from newsfuse.facts.numbers import (
        DIGITS_RE,
        NUMBER_WORDS_RE,
        format_value,
        parse_number_words,
        parse_numeral,
    )

    for value in (parse_numeral(text, decimal_comma=decimal_comma), parse_number_words(text)):
        _check_number(value, format_value)
    for match in DIGITS_RE.finditer(text):
        _check_number(parse_numeral(match.group(0), decimal_comma=decimal_comma), format_value)
    for match in NUMBER_WORDS_RE.finditer(text):
        _check_number(parse_number_words(match.group(0)), format_value)


def _check_number(value: float | None, format_value: Callable[[float], str]) -> None:
    if value is None:
        return
    assert value >= 0, value
    if math.isfinite(value):
        assert format_value(value)


def check_dates(text: str, published: date | None) -> None:
    """``find_dates`` returns mentions whose spans index the text, for any publication day."""
    from newsfuse.facts.dates import find_dates, weekday_of_value

    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.day is not None or mention.weekday
        if mention.day is not None:
            assert weekday_of_value(mention.day.isoformat()) == mention.day.weekday()


def check_units(text: str) -> None:
    """Every unit the extractor's pattern matches is known and converts both ways."""
    from newsfuse.facts.units import UNIT_RE, from_base, lookup_unit, to_base

    for match in UNIT_RE.finditer(text):
        alias = match.group(0)
        assert lookup_unit(alias) is not None, alias
        value, _base = to_base(2.0, alias)
        assert math.isclose(from_base(value, alias), 2.0, rel_tol=1e-9, abs_tol=1e-9), alias
    with contextlib.suppress(KeyError):  # documented: an alias that is not a unit
        to_base(1.0, text)


def check_claims(text: str, published: date | None) -> None:
    """``scan_claims`` (numbers, dates and units together) gives spans that index the text."""
    from newsfuse.facts.extract import scan_claims

    when = None if published is None else datetime(published.year, published.month, published.day)
    article = Article(
        id="a", text=text, published=None if when is None else when.replace(tzinfo=UTC)
    )
    claims = scan_claims(article)
    check_spans(text, claims)
    for claim in claims:
        assert claim.article_id == "a"
        if isinstance(claim.value, float):
            assert not math.isnan(claim.value), claim


# ---------------------------------------------------------------- bytes in, for atheris


def _text_of(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _pick(data: bytes, choices: Sequence[object]) -> object:
    return choices[data[0] % len(choices)] if data else choices[0]


def _from_bytes_readers(data: bytes) -> None:
    check_readers(data[1:], str(_pick(data, READER_SUFFIXES)))


def _from_bytes_records(data: bytes) -> None:
    import json

    records: list[object] = []
    for line in _text_of(data).split("\n"):
        try:
            records.append(json.loads(line))
        except (ValueError, RecursionError):
            continue
    check_records(records)


def _from_bytes_dates(data: bytes) -> None:
    published = _pick(data, EDGE_DAYS)
    check_dates(_text_of(data[1:]), published if isinstance(published, date) else None)


def _from_bytes_claims(data: bytes) -> None:
    published = _pick(data, EDGE_DAYS)
    check_claims(_text_of(data[1:]), published if isinstance(published, date) else None)


BYTE_TARGETS: dict[str, Callable[[bytes], None]] = {
    "decode": check_decode,
    "html": lambda data: check_html(_text_of(data)),
    "read_text": lambda data: check_read_text(_text_of(data)),
    "readers": _from_bytes_readers,
    "records": _from_bytes_records,
    "clean": lambda data: check_clean(_text_of(data)),
    "segment": lambda data: check_segment(_text_of(data)),
    "numbers": lambda data: check_numbers(_text_of(data[1:]), bool(data[:1] == b"\x01")),
    "dates": _from_bytes_dates,
    "units": lambda data: check_units(_text_of(data)),
    "claims": _from_bytes_claims,
}
