"""What the HTML parse limits cost on normal pages, and what they stop.

Normal pages: every Multi-News document of at least 500 characters, wrapped in a news
page of the usual shape (head with metadata and inline script and style, navigation,
an ``<article>`` of paragraphs, related links, footer; about 60 elements around the
document's paragraphs).
Each page is read with :func:`newsfuse.reading.html.extract_html` twice: in this
process without a time limit (``max_parse_seconds=0``, the pre-scan only) and in the
parsing child (:mod:`newsfuse.reading.worker`, the default), one after the other page
by page, so that the machine's load falls on both alike. It prints the wall time per
page of each (median, p95, min), their ratio, and whether the extracted pages are
identical.

Pathological pages: a page just under the element limit (slow to parse) with a short
time limit, and a large flat page with a small memory limit; each should be skipped
with its one-line reason, in about the time limit.

    python benchmarks/reading_limits.py [DATA] [--pages N] [--repeat R]

Results are in ``docs/reading-limits.md``.
"""

from __future__ import annotations

import argparse
import html as markup
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfuse.errors import InputError  # noqa: E402
from newsfuse.pipeline import read_report  # noqa: E402
from newsfuse.reading.html import ExtractedPage, extract_html  # noqa: E402
from newsfuse.reading.limits import PARSE_SECONDS_VARIABLE, ReadingLimits  # noqa: E402
from newsfuse.reading.worker import shared_worker  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# Documents shorter than this are captions and stubs, not pages someone would read.
MIN_DOCUMENT_CHARS = 500
IN_PROCESS = ReadingLimits(max_parse_seconds=0)
IN_CHILD = ReadingLimits()

# Invented chrome around each document: the parts a real news page carries.
HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Ardley Gazette</title>
<meta property="og:site_name" content="The Ardley Gazette">
<meta property="article:published_time" content="2026-0{month}-1{day}T08:30:00Z">
<meta name="author" content="Nell Rask"><link rel="canonical" href="https://gazette.example/{n}">
<style>body{{font:16px serif}} nav a{{margin:0 4px}} .related li{{list-style:none}}</style>
<script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script></head><body>
<header><div class="brand"><a href="/">The Ardley Gazette</a></div><nav>{nav}</nav></header>
<main><article><h1>{title}</h1><p class="byline">By Nell Rask</p>"""
TAIL = """</article><aside class="related"><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright 2026 The Ardley Gazette. All rights reserved.</p>
<ul>{footer}</ul></footer><script>track({{page:{n}}})</script></body></html>"""


def make_page(document: str, n: int) -> str:
    """A news page around ``document``'s paragraphs (invented chrome)."""
    paragraphs = [p.strip() for p in document.split("\n") if p.strip()]
    title = markup.escape(paragraphs[0][:80])
    nav = "".join(f'<a href="/s/{i}">Section {i}</a>' for i in range(12))
    related = "".join(f'<li><a href="/r/{n}-{i}">Related report {i}</a></li>' for i in range(8))
    footer = "".join(f'<li><a href="/f/{i}">Footer link {i}</a></li>' for i in range(20))
    body = "".join(f"<p>{markup.escape(p)}</p>" for p in paragraphs)
    return (
        HEAD.format(title=title, month=1 + n % 9, day=n % 10, n=n, nav=nav)
        + body
        + TAIL.format(related=related, footer=footer, n=n)
    )


def load_pages(path: Path, limit: int) -> list[str]:
    """Pages made from the first ``limit`` long enough documents of a Multi-News file."""
    pages: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for document in json.loads(line)["documents"]:
            if len(document) >= MIN_DOCUMENT_CHARS:
                pages.append(make_page(document, len(pages)))
            if len(pages) >= limit:
                return pages
    return pages


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and the parsing child (if started)."""
    used = time.process_time()
    child = shared_worker(IN_CHILD.max_parse_memory_mb)._process
    if child is not None and child.poll() is None:
        times = psutil.Process(child.pid).cpu_times()
        used += times.user + times.system
    return used


def read(
    page: str, number: int, limits: ReadingLimits, cpu: list[float]
) -> tuple[float, ExtractedPage | str]:
    """Seconds to read one page, and the page (or its skip reason); adds its CPU to ``cpu``."""
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    try:
        result: ExtractedPage | str = extract_html(page, f"page-{number}.html", limits=limits)
    except InputError as error:
        result = error.reason
    elapsed = time.perf_counter() - started
    cpu.append(cpu_seconds() - cpu_before)
    return elapsed, result


def read_stage(folder: Path, rounds: int) -> tuple[float, float]:
    """Median seconds of :func:`newsfuse.pipeline.read_report` (read and clean) over the
    page files in ``folder``, with the parse in this process and in the child."""
    here: list[float] = []
    child: list[float] = []
    read_report([folder])  # the cleaner's first call loads its tables
    for _ in range(rounds):
        for seconds_setting, times in (("0", here), ("", child)):
            os.environ[PARSE_SECONDS_VARIABLE] = seconds_setting
            started = time.perf_counter()
            read_report([folder])
            times.append(time.perf_counter() - started)
    del os.environ[PARSE_SECONDS_VARIABLE]
    return statistics.median(here), statistics.median(child)


def pathological() -> list[tuple[str, str, float]]:
    """(case, outcome, seconds) for pages that must be skipped by the parse limits."""
    prose = "<p>" + "The ferry crossing resumed after repairs, the operator said. " * 20
    slow = "<html><body>" + "<div><span>word</span></div>" * 24_000 + prose + "</p></body></html>"
    large = "<html><body>" + prose * 3_900 + "</p></body></html>"
    cases = [
        ("48,000 elements, 2 s limit", slow, ReadingLimits(max_parse_seconds=2)),
        (f"{len(large) / 1e6:.1f} MB flat page, 100 MB memory", large,
         ReadingLimits(max_parse_memory_mb=100)),
    ]  # fmt: skip
    outcomes = []
    for case, page, limits in cases:
        started = time.perf_counter()
        try:
            extract_html(page, "page.html", limits=limits)
            outcome = "read (not skipped)"
        except InputError as error:
            outcome = error.reason
        outcomes.append((case, outcome, time.perf_counter() - started))
    return outcomes


def main() -> int:
    """Time normal pages both ways, then the pathological ones; print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = load_pages(args.data, args.pages)
    sizes = sorted(len(page) for page in pages)
    print(f"{len(pages)} pages, median {sizes[len(sizes) // 2] / 1000:.0f} K characters")
    # Both paths warm: trafilatura imported here, the child started and warmed.
    cpu_here: list[float] = []
    cpu_child: list[float] = []
    for number, page in enumerate(pages[:5]):
        read(page, number, IN_PROCESS, [])
        read(page, number, IN_CHILD, [])
    here: list[float] = []
    child: list[float] = []
    same = True
    # Page by page, each way in turn: a burst of load from other processes hits both.
    for _ in range(args.repeat):
        for number, page in enumerate(pages):
            seconds, expected = read(page, number, IN_PROCESS, cpu_here)
            here.append(seconds)
            seconds, found = read(page, number, IN_CHILD, cpu_child)
            child.append(seconds)
            same = same and found == expected
    print("\n| where | wall s | CPU s (both processes) | ms per page: median | p95 | min |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, times, cpu in (
        ("this process (max_parse_seconds=0)", here, cpu_here),
        ("parsing child", child, cpu_child),
    ):
        ordered = sorted(times)
        print(
            f"| {name} | {sum(times):.1f} | {sum(cpu):.1f} "
            f"| {1000 * statistics.median(times):.1f} "
            f"| {1000 * ordered[int(0.95 * len(ordered))]:.1f} | {1000 * ordered[0]:.2f} |"
        )
    ratios = [c / h for c, h in zip(child, here, strict=True)]
    print(
        f"\nchild / in-process, CPU: {sum(cpu_child) / sum(cpu_here):.2f}; "
        f"wall: {sum(child) / sum(here):.2f}; "
        f"median of per-page ratios: {statistics.median(ratios):.2f}; identical pages: {same}"
    )
    with tempfile.TemporaryDirectory() as temp:
        for number, page in enumerate(pages):
            (Path(temp) / f"page-{number:04d}.html").write_text(page, encoding="utf-8")
        here_s, child_s = read_stage(Path(temp), args.repeat)
    print("\n| read_report (read and clean) of the page files | seconds (median) | pages/s |")
    print("|---|---:|---:|")
    print(f"| parse in this process | {here_s:.2f} | {len(pages) / here_s:.0f} |")
    print(f"| parse in the child | {child_s:.2f} | {len(pages) / child_s:.0f} |")
    print(f"\nchild / in-process: {child_s / here_s:.2f}")
    print("\n| pathological page | outcome | seconds |")
    print("|---|---|---:|")
    for case, outcome, seconds in pathological():
        print(f"| {case} | {outcome} | {seconds:.1f} |")
    shared_worker(IN_CHILD.max_parse_memory_mb).close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
