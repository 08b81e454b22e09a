"""Bounded work per input: pathological HTML is measured before parsing and skipped
with a one-line reason; libraries' log lines go through newsfuse's logging."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, subprocess_env
from newsfuse.errors import InputError
from newsfuse.pipeline import read_report
from newsfuse.reading.html import extract_html
from newsfuse.reading.limits import ReadingLimits, check_html_limits, measure_html

ARTICLE = (
    "<p>The Dunvale ferry resumed its crossings on Monday after a week of repairs, "
    "the operator said. Forty passengers took the first sailing.</p>"
)


def page(body: str) -> str:
    return f"<!doctype html><html><head><title>Ferry</title></head><body>{body}</body></html>"


def nested(tag: str, depth: int, *, closed: bool = True) -> str:
    return f"<{tag}>" * depth + ARTICLE + (f"</{tag}>" * depth if closed else "")


@pytest.mark.parametrize(
    "body",
    [
        nested("div", 50_000),  # the page: 550 KB, 14 s and 600 MB before
        nested("div", 50_000, closed=False),  # never closed
        nested("b", 20_000),  # inline formatting elements
        nested("table", 5_000),  # tables in tables
        "<div class='x' data-a='1'>" * 3_000 + ARTICLE,  # with attributes
    ],
    ids=["divs", "unclosed-divs", "inline", "tables", "attributes"],
)
def test_deeply_nested_pages_are_skipped_quickly_with_the_reason(tmp_path: Path, body: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(page(body), encoding="utf-8")
    started = time.monotonic()
    report = read_report([path])
    elapsed = time.monotonic() - started
    assert not report.articles
    [skipped] = report.skipped
    assert "too deeply nested" in str(skipped) and "\n" not in str(skipped)
    assert elapsed < 5, elapsed


def test_a_page_with_too_many_elements_is_skipped() -> None:
    flat = page("<span>word</span> " * 1_000 + ARTICLE)
    with pytest.raises(InputError, match="too many elements"):
        check_html_limits(flat, "flat.html", ReadingLimits(max_elements=500))


def test_a_page_over_the_size_limit_is_skipped_before_parsing() -> None:
    with pytest.raises(InputError, match="too large"):
        extract_html(page(ARTICLE * 100), "big.html", limits=ReadingLimits(max_html_chars=1000))


def test_a_deep_page_in_a_json_record_is_skipped_too(tmp_path: Path) -> None:
    record = {"id": "deep", "html": page(nested("div", 5_000)), "url": "https://x.example/1"}
    good = {"id": "good", "html": page(ARTICLE * 3), "url": "https://x.example/2"}
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    report = read_report([path])
    assert [a.id for a in report.articles] == ["good"]
    assert "too deeply nested" in str(report.skipped[0]) and ":1" in report.skipped[0].origin


def test_ordinary_markup_is_not_mistaken_for_depth() -> None:
    # Unclosed paragraphs and list items, void elements, self-closed tags, markup inside
    # scripts, comments and styles: flat as a browser builds them.
    body = (
        "<p>one<p>two<p>three" * 2_000
        + "<ul>"
        + "<li>item" * 2_000
        + "</ul>"
        + "<br><img src=x><hr><input>" * 2_000
        + "<div/>" * 2_000
        + "<script>var s = '" + "<div>" * 2_000 + "';</script>"
        + "<style>/* <div><div> */</style><!-- " + "<div>" * 2_000 + " -->"
        + "<textarea>" + "<div>" * 2_000 + "</textarea>"
    )  # fmt: skip
    shape = measure_html(page(body))
    assert shape.depth <= 5


def test_the_example_pages_are_well_within_the_limits() -> None:
    pages = sorted((REPO / "examples").rglob("*.html")) + sorted(
        (REPO / "tests" / "fixtures").rglob("*.html")
    )
    assert pages
    limits = ReadingLimits()
    for path in pages:
        shape = measure_html(path.read_text(encoding="utf-8", errors="replace"))
        assert shape.depth < limits.max_depth // 4 and shape.elements < limits.max_elements // 10


@pytest.mark.slow  # the brief loads the sentence models
def test_the_brief_command_skips_a_deep_page_and_briefs_the_rest(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(page(nested("div", 50_000)), encoding="utf-8")
    (tmp_path / "ferry.txt").write_text(
        "Dunvale ferry resumes crossings\n\n" + ARTICLE[3:-4] * 3, encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "newsfuse", "brief", str(tmp_path), "--no-facts"],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stderr
    assert "deep.html: HTML page is too deeply nested" in result.stderr
    assert "Dunvale" in result.stdout


LOG_PROBE = """
import logging, sys
from newsfuse.cli import configure_logging
configure_logging(getattr(logging, sys.argv[1]))
logging.getLogger("trafilatura.core").warning("discarding data: None")
logging.getLogger("urllib3.connectionpool").debug("Starting new HTTP connection")
logging.getLogger("newsfuse.probe").warning("our own warning")
"""


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("WARNING", ["newsfuse: WARNING: our own warning"]),
        (
            "INFO",
            [
                "newsfuse: INFO: trafilatura.core: discarding data: None",
                "newsfuse: WARNING: our own warning",
            ],
        ),
        (
            "DEBUG",
            [
                "newsfuse: INFO: trafilatura.core: discarding data: None",
                "newsfuse: DEBUG: urllib3.connectionpool: Starting new HTTP connection",
                "newsfuse: WARNING: our own warning",
            ],
        ),
    ],
)
def test_library_log_lines_follow_the_users_level_one_step_quieter(
    level: str, expected: list[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOG_PROBE, level],
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr.splitlines() == expected
