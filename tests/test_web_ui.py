"""Browser tests of the web UI: headless Debian Chromium driven by Playwright, live server.

They check what a reader does: search the story list, hover or focus a
citation and see the supporting sentence highlighted in the source text, use
the keyboard only, and read the page at desktop and 390 px mobile widths.
Screenshots go to ``test-artifacts/screenshots/`` (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, REPO, LiveServer, load_records, start_server

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"Debian's chromium is not installed at {CHROMIUM}"
    ),
]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("ui-store") / "news.sqlite")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    yield tab
    context.close()
    assert errors == [], f"the page logged errors (CSP violations count): {errors}"


@pytest.fixture(scope="module")
def ferry_story(live: LiveServer) -> dict[str, Any]:
    """Ingest the invented ferry articles and return the three-source story's summary."""
    with httpx.Client(base_url=live.url, timeout=180) as http:
        answer = http.post("/api/articles", json={"articles": load_records()})
        assert answer.status_code == 200, answer.text
        stories = http.get("/api/stories", params={"q": "Varnholm"}).json()["stories"]
    story: dict[str, Any] = next(s for s in stories if s["article_count"] == 3)
    return story


def shoot(tab: Any, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 5_000, "the screenshot is not blank"
    return path


def active_marks(tab: Any) -> list[str]:
    texts: list[str] = tab.eval_on_selector_all(
        "mark.span.is-active", "marks => marks.map(m => m.textContent)"
    )
    return texts


def check_citation_highlight(tab: Any) -> None:
    """Hover then focus citations; the marked source span of each must light up."""
    citations = tab.locator("a.cite")
    assert citations.count() >= 1
    first = citations.first
    first.hover()
    mark = first.get_attribute("data-mark")
    highlighted = active_marks(tab)
    assert highlighted, "hovering a citation highlights its sentence"
    target = tab.eval_on_selector_all(
        "mark.span",
        f"ms => ms.filter(m => m.dataset.marks.split(' ').includes('{mark}'))"
        ".map(m => m.textContent).join('')",
    )
    assert "".join(highlighted) == target
    tab.mouse.move(0, 0)
    assert active_marks(tab) == [], "moving away clears the highlight"
    last = citations.last
    last.focus()
    assert active_marks(tab), "focusing a citation (keyboard) highlights too"
    assert tab.evaluate("document.activeElement.classList.contains('cite')")


def test_skip_link_is_first_and_moves_focus_to_main(live: LiveServer, page: Any) -> None:
    page.goto(live.url + "/new")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    landmarks = page.eval_on_selector_all("header, nav, main, footer", "els => els.length")
    assert landmarks >= 4


def test_new_form_is_labelled_and_grows_by_keyboard(live: LiveServer, page: Any) -> None:
    page.goto(live.url + "/new")
    unlabelled = page.eval_on_selector_all(
        "input:not([type=hidden]), textarea",
        "els => els.filter(e => !e.labels || e.labels.length === 0).map(e => e.name)",
    )
    assert unlabelled == []
    page.focus("#add-article")
    page.keyboard.press("Enter")
    assert page.locator("fieldset.article-fields").count() == 3
    assert page.evaluate("document.activeElement.id") == "title-3"
    assert page.locator("label[for=text-3]").count() == 1
    shoot(page, "new-desktop")


def test_story_list_mobile_and_empty_search(live: LiveServer, browser: Any) -> None:
    context = browser.new_context(viewport=MOBILE)
    tab = context.new_page()
    tab.goto(live.url + "/?q=zzzz-nothing-matches")
    assert "No story matches" in tab.inner_text("main")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], "no sideways scrolling at 390 px"
    shoot(tab, "list-empty-mobile")
    context.close()


def test_new_brief_highlights_citations(live: LiveServer, page: Any) -> None:
    records = load_records()[:3]
    page.goto(live.url + "/new")
    page.click("#add-article")
    for number, record in enumerate(records, start=1):
        page.fill(f"#title-{number}", record["title"])
        page.fill(f"#source-{number}", record["source"])
        page.fill(f"#url-{number}", record["url"])
        page.fill(f"#text-{number}", record["text"])
    page.fill("#budget", "80")
    page.set_default_timeout(150_000)  # the first brief loads the embedding model
    page.click("button[type=submit]")
    page.wait_for_selector("#brief-heading")
    check_citation_highlight(page)
    shoot(page, "new-result-desktop")


def test_story_page_desktop(live: LiveServer, page: Any, ferry_story: dict[str, Any]) -> None:
    page.goto(live.url + "/")
    page.fill("#q", "Varnholm")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=Varnholm**")
    page.get_by_role("link", name=ferry_story["title"]).click()
    page.wait_for_selector("#brief-heading")
    check_citation_highlight(page)
    statuses = page.eval_on_selector_all(".fact-table .badge", "bs => bs.map(b => b.textContent)")
    assert statuses, "the fact table shows verdicts as text"
    for outlet in ("Harbour Daily", "Northern Ledger", "Coastline Radio"):
        assert outlet in page.inner_text(".sources")
    page.locator("a.cite").first.hover()
    shoot(page, "story-desktop", full_page=False)
    shoot(page, "story-desktop-full")


def test_story_page_mobile_by_keyboard(
    live: LiveServer, browser: Any, ferry_story: dict[str, Any]
) -> None:
    context = browser.new_context(viewport=MOBILE)
    tab = context.new_page()
    tab.goto(f"{live.url}/stories/{ferry_story['id']}")
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= MOBILE["width"], "no sideways scrolling at 390 px"
    for _ in range(40):  # Tab through the page until a citation has focus
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation is reachable with the Tab key")
    assert active_marks(tab)
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focused citations show a focus ring"
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash").startswith("#s")
    shoot(tab, "story-mobile")
    context.close()
