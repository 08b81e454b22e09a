"""The batch pipeline's entry points; here ``read_text``, a string in and an Article out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.pipeline import read, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "cli"

PAGE = """<!doctype html>
<html><head><title>Ferry lands at Orlen quay | Lantern Post</title></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Ferry lands at Orlen quay</h1>
<p>The ferry Morrow Gull docked at Orlen quay on Friday after a four-hour delay, the port
authority said.</p>
<p>All 212 passengers left the ship unhurt, and the crew reported a fault in one engine.</p>
</article></body></html>"""


def test_plain_text_reads_as_the_same_file_would() -> None:
    path = FIXTURES / "harbour-gazette.txt"
    from_text = read_text(path.read_text(encoding="utf-8"), id="harbour-gazette")
    from_file = read([path])[0]
    assert (from_text.id, from_text.title, from_text.text) == (
        from_file.id,
        from_file.title,
        from_file.text,
    )
    assert from_text.removed == from_file.removed
    assert from_text.origin == "<text>"


def test_html_is_detected_and_reduced_to_its_main_text() -> None:
    article = read_text(PAGE, source="Lantern Post")
    assert "Morrow Gull docked at Orlen quay" in article.text
    assert "Home | World" not in article.text
    assert "<p>" not in article.text
    assert article.source == "Lantern Post"
    assert article.id == "text"


def test_html_false_reads_markup_as_text() -> None:
    article = read_text(
        "<p>A quay in Orlen reopened on Friday after repairs to its wall.</p>", html=False
    )
    assert "<p>" in article.text


def test_fields_given_are_kept_and_dates_are_parsed() -> None:
    article = read_text(
        "The Orlen quay reopened on Friday after two weeks of repairs to its sea wall.",
        title="Quay reopens",
        url="https://lantern.example/quay",
        published="2026-03-05T10:00:00Z",
    )
    assert article.title == "Quay reopens"
    assert article.url == "https://lantern.example/quay"
    assert article.published == datetime(2026, 3, 5, 10, tzinfo=UTC)


@pytest.mark.parametrize("content", ["", "   \n\t"])
def test_empty_content_raises_input_error_with_a_reason(content: str) -> None:
    with pytest.raises(InputError, match="empty"):
        read_text(content)


def test_a_page_without_visible_text_raises_input_error() -> None:
    with pytest.raises(InputError, match="no visible text"):
        read_text("<html><head><script>var x = 1;</script></head><body></body></html>")


def test_a_non_article_raises_unless_kept() -> None:
    wall = (
        "We value your privacy\n\n"
        "We and our partners use cookies to store and access information on your device. "
        "Click Accept all to consent, or Manage preferences to choose.\n\n"
        "Accept all\n\nManage preferences"
    )
    with pytest.raises(InputError, match="not an article"):
        read_text(wall)
    kept = read_text(wall, keep_non_articles=True)
    assert kept.non_article


def test_content_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        read_text(b"bytes are not text")  # type: ignore[arg-type]
