"""Parse time and memory are bounded: HTML is parsed in a child process that is killed
past the time limit, and a page over the memory limit is skipped; either way with a
one-line reason, and the next page is read as usual."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from conftest import REPO, run_python
from newsfuse.errors import ConfigError, InputError
from newsfuse.pipeline import read_report
from newsfuse.reading.html import extract_html, parse_page
from newsfuse.reading.limits import ReadingLimits, limits_setting
from newsfuse.reading.worker import shared_worker

EXAMPLE = REPO / "examples" / "harbour-fire" / "westreach-broadcasting.html"
PROSE = "<p>" + "The Dunvale ferry resumed its crossings after a week of repairs. " * 20 + "</p>"
# About 40,000 elements: well under the element limit, yet seconds of parsing.
SLOW_PAGE = "<html><body>" + "<div><span>word</span></div>" * 20_000 + PROSE + "</body></html>"
# 4.8 MB of flat paragraphs: the parse peaks near 140 MB resident.
LARGE_PAGE = "<html><body>" + PROSE * 3_700 + "</body></html>"


def test_the_child_reads_a_page_exactly_as_this_process_does() -> None:
    html = EXAMPLE.read_text(encoding="utf-8")
    in_child = extract_html(html, "page.html", limits=ReadingLimits())
    assert in_child == parse_page(html, "page.html")
    assert in_child.published is not None and in_child.text


def test_a_page_slower_than_the_limit_is_skipped_and_the_next_is_read() -> None:
    limits = ReadingLimits(max_parse_seconds=1)
    extract_html(EXAMPLE.read_text(encoding="utf-8"), "warm.html", limits=limits)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        extract_html(SLOW_PAGE, "slow.html", limits=limits)
    assert caught.value.reason == "HTML page took longer than 1 s to parse; skipped"
    assert time.monotonic() - started < 30  # the parse alone takes seconds more, unbounded
    assert extract_html(EXAMPLE.read_text(encoding="utf-8"), "next.html", limits=limits).text


def test_a_page_over_the_memory_limit_is_skipped_and_the_next_is_read() -> None:
    limits = ReadingLimits(max_parse_memory_mb=100)
    with pytest.raises(InputError, match="needed more than 100 MB to parse; skipped"):
        extract_html(LARGE_PAGE, "large.html", limits=limits)
    assert extract_html(EXAMPLE.read_text(encoding="utf-8"), "next.html", limits=limits).text


def test_a_killed_idle_child_is_replaced_without_blaming_the_next_page() -> None:
    limits = ReadingLimits(max_parse_memory_mb=999)
    html = EXAMPLE.read_text(encoding="utf-8")
    extract_html(html, "first.html", limits=limits)
    worker = shared_worker(999)
    process = worker._process
    assert process is not None
    process.kill()
    process.wait()
    assert extract_html(html, "second.html", limits=limits).text
    assert worker._process is not None and worker._process.pid != process.pid


def test_a_page_without_text_keeps_its_reason_through_the_child() -> None:
    with pytest.raises(InputError) as caught:
        extract_html("<html><body><p></p></body></html>", "empty.html")
    assert str(caught.value) == "empty.html: HTML page has no visible text; nothing to read"


def test_library_log_records_of_the_child_are_logged_here(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CLI test earlier in the run may have routed the library's logger elsewhere.
    library = logging.getLogger("trafilatura")
    monkeypatch.setattr(library, "handlers", [])
    monkeypatch.setattr(library, "propagate", True)
    with (
        caplog.at_level(logging.DEBUG),
        caplog.at_level(logging.DEBUG, logger="trafilatura"),
        pytest.raises(InputError),
    ):
        extract_html("<html><body><p></p></body></html>", "empty.html")
    assert any(r.name.startswith("trafilatura") for r in caplog.records)


def test_the_limits_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFUSE_PARSE_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSFUSE_PARSE_MEMORY_MB", "0")
    limits = limits_setting()
    assert (limits.max_parse_seconds, limits.max_parse_memory_mb) == (2.5, 0)
    monkeypatch.setenv("NEWSFUSE_PARSE_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match=r"^NEWSFUSE_PARSE_TIMEOUT: expected a number of seconds"):
        limits_setting()
    monkeypatch.setenv("NEWSFUSE_PARSE_TIMEOUT", "-1")
    with pytest.raises(ConfigError, match=r"^NEWSFUSE_PARSE_TIMEOUT: expected 0 or more seconds"):
        limits_setting()
    monkeypatch.setenv("NEWSFUSE_PARSE_TIMEOUT", "1")
    monkeypatch.setenv("NEWSFUSE_PARSE_MEMORY_MB", "1.5")
    with pytest.raises(
        ConfigError, match=r"^NEWSFUSE_PARSE_MEMORY_MB: expected a whole number of MB"
    ):
        limits_setting()


def test_an_ingest_skips_the_slow_page_and_keeps_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFUSE_PARSE_TIMEOUT", "1")
    (tmp_path / "a-slow.html").write_text(SLOW_PAGE, encoding="utf-8")
    (tmp_path / "b-ferry.html").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    report = read_report([tmp_path])
    assert [Path(a.origin).name for a in report.articles] == ["b-ferry.html"]
    [skipped] = report.skipped
    assert str(skipped).endswith("a-slow.html: HTML page took longer than 1 s to parse; skipped")


def test_the_first_html_page_does_not_load_dateparser() -> None:
    # htmldate's free-text date search loads dateparser's ~200 locales: 5 s on a first page.
    probe = (
        "import sys; from newsfuse.reading.html import parse_page; "
        "page = parse_page(open(sys.argv[1], encoding='utf-8').read(), 'page.html'); "
        "print(page.published is not None, 'dateparser' in sys.modules)"
    )
    done = run_python(probe, str(EXAMPLE), timeout=120)
    assert done.stdout.split() == ["True", "False"], done.stderr


def test_a_large_parent_does_not_count_against_the_childs_memory_limit() -> None:
    # ru_maxrss after exec keeps the forked parent's peak: a server holding its models
    # (hundreds of MB) must not make every page "need more" than the limit.
    probe = (
        "import sys; ballast = b'x' * (400 * 1024 * 1024); "
        "from newsfuse.reading.html import extract_html; "
        "from newsfuse.reading.limits import ReadingLimits; "
        "page = extract_html(open(sys.argv[1], encoding='utf-8').read(), 'page.html', "
        "limits=ReadingLimits(max_parse_memory_mb=200)); print(bool(page.text))"
    )
    done = run_python(probe, str(EXAMPLE), timeout=120)
    assert done.stdout.strip() == "True", done.stderr
