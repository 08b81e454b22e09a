"""The "New brief" page with a big request, in headless Chromium against a live server:
the form sends the browser to the job's page, which polls the job and shows the brief."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, load_records
from newsfuse.corpus.jobs import JobSettings
from test_jobs import serve
from test_web_ui import DESKTOP, shoot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"Debian's chromium is not installed at {CHROMIUM}"
    ),
]

TOKEN = "ui-job-token"


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # One article answers at once; two or more become a job.
    settings = JobSettings(sync_max_articles=1)
    url, server = serve(tmp_path_factory.mktemp("ui-jobs") / "news.db", settings, token=TOKEN)
    yield url
    server.should_exit = True


@pytest.fixture(scope="module")
def tab() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )
        yield page
        context.close()
        chromium.close()
        assert errors == [], f"the page logged errors (CSP violations count): {errors}"


def test_a_big_brief_from_the_form_shows_its_progress_then_the_brief(
    live_url: str, tab: Any
) -> None:
    records = load_records()[:2]
    polls: list[str] = []
    tab.on("request", lambda r: polls.append(r.url) if "/api/jobs/" in r.url else None)
    tab.goto(live_url + "/new")
    for number, record in enumerate(records, start=1):
        tab.fill(f"#title-{number}", record["title"])
        tab.fill(f"#source-{number}", record["source"])
        # Many editions of the text keep the job busy long enough to watch on a fast CPU;
        # each edition's sentences differ, so none is dropped as a copy.
        editions = [record["text"].replace(". ", f" in edition {copy}. ") for copy in range(12)]
        tab.fill(f"#text-{number}", "\n\n".join(editions))
    tab.fill("#token", TOKEN)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/jobs/*")
    job_url = tab.url
    assert tab.locator("h1").inner_text() == "Writing your brief"
    assert tab.locator("progress#job-progress").count() == 1
    assert tab.locator("#job-status[role=status][aria-live=polite]").count() == 1
    shoot(tab, "job-progress")
    tab.wait_for_selector("h1:text-is('Your brief')", timeout=180_000)
    assert tab.url == job_url, "the brief is shown at the job's own address"
    assert polls, "the page followed the job by polling its URL"
    assert all(p.startswith(live_url + "/api/jobs/") for p in polls)
    assert tab.locator("a.cite").count() >= 1
    assert tab.locator("mark.span").count() >= 1, "the sources show the cited spans"
    shoot(tab, "job-result")


def test_the_job_page_needs_the_token_cookie(live_url: str, tab: Any) -> None:
    tab.goto(live_url + "/new")
    tab.fill("#text-1", load_records()[0]["text"])
    tab.fill("#text-2", load_records()[1]["text"])
    tab.fill("#token", TOKEN)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/jobs/*")
    cookie = {c["name"]: c for c in tab.context.cookies()}["newsfuse_token"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    stranger = tab.context.browser.new_context()
    try:
        answer = stranger.new_page().goto(tab.url)
        assert answer is not None and answer.status == 404, "no cookie, no job"
    finally:
        stranger.close()
